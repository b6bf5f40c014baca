import { z } from 'zod';
import { FreeText, Id, Label, Timestamp } from './common';
import { AttachedFile, AttachedFileIds } from './files';

/** Kinds of threads (topics): a conversation, a question the group should solve, an announcement. */
export const threadKinds = ['discussion', 'question', 'announcement'] as const;
export const ThreadKind = z.enum(threadKinds);
export type ThreadKind = z.infer<typeof ThreadKind>;

/** A question is open until someone marks the message that solved it. */
export const QuestionStatus = z.enum(['open', 'solved']);
export type QuestionStatus = z.infer<typeof QuestionStatus>;

/** What a thread is about when it was opened automatically for an object (a fiche, later a meeting). */
export const ThreadSubject = z.object({
  type: z.enum(['fiche', 'meeting']),
  id: Id,
  title: z.string(),
});
export type ThreadSubject = z.infer<typeof ThreadSubject>;

/** How a member follows a thread: notified of everything, only when mentioned (default), or never. */
export const FollowLevel = z.enum(['following', 'default', 'muted']);
export type FollowLevel = z.infer<typeof FollowLevel>;

/** Upper bound of one message's Markdown source, in characters. */
export const MESSAGE_MAX_CHARS = 10_000;

/** Markdown source of a message: trimmed, never empty, bounded. */
export const MessageBody = FreeText()
  .trim()
  .min(1, { message: 'Le message est vide' })
  .max(MESSAGE_MAX_CHARS, { message: `${MESSAGE_MAX_CHARS} caractères au maximum` });

/**
 * Mentions are written in the Markdown as `@[Display name](user:<uuid>)` for a member and
 * `@[groupe](group)` for the whole group; the composer inserts them, the server checks and renders them.
 */
export const mentionPattern = /@\[([^\]\n]{1,120})\]\((user:[0-9a-f-]{36}|group)\)/g;

export const PersonRef = z.object({ id: Id, displayName: z.string() });
export type PersonRef = z.infer<typeof PersonRef>;

/** Summary of a thread as listed in a group, with the caller's reading state. */
export const ThreadSummary = z.object({
  id: Id,
  groupId: Id,
  kind: ThreadKind,
  title: z.string(),
  author: PersonRef,
  status: QuestionStatus.nullable(),
  solvedMessageId: Id.nullable(),
  subject: ThreadSubject.nullable(),
  pinned: z.boolean(),
  locked: z.boolean(),
  /** Sequence number of the last message (0 when empty). */
  lastSeq: z.number().int(),
  messageCount: z.number().int(),
  lastMessageAt: Timestamp.nullable(),
  lastMessageExcerpt: z.string().nullable(),
  createdAt: Timestamp,
  /** Messages after the caller's read position. */
  unreadCount: z.number().int(),
  lastReadSeq: z.number().int(),
  follow: FollowLevel,
  hasPoll: z.boolean(),
});
export type ThreadSummary = z.infer<typeof ThreadSummary>;

/** A thread as opened: its summary plus what the caller may do. */
export const ThreadDetail = ThreadSummary.extend({
  group: z.object({ id: Id, kind: z.string(), bassinName: z.string() }),
  canPost: z.boolean(),
  canModerate: z.boolean(),
  /** Sequence of the last change (new, edited, deleted, reacted message): catch-up point for edits. */
  lastChange: z.number().int(),
});
export type ThreadDetail = z.infer<typeof ThreadDetail>;

export const Reaction = z.object({
  emoji: z.string(),
  count: z.number().int(),
  userIds: z.array(Id),
});
export type Reaction = z.infer<typeof Reaction>;

/** A plain preview of a link found in a message: the title of an Affluents page, or the site's name. */
export const LinkPreview = z.object({ url: z.string(), title: z.string(), internal: z.boolean() });
export type LinkPreview = z.infer<typeof LinkPreview>;

/** One message of a thread. `html` is the server's sanitised rendering of `body` (Markdown). */
export const Message = z.object({
  id: Id,
  threadId: Id,
  /** Position in the thread: 1, 2, 3... without gaps. */
  seq: z.number().int(),
  /** Change counter of the thread when this message last changed. */
  change: z.number().int(),
  clientId: z.string(),
  author: PersonRef,
  body: z.string(),
  html: z.string(),
  replyTo: z.object({ id: Id, seq: z.number().int(), author: PersonRef, excerpt: z.string() }).nullable(),
  mentions: z.array(Id),
  mentionsGroup: z.boolean(),
  reactions: z.array(Reaction),
  previews: z.array(LinkPreview),
  /** Files attached when it was sent (none once deleted, hidden or moved away). */
  files: z.array(AttachedFile),
  createdAt: Timestamp,
  editedAt: Timestamp.nullable(),
  /** Deleted by its author: body and html are empty, the client shows "message supprimé". */
  deletedAt: Timestamp.nullable(),
  /** Hidden by a facilitator (kept for the audit): body and html are empty for everyone. */
  hiddenAt: Timestamp.nullable(),
  /** Moved to another thread by a facilitator: this place keeps a marker with the destination. */
  movedTo: z.object({ threadId: Id, title: z.string() }).nullable(),
});
export type Message = z.infer<typeof Message>;

