import type { NotificationKind } from '@affluents/contracts';
import type { NotificationDraft } from './notifications.service';

// When one message gives a member several reasons to be notified, the strongest one wins.
const STRENGTH: Record<NotificationKind, number> = {
  mention: 6,
  comment_mention: 6,
  fiche_mention: 6,
  group_mention: 5,
  reply: 4,
  poll_closed: 3,
  poll_opened: 3,
  followed_thread: 1,
  // Causes of their own: never weighed against another kind for the same recipient.
  fiche_comment: 2,
  meeting_date_poll: 2,
  meeting_planned: 2,
  meeting_moved: 2,
  meeting_cancelled: 2,
  meeting_guest_invited: 2,
  minutes_review: 2,
  minutes_published: 2,
  fiche_review: 2,
  fiche_published: 2,
  action_assigned: 2,
  action_due: 2,
  poll_closing: 2,
};

/** The strongest reason per recipient. */
export class Reasons {
  private readonly byUser = new Map<string, NotificationKind>();
  add(userIds: Iterable<string | null>, kind: NotificationKind): void {
    for (const userId of userIds) {
      if (!userId) continue;
      const current = this.byUser.get(userId);
      if (!current || STRENGTH[kind] > STRENGTH[current]) this.byUser.set(userId, kind);
    }
  }
  drop(userIds: Iterable<string>, keep: (kind: NotificationKind) => boolean = () => false): void {
    for (const userId of userIds) {
      const kind = this.byUser.get(userId);
      if (kind && !keep(kind)) this.byUser.delete(userId);
    }
  }
  get users(): string[] {
    return [...this.byUser.keys()];
  }
  kindOf(userId: string): NotificationKind | undefined {
    return this.byUser.get(userId);
  }
}

/** One draft per recipient of `reasons` who is in `allowed`, with their reason as its kind. */
export function draftsFor(
  reasons: Reasons,
  allowed: Set<string>,
  common: Omit<NotificationDraft, 'userId' | 'kind'>,
): NotificationDraft[] {
  const drafts: NotificationDraft[] = [];
  for (const userId of reasons.users) {
    const kind = reasons.kindOf(userId);
    if (kind && allowed.has(userId)) drafts.push({ ...common, userId, kind });
  }
  return drafts;
}
