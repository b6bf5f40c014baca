import { z } from 'zod';
import { Email, FreeText, Id, Label, Timestamp, WebAddress } from './common';
import { PersonRef } from './discussions';

/**
 * Meetings (rencontres) of a group: planned in rotation among its member organisations, prepared with
 * a shared agenda, run live by a facilitator, followed by minutes (procès-verbal) and follow-up actions.
 * Times travel in UTC (ISO 8601) and are shown in Europe/Brussels.
 */

export const meetingKinds = ['regular', 'thematic'] as const;
export const MeetingKind = z.enum(meetingKinds);
export type MeetingKind = z.infer<typeof MeetingKind>;

export const meetingStatuses = ['planned', 'live', 'done', 'cancelled'] as const;
export const MeetingStatus = z.enum(meetingStatuses);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

/** Where a meeting takes place: at the host organisation, at another address, or online. */
export const MeetingPlace = z.discriminatedUnion('type', [
  z.object({ type: z.literal('host') }),
  z.object({ type: z.literal('address'), address: Label(300) }),
  z.object({ type: z.literal('online'), url: WebAddress(500) }),
]);
export type MeetingPlace = z.infer<typeof MeetingPlace>;

export const rsvpAnswers = ['yes', 'no', 'maybe'] as const;
export const RsvpAnswer = z.enum(rsvpAnswers);
export type RsvpAnswer = z.infer<typeof RsvpAnswer>;

export const attendanceStates = ['present', 'excused', 'absent'] as const;
export const AttendanceState = z.enum(attendanceStates);
export type AttendanceState = z.infer<typeof AttendanceState>;

