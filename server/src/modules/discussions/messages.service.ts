import { randomUUID } from 'node:crypto';
import {
  can,
  type JoinThreadResult,
  type LinkPreview,
  type ListMessagesQuery,
  type Message,
  type MessagePage,
  type MessageRevision,
  type Subject,
} from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { badRequest, conflict, forbidden, notFound } from '../../common/errors/app-error';
import { GroupCommit, type Outcome } from '../../common/group-commit';
import { DiscussionEvents } from './discussion-events';
import { LinkPreviews } from './link-previews';
import { MessageBatchWriter, type PostRequest } from './message-batch-writer';
import { messageText, type RenderedMessage, renderMessage } from './message-markdown';
import { selectMessage, selectMessages } from './message-rows';
import { assertOpen, type ResolvedThread, ThreadAccess } from './thread-access';

/** What is needed to post a message (the socket event, the REST route and a new thread's first message). */
export interface PostMessageInput {
  threadId: string;
  clientId?: string;
  body: string;
  replyToId?: string;
}

/** A body rendered and its links previewed, ready to store. */
export interface PreparedBody {
  rendered: RenderedMessage;
  previews: LinkPreview[];
}

/** Messages a replay may carry at most; the client pages the rest over HTTP. */
const REPLAY_LIMIT = 200;

const isUniqueViolation = (err: unknown, constraint: string) => {
  const e = err as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const code = e.code ?? e.driverError?.code;
  const name = e.constraint ?? e.driverError?.constraint;
  return code === '23505' && (name === undefined || name === constraint);
};

interface StoredRef {
  id: string;
  threadId: string;
  authorId: string;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  movedToId: string | null;
  body: string;
}

/**
 * Messages of a thread: posting with gapless per-thread sequence numbers and idempotent resends, edits
 * with revisions, soft deletion, reactions, moderation (hide, move), reading state and catching up.
 */
