import type { LinkPreview, Message, Subject } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { badRequest, conflict, notFound } from '../../common/errors/app-error';
import { selectAttachableFiles } from '../files/attached-file-rows';
import { LinkPreviews } from './link-previews';
import { type RenderedMessage, renderMessage } from './message-markdown';
import { isClientIdTaken, selectGroupMemberIds, selectMessages } from './message-rows';
import { insertPostBatch, type PostRow, type ThreadUpdate } from './post-batch-insert';
import { type PostBatchFacts, readPostBatchFacts } from './post-batch-reads';
import { assertOpen, checkAccess } from './thread-access';
import { postFollowers } from './thread-follows';
import { WriteTurns } from './write-turns';

export type { ThreadUpdate } from './post-batch-insert';

/** One `message:send` (or REST post) waiting for its batch; the client id is always set. */
export interface PostRequest {
  input: { threadId: string; clientId: string; body: string; replyToId?: string; fileIds?: string[] };
  subject: Subject;
}

/** A body rendered (mentions resolved against the group's members) and its links previewed. */
export interface PreparedBody {
  rendered: RenderedMessage;
  previews: LinkPreview[];
}

/** A new thread's first message, its thread inserted in the caller's transaction. */
export interface FirstPost {
  threadId: string;
  clientId: string;
  body: string;
  /** Rendered before the transaction (`MessageBatchWriter.prepare`). */
  prepared: PreparedBody;
  /** Who follows the new thread beside the author and the mentioned members. */
  followers: string[];
  subject: Subject;
}

/**
 * What became of one request: stored now (`posted`, with its plain text for the domain event), already stored by an earlier send (`resent`), refused
 * (`failed`), or to be written again as a batch of one, `writeAlone` (`alone`: a duplicate client id
 * inside the batch, or a batch that could not be written as a whole, e.g. a client id raced by another
 * node).
 */
export type PostResult =
  | { kind: 'posted'; message: Message; text: string }
  | { kind: 'resent'; message: Message }
  | { kind: 'failed'; error: unknown }
  | { kind: 'alone' };

/** What a written batch gives back: a result per request (same order) and the threads it changed. */
export interface WrittenBatch {
  results: PostResult[];
  threads: ThreadUpdate[];
}

/** Progress of one batch: what is settled and what was found already stored (resent). */
class BatchState {
  readonly settled = new Map<number, PostResult>();
  readonly resent = new Map<number, string>();
  constructor(readonly requests: PostRequest[]) {}
  /** Requests still to be written (neither settled nor found resent). */
  open(): number[] {
    return this.requests.map((_, i) => i).filter((i) => !this.settled.has(i) && !this.resent.has(i));
  }
  fail(index: number, error: unknown): void {
    this.settled.set(index, { kind: 'failed', error });
  }
}

/**
 * The one write path of new messages. Writes a batch of posts in two statements whatever its size: one
 * reads what every request needs (resends, access, replies, mentions), one stores them all (sequence
 * numbers, messages, follows, read positions) and returns the messages. Batches write one at a time, in
 * order, but the next batch reads while the previous one writes. Errors of one request stay with it; a
 * request a batch set aside is written again as a batch of one (`writeAlone`), and a new thread's first
 * message is a batch of one inside the thread's transaction (`writeFirst`).
 */
@Injectable()
export class MessageBatchWriter {
  private readonly turns = new WriteTurns();

  constructor(
    private readonly dataSource: DataSource,
    private readonly previews: LinkPreviews,
  ) {}

  /** Writes what it can of `requests`; never throws. A request answered `alone` goes to `writeAlone`. */
  async write(requests: PostRequest[]): Promise<WrittenBatch> {
    return this.writeBatch(requests, false);
  }

  /**
   * Writes one request as a batch of its own; never throws and never answers `alone`: a failure is the
   * request's own, except a client id another send stored meanwhile, which answers as a resend.
   */
  async writeAlone(request: PostRequest): Promise<WrittenBatch> {
    return this.writeBatch([request], true);
  }

  /**
   * Writes a new thread's first message inside the caller's transaction, where its thread was just
   * inserted: a batch of one through the same statement, with nothing to read first (no resend, no reply,
   * the body already rendered) and no turn to wait (nobody else can write to the thread yet).
   */
  async writeFirst(manager: EntityManager, post: FirstPost): Promise<Message> {
    const { rendered, previews } = post.prepared;
    const row: PostRow = {
      key: 0,
      threadId: post.threadId,
      clientId: post.clientId,
      authorId: post.subject.userId,
      body: post.body,
      rendered,
      previews,
      files: [],
      followers: postFollowers(post.subject.userId, rendered.mentions, post.followers),
    };
    const message = (await insertPostBatch(this.dataSource, [row], manager)).messages.get(row.key);
    if (!message) throw notFound('Discussion introuvable');
    return message;
  }

  /**
   * Renders a body for a thread of `groupId` (mentions of its members only) and previews its links, before
   * any transaction: on the embedded database a second connection inside a transaction would wait forever.
   */
  async prepare(groupId: string, body: string, subject: Subject): Promise<PreparedBody> {
    return this.render(body, await selectGroupMemberIds(this.dataSource.manager, groupId), subject);
  }

