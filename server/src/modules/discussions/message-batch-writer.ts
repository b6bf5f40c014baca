import type { LinkPreview, Message, ServerEvents, Subject } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { badRequest, conflict, notFound } from '../../common/errors/app-error';
import { LinkPreviews } from './link-previews';
import { type RenderedMessage, renderMessage } from './message-markdown';
import { selectMessages } from './message-rows';
import { assertOpen, checkAccess, type ResolvedThread, ThreadAccess } from './thread-access';

/** One `message:send` (or REST post) waiting for its batch; the client id is always set. */
export interface PostRequest {
  input: { threadId: string; clientId: string; body: string; replyToId?: string };
  subject: Subject;
}

/** The thread's list entry after the batch, as `thread:updated` carries it. */
export type ThreadUpdate = Parameters<ServerEvents['thread:updated']>[0];

/**
 * What became of one request: stored now (`posted`), already stored by an earlier send (`resent`), refused
 * (`failed`), or to be posted again on its own (`alone`: a duplicate client id inside the batch, or a
 * batch that could not be written as a whole, e.g. a client id raced by another node).
 */
export type PostResult =
  | { kind: 'posted'; message: Message }
  | { kind: 'resent'; message: Message }
  | { kind: 'failed'; error: unknown }
  | { kind: 'alone' };

/** What a written batch gives back: a result per request (same order) and the threads it changed. */
export interface WrittenBatch {
  results: PostResult[];
  threads: ThreadUpdate[];
}

/** A request that passed every check, rendered, waiting for its sequence number. */
interface Ready {
  index: number;
  request: PostRequest;
  resolved: ResolvedThread;
  rendered: RenderedMessage;
  previews: LinkPreview[];
}

interface CounterRow extends Omit<ThreadUpdate, 'lastMessageAt'> {
  lastChange: number;
  lastMessageAt: Date | string | null;
}

/** Progress of one batch: what is settled, what was found resent, what got inserted. */
class BatchState {
  readonly settled = new Map<number, PostResult>();
  readonly resent = new Map<number, string>();
  readonly inserted = new Map<number, string>();
  constructor(readonly requests: PostRequest[]) {}
  /** Requests still to be written (neither settled nor found resent). */
  open(): number[] {
    return this.requests.map((_, i) => i).filter((i) => !this.settled.has(i) && !this.resent.has(i));
  }
  fail(index: number, error: unknown): void {
    this.settled.set(index, { kind: 'failed', error });
  }
}

/** A PostgreSQL array literal of uuids (their characters need no quoting). */
const uuidArray = (ids: string[]) => `{${ids.join(',')}}`;

/**
 * Writes a batch of posts with a fixed number of statements whatever its size: resends, access, replies
 * and mentions are read for every request at once, then one transaction takes the sequence numbers of
 * every thread, inserts every message, follows and read positions with multi-row statements. Errors of
 * one request stay with it; a batch that cannot be written whole sends its requests down the single path.
 */
