import {
  type AwaitingPoll,
  type CastVoteRequest,
  type ClosePollRequest,
  type CreatePollRequest,
  can,
  type Poll,
  type Subject,
} from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { badRequest, conflict, forbidden, notFound } from '../../common/errors/app-error';
import { DomainEventBus } from '../../common/events/domain-event-bus';
import type { PollNotice } from '../../common/events/domain-events';
import { RealtimeHub, rooms } from '../../realtime/realtime-hub';
import { type ResolvedThread, ThreadAccess } from '../discussions/thread-access';
import { PollStore } from './poll-store';
import { type PollRow, toPoll, type Viewer } from './poll-view';
import { checkVote, isPollOpen } from './vote-rules';

/** How many open polls without my vote are looked at: far more than anyone has open at once. */
const AWAITING_CANDIDATES = 200;

/**
 * Polls carried by a thread: creation, votes (changeable until closing), closing with an outcome.
 * Who may see a poll is who may read its thread; every change is pushed to the thread's room.
 */
@Injectable()
export class PollsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: PollStore,
    private readonly threads: ThreadAccess,
    private readonly hub: RealtimeHub,
    private readonly events: DomainEventBus,
  ) {}

  /** The polls of a thread, newest first, as the caller sees them. */
  /** Open polls closing in (`from`, `to`], with who voted (for the « closes soon » notification). */
  closingBetween(from: Date, to: Date) {
    return this.store.closingBetween(from, to);
  }

  async list(threadId: string, subject: Subject): Promise<Poll[]> {
    const access = await this.threads.assert(threadId, subject, 'thread.view');
    const polls = await this.store.findThreadPolls(threadId);
    if (polls.length === 0) return [];
    const ids = polls.map((p) => p.id);
    const [options, votes, electorate] = await Promise.all([
      this.store.findOptions(ids),
      this.store.findVotes(ids),
      this.store.electorate(access.thread.groupId),
    ]);
    return polls.map((p) =>
      toPoll(
        p,
        options.filter((o) => o.pollId === p.id),
        votes.filter((v) => v.pollId === p.id),
        electorate,
        this.viewer(p, access, subject),
      ),
    );
  }

  /**
   * The open polls waiting for the caller's vote: in threads they may read and vote in (their groups',
   * the meetings they are a guest of), without their vote yet, closing soonest first.
   */
  async awaitingVoteOf(subject: Subject): Promise<AwaitingPoll[]> {
    const candidates = await this.store.findOpenWithoutVoteOf(subject.userId, AWAITING_CANDIDATES);
    const threads = await this.threads.resolveMany(
      candidates.map((p) => p.threadId),
      subject,
    );
    const mine = candidates.filter((p) => {
      const access = threads.get(p.threadId);
      return access && can(subject, 'thread.view', access.target) && can(subject, 'poll.vote', access.target);
    });
    if (mine.length === 0) return [];
    const ids = mine.map((p) => p.id);
    const groupIds = [...new Set(mine.map((p) => threads.get(p.threadId)?.thread.groupId ?? ''))];
    const [options, votes, electorates] = await Promise.all([
      this.store.findOptions(ids),
      this.store.findVotes(ids),
      Promise.all(groupIds.map(async (id) => [id, await this.store.electorate(id)] as const)),
    ]);
    const electorate = new Map(electorates);
    return mine.map((p) => {
      const access = threads.get(p.threadId) as ResolvedThread;
      const poll = toPoll(
        p,
        options.filter((o) => o.pollId === p.id),
        votes.filter((v) => v.pollId === p.id),
        electorate.get(access.thread.groupId) ?? 0,
        this.viewer(p, access, subject),
      );
      return { poll, groupId: access.thread.groupId, threadTitle: access.thread.title };
    });
  }

  /** Opens a poll in a thread (members of its group); its closing time must lie ahead. */
  async create(threadId: string, input: CreatePollRequest, subject: Subject): Promise<Poll> {
    const access = await this.threads.assert(threadId, subject, 'poll.create');
    if (access.thread.locked) throw conflict('Cette discussion est verrouillée');
    if (new Date(input.closesAt) <= new Date()) {
      const message = 'La date de clôture doit être dans le futur';
      throw badRequest(message, [{ path: 'closesAt', message }]);
    }
    const pollId = await this.store.insert(threadId, subject.userId, input);
    const poll = await this.changed(pollId, access, subject);
    void this.events.emit('poll.opened', this.notice(poll, access));
    return poll;
  }

  /** One poll as `subject` sees it (404 when its thread is hidden from them). Used by meetings too. */
  async get(pollId: string, subject: Subject): Promise<Poll> {
    const { poll, access } = await this.resolve(pollId, subject);
    return this.view(poll, access, subject);
  }

  /** Casts or replaces the caller's vote while the poll is open. */
  async vote(pollId: string, input: CastVoteRequest, subject: Subject): Promise<Poll> {
    const { access } = await this.resolve(pollId, subject, 'poll.vote');
    await this.dataSource.transaction(async (manager) => {
      const poll = await this.lockOpenPoll(manager, pollId);
      const optionIds = new Set((await this.store.findOptions([pollId], manager)).map((o) => o.id));
      await this.store.upsertVote(manager, pollId, subject.userId, checkVote(poll.kind, optionIds, input));
    });
    return this.changed(pollId, access, subject);
  }

  /** Withdraws the caller's vote while the poll is open (nothing happens when there was none). */
  async withdraw(pollId: string, subject: Subject): Promise<Poll> {
    const { access } = await this.resolve(pollId, subject, 'poll.vote');
    await this.dataSource.transaction(async (manager) => {
      await this.lockOpenPoll(manager, pollId);
      await this.store.deleteVote(manager, pollId, subject.userId);
    });
    return this.changed(pollId, access, subject);
  }

  /** Closes the poll with its outcome: its author or a facilitator of the group, once only. */
  async close(pollId: string, input: ClosePollRequest, subject: Subject): Promise<Poll> {
    const { poll, access } = await this.resolve(pollId, subject);
    if (!this.mayClose(poll, access, subject))
      throw forbidden('Seul l’auteur du sondage ou un animateur peut le clore');
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.store.findPoll(pollId, manager, true);
      if (locked?.closedAt) throw conflict('Ce sondage est déjà clos');
      await this.store.close(manager, pollId, input.outcome);
    });
    const closed = await this.changed(pollId, access, subject);
    void this.events.emit('poll.closed', {
      ...this.notice(closed, access),
      voterIds: closed.votes.map((v) => v.voter.id),
    });
    return closed;
  }

  private async resolve(
    pollId: string,
    subject: Subject,
    action: 'thread.view' | 'poll.vote' = 'thread.view',
  ): Promise<{ poll: PollRow; access: ResolvedThread }> {
    const poll = await this.store.findPoll(pollId);
    if (!poll) throw notFound('Sondage introuvable');
    // A poll in a thread the caller cannot read does not exist for them.
    const access = await this.threads.resolve(poll.threadId, subject);
    if (!access || !can(subject, 'thread.view', access.target)) throw notFound('Sondage introuvable');
    if (!can(subject, action, access.target)) throw forbidden();
    return { poll, access };
  }

  /** Locks the poll row so a vote and the closing never cross; 409 once it is closed or past its time. */
  private async lockOpenPoll(manager: EntityManager, pollId: string): Promise<PollRow> {
    const poll = await this.store.findPoll(pollId, manager, true);
    if (!poll) throw notFound('Sondage introuvable');
    if (!isPollOpen(poll)) throw conflict('Ce sondage est clos : les votes ne sont plus acceptés');
    return poll;
  }

  private mayClose(poll: PollRow, access: ResolvedThread, subject: Subject): boolean {
    return poll.authorId === subject.userId || can(subject, 'thread.moderate', access.target);
  }

  private viewer(poll: PollRow, access: ResolvedThread, subject: Subject): Viewer {
    return { userId: subject.userId, mayClose: this.mayClose(poll, access, subject) };
  }

  private async view(poll: PollRow, access: ResolvedThread, subject: Subject): Promise<Poll> {
    const [options, votes, electorate] = await Promise.all([
      this.store.findOptions([poll.id]),
      this.store.findVotes([poll.id]),
      this.store.electorate(access.thread.groupId),
    ]);
    return toPoll(poll, options, votes, electorate, this.viewer(poll, access, subject));
  }

  /**
   * Reloads a poll after a change, pushes it to the thread's room and returns the caller's view. The
   * pushed copy is impersonal (no `myVote`, `canClose` false): clients keep their own from the votes.
   */
  private async changed(pollId: string, access: ResolvedThread, subject: Subject): Promise<Poll> {
    const poll = await this.store.findPoll(pollId);
    if (!poll) throw notFound('Sondage introuvable');
    const mine = await this.view(poll, access, subject);
    this.hub.emit(rooms.thread(poll.threadId), 'poll:updated', { ...mine, myVote: null, canClose: false });
    return mine;
  }

  /** What the domain events of a poll say about it (its notifications need no re-reading). */
  private notice(poll: Poll, access: ResolvedThread): PollNotice {
    return {
      pollId: poll.id,
      threadId: poll.threadId,
      groupId: access.thread.groupId,
      threadTitle: access.thread.title,
      question: poll.question,
      author: poll.author,
    };
  }
}
