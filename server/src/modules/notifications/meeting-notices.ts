import type { NotificationKind } from '@affluents/contracts';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DomainEventBus } from '../../common/events/domain-event-bus';
import type { DomainEvents, GroupNotice } from '../../common/events/domain-events';
import { meetingChangeKind } from '../../common/events/meeting-change-kind';
import { UserDirectory } from '../../identity/user-directory';
import { MeetingAudience } from '../meetings/meeting-audience';
import { listen } from './notice-listener';
import { NotificationAudience } from './notification-audience';
import { draftsFor, Reasons } from './notification-reasons';
import { frenchMoment, meetingLink, minutesLink } from './notification-text';
import { NotificationsService } from './notifications.service';

/**
 * Notifications about meetings: a date poll opened, a meeting planned (one at a time or a year at once),
 * moved or cancelled, a guest invited, minutes opened for review or published. Everyone invited hears
 * (the group's members and the meeting's guests), except: the guest invitation goes to that guest, the
 * review to those who took part, the published minutes to guests only when shown to them. Recipients pass
 * `meeting.view`; the actor is never notified. A dated meeting's invitation and changes are mailed with
 * their calendar file by MeetingMailer: those notifications get no second, generic email.
 */
@Injectable()
export class MeetingNotices implements OnModuleInit {
  private readonly logger = new Logger('MeetingNotices');

  constructor(
    private readonly events: DomainEventBus,
    private readonly meetings: MeetingAudience,
    private readonly audience: NotificationAudience,
    private readonly users: UserDirectory,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    const on = <E extends keyof DomainEvents>(name: E, work: (e: DomainEvents[E]) => Promise<void>) =>
      listen(this.events, this.logger, name, work);
    on('meeting.date-poll-opened', (e) =>
      this.notify(e.meetingId, 'meeting_date_poll', e.actor?.id ?? null, {
        excerpt: `Proposez vos disponibilités avant le ${frenchMoment(e.closesAt)}.`,
        notice: e,
      }),
    );
    on('meeting.scheduled', (e) => this.notify(e.meetingId, 'meeting_planned', e.actorId ?? null));
    on('meeting.year-planned', (e) => this.notifyYear(e));
    on('meeting.changed', (e) => this.notify(e.meetingId, meetingChangeKind(e.change), e.actorId ?? null));
    on('meeting.guest-invited', (e) =>
      this.notify(e.meetingId, 'meeting_guest_invited', e.actorId ?? null, { only: [e.userId] }),
    );
    on('minutes.review-opened', (e) =>
      this.notify(e.meetingId, 'minutes_review', e.actor?.id ?? null, {
        excerpt: `Relisez le projet de procès-verbal et proposez vos amendements jusqu’au ${frenchMoment(e.reviewEndsAt)}.`,
        notice: e,
      }),
    );
    on('minutes.published', (e) =>
      this.notify(e.meetingId, 'minutes_published', e.actor?.id ?? null, {
        excerpt: 'Le procès-verbal est publié.',
        notice: e,
      }),
    );
  }

  private async notify(
    meetingId: string,
    kind: NotificationKind,
    actorId: string | null,
    options: { excerpt?: string; notice?: GroupNotice; only?: string[] } = {},
  ): Promise<void> {
    const meeting = await this.meetings.notice(meetingId);
    if (!meeting) return;
    const { memberIds, guestIds } = await this.meetings.invitees(meetingId);
    const candidates =
      options.only ??
      (kind === 'minutes_review'
        ? await this.meetings.participants(meetingId)
        : kind === 'minutes_published' && !meeting.minutesVisibleToGuests
          ? memberIds
          : [...memberIds, ...guestIds]);
    const reasons = new Reasons();
    reasons.add(candidates, kind);
    if (actorId) reasons.drop([actorId]);
    const allowed = await this.audience.meetingViewers({ groupId: meeting.groupId, guestIds }, reasons.users);
    const when = meeting.startsAt ? frenchMoment(meeting.startsAt) : null;
    const excerpt =
      options.excerpt ??
      (kind === 'meeting_cancelled'
        ? `La rencontre${when ? ` du ${when}` : ''} est annulée.`
        : kind === 'meeting_moved'
          ? `Nouvelle date ou nouveau lieu${when ? ` : ${when}` : ''}.`
          : when
            ? `Le ${when}.`
            : 'Date à fixer.');
    const isMinutes = kind === 'minutes_review' || kind === 'minutes_published';
    await this.notifications.deliver(
      draftsFor(reasons, allowed, {
        actor: options.notice?.actor ?? (actorId ? await this.users.person(actorId) : null),
        groupId: meeting.groupId,
        meetingId,
        link: options.notice?.link ?? (isMinutes ? minutesLink(meetingId) : meetingLink(meetingId)),
        title: meeting.title,
        excerpt,
        // Invitations and changes of a dated meeting are mailed at once with their calendar file.
        emailedElsewhere: meeting.startsAt !== null && !isMinutes && kind !== 'meeting_date_poll',
      }),
    );
  }

  /** A year planned at once: one notification per person, about the first meeting, listing the count. */
  private async notifyYear(e: DomainEvents['meeting.year-planned']): Promise<void> {
    const [first] = e.meetingIds;
    if (!first) return;
    const meeting = await this.meetings.notice(first);
    if (!meeting) return;
    const { memberIds, guestIds } = await this.meetings.invitees(first);
    const reasons = new Reasons();
    reasons.add(memberIds, 'meeting_planned');
    if (e.actorId) reasons.drop([e.actorId]);
    const allowed = await this.audience.meetingViewers({ groupId: meeting.groupId, guestIds }, reasons.users);
    await this.notifications.deliver(
      draftsFor(reasons, allowed, {
        actor: e.actorId ? await this.users.person(e.actorId) : null,
        groupId: meeting.groupId,
        meetingId: first,
        link: `/groupes/${e.groupId}`,
        title: `${e.meetingIds.length} rencontres planifiées`,
        excerpt: meeting.startsAt ? `La première le ${frenchMoment(meeting.startsAt)}.` : '',
        emailedElsewhere: true,
      }),
    );
  }
}