  /** The rendering rule of every message body: mentions of `members` only, links previewed. */
  private async render(
    body: string,
    members: Set<string> | undefined,
    subject: Subject,
  ): Promise<PreparedBody> {
    const rendered = renderMessage(body, (id) => members?.has(id) ?? false);
    // Most messages have no link: no preview work at all.
    const previews = rendered.links.length > 0 ? await this.previews.preview(rendered.links, subject) : [];
    return { rendered, previews };
  }

  private async writeBatch(requests: PostRequest[], alone: boolean): Promise<WrittenBatch> {
    // Taken before reading: a batch's messages never get sequence numbers before an earlier batch's.
    const turn = this.turns.take();
    const state = new BatchState(requests);
    let threads: ThreadUpdate[] = [];
    let failure: { error: unknown } | undefined;
    try {
      this.setAsideDuplicates(state);
      const rows = await this.prepareRows(state);
      await turn.ready;
      const inserted = await insertPostBatch(this.dataSource, rows);
      threads = inserted.threads;
      for (const row of rows) {
        const message = inserted.messages.get(row.key);
        // The thread vanished between the reads and the write.
        if (message) state.settled.set(row.key, { kind: 'posted', message, text: row.rendered.bodyText });
        else state.fail(row.key, notFound('Discussion introuvable'));
      }
    } catch (err) {
      // Nothing was stored (the statement is its own transaction): every request without an answer yet is
      // written again alone, or, already alone, settled by `settleAlone`.
      for (const [index, result] of state.settled) if (result.kind === 'posted') state.settled.delete(index);
      threads = [];
      failure = { error: err };
    } finally {
      turn.done();
    }
    if (alone && failure) await this.settleAlone(state, failure.error);
    await this.answerResends(state, alone);
    return { results: requests.map((_, i) => state.settled.get(i) ?? { kind: 'alone' }), threads };
  }

  /** The failure of a batch of one: a resend when its client id was taken meanwhile, else its error. */
  private async settleAlone(state: BatchState, err: unknown): Promise<void> {
    const [request] = state.requests;
    if (state.settled.has(0)) return;
    if (!isClientIdTaken(err)) return state.fail(0, err);
    try {
      const [stored] = (
        await readPostBatchFacts(this.dataSource, [{ ...request.input, subject: request.subject }])
      ).stored;
      if (!stored) state.fail(0, err);
      else if (stored.threadId === request.input.threadId) state.resent.set(0, stored.id);
      else state.fail(0, conflict('Cet identifiant de message a déjà servi dans une autre discussion'));
    } catch (readError) {
      state.fail(0, readError);
    }
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

  /** Reads the batch's facts, then finds resends, authorises, checks replies and renders each request. */
  private async prepareRows(state: BatchState): Promise<PostRow[]> {
    const open = state.open();
    const facts = await readPostBatchFacts(
      this.dataSource,
      open.map((i) => ({ ...state.requests[i].input, subject: state.requests[i].subject })),
    );
    const rows: PostRow[] = [];
    for (const [k, index] of open.entries()) {
      const row = await this.prepareOne(state, index, facts, k);
      if (row) rows.push(row);
    }
    return rows;
  }

  /** The checks of one request against the batch's facts (`k`: its place among them); null if settled. */
  private async prepareOne(
    state: BatchState,
    index: number,
    facts: PostBatchFacts,
    k: number,
  ): Promise<PostRow | null> {
    const { input, subject } = state.requests[index];
    const stored = facts.stored[k];
    if (stored) {
      if (stored.threadId === input.threadId) state.resent.set(index, stored.id);
      else state.fail(index, conflict('Cet identifiant de message a déjà servi dans une autre discussion'));
      return null;
    }
    try {
      const resolved = checkAccess(facts.threads[k], subject, 'message.post');
      assertOpen(resolved, subject);
      if (input.replyToId && facts.replyThreads.get(input.replyToId) !== resolved.thread.id) {
        throw badRequest('Le message auquel vous répondez n’est pas dans cette discussion');
      }
      const files = await selectAttachableFiles(
        this.dataSource.manager,
        input.fileIds,
        { attachedTo: 'message', threadId: resolved.thread.id },
        subject.userId,
      );
      const { rendered, previews } = await this.render(
        input.body,
        facts.members.get(resolved.thread.groupId),
        subject,
      );
      return {
        key: index,
        threadId: resolved.thread.id,
        clientId: input.clientId,
        authorId: subject.userId,
        body: input.body,
        replyToId: input.replyToId,
        rendered,
        previews,
        files,
        followers: postFollowers(subject.userId, rendered.mentions),
      };
    } catch (err) {
      state.fail(index, err);
      return null;
    }
  }

  /**
   * The stored messages answer the resends. In a batch, one that cannot be loaded is written again alone
   * (and found as a resend again); alone, it fails.
   */
  private async answerResends(state: BatchState, alone: boolean): Promise<void> {
    if (state.resent.size === 0) return;
    try {
      const ids = [...state.resent.values()];
      const messages = await selectMessages(this.dataSource.manager, 'WHERE m.id = ANY($1::uuid[])', [ids]);
      const byId = new Map(messages.map((m) => [m.id, m]));
      for (const [index, id] of state.resent) {
        const message = byId.get(id);
        if (message) state.settled.set(index, { kind: 'resent', message });
        else if (alone) state.fail(index, notFound('Message introuvable'));
      }
    } catch (err) {
      if (alone) for (const index of state.resent.keys()) state.fail(index, err);
    }
  }
}
