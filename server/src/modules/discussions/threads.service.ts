import { randomUUID } from 'node:crypto';
import {
  type CreateThreadRequest,
  can,
  type FollowLevel,
  type GrantThreadAccessRequest,
  type GroupDiscussionSettings,
  type ListThreadsQuery,
  type NewsPage,
  type PersonRef,
  type Subject,
  type ThreadAccessGrant,
  type ThreadDetail,
  type ThreadPage,
  type ThreadSummary,
  type UpdateThreadRequest,
} from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { assertCan } from '../../common/auth/policy';
import { badRequest, conflict, forbidden, notFound } from '../../common/errors/app-error';
import { AccessEvents } from '../../identity/access-events';
import { FichesService } from '../fiches/fiches.service';
import { DiscussionEvents } from './discussion-events';
import { MessageBatchWriter } from './message-batch-writer';
import { ThreadAccess } from './thread-access';
import {
  saveFollowsAllNewThreads,
  selectFollowsAllNewThreads,
  selectNewThreadFollowers,
  setFollowLevel,
} from './thread-follows';
import {
  deleteGrant,
  selectFormerParticipants,
  selectGrantCandidate,
  selectGrants,
  upsertGrant,
} from './thread-grants';
import {
  ensureFicheThread,
  insertThread,
  isShownMessageOf,
  selectFicheQuestions,
  selectGroupThreads,
  selectGroupUnread,
  selectThread,
  selectThreadOpenedWith,
  selectUnreadThreads,
  type ThreadChanges,
  type ThreadRow,
  toThreadSummary,
  updateThread,
} from './thread-rows';

const NEWS_LIMIT = 50;