@Injectable()
export class MessageBatchWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ThreadAccess,
    private readonly previews: LinkPreviews,
  ) {}

  /** Writes what it can of `requests`; never throws. */
  async write(requests: PostRequest[]): Promise<WrittenBatch> {
    const state = new BatchState(requests);
    let threads: ThreadUpdate[] = [];
    try {
      this.setAsideDuplicates(state);
      await this.findResends(state);
      const ready = await this.prepare(state);
      if (ready.length > 0) threads = await this.dataSource.transaction((m) => this.store(m, ready, state));
    } catch {
      // Nothing was committed (the transaction rolled back, or failed before it): every request without
      // an answer yet goes down the single path, which reports its own error (e.g. a raced client id).
      state.inserted.clear();
      threads = [];
    }
    try {
      const messages = await this.load([...state.resent.values(), ...state.inserted.values()]);
      for (const [index, id] of state.resent) {
        const message = messages.get(id);
        if (message) state.settled.set(index, { kind: 'resent', message });
      }
      for (const [index, id] of state.inserted) {
        const message = messages.get(id);
        // Committed but not loadable (deleted in between): the single path finds it as a resend.
        if (message) state.settled.set(index, { kind: 'posted', message });
      }
    } catch {
      // Committed messages whose loading failed are found as resends by the single path.
    }
    return { results: requests.map((_, i) => state.settled.get(i) ?? { kind: 'alone' }), threads };
  }

  /** A second send with the same client id in one batch waits for the first, then finds it stored. */
  private setAsideDuplicates(state: BatchState): void {
    const seen = new Set<string>();
    state.requests.forEach((r, i) => {
      const key = `${r.subject.userId}\n${r.input.clientId}`;
      if (seen.has(key)) state.settled.set(i, { kind: 'alone' });
      seen.add(key);
    });
  }

  /** Requests whose client id is already stored: the stored message answers them. */
  private async findResends(state: BatchState): Promise<void> {
    const open = state.open();
    const rows: Array<{ id: string; authorId: string; clientId: string; threadId: string }> =
      await this.dataSource.query(
        `SELECT m.id, m.author_id AS "authorId", m.client_id AS "clientId", m.thread_id AS "threadId"
           FROM unnest($1::uuid[], $2::text[]) AS x(author_id, client_id)
           JOIN messages m ON m.author_id = x.author_id AND m.client_id = x.client_id`,
        [
          open.map((i) => state.requests[i].subject.userId),
          open.map((i) => state.requests[i].input.clientId),
        ],
      );
    const stored = new Map(rows.map((row) => [`${row.authorId}\n${row.clientId}`, row]));
    for (const i of open) {
      const { input, subject } = state.requests[i];
      const row = stored.get(`${subject.userId}\n${input.clientId}`);
      if (!row) continue;
      if (row.threadId === input.threadId) state.resent.set(i, row.id);
      else state.fail(i, conflict('Cet identifiant de message a déjà servi dans une autre discussion'));
    }
  }

  /** Authorises, checks replies and renders every open request, before any transaction. */
  private async prepare(state: BatchState): Promise<Ready[]> {
    const open = state.open();
    const resolved = await this.access.resolveMany(
      open.map((i) => ({ threadId: state.requests[i].input.threadId, subject: state.requests[i].subject })),
    );
    const allowed: Array<{ index: number; resolved: ResolvedThread }> = [];
    open.forEach((index, k) => {
      const { subject } = state.requests[index];
      try {
        const thread = checkAccess(resolved[k], subject, 'message.post');
        assertOpen(thread, subject);
        allowed.push({ index, resolved: thread });
      } catch (err) {
        state.fail(index, err);
      }
    });
    const replyThreads = await this.replyThreads(allowed.map((a) => state.requests[a.index]));
    const members = await this.membersOf(allowed.map((a) => a.resolved.thread.groupId));
    const ready: Ready[] = [];
    for (const { index, resolved: thread } of allowed) {
      const request = state.requests[index];
      const { replyToId } = request.input;
      if (replyToId && replyThreads.get(replyToId) !== thread.thread.id) {
        state.fail(index, badRequest('Le message auquel vous répondez n’est pas dans cette discussion'));
        continue;
      }
      try {
        const groupMembers = members.get(thread.thread.groupId);
        const rendered = renderMessage(request.input.body, (id) => groupMembers?.has(id) ?? false);
        // Most messages have no link: no preview work at all.
        const previews =
          rendered.links.length > 0 ? await this.previews.preview(rendered.links, request.subject) : [];
        ready.push({ index, request, resolved: thread, rendered, previews });
      } catch (err) {
        state.fail(index, err);
      }
    }
    return ready;
  }

  /** Thread of each message replied to (missing ones are left out). */
  private async replyThreads(requests: PostRequest[]): Promise<Map<string, string>> {
    const ids = [...new Set(requests.map((r) => r.input.replyToId).filter((id): id is string => !!id))];
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; threadId: string }> = await this.dataSource.query(
      'SELECT id, thread_id AS "threadId" FROM messages WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.threadId]));
  }

  /** Members of each group, to resolve mentions. */
  private async membersOf(groupIds: string[]): Promise<Map<string, Set<string>>> {
    const ids = [...new Set(groupIds)];
    const members = new Map(ids.map((id) => [id, new Set<string>()]));
    if (ids.length === 0) return members;
    const rows: Array<{ groupId: string; userId: string }> = await this.dataSource.query(
      'SELECT group_id AS "groupId", user_id AS "userId" FROM memberships WHERE group_id = ANY($1::uuid[])',
      [ids],
    );
    for (const r of rows) members.get(r.groupId)?.add(r.userId);
    return members;
  }

  /**
   * The transaction: counters of every thread in one UPDATE (its row locks, taken in id order, order
   * concurrent batches and single posts, so sequences have no gap and batches on two nodes cannot
   * deadlock), then one INSERT of the messages, one of the follows, one upsert of the read positions.
   */
  private async store(manager: EntityManager, ready: Ready[], state: BatchState): Promise<ThreadUpdate[]> {
    const countOf = new Map<string, number>();
    for (const r of ready) countOf.set(r.resolved.thread.id, (countOf.get(r.resolved.thread.id) ?? 0) + 1);
    const threadIds = [...countOf.keys()].sort();
    // TypeORM answers [rows, count] for an UPDATE.
    const [counters]: [CounterRow[], number] = await manager.query(
      `WITH locked AS (SELECT id FROM threads WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE),
            added AS (SELECT * FROM unnest($1::uuid[], $2::int[]) AS a(id, n))
       UPDATE threads t
          SET last_seq = t.last_seq + added.n, last_change = t.last_change + added.n, last_message_at = now()
         FROM locked JOIN added ON added.id = locked.id
        WHERE t.id = locked.id
       RETURNING t.id, t.group_id AS "groupId", t.title, t.kind, t.pinned, t.locked, t.status,
                 t.last_seq AS "lastSeq", t.last_change AS "lastChange", t.last_message_at AS "lastMessageAt"`,
      [threadIds, threadIds.map((id) => countOf.get(id))],
    );
    const counterOf = new Map(counters.map((c) => [c.id, c]));
    // Sequences of a thread go to its requests in arrival order: the first gets the lowest.
    const next = new Map(counters.map((c) => [c.id, (countOf.get(c.id) ?? 0) - 1]));
    const rows: Array<Ready & { seq: number; change: number }> = [];
    for (const r of ready) {
      const counter = counterOf.get(r.resolved.thread.id);
      if (!counter) {
        state.fail(r.index, notFound('Discussion introuvable'));
        continue;
      }
      const back = next.get(counter.id) ?? 0;
      next.set(counter.id, back - 1);
      rows.push({ ...r, seq: counter.lastSeq - back, change: counter.lastChange - back });
    }
    if (rows.length === 0) return [];
    const inserted: Array<{ id: string; threadId: string; seq: number }> = await manager.query(
      `INSERT INTO messages (thread_id, seq, change, client_id, author_id, body, html, body_text, reply_to_id,
                             mentions, mentions_group, previews)
       SELECT thread_id, seq, change, client_id, author_id, body, html, body_text, reply_to_id,
              mentions::uuid[], mentions_group, previews::jsonb
         FROM unnest($1::uuid[], $2::int[], $3::int[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[],
                     $9::uuid[], $10::text[], $11::bool[], $12::text[])
              AS x(thread_id, seq, change, client_id, author_id, body, html, body_text, reply_to_id, mentions,
                   mentions_group, previews)
       RETURNING id, thread_id AS "threadId", seq`,
      [
        rows.map((r) => r.resolved.thread.id),
        rows.map((r) => r.seq),
        rows.map((r) => r.change),
        rows.map((r) => r.request.input.clientId),
        rows.map((r) => r.request.subject.userId),
        rows.map((r) => r.request.input.body),
        rows.map((r) => r.rendered.html),
        rows.map((r) => r.rendered.bodyText),
        rows.map((r) => r.request.input.replyToId ?? null),
        rows.map((r) => uuidArray(r.rendered.mentions)),
        rows.map((r) => r.rendered.mentionsGroup),
        rows.map((r) => JSON.stringify(r.previews)),
      ],
    );
    const idOf = new Map(inserted.map((m) => [`${m.threadId}:${m.seq}`, m.id]));
    await followThreads(
      manager,
      rows.flatMap((r) =>
        [r.request.subject.userId, ...r.rendered.mentions].map((userId) => ({
          userId,
          threadId: r.resolved.thread.id,
        })),
      ),
    );
    await moveReadPositions(manager, rows);
    for (const r of rows) {
      const id = idOf.get(`${r.resolved.thread.id}:${r.seq}`);
      if (id) state.inserted.set(r.index, id);
    }
    return counters.map(({ lastChange: _, ...c }) => ({
      ...c,
      lastMessageAt: c.lastMessageAt ? new Date(c.lastMessageAt).toISOString() : null,
    }));
  }

  private async load(ids: string[]): Promise<Map<string, Message>> {
    if (ids.length === 0) return new Map();
    const messages = await selectMessages(this.dataSource.manager, 'WHERE m.id = ANY($1::uuid[])', [ids]);
    return new Map(messages.map((m) => [m.id, m]));
  }
}

