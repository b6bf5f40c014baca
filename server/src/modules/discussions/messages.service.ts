import { randomUUID } from 'node:crypto';
import {
  can,
  type JoinThreadResult,
  type ListMessagesQuery,
  type Message,
  type MessagePage,
  type MessageRevision,
  type Subject,
} from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badRequest, conflict, forbidden, notFound } from '../../common/errors/app-error';
import { GroupCommit, type Outcome } from '../../common/group-commit';
import { DiscussionEvents } from './discussion-events';
import {
  MessageBatchWriter,
  type PostRequest,
  type PostResult,
  type WrittenBatch,
} from './message-batch-writer';
import { messageText } from './message-markdown';
import {
  type MessageRef,
  markMessageDeleted,
  moveMessage,
  selectMessage,
  selectMessageRef,
  selectMessages,
  selectRevisions,
  setMessageHidden,
  setReaction,
  updateMessageBody,
} from './message-rows';
import { assertOpen, type ResolvedThread, ThreadAccess } from './thread-access';
import { moveReadPosition, selectThreadCounters } from './thread-rows';

/** What is needed to post a message (the socket event, the REST route and a new thread's first message). */
export interface PostMessageInput {
  threadId: string;
  clientId?: string;
  body: string;
  replyToId?: string;
  /** Files the sender uploaded to the thread beforehand. */
  fileIds?: string[];
}

/** Messages a replay may carry at most; the client pages the rest over HTTP. */
const REPLAY_LIMIT = 200;

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

  /**
   * Writes one batch of posts, then sends their live events; what the batch set aside is written again
   * as a batch of one.
   */
  private async postBatch(requests: PostRequest[]): Promise<Array<Outcome<Message>>> {
    const written = await this.batchWriter.write(requests);
    this.announce(written);
    return Promise.all(
      written.results.map(async (result, i): Promise<Outcome<Message>> => {
        if (result.kind !== 'alone') return outcome(result);
        const alone = await this.batchWriter.writeAlone(requests[i]);
        this.announce(alone);
        return outcome(alone.results[0]);
      }),
    );
  }

  /** The live events of the messages a batch stored. */
  private announce({ results, threads }: WrittenBatch): void {
    const posted = results.flatMap((r) =>
      r.kind === 'posted' ? [{ message: r.message, text: r.text }] : [],
    );
    if (posted.length > 0) this.events.messagesPosted(posted, threads);
  }

  /** Edits the author's own message; the previous text is kept as a revision. */
  async edit(messageId: string, body: string, subject: Subject): Promise<Message> {
    const { stored, resolved } = await this.loadForChange(messageId, subject);
    if (stored.authorId !== subject.userId) throw forbidden('Seul·e l’auteur·rice peut modifier ce message');
    if (!can(subject, 'message.post', resolved.target)) throw forbidden();
    assertOpen(resolved, subject);
    this.assertLive(stored);
    if (stored.body === body) return this.load(messageId);
    const { rendered, previews } = await this.batchWriter.prepare(resolved.thread.groupId, body, subject);
    await this.dataSource.transaction((manager) =>
      updateMessageBody(manager, {
        messageId,
        threadId: stored.threadId,
        previousBody: stored.body,
        body,
        rendered,
        previews,
      }),
    );
    return this.changed(messageId);
  }

  /** Soft-deletes the author's own message: it keeps its place and shows "message supprimé". */
  async remove(messageId: string, subject: Subject): Promise<Message> {
    const { stored } = await this.loadForChange(messageId, subject);
    if (stored.authorId !== subject.userId) throw forbidden('Seul·e l’auteur·rice peut supprimer ce message');
    if (stored.deletedAt) return this.load(messageId);
    if (stored.movedToId) throw conflict('Ce message a été déplacé');
    await this.dataSource.transaction((manager) => markMessageDeleted(manager, stored.threadId, messageId));
    return this.changed(messageId);
  }

  /** Adds or removes the caller's reaction (idempotent either way). */
  async react(messageId: string, emoji: string, on: boolean, subject: Subject): Promise<Message> {
    const { stored, resolved } = await this.loadForChange(messageId, subject);
    if (!can(subject, 'message.post', resolved.target)) throw forbidden();
    this.assertLive(stored);
    const changed = await this.dataSource.transaction((manager) =>
      setReaction(manager, { threadId: stored.threadId, messageId }, { userId: subject.userId, emoji, on }),
    );
    return changed ? this.changed(messageId) : this.load(messageId);
  }

  /** Hides (or shows again) a message for everyone; the text stays stored for the audit. */
  async setHidden(messageId: string, hidden: boolean, subject: Subject): Promise<Message> {
    const { stored, resolved } = await this.loadForChange(messageId, subject);
    if (!can(subject, 'thread.moderate', resolved.target)) throw forbidden();
    if ((stored.hiddenAt !== null) === hidden) return this.load(messageId);
    await this.dataSource.transaction((manager) =>
      setMessageHidden(manager, { threadId: stored.threadId, messageId }, hidden, subject.userId),
    );
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
    const movedId = await this.dataSource.transaction((manager) =>
      moveMessage(manager, { threadId: stored.threadId, messageId }, toThreadId),
    );
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
    const thread = await selectThreadCounters(manager, threadId);
    if (!thread) throw notFound('Discussion introuvable');
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
    return selectRevisions(this.dataSource.manager, messageId);
  }

  /** Moves the caller's read position forward (never back, never past the last message). */
  async markRead(
    threadId: string,
    seq: number,
    subject: Subject,
  ): Promise<{ threadId: string; seq: number }> {
    await this.access.assert(threadId, subject, 'thread.view');
    const stored = await moveReadPosition(this.dataSource.manager, subject.userId, threadId, seq);
    this.events.readMoved(subject.userId, threadId, stored);
    return { threadId, seq: stored };
  }

  /** One message the caller may see (404 otherwise). */
  async get(messageId: string, subject: Subject): Promise<Message> {
    await this.loadForChange(messageId, subject);
    return this.load(messageId);
  }

  private async loadForChange(
    messageId: string,
    subject: Subject,
  ): Promise<{ stored: MessageRef; resolved: ResolvedThread }> {
    const stored = await selectMessageRef(this.dataSource.manager, messageId);
    if (!stored) throw notFound('Message introuvable');
    const resolved = await this.access.resolve(stored.threadId, subject);
    if (!resolved || !can(subject, 'thread.view', resolved.target)) throw notFound('Message introuvable');
    return { stored, resolved };
  }

  private assertLive(stored: MessageRef): void {
    if (stored.deletedAt) throw conflict('Ce message a été supprimé');
    if (stored.hiddenAt) throw conflict('Ce message a été masqué');
    if (stored.movedToId) throw conflict('Ce message a été déplacé');
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

/** A batch's answer to one post as the caller's outcome (`alone` never reaches here: it is written again). */
function outcome(result: PostResult): Outcome<Message> {
  if (result.kind === 'posted' || result.kind === 'resent') return { ok: true, value: result.message };
  if (result.kind === 'failed') return { ok: false, error: result.error };
  return { ok: false, error: new Error('a post set aside twice') };
}
