import type { Message, Subject } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badRequest, conflict, notFound } from '../../common/errors/app-error';
import { LinkPreviews } from './link-previews';
import { renderMessage } from './message-markdown';
import { selectMessages } from './message-rows';
import { insertPostBatch, type PostRow, type ThreadUpdate } from './post-batch-insert';
import { type PostBatchFacts, readPostBatchFacts } from './post-batch-reads';
import { assertOpen, checkAccess } from './thread-access';
import { WriteTurns } from './write-turns';

export type { ThreadUpdate } from './post-batch-insert';

/** One `message:send` (or REST post) waiting for its batch; the client id is always set. */
export interface PostRequest {
  input: { threadId: string; clientId: string; body: string; replyToId?: string };
  subject: Subject;
}

/**
 * What became of one request: stored now (`posted`, with its plain text for the domain event), already stored by an earlier send (`resent`), refused
 * (`failed`), or to be posted again on its own (`alone`: a duplicate client id inside the batch, or a
 * batch that could not be written as a whole, e.g. a client id raced by another node).
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
 * Writes a batch of posts in two statements whatever its size: one reads what every request needs
 * (resends, access, replies, mentions), one stores them all (sequence numbers, messages, follows, read
 * positions) and returns the messages. Batches write one at a time, in order, but the next batch reads
 * while the previous one writes. Errors of one request stay with it; a batch that cannot be written whole
 * sends its requests down the single path.
 */
@Injectable()
export class MessageBatchWriter {
  private readonly turns = new WriteTurns();

  constructor(
    private readonly dataSource: DataSource,
    private readonly previews: LinkPreviews,
  ) {}

  /** Writes what it can of `requests`; never throws. */
  async write(requests: PostRequest[]): Promise<WrittenBatch> {
    // Taken before reading: a batch's messages never get sequence numbers before an earlier batch's.
    const turn = this.turns.take();
    const state = new BatchState(requests);
    let threads: ThreadUpdate[] = [];
    try {
      this.setAsideDuplicates(state);
      const rows = await this.prepare(state);
      await turn.ready;
      const inserted = await insertPostBatch(this.dataSource, rows);
      threads = inserted.threads;
      for (const row of rows) {
        const message = inserted.messages.get(row.key);
        // The thread vanished between the reads and the write.
        if (message) state.settled.set(row.key, { kind: 'posted', message, text: row.rendered.bodyText });
        else state.fail(row.key, notFound('Discussion introuvable'));
      }
    } catch {
      // Nothing was stored (the statement is its own transaction): every request without an answer yet
      // goes down the single path, which reports its own error (e.g. a raced client id).
      for (const [index, result] of state.settled) if (result.kind === 'posted') state.settled.delete(index);
      threads = [];
    } finally {
      turn.done();
    }
    await this.answerResends(state);
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

  /** Reads the batch's facts, then finds resends, authorises, checks replies and renders each request. */
  private async prepare(state: BatchState): Promise<PostRow[]> {
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
      const members = facts.members.get(resolved.thread.groupId);
      const rendered = renderMessage(input.body, (id) => members?.has(id) ?? false);
      // Most messages have no link: no preview work at all.
      const previews = rendered.links.length > 0 ? await this.previews.preview(rendered.links, subject) : [];
      return {
        key: index,
        threadId: resolved.thread.id,
        clientId: input.clientId,
        authorId: subject.userId,
        body: input.body,
        replyToId: input.replyToId,
        rendered,
        previews,
      };
    } catch (err) {
      state.fail(index, err);
      return null;
    }
  }

  /** The stored messages answer the resends; one that cannot be loaded goes down the single path. */
  private async answerResends(state: BatchState): Promise<void> {
    if (state.resent.size === 0) return;
    try {
      const ids = [...state.resent.values()];
      const messages = await selectMessages(this.dataSource.manager, 'WHERE m.id = ANY($1::uuid[])', [ids]);
      const byId = new Map(messages.map((m) => [m.id, m]));
      for (const [index, id] of state.resent) {
        const message = byId.get(id);
        if (message) state.settled.set(index, { kind: 'resent', message });
      }
    } catch {
      // The single path finds them as resends again.
    }
  }
}