/** Follows the threads for these (user, thread) pairs, except where the user muted the thread. */
async function followThreads(
  manager: EntityManager,
  pairs: Array<{ userId: string; threadId: string }>,
): Promise<void> {
  // Sorted and unique: concurrent batches insert the same keys in the same order.
  const keys = [...new Set(pairs.map((p) => `${p.threadId}:${p.userId}`))].sort();
  await manager.query(
    `INSERT INTO thread_follows (user_id, thread_id, level)
     SELECT u, t, 'following' FROM unnest($1::uuid[], $2::uuid[]) AS x(t, u)
     ON CONFLICT (user_id, thread_id) DO NOTHING`,
    [keys.map((k) => k.split(':')[0]), keys.map((k) => k.split(':')[1])],
  );
}

/** Moves each author's read position past their own last message of the batch in each thread. */
async function moveReadPositions(
  manager: EntityManager,
  rows: Array<{ request: PostRequest; resolved: ResolvedThread; seq: number }>,
): Promise<void> {
  // One row per (user, thread): an upsert may not touch the same row twice in one statement.
  const highest = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.resolved.thread.id}:${r.request.subject.userId}`;
    highest.set(key, Math.max(highest.get(key) ?? 0, r.seq));
  }
  const keys = [...highest.keys()].sort();
  await manager.query(
    `INSERT INTO thread_reads (user_id, thread_id, last_read_seq)
     SELECT u, t, s FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS x(t, u, s)
     ON CONFLICT (user_id, thread_id) DO UPDATE
       SET last_read_seq = GREATEST(thread_reads.last_read_seq, EXCLUDED.last_read_seq), updated_at = now()`,
    [keys.map((k) => k.split(':')[0]), keys.map((k) => k.split(':')[1]), keys.map((k) => highest.get(k))],
  );
}
