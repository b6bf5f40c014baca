import type { NotificationKind } from '@affluents/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GroupCommit, type Outcome } from '../../common/group-commit';
import { NotificationAudience } from './notification-audience';
import { commentLink, excerptOf, ficheLink, messageLink, pollLink } from './notification-text';
import { type NotificationDraft, NotificationsService } from './notifications.service';
import type { Notifier } from './notifier';

/** How long notifications of new messages wait to be batched with later ones. */
const NOTIFY_LINGER_MS = 50;

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
};

/**
 * A followed thread rings the bell once until read: of several `followed_thread` drafts of one member in
 * one thread, the first (earliest message) stays, so the notification leads to the first unread message.
 * The database enforces the same across batches (one unread `followed_thread` per member and thread).
 */
function coalesceFollowedThreads(drafts: NotificationDraft[]): NotificationDraft[] {
  const seen = new Set<string>();
  return drafts.filter((d) => {
    if (d.kind !== 'followed_thread') return true;
    const key = `${d.userId}:${d.threadId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The strongest reason per recipient. */
class Reasons {
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

interface ThreadRow {
  threadId: string;
  groupId: string;
  title: string;
}

/**
 * Works out who hears about a message, a fiche comment or a poll, and hands the drafts to
 * NotificationsService. Recipients always pass the same `can()` policy as the routes; the author of the
 * cause is never notified; a muted thread only lets direct mentions through. Errors are logged, never
 * thrown: the cause is already committed and must not fail because of its notifications.
 */
@Injectable()
export class NotificationsNotifier implements Notifier {
  private readonly logger = new Logger('Notifier');
  // Messages posted together are notified together: one round of queries per batch, not per message.
  // Nobody waits on a bell: a batch lingers a little so that under load it carries many post batches.
  private readonly messageQueue = new GroupCommit<string, void>((ids) => this.notifyMessageBatch(ids), {
    lingerMs: NOTIFY_LINGER_MS,
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly audience: NotificationAudience,
    private readonly notifications: NotificationsService,
  ) {}

  async messagePosted(messageId: string): Promise<void> {
    await this.guard('messagePosted', () => this.messageQueue.push(messageId));
  }

  async commentPosted(event: { commentId: string; replyId: string | null }): Promise<void> {
    await this.guard('commentPosted', () => this.notifyComment(event.commentId, event.replyId));
  }

  async ficheTextMentioned(event: {
    ficheId: string;
    userIds: string[];
    actorId: string | null;
  }): Promise<void> {
    await this.guard('ficheTextMentioned', () => this.notifyFicheText(event));
  }

  async pollOpened(pollId: string): Promise<void> {
    await this.guard('pollOpened', () => this.notifyPoll(pollId, 'poll_opened'));
  }

  async pollClosed(pollId: string): Promise<void> {
    await this.guard('pollClosed', () => this.notifyPoll(pollId, 'poll_closed'));
  }

  /** A batch that fails as a whole is retried message by message, so one bad message fails alone. */
  private async notifyMessageBatch(ids: string[]): Promise<Array<Outcome<void>>> {
    try {
      await this.notifyMessages(ids);
      return ids.map(() => ({ ok: true, value: undefined }));
    } catch (batchError) {
      if (ids.length === 1) return [{ ok: false, error: batchError }];
      return Promise.all(
        ids.map(async (id): Promise<Outcome<void>> => {
          try {
            await this.notifyMessages([id]);
            return { ok: true, value: undefined };
          } catch (error) {
            return { ok: false, error };
          }
        }),
      );
    }
  }

  private async guard(what: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      this.logger.error(`${what} failed: ${(err as Error).message}`);
    }
  }

  /**
   * Notifications of a batch of messages with a fixed number of queries: the messages, their threads'
   * follows, the groups mentioned, the recipients' access, then one insert of every notification.
   */
  private async notifyMessages(messageIds: string[]): Promise<void> {
    const messages = (await this.dataSource.query(
      `SELECT m.id, m.thread_id AS "threadId", t.group_id AS "groupId", t.title, m.seq, m.author_id AS "authorId",
              a.display_name AS "authorName", m.body_text AS "bodyText", m.mentions,
              m.mentions_group AS "mentionsGroup", r.author_id AS "repliedToAuthorId"
         FROM messages m
         JOIN threads t ON t.id = m.thread_id
         JOIN users a ON a.id = m.author_id
         LEFT JOIN messages r ON r.id = m.reply_to_id AND r.deleted_at IS NULL
        WHERE m.id = ANY($1::uuid[]) AND m.deleted_at IS NULL AND m.hidden_at IS NULL
        ORDER BY m.thread_id, m.seq`,
      [messageIds],
    )) as Array<
      ThreadRow & {
        id: string;
        seq: number;
        authorId: string;
        authorName: string;
        bodyText: string;
        mentions: string[];
        mentionsGroup: boolean;
        repliedToAuthorId: string | null;
      }
    >;
    if (messages.length === 0) return;
    const follows = await this.followsOf(messages.map((m) => m.threadId));
    const mentionedGroups = messages.filter((m) => m.mentionsGroup).map((m) => m.groupId);
    const groupMembers = await this.membersOf(mentionedGroups);
    const reasonsOf = messages.map((m) => {
      const follow = follows.get(m.threadId) ?? { following: [], muted: [] };
      const reasons = new Reasons();
      reasons.add(follow.following, 'followed_thread');
      reasons.add([m.repliedToAuthorId], 'reply');
      if (m.mentionsGroup) reasons.add(groupMembers.get(m.groupId) ?? [], 'group_mention');
      reasons.add(m.mentions, 'mention');
      reasons.drop(follow.muted, (kind) => kind === 'mention');
      reasons.drop([m.authorId]);
      return reasons;
    });
    const viewers = await this.audience.threadsViewers(
      messages.map((m, i) => ({
        thread: { id: m.threadId, groupId: m.groupId },
        userIds: reasonsOf[i].users,
      })),
    );
    const drafts = messages.flatMap((m, i) =>
      this.draftsFor(reasonsOf[i], viewers.get(m.threadId) ?? new Set(), {
        actor: { id: m.authorId, displayName: m.authorName },
        groupId: m.groupId,
        threadId: m.threadId,
        messageId: m.id,
        link: messageLink(m.threadId, m.seq),
        title: m.title,
        excerpt: excerptOf(m.bodyText),
      }),
    );
    await this.notifications.deliver(coalesceFollowedThreads(drafts));
  }

  private async notifyComment(commentId: string, replyId: string | null): Promise<void> {
    const [c] = (await this.dataSource.query(
      replyId
        ? `SELECT c.fiche_id AS "ficheId", f.group_id AS "groupId", f.title, r.author_id AS "authorId",
                  a.display_name AS "authorName", r.body, r.mentions
             FROM fiche_comment_replies r
             JOIN fiche_comments c ON c.id = r.comment_id
             JOIN fiches f ON f.id = c.fiche_id
             JOIN users a ON a.id = r.author_id
            WHERE r.id = $2 AND c.id = $1`
        : `SELECT c.fiche_id AS "ficheId", f.group_id AS "groupId", f.title, c.author_id AS "authorId",
                  a.display_name AS "authorName", c.body, c.mentions
             FROM fiche_comments c
             JOIN fiches f ON f.id = c.fiche_id
             JOIN users a ON a.id = c.author_id
            WHERE c.id = $1`,
      replyId ? [commentId, replyId] : [commentId],
    )) as Array<{
      ficheId: string;
      groupId: string;
      title: string;
      authorId: string;
      authorName: string;
      body: string;
      mentions: string[];
    }>;
    if (!c) return;
    const reasons = new Reasons();
    reasons.add(c.mentions, 'comment_mention');
    reasons.drop([c.authorId]);
    // Comments are the group's working notes: only those who may comment the fiche hear about them.
    const allowed = await this.audience.allowedInGroup('fiche.comment', c.groupId, reasons.users);
    await this.deliverTo(reasons, allowed, {
      actor: { id: c.authorId, displayName: c.authorName },
      groupId: c.groupId,
      ficheId: c.ficheId,
      link: commentLink(c.ficheId, commentId),
      title: c.title,
      excerpt: excerptOf(c.body),
    });
  }

  private async notifyFicheText(event: {
    ficheId: string;
    userIds: string[];
    actorId: string | null;
  }): Promise<void> {
    const [f] = (await this.dataSource.query(
      `SELECT f.group_id AS "groupId", f.title, f.draft_text AS "text", a.display_name AS "actorName"
         FROM fiches f LEFT JOIN users a ON a.id = $2::uuid
        WHERE f.id = $1`,
      [event.ficheId, event.actorId],
    )) as Array<{ groupId: string; title: string; text: string | null; actorName: string | null }>;
    if (!f) return;
    const reasons = new Reasons();
    reasons.add(event.userIds, 'fiche_mention');
    if (event.actorId) reasons.drop([event.actorId]);
    // The draft text is the group's work in progress: only those who may comment the fiche hear of it.
    const allowed = await this.audience.allowedInGroup('fiche.comment', f.groupId, reasons.users);
    await this.deliverTo(reasons, allowed, {
      actor: event.actorId && f.actorName ? { id: event.actorId, displayName: f.actorName } : null,
      groupId: f.groupId,
      ficheId: event.ficheId,
      link: ficheLink(event.ficheId),
      title: f.title,
      excerpt: excerptOf(`Vous avez été mentionné·e dans le texte de la fiche « ${f.title} ».`),
    });
  }

  private async notifyPoll(pollId: string, kind: 'poll_opened' | 'poll_closed'): Promise<void> {
    const [p] = (await this.dataSource.query(
      `SELECT p.thread_id AS "threadId", t.group_id AS "groupId", t.title, p.question, p.author_id AS "authorId",
              a.display_name AS "authorName"
         FROM polls p JOIN threads t ON t.id = p.thread_id JOIN users a ON a.id = p.author_id
        WHERE p.id = $1`,
      [pollId],
    )) as Array<ThreadRow & { question: string; authorId: string; authorName: string }>;
    if (!p) return;
    const follows = await this.follows(p.threadId);
    const reasons = new Reasons();
    reasons.add(follows.following, kind);
    if (kind === 'poll_opened') {
      reasons.add(await this.groupMembers(p.groupId, { followingAllOnly: true }), kind);
      reasons.drop([p.authorId]);
    } else {
      const voters = (await this.dataSource.query(
        'SELECT user_id AS "userId" FROM poll_votes WHERE poll_id = $1',
        [pollId],
      )) as Array<{ userId: string }>;
      reasons.add(
        voters.map((v) => v.userId),
        kind,
      );
    }
    reasons.drop(follows.muted);
    await this.deliverTo(
      reasons,
      await this.audience.threadViewers({ id: p.threadId, groupId: p.groupId }, reasons.users),
      {
        // A poll closes at its deadline as often as by hand: only its opening has an actor.
        actor: kind === 'poll_opened' ? { id: p.authorId, displayName: p.authorName } : null,
        groupId: p.groupId,
        threadId: p.threadId,
        link: pollLink(p.threadId, pollId),
        title: p.title,
        excerpt: excerptOf(p.question),
      },
    );
  }

  private async deliverTo(
    reasons: Reasons,
    allowed: Set<string>,
    common: Omit<NotificationDraft, 'userId' | 'kind'>,
  ): Promise<void> {
    await this.notifications.deliver(this.draftsFor(reasons, allowed, common));
  }

  private draftsFor(
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

  /** Who follows and who muted the thread. */
  private async follows(threadId: string): Promise<{ following: string[]; muted: string[] }> {
    return (await this.followsOf([threadId])).get(threadId) ?? { following: [], muted: [] };
  }

  /** `follows` of several threads in one query: thread id -> followers and muters. */
  private async followsOf(
    threadIds: string[],
  ): Promise<Map<string, { following: string[]; muted: string[] }>> {
    const ids = [...new Set(threadIds)];
    const answer = new Map(ids.map((id) => [id, { following: [] as string[], muted: [] as string[] }]));
    const rows = (await this.dataSource.query(
      'SELECT thread_id AS "threadId", user_id AS "userId", level FROM thread_follows WHERE thread_id = ANY($1::uuid[])',
      [ids],
    )) as Array<{ threadId: string; userId: string; level: 'following' | 'muted' }>;
    for (const r of rows) answer.get(r.threadId)?.[r.level].push(r.userId);
    return answer;
  }

  /** Members of several groups in one query: group id -> member ids. */
  private async membersOf(groupIds: string[]): Promise<Map<string, string[]>> {
    const ids = [...new Set(groupIds)];
    const answer = new Map(ids.map((id) => [id, [] as string[]]));
    if (ids.length === 0) return answer;
    const rows = (await this.dataSource.query(
      'SELECT group_id AS "groupId", user_id AS "userId" FROM memberships WHERE group_id = ANY($1::uuid[])',
      [ids],
    )) as Array<{ groupId: string; userId: string }>;
    for (const r of rows) answer.get(r.groupId)?.push(r.userId);
    return answer;
  }

  /** Members of a group (optionally only those who follow all its new threads by default). */
  private async groupMembers(
    groupId: string,
    options: { followingAllOnly?: boolean } = {},
  ): Promise<string[]> {
    const rows = (await this.dataSource.query(
      options.followingAllOnly
        ? `SELECT m.user_id AS "userId" FROM memberships m
             JOIN group_member_settings s ON s.group_id = m.group_id AND s.user_id = m.user_id
            WHERE m.group_id = $1 AND s.follow_all_new_threads`
        : 'SELECT user_id AS "userId" FROM memberships WHERE group_id = $1',
      [groupId],
    )) as Array<{ userId: string }>;
    return rows.map((r) => r.userId);
  }
}
