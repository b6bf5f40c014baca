/** Where the nodes add up their counts: adds `n` to a window's key and answers the key's new total. */
export interface RateLimitStore {
  add(key: string, n: number, expireAtMs: number): Promise<number>;
}

/** Whether one more event fits in the budget; when not, how long until the window ends. */
export type RateLimitDecision = { allowed: true } | { allowed: false; msBeforeNext: number };

interface Count {
  window: number;
  /** The key's total in the store as of the last answer (every node's flushed counts). */
  known: number;
  /** Counted here, sent to the store, not yet answered. */
  inflight: number;
  /** Counted here, not yet sent. */
  pending: number;
}

/**
 * A per-key budget of `points` per fixed window, decided locally without waiting for the store: each
 * node counts in memory and adds its counts to the store (one command per key and event-loop turn, sent
 * after the decision), learning the other nodes' counts from the totals it gets back. On one node the
 * limit is exact; across nodes a key can overshoot by what the other nodes admitted during one store
 * round trip. Without a store, or while it fails, the node counts alone (failed counts are sent again).
 */
export class SharedRateLimit {
  private readonly counts = new Map<string, Count>();
  /** Keys with counts not yet sent. */
  private readonly dirty = new Set<string>();
  private flushScheduled = false;
  private sweptWindow = 0;

  constructor(
    private readonly options: {
      points: number;
      windowMs: number;
      store: RateLimitStore | null;
      /** The store key of one key's window. */
      storeKey: (key: string, window: number) => string;
      now?: () => number;
      onStoreError?: (err: Error) => void;
    },
  ) {}

  /** Counts one event of `key` if it fits in the current window's budget. */
  consume(key: string): RateLimitDecision {
    const now = this.options.now?.() ?? Date.now();
    const window = Math.floor(now / this.options.windowMs);
    if (window > this.sweptWindow) this.sweep(window);
    let count = this.counts.get(key);
    if (!count || count.window !== window) {
      // Counts of an earlier window still unsent are dropped: they no longer limit anything.
      count = { window, known: 0, inflight: 0, pending: 0 };
      this.counts.set(key, count);
    }
    if (count.known + count.inflight + count.pending >= this.options.points) {
      return { allowed: false, msBeforeNext: (window + 1) * this.options.windowMs - now };
    }
    count.pending++;
    if (this.options.store) this.dirty.add(key);
    this.scheduleFlush();
    return { allowed: true };
  }

  private scheduleFlush(): void {
    if (!this.options.store || this.flushScheduled) return;
    this.flushScheduled = true;
    // After this turn: every event read in the same turn travels in the same write to the store.
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    const store = this.options.store;
    if (!store) return;
    const current = Math.floor((this.options.now?.() ?? Date.now()) / this.options.windowMs);
    for (const key of this.dirty) {
      const count = this.counts.get(key);
      if (!count || count.window < current || count.pending === 0) continue;
      const n = count.pending;
      count.pending = 0;
      count.inflight += n;
      const expireAt = (count.window + 1) * this.options.windowMs + 1000;
      store.add(this.options.storeKey(key, count.window), n, expireAt).then(
        (total) => {
          count.inflight -= n;
          count.known = Math.max(count.known, total);
        },
        (err: Error) => {
          count.inflight -= n;
          count.pending += n;
          // Sent again by the next flush.
          this.dirty.add(key);
          this.options.onStoreError?.(err);
        },
      );
    }
    this.dirty.clear();
  }

  /** Once per window: forgets the keys of past windows (their budgets no longer limit anything). */
  private sweep(current: number): void {
    this.sweptWindow = current;
    for (const [key, count] of this.counts) {
      if (count.window < current && count.inflight === 0) this.counts.delete(key);
    }
  }
}
