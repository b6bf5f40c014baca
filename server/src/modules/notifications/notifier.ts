/**
 * What other modules tell the notifications module. Each call is made after the cause is committed;
 * the notifications module works out the recipients (mentions, replies, followers, preferences),
 * stores in-app notifications, pushes them live and schedules the emails. Never throws to the caller.
 */
export abstract class Notifier {
  /** A message was posted (mentions, reply to someone, followed thread). */
  abstract messagePosted(messageId: string): Promise<void>;
  /** A comment or a reply on a fiche mentioned members (`replyId` null for the comment itself). */
  abstract commentPosted(event: { commentId: string; replyId: string | null }): Promise<void>;
  /**
   * Members were mentioned for the first time in the text of a fiche. `actorId` is the member who last
   * changed the text, when known (null otherwise).
   */
  abstract ficheTextMentioned(event: {
    ficheId: string;
    userIds: string[];
    actorId: string | null;
  }): Promise<void>;
  /** A poll was opened or closed in a thread. */
  abstract pollOpened(pollId: string): Promise<void>;
  abstract pollClosed(pollId: string): Promise<void>;
}
