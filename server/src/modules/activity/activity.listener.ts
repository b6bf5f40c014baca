import type { ActivityKind } from '@affluents/contracts';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DomainEventBus } from '../../common/events/domain-event-bus';
import type {
  DomainEventName,
  DomainEvents,
  GroupNotice,
  MeetingChange,
} from '../../common/events/domain-events';
import { frenchSlot } from '../meetings/calendar/brussels-time';
import { MeetingAccess } from '../meetings/meeting-access';
import { commentLink, excerptOf, pollLink } from '../notifications/notification-text';
import { ActivityService } from './activity.service';
import type { ActivityDraft } from './activity-rows';

// How a dated meeting's change reads in « Nouveautés ».
const MEETING_CHANGE: Record<MeetingChange, ActivityKind> = {
  moved: 'meeting_moved',
  host: 'meeting_moved',
  cancelled: 'meeting_cancelled',
  reinstated: 'meeting_planned',
};

/** The draft of an event that carries its group notice (title, actor, link). */
const fromNotice = (
  kind: ActivityKind,
  notice: GroupNotice,
  extra: Partial<ActivityDraft> = {},
): ActivityDraft => ({
  groupId: notice.groupId,
  kind,
  actorId: notice.actor?.id ?? null,
  title: notice.title,
  excerpt: '',
  link: notice.link,
  ...extra,
});

/**
 * Records in `group_activity` what happened in a group, from the domain events of its owners: fiches
 * (created, sent for review, published, commented), polls opened, meetings (planned, moved, cancelled, date
 * poll), minutes (review, published) and follow-up actions assigned. Meeting events carry only the meeting
 * and its actor: its group and title come from the meetings module (MeetingAccess.card). Errors are logged, never thrown:
 * the change is committed already.
 */
@Injectable()
export class ActivityListener implements OnModuleInit {
  private readonly logger = new Logger('ActivityListener');

  constructor(
    private readonly events: DomainEventBus,
    private readonly activity: ActivityService,
    private readonly meetings: MeetingAccess,
  ) {}

  onModuleInit(): void {
    this.on('fiche.created', (e) => fromNotice('fiche_created', e, { ficheId: e.ficheId }));
    this.on('fiche.review-requested', (e) => fromNotice('fiche_review', e, { ficheId: e.ficheId }));
    this.on('fiche.published', (e) => fromNotice('fiche_published', e, { ficheId: e.ficheId }));
    this.on('comment.posted', (e) => ({
      groupId: e.groupId,
      kind: 'fiche_comment',
      actorId: e.author.id,
      title: e.ficheTitle,
      excerpt: excerptOf(e.body),
      link: commentLink(e.ficheId, e.commentId),
      ficheId: e.ficheId,
      commentId: e.commentId,
    }));
    this.on('poll.opened', (e) => ({
      groupId: e.groupId,
      kind: 'poll_opened',
      actorId: e.author.id,
      title: e.question,
      excerpt: e.threadTitle,
      link: pollLink(e.threadId, e.pollId),
      threadId: e.threadId,
      pollId: e.pollId,
    }));
    this.on('meeting.scheduled', (e) => this.meeting(e.meetingId, 'meeting_planned', e.actorId));
    this.on('meeting.year-planned', async (e) => {
      const first = e.meetingIds[0]
        ? await this.meeting(e.meetingIds[0], 'meeting_planned', e.actorId)
        : null;
      // A year planned at once is one entry, the first meeting's date as its excerpt, leading to the group.
      return first && e.meetingIds.length > 1
        ? { ...first, title: `${e.meetingIds.length} rencontres planifiées`, link: `/groupes/${e.groupId}` }
        : first;
    });
    this.on('meeting.changed', (e) => this.meeting(e.meetingId, MEETING_CHANGE[e.change], e.actorId));
    this.on('meeting.date-poll-opened', (e) =>
      fromNotice('meeting_date_poll', e, { meetingId: e.meetingId }),
    );
    this.on('minutes.review-opened', (e) => fromNotice('minutes_review', e, { meetingId: e.meetingId }));
    this.on('minutes.published', (e) => fromNotice('minutes_published', e, { meetingId: e.meetingId }));
    this.on('action.assigned', (e) =>
      fromNotice('action_assigned', e, { meetingId: e.meetingId, actionId: e.actionId }),
    );
  }

  /** Records the draft each `name` event gives (none when `draft` answers null). */
  private on<E extends DomainEventName>(
    name: E,
    draft: (payload: DomainEvents[E]) => ActivityDraft | null | Promise<ActivityDraft | null>,
  ): void {
    this.events.on(name, async (payload) => {
      try {
        const d = await draft(payload);
        if (d) await this.activity.record(d);
      } catch (err) {
        this.logger.error(`${name} failed: ${(err as Error).message}`);
      }
    });
  }

  /** A meeting planned, moved or cancelled, read from the meetings module (these events carry only its id and actor). */
  private async meeting(
    meetingId: string,
    kind: ActivityKind,
    actorId: string | null = null,
  ): Promise<ActivityDraft | null> {
    const meeting = await this.meetings.card(meetingId);
    if (!meeting) return null;
    return {
      groupId: meeting.groupId,
      kind,
      // A date poll closing at its deadline has no actor: then unread for every member.
      actorId: actorId ?? null,
      title: meeting.title,
      excerpt: meeting.startsAt ? frenchSlot(meeting.startsAt, meeting.endsAt) : '',
      link: `/rencontres/${meeting.id}`,
      meetingId: meeting.id,
    };
  }
}