/** Threads of a group: listing, creation, settings, following, access grants and the news across groups. */
@Injectable()
export class ThreadsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ThreadAccess,
    private readonly writer: MessageBatchWriter,
    private readonly events: DiscussionEvents,
    private readonly accessEvents: AccessEvents,
    private readonly fiches: FichesService,
  ) {}

  /** A page of a group's threads (pinned first, then most recent), with the caller's unread counts. */
  async list(groupId: string, query: ListThreadsQuery, subject: Subject): Promise<ThreadPage> {
    // Members see every thread of their group; a guest or former member only those granted to them.
    const member = can(subject, 'thread.view', { groupId });
    const offset = Number.parseInt(query.cursor ?? '0', 10);
    if (!Number.isFinite(offset) || offset < 0) throw badRequest('Curseur invalide');
    const manager = this.dataSource.manager;
    const scope = { userId: subject.userId, groupId, member };
    const rows = await selectGroupThreads(manager, {
      ...scope,
      kind: query.kind ?? null,
      limit: query.limit + 1,
      offset,
    });
    if (!member && rows.length === 0 && offset === 0) assertCan(subject, 'thread.view', { groupId });
    const groupUnread = await selectGroupUnread(manager, scope);
    return {
      items: rows.slice(0, query.limit).map(toThreadSummary),
      nextCursor: rows.length > query.limit ? String(offset + query.limit) : null,
      groupUnread,
    };
  }

  /** Opens a thread with its first message, for a member of the group. */
  async create(groupId: string, input: CreateThreadRequest, subject: Subject): Promise<ThreadDetail> {
    assertCan(subject, 'thread.create', { groupId });
    if (input.kind === 'announcement') assertCan(subject, 'thread.announce', { groupId });
    return this.open(groupId, input, subject);
  }

  /**
   * The one path that opens a thread with its first message, once the caller's right to is decided:
   * members who follow all new threads of the group follow it, and so do `followers`. `about` is the object
   * it is about (a question on a fiche); `asGuest` gives its author, who is not a member of the group, a
   * guest grant on this one thread so they can read and answer in it.
   */
  async open(
    groupId: string,
    input: CreateThreadRequest,
    subject: Subject,
    options: { about?: { type: 'fiche'; id: string }; asGuest?: boolean; followers?: string[] } = {},
  ): Promise<ThreadDetail> {
    const clientId = input.clientId ?? randomUUID();
    const manager = this.dataSource.manager;
    const resent = await selectThreadOpenedWith(manager, { authorId: subject.userId, clientId, groupId });
    if (resent) return this.detail(resent, subject);
    const prepared = await this.writer.prepare(groupId, input.body, subject);
    const first = await this.dataSource.transaction(async (manager) => {
      const threadId = await insertThread(manager, {
        groupId,
        kind: input.kind,
        title: input.title,
        authorId: subject.userId,
        status: input.kind === 'question' ? 'open' : null,
        about: options.about ?? null,
      });
      if (options.asGuest) await upsertGrant(manager, threadId, subject.userId, 'guest', subject.userId);
      const followers = await selectNewThreadFollowers(manager, groupId);
      return this.writer.writeFirst(manager, {
        threadId,
        clientId,
        body: input.body,
        prepared,
        followers: [...followers, ...(options.followers ?? [])],
        subject,
      });
    });
    const detail = await this.detail(first.threadId, subject);
    await this.events.messagePosted(first, prepared.rendered.bodyText);
    return detail;
  }

  /**
   * The questions about a fiche that the caller may read, newest first: all of them for the members of its
   * group, their own (those they hold a grant on) for anyone else.
   */
  async questionsAbout(ficheId: string, subject: Subject): Promise<ThreadSummary[]> {
    const rows = await selectFicheQuestions(
      this.dataSource.manager,
      subject.userId,
      subject.memberships.map((m) => m.groupId),
      ficheId,
    );
    return rows.map(toThreadSummary);
  }

  /** One thread as opened by the caller, with what they may do in it. */
  async detail(threadId: string, subject: Subject): Promise<ThreadDetail> {
    const resolved = await this.access.assert(threadId, subject, 'thread.view');
    const row = await selectThread(this.dataSource.manager, subject.userId, threadId);
    if (!row) throw notFound('Discussion introuvable');
    const canModerate = can(subject, 'thread.moderate', resolved.target);
    return this.toDetail(row, {
      canModerate,
      canPost: can(subject, 'message.post', resolved.target) && (!row.locked || canModerate),
    });
  }

  /** Renames (author or facilitator), pins and locks (facilitator), marks a question solved or open again. */
  async update(threadId: string, input: UpdateThreadRequest, subject: Subject): Promise<ThreadDetail> {
    const { thread, target } = await this.access.assert(threadId, subject, 'thread.view');
    const moderator = can(subject, 'thread.moderate', target);
    const author = thread.authorId === subject.userId && can(subject, 'message.post', target);
    const changes: ThreadChanges = {};
    if (input.title !== undefined) {
      if (!author && !moderator) throw forbidden('Seul·e l’auteur·rice ou l’animateur·rice peut renommer');
      changes.title = input.title;
    }
    if (input.pinned !== undefined || input.locked !== undefined) {
      if (!moderator) throw forbidden('Réservé à l’animateur·rice du groupe');
      changes.pinned = input.pinned;
      changes.locked = input.locked;
    }
    if (input.solvedMessageId !== undefined) {
      if (thread.kind !== 'question') throw badRequest('Seule une problématique peut être résolue');
      if (!author && !moderator)
        throw forbidden('Seul·e l’auteur·rice ou l’animateur·rice peut clore la question');
      if (
        input.solvedMessageId &&
        !(await isShownMessageOf(this.dataSource.manager, threadId, input.solvedMessageId))
      ) {
        throw badRequest('Ce message n’est pas dans cette discussion');
      }
      changes.solved = {
        messageId: input.solvedMessageId,
        status: input.solvedMessageId ? 'solved' : 'open',
      };
    }
    if (await updateThread(this.dataSource.manager, threadId, changes)) {
      await this.events.threadChanged(threadId);
    }
    return this.detail(threadId, subject);
  }

  /** Follows, mutes or returns a thread to the default (notified when mentioned). */
  async setFollow(threadId: string, follow: FollowLevel, subject: Subject): Promise<ThreadDetail> {
    await this.access.assert(threadId, subject, 'thread.view');
    await setFollowLevel(this.dataSource.manager, subject.userId, threadId, follow);
    return this.detail(threadId, subject);
  }

  /** The caller's own discussion settings in a group. */
  async settings(groupId: string, subject: Subject): Promise<GroupDiscussionSettings> {
    assertCan(subject, 'thread.create', { groupId });
    return {
      followAllNewThreads: await selectFollowsAllNewThreads(this.dataSource.manager, groupId, subject.userId),
    };
  }

  /** Stores the caller's discussion settings in a group. */
  async saveSettings(
    groupId: string,
    input: GroupDiscussionSettings,
    subject: Subject,
  ): Promise<GroupDiscussionSettings> {
    assertCan(subject, 'thread.create', { groupId });
    await saveFollowsAllNewThreads(
      this.dataSource.manager,
      groupId,
      subject.userId,
      input.followAllNewThreads,
    );
    return this.settings(groupId, subject);
  }

  /** Guests and former members allowed into a thread. */
  async grants(threadId: string, subject: Subject): Promise<ThreadAccessGrant[]> {
    await this.access.assert(threadId, subject, 'thread.grant-access');
    return selectGrants(this.dataSource.manager, threadId);
  }

  /**
   * People who wrote in the thread and are no longer members of its group, without a grant yet: those a
   * facilitator may let keep reading it.
   */
  async formerParticipants(threadId: string, subject: Subject): Promise<PersonRef[]> {
    const { thread } = await this.access.assert(threadId, subject, 'thread.grant-access');
    return selectFormerParticipants(this.dataSource.manager, threadId, thread.groupId);
  }

  /** Lets a guest in, or lets a former member keep reading a thread they took part in. */
  async grant(
    threadId: string,
    input: GrantThreadAccessRequest,
    subject: Subject,
  ): Promise<ThreadAccessGrant[]> {
    const { thread } = await this.access.assert(threadId, subject, 'thread.grant-access');
    const user = await selectGrantCandidate(this.dataSource.manager, input.userId, thread);
    if (!user) throw notFound('Personne introuvable');
    if (user.member) throw conflict('Cette personne est membre du groupe');
    if (input.kind === 'former_member' && !user.posted) {
      throw badRequest(
        'Un·e ancien·ne membre ne garde l’accès qu’aux discussions auxquelles il ou elle a pris part',
      );
    }
    await upsertGrant(this.dataSource.manager, threadId, input.userId, input.kind, subject.userId);
    // A guest turned former member loses the right to post: their sockets are re-checked.
    await this.accessEvents.changed(input.userId);
    return this.grants(threadId, subject);
  }

  /** Withdraws a grant; the person's sockets leave the thread's room on every node. */
  async revoke(threadId: string, userId: string, subject: Subject): Promise<void> {
    await this.access.assert(threadId, subject, 'thread.grant-access');
    await deleteGrant(this.dataSource.manager, threadId, userId);
    await this.accessEvents.changed(userId);
  }

  /** "Nouveautés": threads with unread messages across my groups and grants, newest first. */
  async news(subject: Subject): Promise<NewsPage> {
    const rows = await selectUnreadThreads(
      this.dataSource.manager,
      subject.userId,
      subject.memberships.map((m) => m.groupId),
    );
    const items = rows.slice(0, NEWS_LIMIT).map((row) => ({
      ...toThreadSummary(row),
      group: { id: row.groupId, kind: row.groupKind, bassinName: row.bassinName },
    }));
    const totalUnread = rows.reduce((sum, row) => sum + Math.max(0, row.lastSeq - row.lastReadSeq), 0);
    return { items, totalUnread };
  }

  /** The fiche's own thread, opened on first use (the unique subject makes concurrent calls agree). */
  async ficheThread(ficheId: string, subject: Subject): Promise<ThreadDetail> {
    // Same answer as reading the fiche when it is missing or out of reach (404 for an administrator, 403).
    const { fiche } = await this.fiches.readableFiche(ficheId, subject);
    // Discussing a fiche is for the members of its group, who may also view it.
    if (
      !can(subject, 'fiche.view', { groupId: fiche.groupId }) ||
      !can(subject, 'thread.create', { groupId: fiche.groupId })
    ) {
      throw forbidden();
    }
    const threadId = await ensureFicheThread(this.dataSource.manager, fiche, subject.userId);
    return this.detail(threadId, subject);
  }

  /**
   * Inserts a thread about another feature's object (a meeting's own thread) in the caller's transaction,
   * without a first message. Returns its id.
   */
  insertThreadAbout(
    manager: EntityManager,
    thread: { groupId: string; title: string; authorId: string; about: { type: 'meeting'; id: string } },
  ): Promise<string> {
    return insertThread(manager, { ...thread, kind: 'discussion', status: null });
  }

  /** Lets a guest into one thread (a meeting's), in the caller's transaction. */
  grantGuest(manager: EntityManager, threadId: string, userId: string, grantedById: string): Promise<void> {
    return upsertGrant(manager, threadId, userId, 'guest', grantedById);
  }

  /** Withdraws a guest's grant on a thread, in the caller's transaction; a former member keeps theirs. */
  revokeGuest(manager: EntityManager, threadId: string, userId: string): Promise<void> {
    return deleteGrant(manager, threadId, userId, 'guest');
  }

  private toDetail(row: ThreadRow, rights: { canPost: boolean; canModerate: boolean }): ThreadDetail {
    return {
      ...toThreadSummary(row),
      group: { id: row.groupId, kind: row.groupKind, bassinName: row.bassinName },
      ...rights,
      lastChange: row.lastChange,
    };
  }
}
