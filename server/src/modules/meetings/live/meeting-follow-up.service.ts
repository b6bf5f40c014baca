import {
  type CreateActionRequest,
  type CreateDecisionRequest,
  can,
  type Decision,
  type FollowUpAction,
  type SetAttendanceRequest,
  type Subject,
  type UpdateActionRequest,
} from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badRequest, forbidden, notFound } from '../../../common/errors/app-error';
import { RealtimeHub } from '../../../realtime/realtime-hub';
import { MeetingAccess } from '../meeting-access';
import { affectedRows } from './affected-rows';
import { isMeetingParticipant } from './meeting-participants';
import { meetingRoom } from './meeting-room';

interface ActionRow {
  id: string;
  meetingId: string;
  groupId: string;
  title: string;
  ownerId: string | null;
  ownerName: string | null;
  dueOn: string | null;
  status: 'open' | 'done';
  doneAt: Date | null;
  createdAt: Date;
}

const ACTION_SELECT = `
  SELECT a.id, a.meeting_id AS "meetingId", a.group_id AS "groupId", a.title, a.owner_id AS "ownerId",
         u.display_name AS "ownerName", to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn", a.status,
         a.done_at AS "doneAt", a.created_at AS "createdAt"
    FROM follow_up_actions a LEFT JOIN users u ON u.id = a.owner_id`;

const toAction = (r: ActionRow): FollowUpAction => ({
  id: r.id,
  meetingId: r.meetingId,
  groupId: r.groupId,
  title: r.title,
  owner: r.ownerId ? { id: r.ownerId, displayName: r.ownerName ?? '' } : null,
  dueOn: r.dueOn,
  status: r.status,
  doneAt: r.doneAt ? new Date(r.doneAt).toISOString() : null,
  createdAt: new Date(r.createdAt).toISOString(),
});

/**
 * What a meeting leaves behind: who attended, what was decided and who does what by when. Facilitators
 * record them (during or after the meeting); the owner of an action may mark it done. Each change
 * tells the meeting's room to refetch ('meeting:updated').
 */
@Injectable()
export class MeetingFollowUpService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: MeetingAccess,
    private readonly hub: RealtimeHub,
  ) {}

  async setAttendance(meetingId: string, body: SetAttendanceRequest, subject: Subject): Promise<void> {
    await this.access.assert(meetingId, subject, 'meeting.manage');
    await this.requireParticipant(meetingId, body.userId);
    await this.dataSource.query(
      `INSERT INTO meeting_attendance (meeting_id, user_id, state, recorded_by_id)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (meeting_id, user_id)
       DO UPDATE SET state = EXCLUDED.state, recorded_by_id = EXCLUDED.recorded_by_id, updated_at = now()`,
      [meetingId, body.userId, body.state, subject.userId],
    );
    this.updated(meetingId);
  }

  async addDecision(meetingId: string, body: CreateDecisionRequest, subject: Subject): Promise<Decision> {
    await this.access.assert(meetingId, subject, 'meeting.manage');
    const [row]: Array<{ id: string; createdAt: Date }> = await this.dataSource.query(
      `INSERT INTO meeting_decisions (meeting_id, text, created_by_id) VALUES ($1, $2, $3)
       RETURNING id, created_at AS "createdAt"`,
      [meetingId, body.text, subject.userId],
    );
    this.updated(meetingId);
    return { id: row.id, meetingId, text: body.text, createdAt: new Date(row.createdAt).toISOString() };
  }

  async removeDecision(meetingId: string, decisionId: string, subject: Subject): Promise<void> {
    await this.access.assert(meetingId, subject, 'meeting.manage');
    const deleted = await this.dataSource.query(
      'DELETE FROM meeting_decisions WHERE id = $1 AND meeting_id = $2 RETURNING id',
      [decisionId, meetingId],
    );
    if (affectedRows(deleted) === 0) throw notFound('Décision introuvable');
    this.updated(meetingId);
  }

  async addAction(meetingId: string, body: CreateActionRequest, subject: Subject): Promise<FollowUpAction> {
    const { meeting } = await this.access.assert(meetingId, subject, 'meeting.manage');
    if (body.ownerId) await this.requireParticipant(meetingId, body.ownerId);
    const [{ id }]: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO follow_up_actions (meeting_id, group_id, title, owner_id, due_on, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [meetingId, meeting.groupId, body.title, body.ownerId ?? null, body.dueOn ?? null, subject.userId],
    );
    this.updated(meetingId);
    return this.action(id);
  }

  /** Facilitators change anything; the owner may only change the status (mark it done, or reopen it). */
  async updateAction(actionId: string, body: UpdateActionRequest, subject: Subject): Promise<FollowUpAction> {
    const current = await this.findAction(actionId);
    if (!current) throw notFound('Action introuvable');
    const { meeting, target } = await this.access.assert(current.meetingId, subject, 'meeting.view');
    const isOwner = current.ownerId === subject.userId;
    if (!can(subject, 'meeting.manage', target)) {
      const onlyStatus = Object.keys(body).every((key) => key === 'status');
      if (!isOwner || !onlyStatus) throw forbidden('Seuls les animateurs modifient cette action');
    }
    if (body.ownerId) await this.requireParticipant(meeting.id, body.ownerId);
    await this.dataSource.query(
      `UPDATE follow_up_actions SET
         title = CASE WHEN $2::boolean THEN $3 ELSE title END,
         owner_id = CASE WHEN $4::boolean THEN $5::uuid ELSE owner_id END,
         due_on = CASE WHEN $6::boolean THEN $7::date ELSE due_on END,
         done_at = CASE WHEN $8::text IS NULL OR $8 = status THEN done_at
                        WHEN $8 = 'done' THEN now() ELSE NULL END,
         status = COALESCE($8, status)
       WHERE id = $1`,
      [
        actionId,
        body.title !== undefined,
        body.title ?? null,
        body.ownerId !== undefined,
        body.ownerId ?? null,
        body.dueOn !== undefined,
        body.dueOn ?? null,
        body.status ?? null,
      ],
    );
    this.updated(meeting.id);
    return this.action(actionId);
  }

  private async requireParticipant(meetingId: string, userId: string): Promise<void> {
    if (!(await isMeetingParticipant(this.dataSource, meetingId, userId))) {
      throw badRequest('Cette personne n’est ni membre du groupe ni invitée à la rencontre');
    }
  }

  private async findAction(actionId: string): Promise<ActionRow | undefined> {
    const rows: ActionRow[] = await this.dataSource.query(`${ACTION_SELECT} WHERE a.id = $1`, [actionId]);
    return rows[0];
  }

  private async action(actionId: string): Promise<FollowUpAction> {
    const row = await this.findAction(actionId);
    if (!row) throw notFound('Action introuvable');
    return toAction(row);
  }

  private updated(meetingId: string): void {
    this.hub.emit(meetingRoom(meetingId), 'meeting:updated', { meetingId });
  }
}
