/**
 * WebSocket close codes of the document connections (`/collab/<name>`), in the private 4000-4999 range.
 * The stock y-websocket provider stops reconnecting on 4400-4499 (a decision retrying cannot change)
 * and retries on every other code, 4500-4599 included ("try again later").
 * Refusals before the upgrade are plain HTTP answers instead: 400, 401, 403, 503.
 */
export const CollabCloseCode = {
  /**
   * A frame that is not a valid y-websocket message (text frame, truncated, trailing bytes, bad update, a caret
   * state that is not a JSON object, more than 1,000 caret entries).
   */
  Malformed: 4400,
  /** The meeting behind the connection ended (signed out, expired, account disabled). */
  Unauthenticated: 4401,
  /** The user lost access to the document (removed from the group, role changed). */
  Forbidden: 4403,
  /** A reader kept sending changes after being told the document is read-only for them. */
  ReadOnly: 4405,
  /**
   * A frame above COLLAB_MAX_FRAME_BYTES, an update that would grow the document past
   * COLLAB_MAX_DOCUMENT_BYTES, a caret (awareness) state above 4 KiB, or more updates depending on changes
   * the server never received than one connection may send (an honest client sends a few at most, while
   * its sync step 2 is on its way).
   */
  TooLarge: 4413,
  /** A well-formed update the document's shape refuses: shared types nested deeper than MAX_DOCUMENT_DEPTH. */
  Unprocessable: 4422,
  /** The document could not be loaded (database unreachable, stored state unreadable): retry later. */
  Unavailable: 4503,
} as const;
export type CollabCloseCode = (typeof CollabCloseCode)[keyof typeof CollabCloseCode];

/** Standard code sent when the server shuts down: the provider reconnects (to another node). */
export const CLOSE_GOING_AWAY = 1001;
