import type { RedisClientType } from 'redis';
import type { RedisKeys } from '../../infra/redis/redis-keys';
import {
  memberOf,
  type PresenceMark,
  type PresenceState,
  PresenceStore,
  SEEN_RETENTION_MS,
  userOfMember,
} from './presence-store';

/**
 * Presence in Redis, shared by every node: per scope a sorted set of sockets scored by their last
 * heartbeat and a sorted set of users scored by when they were last seen. A dead node stops
 * heartbeating, so its sockets expire after the TTL and some node's sweep removes them.
 */
export class RedisPresenceStore extends PresenceStore {
  constructor(
    private readonly client: () => Promise<RedisClientType>,
    private readonly keys: RedisKeys,
    private readonly ttlMs: number,
  ) {
    super();
  }

  async touch(marks: PresenceMark[], now: number): Promise<void> {
    if (marks.length === 0) return;
    const multi = (await this.client()).multi();
    for (const mark of marks) {
      const online = this.keys.presenceOnline(mark.scope);
      const seen = this.keys.presenceSeen(mark.scope);
      multi.zAdd(online, { score: now, value: memberOf(mark) });
      multi.pExpire(online, this.ttlMs * 2);
      multi.zAdd(seen, { score: now, value: mark.userId });
      multi.pExpire(seen, SEEN_RETENTION_MS);
      multi.sAdd(this.keys.presenceScopes(), mark.scope);
    }
    await multi.exec();
  }

  async remove(mark: PresenceMark, now: number): Promise<void> {
    const seen = this.keys.presenceSeen(mark.scope);
    await (await this.client())
      .multi()
      .zRem(this.keys.presenceOnline(mark.scope), memberOf(mark))
      .zAdd(seen, { score: now, value: mark.userId })
      .pExpire(seen, SEEN_RETENTION_MS)
      .exec();
  }

  async read(scope: string, now: number): Promise<PresenceState> {
    const client = await this.client();
    const [members, seen] = await Promise.all([
      client.zRangeByScore(this.keys.presenceOnline(scope), `(${now - this.ttlMs}`, '+inf'),
      client.zRangeByScoreWithScores(this.keys.presenceSeen(scope), `(${now - SEEN_RETENTION_MS}`, '+inf'),
    ]);
    return {
      online: new Set(members.map(userOfMember)),
      lastSeen: new Map(seen.map((entry) => [String(entry.value), entry.score])),
    };
  }

  async sweep(now: number): Promise<string[]> {
    const client = await this.client();
    const scopes = await client.sMembers(this.keys.presenceScopes());
    const changed: string[] = [];
    for (const scope of scopes) {
      const online = this.keys.presenceOnline(scope);
      // Only the node whose ZREMRANGEBYSCORE removed the entries reports the change, so one broadcast.
      const removed = await client.zRemRangeByScore(online, '-inf', now - this.ttlMs);
      if (removed > 0) changed.push(scope);
      await client.zRemRangeByScore(this.keys.presenceSeen(scope), '-inf', now - SEEN_RETENTION_MS);
      // A later heartbeat adds the scope back, so dropping an empty one here is safe.
      if ((await client.zCard(online)) === 0) await client.sRem(this.keys.presenceScopes(), scope);
    }
    return changed;
  }
}