export const MeetingSummary = z.object({
  id: Id,
  groupId: Id,
  title: z.string(),
  kind: MeetingKind,
  status: MeetingStatus,
  /** Null while the date is still being found (date poll open). */
  startsAt: Timestamp.nullable(),
  endsAt: Timestamp.nullable(),
  place: MeetingPlace,
  /** The host organisation (rotation), when chosen. */
  host: z.object({ id: Id, name: z.string(), address: z.string().nullable() }).nullable(),
  facilitators: z.array(PersonRef),
  /** The caller's own answer to the invitation. */
  myRsvp: RsvpAnswer.nullable(),
  /** When the minutes were published, if the caller may read them (a guest only when they are shown to guests). */
  minutesPublishedAt: Timestamp.nullable(),
  /** The date poll that fixes the date, while one is open (a poll of the meeting's thread). */
  datePollId: Id.nullable(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const Participant = z.object({
  person: PersonRef,
  role: z.enum(['member', 'facilitator', 'guest']),
  organisation: z.string().nullable(),
  rsvp: RsvpAnswer.nullable(),
  attendance: AttendanceState.nullable(),
});
export type Participant = z.infer<typeof Participant>;

/** A follow-up action decided in a meeting: what, who, by when; tracked until done. */
export const FollowUpAction = z.object({
  id: Id,
  meetingId: Id,
  groupId: Id,
  title: z.string(),
  owner: PersonRef.nullable(),
  dueOn: z.iso.date().nullable(),
  status: z.enum(['open', 'done']),
  doneAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type FollowUpAction = z.infer<typeof FollowUpAction>;

export const Decision = z.object({ id: Id, meetingId: Id, text: z.string(), createdAt: Timestamp });
export type Decision = z.infer<typeof Decision>;

/** One item of the agenda (stored in the agenda's shared document, mirrored here for reading). */
export const AgendaItem = z.object({
  id: z.string(),
  title: z.string(),
  durationMinutes: z.number().int().min(0).max(600),
  ownerName: z.string().nullable(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const MeetingDetail = MeetingSummary.extend({
  group: z.object({ id: Id, kind: z.string(), bassinName: z.string() }),
  /** Shared documents (y-websocket `/collab/<name>`): the agenda and the live notes. */
  agendaDocName: z.string(),
  notesDocName: z.string(),
  /** The meeting's own discussion thread. */
  threadId: Id.nullable(),
  participants: z.array(Participant),
  agenda: z.array(AgendaItem),
  /** Open follow-up actions of earlier meetings of the group, listed with the agenda. */
  openActions: z.array(FollowUpAction),
  actions: z.array(FollowUpAction),
  decisions: z.array(Decision),
  minutes: z
    .object({
      status: z.enum(['draft', 'review', 'published']),
      reviewEndsAt: Timestamp.nullable(),
      publishedAt: Timestamp.nullable(),
      /** Guests read the published minutes only when the facilitator chose so. */
      visibleToGuests: z.boolean(),
    })
    .nullable(),
  /** What the caller may do. */
  canManage: z.boolean(),
  isGuest: z.boolean(),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;

const MeetingTimes = z.object({ startsAt: Timestamp, endsAt: Timestamp });

/** `POST /api/groups/:groupId/meetings` (facilitators). Without times, the date is found by a poll. */
export const CreateMeetingRequest = z
  .object({
    title: Label(200),
    kind: MeetingKind.default('regular'),
    startsAt: Timestamp.optional(),
    endsAt: Timestamp.optional(),
    place: MeetingPlace.default({ type: 'host' }),
    hostOrganisationId: Id.nullable().optional(),
  })
  .strict()
  .refine((s) => (s.startsAt === undefined) === (s.endsAt === undefined), {
    message: 'Début et fin vont ensemble',
    path: ['endsAt'],
  })
  .refine((s) => !s.startsAt || !s.endsAt || s.endsAt > s.startsAt, {
    message: 'La fin suit le début',
    path: ['endsAt'],
  });
export type CreateMeetingRequest = z.infer<typeof CreateMeetingRequest>;

/** `PATCH /api/meetings/:id`: moving a meeting updates every calendar. */
export const UpdateMeetingRequest = z
  .object({
    title: Label(200).optional(),
    kind: MeetingKind.optional(),
    startsAt: Timestamp.optional(),
    endsAt: Timestamp.optional(),
    place: MeetingPlace.optional(),
    hostOrganisationId: Id.nullable().optional(),
    status: z.enum(['planned', 'cancelled']).optional(),
  })
  .strict();
export type UpdateMeetingRequest = z.infer<typeof UpdateMeetingRequest>;

/** `POST /api/meetings/:id/date-poll`: candidate slots; closing the poll fixes the date. */
export const OpenDatePollRequest = z
  .object({ slots: z.array(MeetingTimes).min(1).max(20), closesAt: Timestamp })
  .strict();
export type OpenDatePollRequest = z.infer<typeof OpenDatePollRequest>;

/** `POST /api/meetings/:id/date-poll/close`: the chosen slot (an option of the poll). */
export const CloseDatePollRequest = z.object({ optionId: Id }).strict();
export type CloseDatePollRequest = z.infer<typeof CloseDatePollRequest>;

/** The next host proposed by the rotation, with why. */
export const HostProposal = z.object({
  organisation: z.object({ id: Id, name: z.string() }),
  lastHostedAt: Timestamp.nullable(),
  hostedCount: z.number().int(),
  reason: z.string(),
});
export type HostProposal = z.infer<typeof HostProposal>;

/** `POST /api/groups/:groupId/meetings/plan`: lay out a year of meetings at a rhythm, with hosts. */
export const PlanYearRequest = z
  .object({
    firstStartsAt: Timestamp,
    durationMinutes: z.number().int().min(30).max(600).default(180),
    everyMonths: z.number().int().min(1).max(6).default(2),
    count: z.number().int().min(1).max(12).default(6),
    titlePrefix: Label(120).default('Rencontre'),
    /** Only compute the proposal (the facilitator adjusts, then creates). */
    dryRun: z.boolean().default(true),
  })
  .strict();
export type PlanYearRequest = z.infer<typeof PlanYearRequest>;

export const PlannedMeeting = z.object({
  title: z.string(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  host: z.object({ id: Id, name: z.string() }).nullable(),
});
export type PlannedMeeting = z.infer<typeof PlannedMeeting>;

/** `POST /api/meetings/:id/host-decline`: the organisation declined to host; the rotation skips it. */
export const DeclineHostRequest = z.object({ organisationId: Id }).strict();
export type DeclineHostRequest = z.infer<typeof DeclineHostRequest>;

export const RsvpRequest = z.object({ answer: RsvpAnswer }).strict();
export type RsvpRequest = z.infer<typeof RsvpRequest>;

/** `POST /api/meetings/:id/guests`: an outside person invited for this one meeting. */
export const InviteGuestRequest = z
  .object({ email: Email, displayName: Label(120), organisation: Label(200).optional() })
  .strict();
export type InviteGuestRequest = z.infer<typeof InviteGuestRequest>;

export const SetAttendanceRequest = z.object({ userId: Id, state: AttendanceState }).strict();
export type SetAttendanceRequest = z.infer<typeof SetAttendanceRequest>;

export const CreateActionRequest = z
  .object({ title: Label(300), ownerId: Id.nullable().optional(), dueOn: z.iso.date().nullable().optional() })
  .strict();
export type CreateActionRequest = z.infer<typeof CreateActionRequest>;

export const UpdateActionRequest = z
  .object({
    title: Label(300).optional(),
    ownerId: Id.nullable().optional(),
    dueOn: z.iso.date().nullable().optional(),
    status: z.enum(['open', 'done']).optional(),
  })
  .strict();
export type UpdateActionRequest = z.infer<typeof UpdateActionRequest>;

export const CreateDecisionRequest = z.object({ text: Label(2000) }).strict();
export type CreateDecisionRequest = z.infer<typeof CreateDecisionRequest>;

/** `GET /api/me/actions` and `GET /api/groups/:groupId/actions?status=` */
export const ListActionsQuery = z.object({ status: z.enum(['open', 'done', 'all']).default('open') });
export type ListActionsQuery = z.infer<typeof ListActionsQuery>;

/** Minutes: the live notes become a draft reviewed by the attendees, then a frozen published version. */
export const StartMinutesReviewRequest = z
  .object({ reviewDays: z.number().int().min(1).max(30).default(7) })
  .strict();
export type StartMinutesReviewRequest = z.infer<typeof StartMinutesReviewRequest>;

/**
 * The kinds of amendment (GLOSSARY): a `remark` (free text, optionally quoting a passage; the facilitator
 * amends the notes by hand) or a `replace` of a passage selected in the notes, anchored in the Yjs document
 * and applied by the server to the notes when accepted.
 */
export const amendmentKinds = ['remark', 'replace'] as const;
export const AmendmentKind = z.enum(amendmentKinds);
export type AmendmentKind = z.infer<typeof AmendmentKind>;

/** A base64 `Y.encodeRelativePosition` naming a place in the notes (as a fiche comment's anchors). */
const PassageAnchor = z
  .string()
  .min(4)
  .max(2000)
  .regex(/^[A-Za-z0-9+/=]+$/, { message: 'Ancre du passage invalide' });

/** A passage of the notes: the anchors of its start and end, and its text when it was selected. */
export const MinutesPassage = z.object({ anchorStart: PassageAnchor, anchorEnd: PassageAnchor });
export type MinutesPassage = z.infer<typeof MinutesPassage>;

export const MinutesAmendment = z.object({
  id: Id,
  author: PersonRef,
  kind: AmendmentKind,
  /**
   * The passage concerned: a free quote for a remark; for a replacement, the exact text selected between
   * `passage`'s anchors.
   */
  quote: z.string(),
  /** The remark, or the new wording of the passage for a replacement. */
  body: z.string(),
  /** The anchored passage of a replacement; null for a remark. */
  passage: MinutesPassage.nullable(),
  status: z.enum(['open', 'accepted', 'rejected']),
  createdAt: Timestamp,
});
export type MinutesAmendment = z.infer<typeof MinutesAmendment>;

export const ProposeAmendmentRequest = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('remark').default('remark'),
      quote: FreeText().max(2000).default(''),
      body: Label(4000),
    })
    .strict(),
  z
    .object({
      kind: z.literal('replace'),
      /** The selected text, untrimmed: the server checks it is still what the anchors hold. */
      quote: FreeText().min(1, { message: 'Sélectionnez le passage à remplacer' }).max(2000),
      body: Label(4000),
      passage: MinutesPassage.strict(),
    })
    .strict(),
]);
export type ProposeAmendmentRequest = z.infer<typeof ProposeAmendmentRequest>;

/**
 * Accepting a replacement applies it to the notes, unless `applyText` is false: the facilitator then
 * accepts it as a remark and amends the text by hand (when the passage changed since the proposal).
 */
export const DecideAmendmentRequest = z
  .object({ status: z.enum(['accepted', 'rejected']), applyText: z.boolean().default(true) })
  .strict();
export type DecideAmendmentRequest = z.infer<typeof DecideAmendmentRequest>;

export const PublishMinutesRequest = z.object({ visibleToGuests: z.boolean().default(false) }).strict();
export type PublishMinutesRequest = z.infer<typeof PublishMinutesRequest>;

/** The frozen minutes: a snapshot of the notes document (base64 Yjs update) and the meeting's facts. */
export const PublishedMinutes = z.object({
  meetingId: Id,
  title: z.string(),
  publishedAt: Timestamp,
  publishedBy: PersonRef,
  update: z.string(),
  /** The agenda as it stood when the minutes were published. */
  agenda: z.array(AgendaItem),
  attendance: z.array(Participant),
  decisions: z.array(Decision),
  actions: z.array(FollowUpAction),
});
export type PublishedMinutes = z.infer<typeof PublishedMinutes>;

/** Personal calendar feed: a secret URL, revocable (a new one replaces it). */
export const CalendarFeed = z.object({ url: z.string() });
export type CalendarFeed = z.infer<typeof CalendarFeed>;

/** Live mode state, pushed to the meeting's room and returned on `meeting:join`. */
export const LiveState = z.object({
  meetingId: Id,
  status: MeetingStatus,
  /** Index in the agenda of the current item, null before the start. */
  currentItem: z.number().int().nullable(),
  item: AgendaItem.nullable(),
  /** When the current item started (server time): clients compute elapsed = now - itemStartedAt. */
  itemStartedAt: Timestamp.nullable(),
  startedAt: Timestamp.nullable(),
  /** Raised hands in order. */
  queue: z.array(z.object({ person: PersonRef, raisedAt: Timestamp })),
  speaker: PersonRef.nullable(),
  serverTime: Timestamp,
});
export type LiveState = z.infer<typeof LiveState>;

export const MeetingRoomEvent = z.object({ meetingId: Id }).strict();
export const GotoItemEvent = z.object({ meetingId: Id, index: z.number().int().min(0) }).strict();
export const GiveFloorEvent = z.object({ meetingId: Id, userId: Id.nullable() }).strict();

/** `GET /api/groups/:groupId/meetings?when=`: upcoming (default), past or all. */
export const ListMeetingsQuery = z.object({ when: z.enum(['upcoming', 'past', 'all']).default('upcoming') });
export type ListMeetingsQuery = z.infer<typeof ListMeetingsQuery>;

/** `GET /api/me/meetings?when=`: my upcoming meetings (default, soonest first) or the past ones (latest first, the last 20). */
export const MyMeetingsQuery = z.object({ when: z.enum(['upcoming', 'past']).default('upcoming') });
export type MyMeetingsQuery = z.infer<typeof MyMeetingsQuery>;
