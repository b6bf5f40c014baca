import { z } from 'zod';
import { FreeText, Id, Timestamp } from './common';
import { PersonRef } from './discussions';

/** Why a member is notified. */
export const notificationKinds = [
  'mention',
  'group_mention',
  'reply',
  'followed_thread',
  'poll_opened',
  'poll_closed',
  'comment_mention',
  /** Mentioned in the text of a fiche (the first time only). */
  'fiche_mention',
] as const;
export const NotificationKind = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const Notification = z.object({
  id: Id,
  kind: NotificationKind,
  actor: PersonRef.nullable(),
  groupId: Id.nullable(),
  /** Where a click leads, as an application path (e.g. `/discussions/<id>#m-12`, `/fiches/<id>`). */
  link: z.string(),
  title: z.string(),
  excerpt: z.string(),
  createdAt: Timestamp,
  readAt: Timestamp.nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationPage = z.object({
  items: z.array(Notification),
  unreadCount: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type NotificationPage = z.infer<typeof NotificationPage>;

export const ListNotificationsQuery = z.object({
  unreadOnly: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  cursor: FreeText().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type ListNotificationsQuery = z.infer<typeof ListNotificationsQuery>;

/** `POST /api/notifications/read`: some ids, or every notification when `all` is true. */
export const MarkNotificationsReadRequest = z
  .object({ ids: z.array(Id).max(200).optional(), all: z.boolean().optional() })
  .strict();
export type MarkNotificationsReadRequest = z.infer<typeof MarkNotificationsReadRequest>;

/** Answer of `POST /api/notifications/read`: the unread count after marking, for the badge. */
export const MarkNotificationsReadResult = z.object({ unreadCount: z.number().int() });
export type MarkNotificationsReadResult = z.infer<typeof MarkNotificationsReadResult>;

/** Per-user notification preferences (`GET/PUT /api/me/notification-preferences`). */
export const NotificationPreferences = z
  .object({
    /** Email when mentioned and the mention is still unread a few minutes later. */
    emailMentions: z.boolean(),
    /** One email each morning with what happened in followed threads. */
    dailyDigest: z.boolean(),
  })
  .strict();
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;
