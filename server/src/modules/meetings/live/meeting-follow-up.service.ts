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
import { DomainEventBus } from '../../../common/events/domain-event-bus';
import { UserDirectory } from '../../../identity/user-directory';
import { RealtimeHub } from '../../../realtime/realtime-hub';
import { findAction, insertAction, updateAction } from '../follow-up-rows';
import { MeetingAccess } from '../meeting-access';
import { deleteDecision, insertDecision, recordAttendance } from './live-rows';
import { isMeetingParticipant } from './meeting-participant-rows';
import { meetingRoom } from './meeting-room';

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
    private readonly events: DomainEventBus,
    private readonly users: UserDirectory,
  ) {}

  async setAttendance(meetingId: string, body: SetAttendanceRequest, subject: Subject): Promise<void> {
    await this.access.assert(meetingId, subject, 'meeting.manage');
    await this.requireParticipant(meetingId, body.userId);
    await recordAttendance(this.dataSource, meetingId, body, subject.userId);
    this.updated(meetingId);
  }

  async addDecision(meetingId: string, body: CreateDecisionRequest, subject: Subject): Promise<Decision> {
    await this.access.assert(meetingId, subject, 'meeting.manage');
    const decision = await insertDecision(this.dataSource, meetingId, body.text, subject.userId);
    this.updated(meetingId);
    return decision;
  }

  async removeDecision(meetingId: string, decisionId: string, subject: Subject): Promise<void> {
    await this.access.assert(meetingId, subject, 'meeting.manage');
    if (!(await deleteDecision(this.dataSource, meetingId, decisionId)))
      throw notFound('Décision introuvable');
    this.updated(meetingId);
  }

  async addAction(meetingId: string, body: CreateActionRequest, subject: Subject): Promise<FollowUpAction> {
    const { meeting } = await this.access.assert(meetingId, subject, 'meeting.manage');
    if (body.ownerId) await this.requireParticipant(meetingId, body.ownerId);
    const id = await insertAction(this.dataSource, {
      meetingId,
      groupId: meeting.groupId,
      title: body.title,
      ownerId: body.ownerId ?? null,
      dueOn: body.dueOn ?? null,
      createdById: subject.userId,
    });
    this.updated(meetingId);
    const action = await this.action(id);
    if (action.owner) await this.assigned(action, subject);
    return action;
  }

  /** Facilitators change anything; the owner may only change the status (mark it done, or reopen it). */
  async updateAction(actionId: string, body: UpdateActionRequest, subject: Subject): Promise<FollowUpAction> {
    const current = await findAction(this.dataSource, actionId);
    if (!current) throw notFound('Action introuvable');
    const { meeting, target } = await this.access.assert(current.meetingId, subject, 'meeting.view');
    const isOwner = current.owner?.id === subject.userId;
    if (!can(subject, 'meeting.manage', target)) {
      const onlyStatus = Object.keys(body).every((key) => key === 'status');
      if (!isOwner || !onlyStatus) throw forbidden('Seuls les animateurs modifient cette action');
    }
    if (body.ownerId) await this.requireParticipant(meeting.id, body.ownerId);
    await updateAction(this.dataSource, actionId, body);
    this.updated(meeting.id);
    const action = await this.action(actionId);
    if (action.owner && action.owner.id !== current.owner?.id) await this.assigned(action, subject);
    return action;
  }

  /** Tells the domain an action got its owner (the owner's notification, « Nouveautés »). */
  private async assigned(action: FollowUpAction, subject: Subject): Promise<void> {
    if (!action.owner) return;
    void this.events.emit('action.assigned', {
      groupId: action.groupId,
      title: action.title,
      actor: await this.users.person(subject.userId),
      link: `/rencontres/${action.meetingId}`,
      actionId: action.id,
      meetingId: action.meetingId,
      ownerId: action.owner.id,
      dueOn: action.dueOn,
    });
  }

  private async requireParticipant(meetingId: string, userId: string): Promise<void> {
    if (!(await isMeetingParticipant(this.dataSource, meetingId, userId))) {
      throw badRequest('Cette personne n’est ni membre du groupe ni invitée à la rencontre');
    }
  }

  private async action(actionId: string): Promise<FollowUpAction> {
    const action = await findAction(this.dataSource, actionId);
    if (!action) throw notFound('Action introuvable');
    return action;
  }

  private updated(meetingId: string): void {
    this.hub.emit(meetingRoom(meetingId), 'meeting:updated', { meetingId });
  }
}
