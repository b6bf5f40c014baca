import { type Action, can, type Subject, type Target } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { forbidden, notFound } from '../../common/errors/app-error';

/** The facts about a session that access decisions need. */
export interface SessionFacts {
  id: string;
  groupId: string;
  title: string;
  status: 'planned' | 'live' | 'done' | 'cancelled';
  threadId: string | null;
  agendaDocName: string;
  notesDocName: string;
}

export interface ResolvedSession {
  session: SessionFacts;
  /** Policy target: the session's group and whether the caller is a guest of this session. */
  target: Target;
}

/**
 * Who may do what on one session: members of its group, and the guests invited to this one session
 * (a guest sees that session, its agenda, its thread and its minutes, nothing else). A session the
 * caller may not see answers 404, never 403.
 */
@Injectable()
export class SessionAccess {
  constructor(private readonly dataSource: DataSource) {}

  async resolve(sessionId: string, subject: Subject): Promise<ResolvedSession | null> {
    const rows: Array<SessionFacts & { guest: boolean }> = await this.dataSource.query(
      `SELECT s.id, s.group_id AS "groupId", s.title, s.status, s.thread_id AS "threadId",
              s.agenda_doc_name AS "agendaDocName", s.notes_doc_name AS "notesDocName",
              EXISTS (SELECT 1 FROM session_guests g WHERE g.session_id = s.id AND g.user_id = $2) AS guest
         FROM sessions s WHERE s.id = $1`,
      [sessionId, subject.userId],
    );
    const row = rows[0];
    if (!row) return null;
    const { guest, ...session } = row;
    return { session, target: { groupId: session.groupId, sessionGuest: guest } };
  }

  async canView(sessionId: string, subject: Subject): Promise<boolean> {
    const resolved = await this.resolve(sessionId, subject);
    return resolved !== null && can(subject, 'session.view', resolved.target);
  }

  /** Resolves the session and checks `action`: 404 when invisible to the caller, 403 when visible only. */
  async assert(sessionId: string, subject: Subject, action: Action): Promise<ResolvedSession> {
    const resolved = await this.resolve(sessionId, subject);
    if (!resolved || !can(subject, 'session.view', resolved.target)) throw notFound('Rencontre introuvable');
    if (!can(subject, action, resolved.target)) throw forbidden();
    return resolved;
  }
}
