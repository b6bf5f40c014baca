import { z } from 'zod';
import { FreeText, Id, Timestamp } from './common';
import { PersonRef } from './discussions';

/**
 * What happened in a group, as « Nouveautés » lists it. The same words name the notifications of these
 * happenings.
 */
export const activityKinds = [
  'fiche_created',
  'fiche_review',
  'fiche_published',
  'fiche_comment',
  'meeting_planned',
  'meeting_moved',
  'meeting_cancelled',
  'meeting_date_poll',
  'poll_opened',
  'minutes_review',
  'minutes_published',
  'action_assigned',
] as const;
export const ActivityKind = z.enum(activityKinds);
export type ActivityKind = z.infer<typeof ActivityKind>;

/** The group an activity happened in, as a heading shows it. */
export const ActivityGroup = z.object({ id: Id, kind: z.string(), bassinName: z.string() });
export type ActivityGroup = z.infer<typeof ActivityGroup>;

/** One thing that happened in one of my groups. */
export const ActivityItem = z.object({
  id: Id,
  kind: ActivityKind,
  group: ActivityGroup,
  /** Who did it; null when the clock or the planning did. */
  actor: PersonRef.nullable(),
  /** The title of what it is about (the fiche's, the meeting's, the poll's question...), as it was then. */
  title: z.string(),
  excerpt: z.string(),
  /** Where a click leads, as an application path. */
  link: z.string(),
  createdAt: Timestamp,
  /** After my read marker in its group, and not done by me. */
  unread: z.boolean(),
});
export type ActivityItem = z.infer<typeof ActivityItem>;

/** `GET /api/activity`: my groups' activity, newest first, with a keyset cursor. */
export const ActivityPage = z.object({
  items: z.array(ActivityItem),
  /** Unread items in all my groups (or the one asked for), not only this page's. */
  totalUnread: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type ActivityPage = z.infer<typeof ActivityPage>;

export const ListActivityQuery = z.object({
  /** Only this group's activity (a group I am a member of). */
  groupId: Id.optional(),
  cursor: FreeText().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListActivityQuery = z.infer<typeof ListActivityQuery>;

/** `POST /api/activity/read`: everything up to now is read, in one group or (without `groupId`) in all mine. */
export const MarkActivityReadRequest = z.object({ groupId: Id.optional() }).strict();
export type MarkActivityReadRequest = z.infer<typeof MarkActivityReadRequest>;

/** Answer of `POST /api/activity/read`: the unread count after marking, for the badge. */
export const MarkActivityReadResult = z.object({ totalUnread: z.number().int() });
export type MarkActivityReadResult = z.infer<typeof MarkActivityReadResult>;