export const MessageRevision = z.object({ body: z.string(), editedAt: Timestamp });
export type MessageRevision = z.infer<typeof MessageRevision>;

/** `GET /api/groups/:groupId/threads` */
export const ListThreadsQuery = z.object({
  kind: ThreadKind.optional(),
  cursor: FreeText().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type ListThreadsQuery = z.infer<typeof ListThreadsQuery>;

export const ThreadPage = z.object({
  items: z.array(ThreadSummary),
  nextCursor: z.string().nullable(),
  /** Unread messages over every visible thread of the group. */
  groupUnread: z.number().int(),
});
export type ThreadPage = z.infer<typeof ThreadPage>;

/** `POST /api/groups/:groupId/threads`: a thread starts with its first message. */
export const CreateThreadRequest = z
  .object({
    kind: ThreadKind.default('discussion'),
    title: Label(200),
    body: MessageBody,
    clientId: FreeText().min(8).max(64).optional(),
  })
  .strict();
export type CreateThreadRequest = z.infer<typeof CreateThreadRequest>;

/**
 * `POST /api/fiches/:id/questions`: a reader of a published fiche asks its authors a question. It opens a
 * thread of kind `question` in the fiche's group, about the fiche, that the asker may read and answer.
 */
export const AskFicheQuestionRequest = z
  .object({
    title: FreeText()
      .trim()
      .min(1, { message: 'Le sujet de la question est obligatoire' })
      .max(200, { message: 'Le sujet : 200 caractères au maximum' }),
    body: FreeText()
      .trim()
      .min(1, { message: 'Le message de la question est vide' })
      .max(MESSAGE_MAX_CHARS, { message: `Le message : ${MESSAGE_MAX_CHARS} caractères au maximum` }),
    clientId: FreeText().min(8).max(64).optional(),
  })
  .strict();
export type AskFicheQuestionRequest = z.infer<typeof AskFicheQuestionRequest>;

/** `GET /api/fiches/:id/questions`: the questions on a fiche the caller may read, newest first. */
export const FicheQuestions = z.array(ThreadSummary);
export type FicheQuestions = z.infer<typeof FicheQuestions>;

/** `GET /api/threads/:id/messages?afterSeq=&beforeSeq=&limit=` */
export const ListMessagesQuery = z.object({
  afterSeq: z.coerce.number().int().min(0).optional(),
  beforeSeq: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListMessagesQuery = z.infer<typeof ListMessagesQuery>;

export const MessagePage = z.object({
  items: z.array(Message),
  /** True when older messages exist before the first item. */
  hasOlder: z.boolean(),
});
export type MessagePage = z.infer<typeof MessagePage>;

/** Sending a message: the client's id makes a resend after a lost acknowledgement idempotent. */
const sendFields = {
  clientId: FreeText().min(8).max(64),
  /** May be empty when files are attached. */
  body: FreeText()
    .trim()
    .max(MESSAGE_MAX_CHARS, { message: `${MESSAGE_MAX_CHARS} caractères au maximum` }),
  replyToId: Id.optional(),
  /** Files uploaded to the thread beforehand (`POST /api/threads/:id/files`) by the sender. */
  fileIds: AttachedFileIds.optional(),
};
/** A message says something or carries a file. */
const notEmpty = (message: { body: string; fileIds?: string[] }) =>
  message.body.length > 0 || (message.fileIds?.length ?? 0) > 0;
const emptyMessage = { message: 'Le message est vide', path: ['body'] };

export const SendMessageRequest = z
  .object({ threadId: Id, ...sendFields })
  .strict()
  .refine(notEmpty, emptyMessage);
export type SendMessageRequest = z.infer<typeof SendMessageRequest>;

export const EditMessageRequest = z.object({ messageId: Id, body: MessageBody }).strict();
export type EditMessageRequest = z.infer<typeof EditMessageRequest>;

export const MessageRef = z.object({ messageId: Id }).strict();
export type MessageRef = z.infer<typeof MessageRef>;

/** One emoji, as typed or picked (a short grapheme cluster, not free text). */
export const Emoji = z
  .string()
  .min(1)
  .max(16)
  .regex(/^\p{Extended_Pictographic}(?:\p{Extended_Pictographic}|\p{Emoji_Component}|\u200d|\ufe0f)*$/u, {
    message: 'Réaction invalide',
  });

export const ReactRequest = z.object({ messageId: Id, emoji: Emoji, on: z.boolean() }).strict();
export type ReactRequest = z.infer<typeof ReactRequest>;

/** `PATCH /api/threads/:id` by a facilitator (pin, lock, rename) or the author (rename, solve). */
export const UpdateThreadRequest = z
  .object({
    title: Label(200).optional(),
    pinned: z.boolean().optional(),
    locked: z.boolean().optional(),
    /** For questions: the message that solved it, or null to reopen. */
    solvedMessageId: Id.nullable().optional(),
  })
  .strict();
export type UpdateThreadRequest = z.infer<typeof UpdateThreadRequest>;

export const MoveMessageRequest = z.object({ messageId: Id, toThreadId: Id }).strict();
export type MoveMessageRequest = z.infer<typeof MoveMessageRequest>;

export const SetFollowRequest = z.object({ follow: FollowLevel }).strict();
export type SetFollowRequest = z.infer<typeof SetFollowRequest>;

export const MarkReadRequest = z.object({ threadId: Id, seq: z.number().int().min(0) }).strict();
export type MarkReadRequest = z.infer<typeof MarkReadRequest>;

/** A former member keeps reading the threads they took part in only when a facilitator allows it. */
export const ThreadAccessGrant = z.object({
  userId: Id,
  displayName: z.string(),
  kind: z.enum(['guest', 'former_member']),
  grantedBy: PersonRef,
  createdAt: Timestamp,
});
export type ThreadAccessGrant = z.infer<typeof ThreadAccessGrant>;

export const GrantThreadAccessRequest = z
  .object({ userId: Id, kind: z.enum(['guest', 'former_member']) })
  .strict();
export type GrantThreadAccessRequest = z.infer<typeof GrantThreadAccessRequest>;

/** Per-member group setting: follow every new thread of this group by default. */
export const GroupDiscussionSettings = z.object({ followAllNewThreads: z.boolean() }).strict();
export type GroupDiscussionSettings = z.infer<typeof GroupDiscussionSettings>;

/** `GET /api/discussions/search?q=` over the threads and messages of my groups. */
export const SearchDiscussionsQuery = z.object({
  q: FreeText().trim().min(1).max(200),
  groupId: Id.optional(),
  page: z.coerce.number().int().min(1).max(100).default(1),
});
export type SearchDiscussionsQuery = z.infer<typeof SearchDiscussionsQuery>;

export const DiscussionSearchHit = z.object({
  thread: z.object({ id: Id, title: z.string(), groupId: Id, kind: ThreadKind }),
  message: z.object({ id: Id, seq: z.number().int(), author: PersonRef, createdAt: Timestamp }).nullable(),
  /** Snippet with matched words between «[» and «]» markers (rendered as <mark> by the client). */
  snippet: z.string(),
});
export type DiscussionSearchHit = z.infer<typeof DiscussionSearchHit>;

export const DiscussionSearchPage = z.object({
  items: z.array(DiscussionSearchHit),
  total: z.number().int(),
  page: z.number().int(),
});
export type DiscussionSearchPage = z.infer<typeof DiscussionSearchPage>;

/** `GET /api/discussions/news`: "Nouveautés", threads with unread messages across my groups. */
export const NewsItem = ThreadSummary.extend({
  group: z.object({ id: Id, kind: z.string(), bassinName: z.string() }),
});
export type NewsItem = z.infer<typeof NewsItem>;
export const NewsPage = z.object({ items: z.array(NewsItem), totalUnread: z.number().int() });
export type NewsPage = z.infer<typeof NewsPage>;

/** `POST /api/threads/:id/messages`: a message, the thread coming from the path. */
export const PostMessageBody = z.object(sendFields).strict().refine(notEmpty, emptyMessage);
export type PostMessageBody = z.infer<typeof PostMessageBody>;
/** `POST /api/threads/:id/read`: the read marker, the thread coming from the path. */
export const MarkReadBody = z.object({ seq: z.number().int().min(0) }).strict();
export type MarkReadBody = z.infer<typeof MarkReadBody>;
/** `PATCH /api/messages/:id`: the new text, the message coming from the path. */
export const EditMessageBody = z.object({ body: MessageBody }).strict();
export type EditMessageBody = z.infer<typeof EditMessageBody>;
/** `POST /api/messages/:id/move`: the thread the message moves to. */
export const MoveMessageBody = z.object({ toThreadId: Id }).strict();
export type MoveMessageBody = z.infer<typeof MoveMessageBody>;
/** The answer to a move: the marker left in the old thread and the message in its new one. */
export const MovedMessage = z.object({ marker: Message, moved: Message });
export type MovedMessage = z.infer<typeof MovedMessage>;
