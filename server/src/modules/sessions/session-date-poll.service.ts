import type { CloseDatePollRequest, OpenDatePollRequest, SessionDetail, Subject } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badRequest, conflict } from '../../common/errors/app-error';
import { slotLabel } from '../polls/poll-store';
import { PollsService } from '../polls/polls.service';
import { SessionAccess } from './session-access';
import { SessionEvents } from './session-events';
import { SessionsService } from './sessions.service';

/**
 * Finding a session's date with a date poll in the session's thread: the facilitator proposes slots,
 * members and guests answer, the facilitator closes it on a slot, which becomes the session's date.
 */
@Injectable()
export class SessionDatePollService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: SessionAccess,
    private readonly polls: PollsService,
    private readonly events: SessionEvents,
    private readonly sessions: SessionsService,
  ) {}

  /** Opens the date poll (facilitators); one at a time per session. */
  async open(sessionId: string, input: OpenDatePollRequest, subject: Subject): Promise<SessionDetail> {
    const { session } = await this.access.assert(sessionId, subject, 'session.manage');
    if (session.status !== 'planned') throw conflict('Cette rencontre n’est plus à planifier');
    if (!session.threadId) throw conflict('Cette rencontre n’a pas de discussion où ouvrir le sondage');
    const [current]: Array<{ datePollId: string | null }> = await this.dataSource.query(
      'SELECT date_poll_id AS "datePollId" FROM sessions WHERE id = $1',
      [sessionId],
    );
    if (current?.datePollId) throw conflict('Un sondage de dates est déjà ouvert pour cette rencontre');
    for (const [i, slot] of input.slots.entries()) {
      if (slot.endsAt <= slot.startsAt) {
        const message = 'La fin suit le début';
        throw badRequest(message, [{ path: `slots.${i}.endsAt`, message }]);
      }
    }
    const poll = await this.polls.create(
      session.threadId,
      {
        kind: 'dates',
        question: `Quelle date pour la rencontre « ${session.title} » ?`,
        options: input.slots.map((s) => ({ startsAt: s.startsAt, endsAt: s.endsAt })),
        closesAt: input.closesAt,
      },
      subject,
    );
    // A concurrent opening loses here: its poll stays in the thread, the session keeps the first one.
    const [{ n: updated }]: Array<{ n: number }> = await this.dataSource.query(
      `WITH u AS (UPDATE sessions SET date_poll_id = $2, updated_at = now() WHERE id = $1 AND date_poll_id IS NULL
                  RETURNING 1)
       SELECT count(*)::int AS n FROM u`,
      [sessionId, poll.id],
    );
    if (updated === 0) throw conflict('Un sondage de dates est déjà ouvert pour cette rencontre');
    this.sessions.announce(session.groupId, sessionId);
    return this.sessions.detail(sessionId, subject);
  }

  /** Closes the date poll on the chosen slot and fixes the session's date; invitations go out. */
  async close(sessionId: string, input: CloseDatePollRequest, subject: Subject): Promise<SessionDetail> {
    const { session } = await this.access.assert(sessionId, subject, 'session.manage');
    const [current]: Array<{ datePollId: string | null; startsAt: Date | null }> =
      await this.dataSource.query(
        'SELECT date_poll_id AS "datePollId", starts_at AS "startsAt" FROM sessions WHERE id = $1',
        [sessionId],
      );
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
    const [{ n: fixed }]: Array<{ n: number }> = await this.dataSource.query(
      `WITH u AS (UPDATE sessions SET starts_at = $3, ends_at = $4, date_poll_id = NULL,
                         ical_sequence = ical_sequence + 1, updated_at = now()
                   WHERE id = $1 AND date_poll_id = $2 RETURNING 1)
       SELECT count(*)::int AS n FROM u`,
      [sessionId, poll.id, option.startsAt, option.endsAt],
    );
    if (fixed === 0) throw conflict('Ce sondage de dates a déjà été clos');
    if (current.startsAt) this.events.changed(sessionId, 'moved');
    else this.events.scheduled(sessionId);
    this.sessions.announce(session.groupId, sessionId);
    return this.sessions.detail(sessionId, subject);
  }
}
