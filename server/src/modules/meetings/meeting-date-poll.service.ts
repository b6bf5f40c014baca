import type { CloseDatePollRequest, MeetingDetail, OpenDatePollRequest, Subject } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { badRequest, conflict } from '../../common/errors/app-error';
import { DomainEventBus } from '../../common/events/domain-event-bus';
import { UserDirectory } from '../../identity/user-directory';
import { slotLabel } from '../polls/poll-store';
import { PollsService } from '../polls/polls.service';
import { MeetingAccess } from './meeting-access';
import { MeetingStore } from './meeting-store';
import { MeetingsService } from './meetings.service';

/**
 * Finding a meeting's date with a date poll in the meeting's thread: the facilitator proposes slots,
 * members and guests answer, the facilitator closes it on a slot, which becomes the meeting's date.
 */
@Injectable()
export class MeetingDatePollService {
  constructor(
    private readonly access: MeetingAccess,
    private readonly store: MeetingStore,
    private readonly polls: PollsService,
    private readonly events: DomainEventBus,
    private readonly meetings: MeetingsService,
    private readonly users: UserDirectory,
  ) {}

  /** Opens the date poll (facilitators); one at a time per meeting. */
  async open(meetingId: string, input: OpenDatePollRequest, subject: Subject): Promise<MeetingDetail> {
    const { meeting } = await this.access.assert(meetingId, subject, 'meeting.manage');
    if (meeting.status !== 'planned') throw conflict('Cette rencontre n’est plus à planifier');
    if (!meeting.threadId) throw conflict('Cette rencontre n’a pas de discussion où ouvrir le sondage');
    const current = await this.store.datePoll(meetingId);
    if (current?.datePollId) throw conflict('Un sondage de dates est déjà ouvert pour cette rencontre');
    for (const [i, slot] of input.slots.entries()) {
      if (slot.endsAt <= slot.startsAt) {
        const message = 'La fin suit le début';
        throw badRequest(message, [{ path: `slots.${i}.endsAt`, message }]);
      }
    }
    const poll = await this.polls.create(
      meeting.threadId,
      {
        kind: 'dates',
        question: `Quelle date pour la rencontre « ${meeting.title} » ?`,
        options: input.slots.map((s) => ({ startsAt: s.startsAt, endsAt: s.endsAt })),
        closesAt: input.closesAt,
      },
      subject,
    );
    // A concurrent opening loses here: its poll stays in the thread, the meeting keeps the first one.
    if (!(await this.store.attachDatePoll(meetingId, poll.id)))
      throw conflict('Un sondage de dates est déjà ouvert pour cette rencontre');
    this.meetings.announce(meeting.groupId, meetingId);
    void this.events.emit('meeting.date-poll-opened', {
      groupId: meeting.groupId,
      title: meeting.title,
      actor: await this.users.person(subject.userId),
      link: `/rencontres/${meetingId}`,
      meetingId,
      closesAt: input.closesAt,
    });
    return this.meetings.detail(meetingId, subject);
  }

  /** Closes the date poll on the chosen slot and fixes the meeting's date; invitations go out. */
  async close(meetingId: string, input: CloseDatePollRequest, subject: Subject): Promise<MeetingDetail> {
    const { meeting } = await this.access.assert(meetingId, subject, 'meeting.manage');
    const current = await this.store.datePoll(meetingId);
    if (!current?.datePollId) throw conflict('Aucun sondage de dates n’est ouvert pour cette rencontre');
    const poll = await this.polls.get(current.datePollId, subject);
    const option = poll.options.find((o) => o.id === input.optionId);
    if (!option?.startsAt || !option.endsAt) {
      const message = 'Ce créneau n’appartient pas au sondage';
      throw badRequest(message, [{ path: 'optionId', message }]);
    }
    // Someone may have closed the poll from the thread already: the date is still fixed here.
    if (!poll.closedAt) {
      await this.polls.close(
        poll.id,
        { outcome: `Date retenue : ${slotLabel(option.startsAt, option.endsAt)}` },
        subject,
      );
    }
    if (!(await this.store.dateFromPoll(meetingId, poll.id, option.startsAt, option.endsAt)))
      throw conflict('Ce sondage de dates a déjà été clos');
    if (current.startsAt)
      void this.events.emit('meeting.changed', { meetingId, change: 'moved', actorId: subject.userId });
    else void this.events.emit('meeting.scheduled', { meetingId, actorId: subject.userId });
    this.meetings.announce(meeting.groupId, meetingId);
    return this.meetings.detail(meetingId, subject);
  }
}
