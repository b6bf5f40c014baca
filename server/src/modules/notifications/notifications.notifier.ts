import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DomainEventBus } from '../../common/events/domain-event-bus';
import type {
  FicheTextMention,
  PollNotice,
  PostedComment,
  PostedMessage,
} from '../../common/events/domain-events';
import { GroupCommit, type Outcome } from '../../common/group-commit';
import { DiscussionAudience } from '../discussions/discussion-audience';
import { FichesService } from '../fiches/fiches.service';
import { GroupsService } from '../groups/groups.service';
import { NotificationAudience } from './notification-audience';
import { draftsFor, Reasons } from './notification-reasons';
import { commentLink, excerptOf, ficheLink, messageLink, pollLink } from './notification-text';
import { type NotificationDraft, NotificationsService } from './notifications.service';

/** How long notifications of new messages wait to be batched with later ones. */
const NOTIFY_LINGER_MS = 50;

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

/**
 * Works out who hears about a message, a fiche comment, a mention in a fiche's text or a poll, and hands
 * the drafts to NotificationsService. It listens to the domain events of those causes, which carry what
 * a notification says (title, author, text, mentions); who follows a thread and which messages are
 * deleted or hidden come from the discussions module (DiscussionAudience), a group's members from the
 * groups module (GroupsService.memberIds). Recipients always pass the same `can()` policy as the routes;
 * the author of the cause is never notified; a muted thread only lets direct mentions through. Errors are
 * logged, never thrown: the cause is already committed and must not fail because of its notifications.
 */
@Injectable()
export class NotificationsNotifier implements OnModuleInit {
  private readonly logger = new Logger('Notifier');
  // Messages posted together are notified together: one round of queries per batch, not per message.
  // Nobody waits on a bell: a batch lingers a little so that under load it carries many post batches.
  private readonly messageQueue = new GroupCommit<PostedMessage, void>(
    (messages) => this.notifyMessageBatch(messages),
    { lingerMs: NOTIFY_LINGER_MS },
  );

  constructor(
    private readonly events: DomainEventBus,
    private readonly discussions: DiscussionAudience,
    private readonly groups: GroupsService,
    private readonly audience: NotificationAudience,
    private readonly notifications: NotificationsService,
    private readonly fiches: FichesService,
  ) {}

  onModuleInit(): void {
    this.events.on('message.posted', (message) =>
      this.guard('message.posted', () => this.messageQueue.push(message)),
    );
    this.events.on('comment.posted', (comment) =>
      this.guard('comment.posted', () => this.notifyComment(comment)),
    );
    this.events.on('fiche-text.mentioned', (mention) =>
      this.guard('fiche-text.mentioned', () => this.notifyFicheText(mention)),
    );
    this.events.on('poll.opened', (poll) =>
      this.guard('poll.opened', () => this.notifyPoll(poll, 'poll_opened')),
    );
    this.events.on('poll.closed', (poll) =>
      this.guard('poll.closed', () => this.notifyPoll(poll, 'poll_closed', poll.voterIds)),
    );
    // A mention read in its thread is read: it leaves the bell and is not emailed later.
    this.events.on('thread.read', ({ userId, threadId, seq }) =>
      this.guard('thread.read', () => this.notifications.markThreadRead(userId, threadId, seq)),
    );
  }

