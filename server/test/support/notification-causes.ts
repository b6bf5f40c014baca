import type { DataSource } from 'typeorm';
import type { DomainEventBus } from '../../src/common/events/domain-event-bus';

/**
 * The domain events of the causes of notifications, built from rows written with SQL the way their
 * owning modules build them (discussions, comments, fiche mentions, polls), and emitted on the bus.
 * Each call resolves once the listeners (the notifier) are done: notification tests exercise the
 * notifications module alone.
 */
export function notificationCauses(dataSource: DataSource, bus: DomainEventBus) {
  const q = <T>(sql: string, params: unknown[]) => dataSource.query(sql, params) as Promise<T[]>;
  const authorOf = async (userId: string) => {
    const [user] = await q<{ displayName: string }>(
      'SELECT display_name AS "displayName" FROM users WHERE id = $1',
      [userId],
    );
    return { id: userId, displayName: user.displayName };
  };
  const poll = async (pollId: string) => {
    const [p] = await q<{
      threadId: string;
      groupId: string;
      threadTitle: string;
      question: string;
      authorId: string;
    }>(
      `SELECT p.thread_id AS "threadId", t.group_id AS "groupId", t.title AS "threadTitle", p.question,
              p.author_id AS "authorId"
         FROM polls p JOIN threads t ON t.id = p.thread_id WHERE p.id = $1`,
      [pollId],
    );
    const { authorId, ...rest } = p;
    return { pollId, ...rest, author: await authorOf(authorId) };
  };

  return {
    /** `message.posted` of a stored message. */
    async messagePosted(messageId: string): Promise<void> {
      const [m] = await q<{
        threadId: string;
        groupId: string;
        threadTitle: string;
        seq: number;
        authorId: string;
        text: string;
        mentions: string[];
        mentionsGroup: boolean;
        replyToId: string | null;
        replyAuthorId: string | null;
      }>(
        `SELECT m.thread_id AS "threadId", t.group_id AS "groupId", t.title AS "threadTitle", m.seq,
                m.author_id AS "authorId", m.body_text AS text, m.mentions, m.mentions_group AS "mentionsGroup",
                r.id AS "replyToId", r.author_id AS "replyAuthorId"
           FROM messages m JOIN threads t ON t.id = m.thread_id
           LEFT JOIN messages r ON r.id = m.reply_to_id
          WHERE m.id = $1`,
        [messageId],
      );
      const { authorId, replyToId, replyAuthorId, ...rest } = m;
      await bus.emit('message.posted', {
        messageId,
        ...rest,
        author: await authorOf(authorId),
        replyTo: replyToId && replyAuthorId ? { messageId: replyToId, authorId: replyAuthorId } : null,
      });
    },

    /** `comment.posted` of a stored comment (`replyId` null) or reply. */
    async commentPosted({
      commentId,
      replyId,
    }: {
      commentId: string;
      replyId: string | null;
    }): Promise<void> {
      const [c] = await q<{
        ficheId: string;
        groupId: string;
        ficheTitle: string;
        authorId: string;
        body: string;
        mentions: string[];
      }>(
        `SELECT c.fiche_id AS "ficheId", f.group_id AS "groupId", f.title AS "ficheTitle",
                coalesce(r.author_id, c.author_id) AS "authorId", coalesce(r.body, c.body) AS body,
                coalesce(r.mentions, c.mentions) AS mentions
           FROM fiche_comments c JOIN fiches f ON f.id = c.fiche_id
           LEFT JOIN fiche_comment_replies r ON r.comment_id = c.id AND r.id = $2
          WHERE c.id = $1`,
        [commentId, replyId],
      );
      const { authorId, ...rest } = c;
      const participants = await q<{ id: string }>(
        `SELECT author_id AS id FROM fiche_comments WHERE id = $1
         UNION SELECT author_id FROM fiche_comment_replies WHERE comment_id = $1`,
        [commentId],
      );
      await bus.emit('comment.posted', {
        commentId,
        replyId,
        ...rest,
        author: await authorOf(authorId),
        participantIds: participants.map((p) => p.id),
      });
    },

    /** `fiche-text.mentioned` of members newly mentioned in a fiche's text by `actorId`. */
    async ficheTextMentioned(event: {
      ficheId: string;
      userIds: string[];
      actorId: string | null;
    }): Promise<void> {
      const [f] = await q<{ groupId: string; ficheTitle: string }>(
        'SELECT group_id AS "groupId", title AS "ficheTitle" FROM fiches WHERE id = $1',
        [event.ficheId],
      );
      await bus.emit('fiche-text.mentioned', {
        ficheId: event.ficheId,
        ...f,
        userIds: event.userIds,
        actor: event.actorId ? await authorOf(event.actorId) : null,
      });
    },

    /** `poll.opened` of a stored poll. */
    async pollOpened(pollId: string): Promise<void> {
      await bus.emit('poll.opened', await poll(pollId));
    },

    /** `poll.closed` of a stored poll, with its voters as stored. */
    async pollClosed(pollId: string): Promise<void> {
      const voters = await q<{ userId: string }>(
        'SELECT user_id AS "userId" FROM poll_votes WHERE poll_id = $1',
        [pollId],
      );
      await bus.emit('poll.closed', { ...(await poll(pollId)), voterIds: voters.map((v) => v.userId) });
    },
  };
}

/** What the notification tests report their causes through. */
export type NotificationCauses = ReturnType<typeof notificationCauses>;
