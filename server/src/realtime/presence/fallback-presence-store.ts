import { MemoryPresenceStore } from './memory-presence-store';
import { type PresenceMark, type PresenceState, PresenceStore } from './presence-store';

/**
 * Presence in Redis with this node's own sockets mirrored in memory. While Redis fails (every command
 * fails at once or within REDIS_COMMAND_TIMEOUT_MS), reads and sweeps use the mirror: the node still
 * shows who is present through it, as a single node would. Writes go to both, so once Redis answers
 * again the next heartbeat puts this node's sockets back in it; `takeRecovered()` then tells the
 * service to push fresh snapshots.
 */
export class FallbackPresenceStore extends PresenceStore {
  private readonly local: MemoryPresenceStore;
  private failing = false;
  private recovered = false;

  constructor(
    private readonly redis: PresenceStore,
    ttlMs: number,
    private readonly onOutage: (err: unknown) => void,
  ) {
    super();
    this.local = new MemoryPresenceStore(ttlMs);
  }

  async touch(marks: PresenceMark[], now: number): Promise<void> {
    await this.local.touch(marks, now);
    await this.attempt(() => this.redis.touch(marks, now));
  }

  async remove(mark: PresenceMark, now: number): Promise<void> {
    await this.local.remove(mark, now);
    await this.attempt(() => this.redis.remove(mark, now));
  }

  async read(scope: string, now: number): Promise<PresenceState> {
    const state = await this.attempt(() => this.redis.read(scope, now));
    return state ?? this.local.read(scope, now);
  }

  async sweep(now: number): Promise<string[]> {
    const locallyChanged = await this.local.sweep(now);
    const changed = await this.attempt(() => this.redis.sweep(now));
    return changed ?? locallyChanged;
  }

  /** True once after Redis answered again following a failure. */
  takeRecovered(): boolean {
    const recovered = this.recovered;
    this.recovered = false;
    return recovered;
  }

  private async attempt<T>(operation: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await operation();
      if (this.failing) {
        this.failing = false;
        this.recovered = true;
      }
      return result;
    } catch (err) {
      if (!this.failing) this.onOutage(err);
      this.failing = true;
      return undefined;
    }
  }
}