  /** A batch that fails as a whole is retried message by message, so one bad message fails alone. */
  private async notifyMessageBatch(messages: PostedMessage[]): Promise<Array<Outcome<void>>> {
    try {
      await this.notifyMessages(messages);
      return messages.map(() => ({ ok: true, value: undefined }));
    } catch (batchError) {
      if (messages.length === 1) return [{ ok: false, error: batchError }];
      return Promise.all(
        messages.map(async (message): Promise<Outcome<void>> => {
          try {
            await this.notifyMessages([message]);
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
   * Notifications of a batch of messages with a fixed number of queries: the messages' and their replied
   * messages' states, their threads' follows, the groups mentioned, the recipients' access, then one
   * insert of every notification.
   */
  private async notifyMessages(batch: PostedMessage[]): Promise<void> {
    const states = await this.discussions.messageStates(
      batch.flatMap((m) => (m.replyTo ? [m.messageId, m.replyTo.messageId] : [m.messageId])),
    );
    const shown = (id: string) => {
      const state = states.get(id);
      return state !== undefined && !state.deleted && !state.hidden;
    };
    // Thread by thread, in sequence order: of several messages of one thread, the earliest leads the bell.
    // A message deleted or hidden before its notifications went out has none.
    const messages = batch
      .filter((m) => shown(m.messageId))
      .sort((a, b) => (a.threadId === b.threadId ? a.seq - b.seq : a.threadId < b.threadId ? -1 : 1));
    if (messages.length === 0) return;
    // The author of a deleted message hears nothing of replies to it.
    const repliedTo = (m: PostedMessage) =>
      m.replyTo && states.get(m.replyTo.messageId)?.deleted === false ? m.replyTo.authorId : null;
    const follows = await this.discussions.follows(messages.map((m) => m.threadId));
    const groupMembers = await this.groups.memberIds(
      messages.filter((m) => m.mentionsGroup).map((m) => m.groupId),
    );
    const reasonsOf = messages.map((m) => {
      const follow = follows.get(m.threadId) ?? { following: [], muted: [] };
      const reasons = new Reasons();
      reasons.add(follow.following, 'followed_thread');
      reasons.add([repliedTo(m)], 'reply');
      if (m.mentionsGroup) reasons.add(groupMembers.get(m.groupId) ?? [], 'group_mention');
      reasons.add(m.mentions, 'mention');
      reasons.drop(follow.muted, (kind) => kind === 'mention');
      reasons.drop([m.author.id]);
      return reasons;
    });
    const viewers = await this.audience.threadsViewers(
      messages.map((m, i) => ({
        thread: { id: m.threadId, groupId: m.groupId },
        userIds: reasonsOf[i].users,
      })),
    );
    const drafts = messages.flatMap((m, i) =>
      draftsFor(reasonsOf[i], viewers.get(m.threadId) ?? new Set(), {
        actor: m.author,
        groupId: m.groupId,
        threadId: m.threadId,
        messageId: m.messageId,
        link: messageLink(m.threadId, m.seq),
        title: m.threadTitle,
        excerpt: excerptOf(m.text),
      }),
    );
    await this.notifications.deliver(coalesceFollowedThreads(drafts));
  }

  private async notifyComment(c: PostedComment): Promise<void> {
    const reasons = new Reasons();
    // The fiche's authors and those who wrote in this comment's thread; a mention is the stronger reason.
    reasons.add([...(await this.fiches.authorIds(c.ficheId)), ...c.participantIds], 'fiche_comment');
    reasons.add(c.mentions, 'comment_mention');
    reasons.drop([c.author.id]);
    // Comments are the group's working notes: only those who may comment the fiche hear about them.
    const allowed = await this.audience.allowedInGroup('fiche.comment', c.groupId, reasons.users);
    await this.deliverTo(reasons, allowed, {
      actor: c.author,
      groupId: c.groupId,
      ficheId: c.ficheId,
      link: commentLink(c.ficheId, c.commentId),
      title: c.ficheTitle,
      excerpt: excerptOf(c.body),
    });
  }

  private async notifyFicheText(event: FicheTextMention): Promise<void> {
    const reasons = new Reasons();
    reasons.add(event.userIds, 'fiche_mention');
    if (event.actor) reasons.drop([event.actor.id]);
    // The draft text is the group's work in progress: only those who may comment the fiche hear of it.
    const allowed = await this.audience.allowedInGroup('fiche.comment', event.groupId, reasons.users);
    await this.deliverTo(reasons, allowed, {
      actor: event.actor,
      groupId: event.groupId,
      ficheId: event.ficheId,
      link: ficheLink(event.ficheId),
      title: event.ficheTitle,
      excerpt: excerptOf(`Vous avez été mentionné·e dans le texte de la fiche « ${event.ficheTitle} ».`),
    });
  }

  private async notifyPoll(
    p: PollNotice,
    kind: 'poll_opened' | 'poll_closed',
    voterIds: string[] = [],
  ): Promise<void> {
    const follows = (await this.discussions.follows([p.threadId])).get(p.threadId) ?? {
      following: [],
      muted: [],
    };
    const reasons = new Reasons();
    reasons.add(follows.following, kind);
    if (kind === 'poll_opened') {
      reasons.add(await this.discussions.newThreadFollowers(p.groupId), kind);
      reasons.drop([p.author.id]);
    } else {
      reasons.add(voterIds, kind);
    }
    reasons.drop(follows.muted);
    await this.deliverTo(
      reasons,
      await this.audience.threadViewers({ id: p.threadId, groupId: p.groupId }, reasons.users),
      {
        // A poll closes at its deadline as often as by hand: only its opening has an actor.
        actor: kind === 'poll_opened' ? p.author : null,
        groupId: p.groupId,
        threadId: p.threadId,
        link: pollLink(p.threadId, p.pollId),
        title: p.threadTitle,
        excerpt: excerptOf(p.question),
      },
    );
  }

  private async deliverTo(
    reasons: Reasons,
    allowed: Set<string>,
    common: Omit<NotificationDraft, 'userId' | 'kind'>,
  ): Promise<void> {
    await this.notifications.deliver(draftsFor(reasons, allowed, common));
  }
}
