import type { NotificationKind, PersonRef } from '@affluents/contracts';

/** How a dated meeting changed, for the calendars and mails that follow it. */
export type MeetingChange = 'moved' | 'cancelled' | 'reinstated' | 'host';

/** A message as its followers' notifications need it: no re-reading of the discussions' tables. */
export interface PostedMessage {
  messageId: string;
  threadId: string;
  groupId: string;
  /** The thread's title when the message was posted. */
  threadTitle: string;
  seq: number;
  author: PersonRef;
  /** The message's plain text (Markdown rendered, mentions as `@Name`). */
  text: string;
  /** Members of the group mentioned by name. */
  mentions: string[];
  /** `@groupe`: every member of the thread's group is mentioned. */
  mentionsGroup: boolean;
  /** The message this one answers, and its author; null when none. */
  replyTo: { messageId: string; authorId: string } | null;
}

/** A comment on a fiche, or a reply to one (`replyId` set), with the members it mentions. */
export interface PostedComment {
  commentId: string;
  replyId: string | null;
  ficheId: string;
  groupId: string;
  ficheTitle: string;
  author: PersonRef;
  body: string;
  /** Members of the fiche's group mentioned by name. */
  mentions: string[];
  /** Who wrote in this comment's thread so far: the comment's author and those of its replies. */
  participantIds: string[];
}

/** Members mentioned for the first time in the stored text of a fiche. */
export interface FicheTextMention {
  ficheId: string;
  groupId: string;
  ficheTitle: string;
  userIds: string[];
  /** Who last started changing the text on this node (the likely author of the mention), when known. */
  actor: PersonRef | null;
}

/** A poll of a thread, as its notifications need it. */
export interface PollNotice {
  pollId: string;
  threadId: string;
  groupId: string;
  threadTitle: string;
  question: string;
  author: PersonRef;
}

/**
 * A change in a group that its members hear of (the bell, the mails, « Nouveautés »): what it is about,
 * who made it (null when the clock did) and where a click leads. Each event adds what is its own.
 */
export interface GroupNotice {
  groupId: string;
  /** The title of what changed (the fiche's, the meeting's...), as it was then. */
  title: string;
  actor: PersonRef | null;
  /** Where a click leads, as an application path. */
  link: string;
}

/** A notification just stored for its recipient, and whether they want it on their devices too. */
export interface DeliveredNotification {
  id: string;
  userId: string;
  kind: NotificationKind;
  title: string;
  excerpt: string;
  /** Where a click leads, as an application path. */
  link: string;
  /** The recipient chose Web Push for this kind of notification. */
  push: boolean;
}

/**
 * Every domain event of the server, by name (`resource.past-tense`), with its payload. Emitted on the
 * DomainEventBus by the one module that owns the change, after the change is committed; side effects
 * (connections re-checked, mails, search indexing, authorship, notifications) listen. Events only the
 * server sees live here; what clients see goes through the RealtimeHub with the contracts' ServerEvents.
 */
export interface DomainEvents {
  /**
   * A user's access changed: one of their sessions ended (sign-out, password reset, account disabled),
   * or their platform role, a group membership or role, or a grant changed. Realtime and collab re-check
   * that user's open connections.
   */
  'access.changed': { userId: string };
  /** A meeting got its date (created with one, or its date poll closed): invitations go out. */
  'meeting.scheduled': { meetingId: string; actorId?: string | null };
  /**
   * A facilitator planned several meetings of a group at once (a year): their invitation is one mail per
   * person listing every date, not one per meeting.
   */
  'meeting.year-planned': { groupId: string; meetingIds: string[]; actorId?: string | null };
  /** A dated meeting was moved, changed place or host, was cancelled or reinstated. */
  'meeting.changed': { meetingId: string; change: MeetingChange; actorId?: string | null };
  /** A guest was invited to a meeting (the invitation of that one person). */
  'meeting.guest-invited': { meetingId: string; userId: string; actorId?: string | null };
  /** A user made their first change to a collaborative document in one connection. */
  'document.contributed': { docName: string; user: PersonRef };
  /** Updates of a document were stored (once per quiet period, on the node that stored them). */
  'document.stored': { docName: string };
  /** A message was posted in a thread (sent, a thread's first message, or moved into the thread). */
  'message.posted': PostedMessage;
  /** A user's read position in a thread moved forward. */
  'thread.read': { userId: string; threadId: string; seq: number };
  /** A comment or a reply was posted on a fiche. */
  'comment.posted': PostedComment;
  /** Members were mentioned for the first time in the text of a fiche. */
  'fiche-text.mentioned': FicheTextMention;
  /** A poll was opened in a thread. */
  'poll.opened': PollNotice;
  /** A poll was closed (by its author or a facilitator), with who had voted. */
  'poll.closed': PollNotice & { voterIds: string[] };
  /** A fiche was created in a group. */
  'fiche.created': GroupNotice & { ficheId: string };
  /** A fiche's draft was sent to its group for review (status draft → review). */
  'fiche.review-requested': GroupNotice & { ficheId: string; authorIds: string[] };
  /** A version of a fiche was published into the toolbox. */
  'fiche.published': GroupNotice & { ficheId: string; authorIds: string[] };
  /** A meeting's date poll was opened: every member invited to the meeting is asked to answer. */
  'meeting.date-poll-opened': GroupNotice & { meetingId: string; closesAt: string };
  /** A meeting's minutes were opened (or extended) for review by the participants, until `reviewEndsAt`. */
  'minutes.review-opened': GroupNotice & { meetingId: string; reviewEndsAt: string };
  /** A meeting's minutes were published. */
  'minutes.published': GroupNotice & { meetingId: string };
  /** Notifications were stored (by NotificationsService.deliver): Web Push and other channels follow. */
  'notifications.delivered': { notifications: DeliveredNotification[] };
  /** A follow-up action got an owner (created with one, or its owner changed). */
  'action.assigned': GroupNotice & {
    actionId: string;
    meetingId: string;
    ownerId: string;
    dueOn: string | null;
  };
}

export type DomainEventName = keyof DomainEvents;