@Injectable()
export class MessagesService {
  // One batch at a time: two in flight (one reading while the other writes, their writes kept in order by
  // the writer) measured no faster on 2 cores, as they make more, smaller batches (docs/BENCHMARKS.md).
  private readonly postQueue = new GroupCommit<PostRequest, Message>((batch) => this.postBatch(batch), {
    maxRunning: 1,
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ThreadAccess,
    private readonly previews: LinkPreviews,
    private readonly events: DiscussionEvents,
    private readonly batchWriter: MessageBatchWriter,
  ) {}

  /**
   * Posts a message, or returns the stored one when this client id was already used in this thread.
   * Concurrent posts are written together (group commit); each caller still gets its own answer or error.
   */
  post(input: PostMessageInput, subject: Subject): Promise<Message> {
    return this.postQueue.push({ input: { ...input, clientId: input.clientId ?? randomUUID() }, subject });
  }

  /** Writes one batch of posts, then sends their live events; what the batch set aside is posted alone. */
  private async postBatch(requests: PostRequest[]): Promise<Array<Outcome<Message>>> {
    const { results, threads } = await this.batchWriter.write(requests);
    const posted = results.flatMap((r) => (r.kind === 'posted' ? [r] : []));
    if (posted.length > 0) this.events.messagesPosted(posted, threads);
    return Promise.all(
      results.map(async (result, i): Promise<Outcome<Message>> => {
        if (result.kind === 'posted' || result.kind === 'resent') return { ok: true, value: result.message };
        if (result.kind === 'failed') return { ok: false, error: result.error };
        try {
          return { ok: true, value: await this.postAlone(requests[i].input, requests[i].subject) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
  }

  /** The single path of a post (duplicates inside a batch, batches that could not be written whole). */
  private async postAlone(
    input: PostMessageInput & { clientId: string },
    subject: Subject,
  ): Promise<Message> {
    const clientId = input.clientId;
    const resent = await this.findResend(subject, clientId, input.threadId);
    if (resent) return resent;
    const resolved = await this.access.assert(input.threadId, subject, 'message.post');
    assertOpen(resolved, subject);
    const prepared = await this.prepare(resolved.thread.groupId, input.body, subject);
    let id: string;
    try {
      id = await this.dataSource.transaction((manager) =>
        this.insert(manager, resolved, { ...input, clientId }, prepared, subject),
      );
    } catch (err) {
      // Two sends with the same client id raced: the loser's transaction rolled back, the winner's stands.
      if (!isUniqueViolation(err, 'messages_author_id_client_id_key')) throw err;
      const winner = await this.findResend(subject, clientId, input.threadId);
      if (!winner) throw err;
      return winner;
    }
    const message = await this.load(id);
    await this.events.messagePosted(message, prepared.rendered.bodyText);
    return message;
  }

  /**
   * Inserts a message inside the caller's transaction: bumps the thread's sequence and change counter
   * (the row lock orders concurrent posts), follows the thread for the author and the mentioned members
   * and moves the author's read position past their own message.
   */
  async insert(
    manager: EntityManager,
    resolved: ResolvedThread,
    input: PostMessageInput & { clientId: string },
    prepared: PreparedBody,
    subject: Subject,
  ): Promise<string> {
    const threadId = resolved.thread.id;
    if (input.replyToId) {
      const [target] = await manager.query('SELECT 1 FROM messages WHERE id = $1 AND thread_id = $2', [
        input.replyToId,
        threadId,
      ]);
      if (!target) throw badRequest('Le message auquel vous répondez n’est pas dans cette discussion');
    }
    const { rendered, previews } = prepared;
    const counters = await nextSeq(manager, threadId);
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO messages (thread_id, seq, change, client_id, author_id, body, html, body_text, reply_to_id,
                             mentions, mentions_group, previews)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::uuid[], $11, $12::jsonb) RETURNING id`,
      [
        threadId,
        counters.seq,
        counters.change,
        input.clientId,
        subject.userId,
        input.body,
        rendered.html,
        rendered.bodyText,
        input.replyToId ?? null,
        rendered.mentions,
        rendered.mentionsGroup,
        JSON.stringify(previews),
      ],
    );
    await followThread(manager, threadId, [subject.userId, ...rendered.mentions]);
    await manager.query(
      `INSERT INTO thread_reads (user_id, thread_id, last_read_seq) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, thread_id) DO UPDATE
         SET last_read_seq = GREATEST(thread_reads.last_read_seq, EXCLUDED.last_read_seq), updated_at = now()`,
      [subject.userId, threadId, counters.seq],
    );
    return row.id;
  }

  /** Edits the author's own message; the previous text is kept as a revision. */
  async edit(messageId: string, body: string, subject: Subject): Promise<Message> {
    const { stored, resolved } = await this.loadForChange(messageId, subject);
    if (stored.authorId !== subject.userId) throw forbidden('Seul·e l’auteur·rice peut modifier ce message');
    if (!can(subject, 'message.post', resolved.target)) throw forbidden();
    assertOpen(resolved, subject);
    this.assertLive(stored);
    if (stored.body === body) return this.load(messageId);
    const { rendered, previews } = await this.prepare(resolved.thread.groupId, body, subject);
    await this.dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO message_revisions (message_id, body) VALUES ($1, $2)', [
        messageId,
        stored.body,
      ]);
      await manager.query(
        `UPDATE messages SET body = $2, html = $3, body_text = $4, mentions = $5::uuid[], mentions_group = $6,
                previews = $7::jsonb, edited_at = now() WHERE id = $1`,
        [
          messageId,
          body,
          rendered.html,
          rendered.bodyText,
          rendered.mentions,
          rendered.mentionsGroup,
          JSON.stringify(previews),
        ],
      );
      await followThread(manager, stored.threadId, rendered.mentions);
      await bumpChange(manager, stored.threadId, messageId);
    });
    return this.changed(messageId);
  }

  /** Soft-deletes the author's own message: it keeps its place and shows "message supprimé". */
  async remove(messageId: string, subject: Subject): Promise<Message> {
    const { stored } = await this.loadForChange(messageId, subject);
    if (stored.authorId !== subject.userId) throw forbidden('Seul·e l’auteur·rice peut supprimer ce message');
    if (stored.deletedAt) return this.load(messageId);
    if (stored.movedToId) throw conflict('Ce message a été déplacé');
    await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE messages SET deleted_at = now() WHERE id = $1', [messageId]);
      await bumpChange(manager, stored.threadId, messageId);
    });
    return this.changed(messageId);
  }

  /** Adds or removes the caller's reaction (idempotent either way). */
  async react(messageId: string, emoji: string, on: boolean, subject: Subject): Promise<Message> {
    const { stored, resolved } = await this.loadForChange(messageId, subject);
    if (!can(subject, 'message.post', resolved.target)) throw forbidden();
    this.assertLive(stored);
    const changed = await this.dataSource.transaction(async (manager) => {
      const result = on
        ? await manager.query(
            `INSERT INTO message_reactions (message_id, user_id, emoji) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING RETURNING 1`,
            [messageId, subject.userId, emoji],
          )
        : await manager.query(
            'DELETE FROM message_reactions WHERE message_id = $1 AND user_id = $2 AND emoji = $3 RETURNING 1',
            [messageId, subject.userId, emoji],
          );
      // TypeORM answers [rows, count] for DELETE and rows for INSERT.
      const rows = on ? result : result[0];
      if (rows.length === 0) return false;
      await bumpChange(manager, stored.threadId, messageId);
      return true;
    });
    return changed ? this.changed(messageId) : this.load(messageId);
  }

  /** Hides (or shows again) a message for everyone; the text stays stored for the audit. */
  async setHidden(messageId: string, hidden: boolean, subject: Subject): Promise<Message> {
    const { stored, resolved } = await this.loadForChange(messageId, subject);
    if (!can(subject, 'thread.moderate', resolved.target)) throw forbidden();
    if ((stored.hiddenAt !== null) === hidden) return this.load(messageId);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        hidden
          ? 'UPDATE messages SET hidden_at = now(), hidden_by_id = $2 WHERE id = $1'
          : 'UPDATE messages SET hidden_at = NULL, hidden_by_id = NULL WHERE id = $1 AND $2::uuid IS NOT NULL',
        [messageId, subject.userId],
      );
      await bumpChange(manager, stored.threadId, messageId);
    });
    return this.changed(messageId);
  }

  /**
   * Moves a message to another thread of the same group: the destination gets a copy with a new sequence
   * number (same author, same time), the source keeps a marker at the same place pointing to it.
   */
  async move(
    messageId: string,
    toThreadId: string,
    subject: Subject,
  ): Promise<{ marker: Message; moved: Message }> {
    const { stored, resolved } = await this.loadForChange(messageId, subject);
    if (!can(subject, 'thread.moderate', resolved.target)) throw forbidden();
    this.assertLive(stored);
    const destination = await this.access.assert(toThreadId, subject, 'thread.moderate');
    if (destination.thread.groupId !== resolved.thread.groupId) {
      throw badRequest('La discussion de destination doit être dans le même groupe');
    }
    if (destination.thread.id === resolved.thread.id)
      throw badRequest('Le message est déjà dans cette discussion');
    const movedId = await this.dataSource.transaction(async (manager) => {
      const counters = await nextSeq(manager, toThreadId);
      const [row]: Array<{ id: string }> = await manager.query(
        `INSERT INTO messages (thread_id, seq, change, client_id, author_id, body, html, body_text, mentions,
                               mentions_group, previews, created_at, edited_at)
         SELECT $2, $3, $4, 'moved:' || id, author_id, body, html, body_text, mentions, mentions_group, previews,
                created_at, edited_at
           FROM messages WHERE id = $1 RETURNING id`,
        [messageId, toThreadId, counters.seq, counters.change],
      );
      await manager.query('UPDATE messages SET moved_to_thread_id = $2 WHERE id = $1', [
        messageId,
        toThreadId,
      ]);
      await bumpChange(manager, stored.threadId, messageId);
      return row.id;
    });
    const [marker, moved] = await Promise.all([this.load(messageId), this.load(movedId)]);
    this.events.messageUpdated(marker);
    await this.events.threadChanged(stored.threadId);
    await this.events.messagePosted(moved, messageText(moved.body));
    return { marker, moved };
  }

  /** A page of messages: after a sequence (catching up), before one (older), or the latest. */
  async list(threadId: string, query: ListMessagesQuery, subject: Subject): Promise<MessagePage> {
    await this.access.assert(threadId, subject, 'thread.view');
    let items: Message[];
    if (query.afterSeq !== undefined) {
      items = await selectMessages(
        this.dataSource.manager,
        'WHERE m.thread_id = $1 AND m.seq > $2 ORDER BY m.seq LIMIT $3',
        [threadId, query.afterSeq, query.limit],
      );
    } else {
      const before = query.beforeSeq ?? 2_147_483_647;
      items = (
        await selectMessages(
          this.dataSource.manager,
          'WHERE m.thread_id = $1 AND m.seq < $2 ORDER BY m.seq DESC LIMIT $3',
          [threadId, before, query.limit],
        )
      ).reverse();
    }
    // Sequences start at 1 without gaps, so anything before the first item is older history.
    return { items, hasOlder: (items[0]?.seq ?? 1) > 1 };
  }

  /** What a client missed in a thread: new messages after `afterSeq`, older ones changed after `afterChange`. */
  async replay(
    threadId: string,
    afterSeq: number,
    afterChange: number,
    subject: Subject,
  ): Promise<JoinThreadResult> {
    await this.access.assert(threadId, subject, 'thread.view');
    const manager = this.dataSource.manager;
    const [thread]: Array<{ lastSeq: number; lastChange: number }> = await manager.query(
      'SELECT last_seq AS "lastSeq", last_change AS "lastChange" FROM threads WHERE id = $1',
      [threadId],
    );
    const messages = await selectMessages(
      manager,
      'WHERE m.thread_id = $1 AND m.seq > $2 AND m.seq <= $3 ORDER BY m.seq LIMIT $4',
      [threadId, afterSeq, thread.lastSeq, REPLAY_LIMIT + 1],
    );
    const truncated = messages.length > REPLAY_LIMIT;
    const changed = await selectMessages(
      manager,
      'WHERE m.thread_id = $1 AND m.seq <= $2 AND m.change > $3 AND m.change <= $4 ORDER BY m.seq',
      [threadId, afterSeq, afterChange, thread.lastChange],
    );
    return {
      messages: messages.slice(0, REPLAY_LIMIT),
      changed,
      lastSeq: thread.lastSeq,
      lastChange: thread.lastChange,
      truncated,
    };
  }

  /** The earlier texts of a message, oldest first (for whoever may read the thread). */
  async revisions(messageId: string, subject: Subject): Promise<MessageRevision[]> {
    const { stored } = await this.loadForChange(messageId, subject);
    if (stored.deletedAt || stored.hiddenAt) return [];
    const rows: Array<{ body: string; editedAt: Date }> = await this.dataSource.query(
      'SELECT body, edited_at AS "editedAt" FROM message_revisions WHERE message_id = $1 ORDER BY edited_at, id',
      [messageId],
    );
    return rows.map((r) => ({ body: r.body, editedAt: new Date(r.editedAt).toISOString() }));
  }

  /** Moves the caller's read position forward (never back, never past the last message). */
  async markRead(
    threadId: string,
    seq: number,
    subject: Subject,
  ): Promise<{ threadId: string; seq: number }> {
    await this.access.assert(threadId, subject, 'thread.view');
    const [row]: Array<{ seq: number }> = await this.dataSource.query(
      `INSERT INTO thread_reads (user_id, thread_id, last_read_seq)
       SELECT $1, t.id, LEAST($3, t.last_seq) FROM threads t WHERE t.id = $2
       ON CONFLICT (user_id, thread_id) DO UPDATE
         SET last_read_seq = GREATEST(thread_reads.last_read_seq, EXCLUDED.last_read_seq), updated_at = now()
       RETURNING last_read_seq AS seq`,
      [subject.userId, threadId, seq],
    );
    this.events.readMoved(subject.userId, threadId, row.seq);
    return { threadId, seq: row.seq };
  }

  /** One message the caller may see (404 otherwise). */
  async get(messageId: string, subject: Subject): Promise<Message> {
    await this.loadForChange(messageId, subject);
    return this.load(messageId);
  }

  private async findResend(subject: Subject, clientId: string, threadId: string): Promise<Message | null> {
    const [row]: Array<{ id: string; threadId: string }> = await this.dataSource.query(
      'SELECT id, thread_id AS "threadId" FROM messages WHERE author_id = $1 AND client_id = $2',
      [subject.userId, clientId],
    );
    if (!row) return null;
    if (row.threadId !== threadId)
      throw conflict('Cet identifiant de message a déjà servi dans une autre discussion');
    return this.load(row.id);
  }

  private async loadForChange(
    messageId: string,
    subject: Subject,
  ): Promise<{ stored: StoredRef; resolved: ResolvedThread }> {
    const [stored]: StoredRef[] = await this.dataSource.query(
      `SELECT id, thread_id AS "threadId", author_id AS "authorId", deleted_at AS "deletedAt", hidden_at AS "hiddenAt",
              moved_to_thread_id AS "movedToId", body
         FROM messages WHERE id = $1`,
      [messageId],
    );
    if (!stored) throw notFound('Message introuvable');
    const resolved = await this.access.resolve(stored.threadId, subject);
    if (!resolved || !can(subject, 'thread.view', resolved.target)) throw notFound('Message introuvable');
    return { stored, resolved };
  }

  private assertLive(stored: StoredRef): void {
    if (stored.deletedAt) throw conflict('Ce message a été supprimé');
    if (stored.hiddenAt) throw conflict('Ce message a été masqué');
    if (stored.movedToId) throw conflict('Ce message a été déplacé');
  }

  /**
   * Renders the Markdown (mentions resolved against the group's members) and the link previews, before
   * any transaction: on the embedded database a second connection inside a transaction would wait forever.
   */
  async prepare(groupId: string, body: string, subject: Subject): Promise<PreparedBody> {
    const members: Array<{ userId: string }> = await this.dataSource.query(
      'SELECT user_id AS "userId" FROM memberships WHERE group_id = $1',
      [groupId],
    );
    const ids = new Set(members.map((m) => m.userId));
    const rendered = renderMessage(body, (id) => ids.has(id));
    return { rendered, previews: await this.previews.preview(rendered.links, subject) };
  }

  private async load(id: string): Promise<Message> {
    const message = await selectMessage(this.dataSource.manager, id);
    if (!message) throw notFound('Message introuvable');
    return message;
  }

  private async changed(id: string): Promise<Message> {
    const message = await this.load(id);
    this.events.messageUpdated(message);
    return message;
  }
}

/** Follows a thread for these users, except those who muted it. */
export async function followThread(
  manager: EntityManager,
  threadId: string,
  userIds: string[],
): Promise<void> {
  if (userIds.length === 0) return;
  await manager.query(
    `INSERT INTO thread_follows (user_id, thread_id, level)
     SELECT DISTINCT u, $1::uuid, 'following' FROM unnest($2::uuid[]) u
     ON CONFLICT (user_id, thread_id) DO NOTHING`,
    [threadId, userIds],
  );
}

/**
 * Takes the thread's next sequence number and change counter. The row lock it takes orders concurrent
 * posts in one thread, so sequences have no gap and no duplicate.
 */
async function nextSeq(manager: EntityManager, threadId: string): Promise<{ seq: number; change: number }> {
  // TypeORM answers [rows, count] for an UPDATE.
  const [rows]: [Array<{ seq: number; change: number }>, number] = await manager.query(
    `UPDATE threads SET last_seq = last_seq + 1, last_change = last_change + 1, last_message_at = now()
      WHERE id = $1 RETURNING last_seq AS seq, last_change AS change`,
    [threadId],
  );
  if (!rows[0]) throw notFound('Discussion introuvable');
  return rows[0];
}

/** Records a change of one message: the thread's change counter moves, the message carries the new value. */
async function bumpChange(manager: EntityManager, threadId: string, messageId: string): Promise<void> {
  await manager.query(
    `WITH bumped AS (UPDATE threads SET last_change = last_change + 1 WHERE id = $1 RETURNING last_change)
     UPDATE messages SET change = (SELECT last_change FROM bumped) WHERE id = $2`,
    [threadId, messageId],
  );
}
