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
import { AccessEvents } from '../auth/access-events';
import { DiscussionAudience } from './discussion-audience';
import { DiscussionEvents } from './discussion-events';
import { followThread, MessagesService } from './messages.service';
import { type ResolvedThread, ThreadAccess } from './thread-access';
import { selectThreads, type ThreadRow, toThreadSummary, VISIBLE_THREADS } from './thread-rows';

const NEWS_LIMIT = 50;

/** Threads of a group: listing, creation, settings, following, access grants and the news across groups. */
@Injectable()
export class ThreadsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ThreadAccess,
    private readonly messages: MessagesService,
    private readonly events: DiscussionEvents,
    private readonly accessEvents: AccessEvents,
    private readonly audience: DiscussionAudience,
  ) {}

  /** A page of a group's threads (pinned first, then most recent), with the caller's unread counts. */
  async list(groupId: string, query: ListThreadsQuery, subject: Subject): Promise<ThreadPage> {
    // Members see every thread of their group; a guest or former member only those granted to them.
    const member = can(subject, 'thread.view', { groupId });
    const scope = member
      ? 't.group_id = $2'
      : 't.group_id = $2 AND EXISTS (SELECT 1 FROM thread_access_grants ga WHERE ga.thread_id = t.id AND ga.user_id = $1)';
    const kind = query.kind ? 'AND t.kind = $3' : 'AND $3::text IS NULL';
    const offset = Number.parseInt(query.cursor ?? '0', 10);
    if (!Number.isFinite(offset) || offset < 0) throw badRequest('Curseur invalide');
    const rows = await selectThreads(
      this.dataSource.manager,
      subject.userId,
      `WHERE ${scope} ${kind}
       ORDER BY t.pinned DESC, coalesce(t.last_message_at, t.created_at) DESC, t.id
       LIMIT $4 OFFSET $5`,
      [groupId, query.kind ?? null, query.limit + 1, offset],
    );
    if (!member && rows.length === 0 && offset === 0) assertCan(subject, 'thread.view', { groupId });
    const [unread]: Array<{ total: number }> = await this.dataSource.query(
      `SELECT coalesce(sum(GREATEST(t.last_seq - coalesce(rd.last_read_seq, 0), 0)), 0)::int AS total
         FROM threads t
         LEFT JOIN thread_reads rd ON rd.thread_id = t.id AND rd.user_id = $1
         LEFT JOIN thread_follows fo ON fo.thread_id = t.id AND fo.user_id = $1
        WHERE ${scope} AND fo.level IS DISTINCT FROM 'muted'`,
      [subject.userId, groupId],
    );
    return {
      items: rows.slice(0, query.limit).map(toThreadSummary),
      nextCursor: rows.length > query.limit ? String(offset + query.limit) : null,
      groupUnread: unread.total,
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
    const [resent]: Array<{ threadId: string }> = await this.dataSource.query(
      `SELECT m.thread_id AS "threadId" FROM messages m JOIN threads t ON t.id = m.thread_id
        WHERE m.author_id = $1 AND m.client_id = $2 AND m.seq = 1 AND t.group_id = $3`,
      [subject.userId, clientId, groupId],
    );
    if (resent) return this.detail(resent.threadId, subject);
    const prepared = await this.messages.prepare(groupId, input.body, subject);
    const threadId = await this.dataSource.transaction(async (manager) => {
      const [thread]: Array<{ id: string }> = await manager.query(
        `INSERT INTO threads (group_id, kind, title, author_id, status, subject_type, subject_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          groupId,
          input.kind,
          input.title,
          subject.userId,
          input.kind === 'question' ? 'open' : null,
          options.about?.type ?? null,
          options.about?.id ?? null,
        ],
      );
      if (options.asGuest) await insertGrant(manager, thread.id, subject.userId, 'guest', subject.userId);
      await followThread(manager, thread.id, [
        ...(await this.audience.newThreadFollowers(groupId, manager)),
        ...(options.followers ?? []),
      ]);
      const resolved: ResolvedThread = {
        thread: {
          id: thread.id,
          groupId,
          kind: input.kind,
          title: input.title,
          authorId: subject.userId,
          locked: false,
        },
        target: { groupId, threadGrant: options.asGuest ? 'guest' : undefined },
      };
      await this.messages.insert(
        manager,
        resolved,
        { threadId: thread.id, clientId, body: input.body },
        prepared,
        subject,
      );
      return thread.id;
    });
    const detail = await this.detail(threadId, subject);
    const [first] = (await this.messages.list(threadId, { afterSeq: 0, limit: 1 }, subject)).items;
    if (first) await this.events.messagePosted(first, prepared.rendered.bodyText);
    return detail;
  }

  /**
   * The questions about a fiche that the caller may read, newest first: all of them for the members of its
   * group, their own (those they hold a grant on) for anyone else.
   */
  async questionsAbout(ficheId: string, subject: Subject): Promise<ThreadSummary[]> {
    const rows = await selectThreads(
      this.dataSource.manager,
      subject.userId,
      `WHERE t.kind = 'question' AND t.subject_type = 'fiche' AND t.subject_id = $3 AND ${VISIBLE_THREADS}
       ORDER BY t.created_at DESC, t.id`,
      [subject.memberships.map((m) => m.groupId), ficheId],
    );
    return rows.map(toThreadSummary);
  }

  /** One thread as opened by the caller, with what they may do in it. */
  async detail(threadId: string, subject: Subject): Promise<ThreadDetail> {
    const resolved = await this.access.assert(threadId, subject, 'thread.view');
    const [row] = await selectThreads(this.dataSource.manager, subject.userId, 'WHERE t.id = $2', [threadId]);
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
    const sets: string[] = [];
    const params: unknown[] = [threadId];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (input.title !== undefined) {
      if (!author && !moderator) throw forbidden('Seul·e l’auteur·rice ou l’animateur·rice peut renommer');
      set('title', input.title);
    }
    if (input.pinned !== undefined || input.locked !== undefined) {
      if (!moderator) throw forbidden('Réservé à l’animateur·rice du groupe');
      if (input.pinned !== undefined) set('pinned', input.pinned);
      if (input.locked !== undefined) set('locked', input.locked);
    }
    if (input.solvedMessageId !== undefined) {
      if (thread.kind !== 'question') throw badRequest('Seule une problématique peut être résolue');
      if (!author && !moderator)
        throw forbidden('Seul·e l’auteur·rice ou l’animateur·rice peut clore la question');
      if (input.solvedMessageId) {
        const [message] = await this.dataSource.query(
          `SELECT 1 FROM messages WHERE id = $1 AND thread_id = $2
              AND deleted_at IS NULL AND hidden_at IS NULL AND moved_to_thread_id IS NULL`,
          [input.solvedMessageId, threadId],
        );
        if (!message) throw badRequest('Ce message n’est pas dans cette discussion');
      }
      set('solved_message_id', input.solvedMessageId);
      set('status', input.solvedMessageId ? 'solved' : 'open');
    }
    if (sets.length > 0) {
      await this.dataSource.query(`UPDATE threads SET ${sets.join(', ')} WHERE id = $1`, params);
      await this.events.threadChanged(threadId);
    }
    return this.detail(threadId, subject);
  }

  /** Follows, mutes or returns a thread to the default (notified when mentioned). */
  async setFollow(threadId: string, follow: FollowLevel, subject: Subject): Promise<ThreadDetail> {
    await this.access.assert(threadId, subject, 'thread.view');
    if (follow === 'default') {
      await this.dataSource.query('DELETE FROM thread_follows WHERE user_id = $1 AND thread_id = $2', [
        subject.userId,
        threadId,
      ]);
    } else {
      await this.dataSource.query(
        `INSERT INTO thread_follows (user_id, thread_id, level) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, thread_id) DO UPDATE SET level = EXCLUDED.level, updated_at = now()`,
        [subject.userId, threadId, follow],
      );
    }
    return this.detail(threadId, subject);
  }

  /** The caller's own discussion settings in a group. */
  async settings(groupId: string, subject: Subject): Promise<GroupDiscussionSettings> {
    assertCan(subject, 'thread.create', { groupId });
    const [row]: Array<{ followAllNewThreads: boolean }> = await this.dataSource.query(
      `SELECT follow_all_new_threads AS "followAllNewThreads" FROM group_member_settings
        WHERE group_id = $1 AND user_id = $2`,
      [groupId, subject.userId],
    );
    return { followAllNewThreads: row?.followAllNewThreads ?? false };
  }

  /** Stores the caller's discussion settings in a group. */
  async saveSettings(
    groupId: string,
    input: GroupDiscussionSettings,
    subject: Subject,
  ): Promise<GroupDiscussionSettings> {
    assertCan(subject, 'thread.create', { groupId });
    await this.dataSource.query(
      `INSERT INTO group_member_settings (group_id, user_id, follow_all_new_threads) VALUES ($1, $2, $3)
       ON CONFLICT (group_id, user_id) DO UPDATE SET follow_all_new_threads = EXCLUDED.follow_all_new_threads`,
      [groupId, subject.userId, input.followAllNewThreads],
    );
    return this.settings(groupId, subject);
  }

  /** Guests and former members allowed into a thread. */
  async grants(threadId: string, subject: Subject): Promise<ThreadAccessGrant[]> {
    await this.access.assert(threadId, subject, 'thread.grant-access');
    const rows: Array<{
      userId: string;
      displayName: string;
      kind: ThreadAccessGrant['kind'];
      grantedById: string;
      grantedByName: string;
      createdAt: Date;
    }> = await this.dataSource.query(
      `SELECT g.user_id AS "userId", u.display_name AS "displayName", g.kind, g.granted_by_id AS "grantedById",
              gb.display_name AS "grantedByName", g.created_at AS "createdAt"
         FROM thread_access_grants g JOIN users u ON u.id = g.user_id JOIN users gb ON gb.id = g.granted_by_id
        WHERE g.thread_id = $1 ORDER BY g.created_at`,
      [threadId],
    );
    return rows.map((r) => ({
      userId: r.userId,
      displayName: r.displayName,
      kind: r.kind,
      grantedBy: { id: r.grantedById, displayName: r.grantedByName },
      createdAt: new Date(r.createdAt).toISOString(),
    }));
  }

  /**
   * People who wrote in the thread and are no longer members of its group, without a grant yet: those a
   * facilitator may let keep reading it.
   */
  async formerParticipants(threadId: string, subject: Subject): Promise<PersonRef[]> {
    const { thread } = await this.access.assert(threadId, subject, 'thread.grant-access');
    return this.dataSource.query(
      `SELECT DISTINCT u.id, u.display_name AS "displayName"
         FROM messages m JOIN users u ON u.id = m.author_id
        WHERE m.thread_id = $1
          AND NOT EXISTS (SELECT 1 FROM memberships ms WHERE ms.user_id = u.id AND ms.group_id = $2)
          AND NOT EXISTS (SELECT 1 FROM thread_access_grants g WHERE g.thread_id = $1 AND g.user_id = u.id)
        ORDER BY u.display_name`,
      [threadId, thread.groupId],
    );
  }

  /** Lets a guest in, or lets a former member keep reading a thread they took part in. */
  async grant(
    threadId: string,
    input: GrantThreadAccessRequest,
    subject: Subject,
  ): Promise<ThreadAccessGrant[]> {
    const { thread } = await this.access.assert(threadId, subject, 'thread.grant-access');
    const [user]: Array<{ member: boolean; posted: boolean }> = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM memberships WHERE user_id = u.id AND group_id = $2) AS member,
              EXISTS (SELECT 1 FROM messages WHERE author_id = u.id AND thread_id = $3) AS posted
         FROM users u WHERE u.id = $1`,
      [input.userId, thread.groupId, threadId],
    );
    if (!user) throw notFound('Personne introuvable');
    if (user.member) throw conflict('Cette personne est membre du groupe');
    if (input.kind === 'former_member' && !user.posted) {
      throw badRequest(
        'Un·e ancien·ne membre ne garde l’accès qu’aux discussions auxquelles il ou elle a pris part',
      );
    }
    await insertGrant(this.dataSource.manager, threadId, input.userId, input.kind, subject.userId);
    // A guest turned former member loses the right to post: their sockets are re-checked.
    await this.accessEvents.changed(input.userId);
    return this.grants(threadId, subject);
  }

  /** Withdraws a grant; the person's sockets leave the thread's room on every node. */
  async revoke(threadId: string, userId: string, subject: Subject): Promise<void> {
    await this.access.assert(threadId, subject, 'thread.grant-access');
    await this.dataSource.query('DELETE FROM thread_access_grants WHERE thread_id = $1 AND user_id = $2', [
      threadId,
      userId,
    ]);
    await this.accessEvents.changed(userId);
  }

  /** "Nouveautés": threads with unread messages across my groups and grants, newest first. */
  async news(subject: Subject): Promise<NewsPage> {
    const rows = await selectThreads(
      this.dataSource.manager,
      subject.userId,
      `WHERE ${VISIBLE_THREADS} AND t.last_seq > coalesce(rd.last_read_seq, 0) AND fo.level IS DISTINCT FROM 'muted'
       ORDER BY t.last_message_at DESC NULLS LAST, t.id`,
      [subject.memberships.map((m) => m.groupId)],
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
    const [fiche]: Array<{ groupId: string; title: string }> = await this.dataSource.query(
      'SELECT group_id AS "groupId", title FROM fiches WHERE id = $1',
      [ficheId],
    );
    if (!fiche) throw can(subject, 'user.list') ? notFound('Fiche introuvable') : forbidden();
    // Discussing a fiche is for the members of its group, who may also view it.
    if (
      !can(subject, 'fiche.view', { groupId: fiche.groupId }) ||
      !can(subject, 'thread.create', { groupId: fiche.groupId })
    ) {
      throw forbidden();
    }
    await this.dataSource.query(
      `INSERT INTO threads (group_id, kind, title, author_id, subject_type, subject_id)
       VALUES ($1, 'discussion', $2, $3, 'fiche', $4)
       ON CONFLICT (subject_type, subject_id) WHERE kind <> 'question' DO NOTHING`,
      [fiche.groupId, fiche.title, subject.userId, ficheId],
    );
    const [thread]: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM threads WHERE subject_type = 'fiche' AND subject_id = $1 AND kind <> 'question'`,
      [ficheId],
    );
    return this.detail(thread.id, subject);
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

/** Lets a user into one thread (a guest) or lets a former member keep reading it: the one write of a grant. */
async function insertGrant(
  manager: EntityManager,
  threadId: string,
  userId: string,
  kind: ThreadAccessGrant['kind'],
  grantedById: string,
): Promise<void> {
  await manager.query(
    `INSERT INTO thread_access_grants (thread_id, user_id, kind, granted_by_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (thread_id, user_id) DO UPDATE SET kind = EXCLUDED.kind, granted_by_id = EXCLUDED.granted_by_id`,
    [threadId, userId, kind, grantedById],
  );
}
