import {
  memberOf,
  type PresenceMark,
  type PresenceState,
  PresenceStore,
  SEEN_RETENTION_MS,
  userOfMember,
} from './presence-store';

/** The in-process presence store of a single node (no REDIS_URL). */
export class MemoryPresenceStore extends PresenceStore {
  /** scope -> `<userId>|<socketId>` -> last heartbeat (ms). */
  private readonly online = new Map<string, Map<string, number>>();
  /** scope -> userId -> last seen (ms). */
  private readonly seen = new Map<string, Map<string, number>>();

  constructor(private readonly ttlMs: number) {
    super();
  }

  async touch(marks: PresenceMark[], now: number): Promise<void> {
    for (const mark of marks) {
      this.mapOf(this.online, mark.scope).set(memberOf(mark), now);
      this.mapOf(this.seen, mark.scope).set(mark.userId, now);
    }
  }

  async remove(mark: PresenceMark, now: number): Promise<void> {
    this.online.get(mark.scope)?.delete(memberOf(mark));
    this.mapOf(this.seen, mark.scope).set(mark.userId, now);
  }

  async read(scope: string, now: number): Promise<PresenceState> {
    const online = new Set<string>();
    for (const [member, at] of this.online.get(scope) ?? []) {
      if (at > now - this.ttlMs) online.add(userOfMember(member));
    }
    const lastSeen = new Map<string, number>();
    for (const [userId, at] of this.seen.get(scope) ?? []) {
      if (at > now - SEEN_RETENTION_MS) lastSeen.set(userId, at);
    }
    return { online, lastSeen };
  }

  async sweep(now: number): Promise<string[]> {
    const changed: string[] = [];
    for (const [scope, members] of this.online) {
      let removed = false;
      for (const [member, at] of members) {
        if (at <= now - this.ttlMs) {
          members.delete(member);
          removed = true;
        }
      }
      if (removed) changed.push(scope);
      if (members.size === 0) this.online.delete(scope);
    }
    for (const [scope, users] of this.seen) {
      for (const [userId, at] of users) if (at <= now - SEEN_RETENTION_MS) users.delete(userId);
      if (users.size === 0) this.seen.delete(scope);
    }
    return changed;
  }

  private mapOf<V>(maps: Map<string, Map<string, V>>, scope: string): Map<string, V> {
    let map = maps.get(scope);
    if (!map) {
      map = new Map();
      maps.set(scope, map);
    }
    return map;
  }
}
