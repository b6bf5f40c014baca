/** One socket present in one scope. */
export interface PresenceMark {
  scope: string;
  userId: string;
  socketId: string;
}

/** Who is in a scope: users with a live heartbeat, and when each user was last seen (ms). */
export interface PresenceState {
  online: Set<string>;
  lastSeen: Map<string, number>;
}

/** How long a user seen in a scope stays listed as "vu à ..." after leaving. */
export const SEEN_RETENTION_MS = 60 * 60 * 1000;

/**
 * Presence entries with expiring heartbeats, per socket (a user with two tabs is one user online until
 * both are gone). Redis keeps them right across nodes; the memory store serves a single node.
 */
export abstract class PresenceStore {
  /** Records a heartbeat of each mark at `now` (ms). */
  abstract touch(marks: PresenceMark[], now: number): Promise<void>;
  /** Removes a socket from a scope (it left or disconnected); the user is "seen" at `now`. */
  abstract remove(mark: PresenceMark, now: number): Promise<void>;
  /** The current state of a scope. */
  abstract read(scope: string, now: number): Promise<PresenceState>;
  /** Drops entries whose heartbeat is older than the TTL; returns the scopes this call changed. */
  abstract sweep(now: number): Promise<string[]>;
}

export const memberOf = (mark: PresenceMark) => `${mark.userId}|${mark.socketId}`;
export const userOfMember = (member: string) => member.slice(0, member.indexOf('|'));
