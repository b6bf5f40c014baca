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
  /** A meeting's date poll was opened: every person invited is asked to answer. */
  'meeting_date_poll',
  /** A meeting got its date (or was reinstated). */
  'meeting_planned',
  /** A dated meeting moved, changed place or host. */
  'meeting_moved',
  'meeting_cancelled',
  /** Invited to one meeting as a guest. */
  'meeting_guest_invited',
  /** The minutes of a meeting one attended are open for review (until a closing date). */
  'minutes_review',
  'minutes_published',
  /** A fiche of one's group was sent for review. */
  'fiche_review',
  /** A fiche of one's group was published. */
  'fiche_published',
  /** A comment or reply on a fiche one wrote, or in a comment thread one took part in. */
  'fiche_comment',
  /** A follow-up action was given to one. */
  'action_assigned',
  /** One's follow-up action is due in a few days. */
  'action_due',
  /** A poll one may vote in and has not closes within a day. */
  'poll_closing',
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

/** How a member wants one kind of notification: not at all, in the app (the bell), or also by email. */
export const notificationDeliveries = ['none', 'app', 'email'] as const;
export const NotificationDelivery = z.enum(notificationDeliveries);
export type NotificationDelivery = z.infer<typeof NotificationDelivery>;

/** The sections the preferences group kinds in. */
export const notificationSections = ['discussions', 'fiches', 'rencontres', 'actions'] as const;
export type NotificationSection = (typeof notificationSections)[number];

/** One kind's choice: the channel, and whether the member's phone (Web Push) rings too. */
export const NotificationKindChoice = z
  .object({ delivery: NotificationDelivery, push: z.boolean() })
  .strict();
export type NotificationKindChoice = z.infer<typeof NotificationKindChoice>;

const emailDefault = (section: NotificationSection) => ({ section, delivery: 'email' as const, push: true });
const appDefault = (section: NotificationSection) => ({ section, delivery: 'app' as const, push: false });

/**
 * Each kind's section and default choice, declared once: mentions, what concerns one's meetings and
 * minutes, and one's actions go by email; the rest stays in the app. The phone rings for what is emailed.
 */
export const notificationKindDefaults: Record<
  NotificationKind,
  { section: NotificationSection } & NotificationKindChoice
> = {
  mention: emailDefault('discussions'),
  group_mention: emailDefault('discussions'),
  reply: appDefault('discussions'),
  followed_thread: appDefault('discussions'),
  poll_opened: appDefault('discussions'),
  poll_closed: appDefault('discussions'),
  poll_closing: appDefault('discussions'),
  comment_mention: emailDefault('fiches'),
  fiche_mention: emailDefault('fiches'),
  fiche_review: appDefault('fiches'),
  fiche_published: appDefault('fiches'),
  fiche_comment: appDefault('fiches'),
  meeting_date_poll: emailDefault('rencontres'),
  meeting_planned: emailDefault('rencontres'),
  meeting_moved: emailDefault('rencontres'),
  meeting_cancelled: emailDefault('rencontres'),
  meeting_guest_invited: emailDefault('rencontres'),
  minutes_review: emailDefault('rencontres'),
  minutes_published: emailDefault('rencontres'),
  action_assigned: emailDefault('actions'),
  action_due: emailDefault('actions'),
};

/** Every kind's default choice (what a member who never chose gets). */
export function defaultNotificationChoices(): Record<NotificationKind, NotificationKindChoice> {
  return Object.fromEntries(
    notificationKinds.map((kind) => {
      const { delivery, push } = notificationKindDefaults[kind];
      return [kind, { delivery, push }];
    }),
  ) as Record<NotificationKind, NotificationKindChoice>;
}

/** Per-user notification preferences (`GET/PUT /api/me/notification-preferences`). */
export const NotificationPreferences = z
  .object({
    /** Every kind's choice ('none': not stored at all; 'email': also mailed when still unread). */
    kinds: z
      .object(
        Object.fromEntries(notificationKinds.map((kind) => [kind, NotificationKindChoice])) as Record<
          NotificationKind,
          typeof NotificationKindChoice
        >,
      )
      .strict(),
    /** One email each morning with what is still unread. */
    dailyDigest: z.boolean(),
  })
  .strict();
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

/** `PUT /api/me/notification-preferences`: the kinds given change, the others keep their choice. */
export const UpdateNotificationPreferencesRequest = z
  .object({
    kinds: z
      .object(
        Object.fromEntries(
          notificationKinds.map((kind) => [kind, NotificationKindChoice.optional()]),
        ) as Record<NotificationKind, z.ZodOptional<typeof NotificationKindChoice>>,
      )
      .strict()
      .optional(),
    dailyDigest: z.boolean().optional(),
  })
  .strict();
export type UpdateNotificationPreferencesRequest = z.infer<typeof UpdateNotificationPreferencesRequest>;
