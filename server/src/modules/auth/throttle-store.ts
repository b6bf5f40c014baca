import type { RedisClientType } from 'redis';

const HOUR_MS = 60 * 60 * 1000;

/**
 * How one throttle counts failures: `free` failures pass without delay, then each failure makes the next
 * attempt wait, twice as long each time up to a cap; the count is forgotten at `perHour` failures per hour
 * (a leaky bucket), so a budget that is not attacked refills without anyone resetting it.
 */
export interface BackoffPolicy {
  /** Failures admitted without any delay. */
  free: number;
  /** Failures forgotten per hour. */
  perHour: number;
  /** Wait after the `free`-th failure (ms); it doubles with each further failure. */
  baseDelayMs: number;
  /** Longest wait (ms). */
  maxDelayMs: number;
}

/** The counted failures of one key: `level` as of `at`, and when the next attempt may start. */
export interface BackoffState {
  level: number;
  at: number;
  nextAt: number;
}

/** One key to count an attempt against, with its policy and what a success does to it. */
export interface ThrottleEntry {
  key: string;
  policy: BackoffPolicy;
  /** clear: a success forgets every failure (the pair, the device); refund: it only gives back its own count. */
  onSuccess: 'clear' | 'refund';
}

/**
 * Where throttle counts live. `admit` counts the attempt on every entry as a failure, atomically and
 * only if no entry makes it wait (answers 0), else answers the wait in ms and counts nothing. Counting
 * before the password is checked is what stops a burst of parallel guesses; `settle` then undoes the
 * count of an attempt that succeeded.
 */
export interface ThrottleStore {
  admit(entries: ThrottleEntry[], now: number): Promise<number>;
  settle(entries: ThrottleEntry[], now: number): Promise<void>;
}

/** The wait imposed after the failure that brought the count to `level`. */
export function delayAfter(level: number, policy: BackoffPolicy): number {
  // A failure counts until it has leaked away entirely: 4.2 is still 5 failures, 4 is 4.
  const failures = Math.ceil(level - 1e-9);
  if (failures < policy.free) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(failures - policy.free, 40));
}

/** The count left at `now` once the failures forgotten since `state.at` are taken off. */
export function leakedLevel(state: BackoffState | undefined, policy: BackoffPolicy, now: number): number {
  if (!state) return 0;
  return Math.max(0, state.level - (Math.max(0, now - state.at) * policy.perHour) / HOUR_MS);
}

/** Counts one attempt if the key lets it start now; otherwise says how long to wait. */
export function admitOne(
  state: BackoffState | undefined,
  policy: BackoffPolicy,
  now: number,
): { admitted: true; state: BackoffState } | { admitted: false; waitMs: number } {
  if (state && state.nextAt > now) return { admitted: false, waitMs: state.nextAt - now };
  const level = leakedLevel(state, policy, now) + 1;
  return { admitted: true, state: { level, at: now, nextAt: now + delayAfter(level, policy) } };
}

/** How long a key must be kept: until its count has leaked away and its wait has passed. */
export function keepForMs(state: BackoffState, policy: BackoffPolicy, now: number): number {
  return Math.max(state.nextAt - now, 0) + Math.ceil((state.level * HOUR_MS) / policy.perHour) + 1000;
}

/** The waits after 0, 1, 2 ... failures until the cap, for the Redis script (which repeats the last one). */
export function delayTable(policy: BackoffPolicy): number[] {
  const table: number[] = [];
  for (let failures = 0; ; failures++) {
    const delay = delayAfter(failures, policy);
    table.push(delay);
    if (delay >= policy.maxDelayMs) return table;
  }
}

/** In-process counts: the single-node store and the fallback while Redis does not answer. */
export class MemoryThrottleStore implements ThrottleStore {
  private readonly states = new Map<string, { state: BackoffState; expiresAt: number }>();
  private sweptAt = 0;

  constructor(private readonly maxKeys = 100_000) {}

  async admit(entries: ThrottleEntry[], now: number): Promise<number> {
    this.sweep(now);
    const next: BackoffState[] = [];
    let wait = 0;
    for (const entry of entries) {
      const decision = admitOne(this.get(entry.key, now), entry.policy, now);
      if (decision.admitted) next.push(decision.state);
      else wait = Math.max(wait, decision.waitMs);
    }
    if (wait > 0) return wait;
    for (const [i, entry] of entries.entries()) {
      this.set(entry.key, next[i], keepForMs(next[i], entry.policy, now), now);
    }
    return 0;
  }

  async settle(entries: ThrottleEntry[], now: number): Promise<void> {
    for (const entry of entries) {
      const state = this.get(entry.key, now);
      if (!state) continue;
      if (entry.onSuccess === 'clear') {
        this.states.delete(entry.key);
        continue;
      }
      const level = Math.max(0, leakedLevel(state, entry.policy, now) - 1);
      const refunded = { level, at: now, nextAt: state.nextAt };
      this.set(entry.key, refunded, keepForMs(refunded, entry.policy, now), now);
    }
  }

  /** The state of a key, for tests and figures. */
  peek(key: string, now = Date.now()): BackoffState | undefined {
    return this.get(key, now);
  }

  private get(key: string, now: number): BackoffState | undefined {
    const held = this.states.get(key);
    if (!held || held.expiresAt <= now) return undefined;
    return held.state;
  }

  private set(key: string, state: BackoffState, keepMs: number, now: number): void {
    // Re-inserted at the end: the Map's order is then oldest-touched first, which is what gets dropped.
    this.states.delete(key);
    this.states.set(key, { state, expiresAt: now + keepMs });
    // An attacker spraying addresses or emails must not grow the process without bound.
    for (const oldest of this.states.keys()) {
      if (this.states.size <= this.maxKeys) break;
      this.states.delete(oldest);
    }
  }

  private sweep(now: number): void {
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const [key, held] of this.states) if (held.expiresAt <= now) this.states.delete(key);
  }
}

// Admits on every key or on none, in one round trip. ARGV: now, then per key: the leak per ms, the
// number of delays, the delay table (after 0, 1, 2 ... failures; the last repeats). Arithmetic as admitOne.
const ADMIT_SCRIPT = `
local now = tonumber(ARGV[1])
local i = 2
local plans = {}
local wait = 0
for k = 1, #KEYS do
  local perMs = tonumber(ARGV[i])
  local count = tonumber(ARGV[i + 1])
  local s = redis.call('HMGET', KEYS[k], 'l', 't', 'n')
  local level = tonumber(s[1]) or 0
  local at = tonumber(s[2]) or now
  local nextAt = tonumber(s[3]) or 0
  if nextAt - now > wait then wait = nextAt - now end
  level = math.max(0, level - math.max(0, now - at) * perMs) + 1
  local failures = math.ceil(level - 1e-9)
  local delay = tonumber(ARGV[i + 2 + math.min(failures, count - 1)])
  plans[k] = { level, now + delay, delay + math.ceil(level / perMs) + 1000 }
  i = i + 2 + count
end
if wait > 0 then return wait end
for k = 1, #KEYS do
  redis.call('HSET', KEYS[k], 'l', tostring(plans[k][1]), 't', tostring(now), 'n', tostring(plans[k][2]))
  redis.call('PEXPIRE', KEYS[k], plans[k][3])
end
return 0
`;

// After a success: ARGV per key: 'clear' or 'refund', and the leak per ms.
const SETTLE_SCRIPT = `
local now = tonumber(ARGV[1])
for k = 1, #KEYS do
  local mode = ARGV[2 * k]
  local perMs = tonumber(ARGV[2 * k + 1])
  if mode == 'clear' then
    redis.call('DEL', KEYS[k])
  else
    local s = redis.call('HMGET', KEYS[k], 'l', 't')
    if s[1] then
      local level = math.max(0, tonumber(s[1]) - math.max(0, now - tonumber(s[2])) * perMs - 1)
      redis.call('HSET', KEYS[k], 'l', tostring(level), 't', tostring(now))
    end
  end
end
return 0
`;

/** Counts shared by every node, one script call per attempt. */
export class RedisThrottleStore implements ThrottleStore {
  constructor(private readonly client: () => Promise<RedisClientType>) {}

  async admit(entries: ThrottleEntry[], now: number): Promise<number> {
    const args = [String(now)];
    for (const { policy } of entries) {
      const table = delayTable(policy);
      args.push(String(policy.perHour / HOUR_MS), String(table.length), ...table.map(String));
    }
    const client = await this.client();
    const wait = await client.eval(ADMIT_SCRIPT, { keys: entries.map((e) => e.key), arguments: args });
    return Number(wait);
  }

  async settle(entries: ThrottleEntry[], now: number): Promise<void> {
    const args = [String(now)];
    for (const { policy, onSuccess } of entries) args.push(onSuccess, String(policy.perHour / HOUR_MS));
    const client = await this.client();
    await client.eval(SETTLE_SCRIPT, { keys: entries.map((e) => e.key), arguments: args });
  }
}

/**
 * Redis when it answers, the process's own counts when it does not: a call that fails or takes longer
 * than `timeoutMs` counts in memory instead, and Redis is left alone for `retryAfterMs` so that a
 * partition costs one bounded wait, not one per sign-in. Counts made in memory stay on this node.
 */
export class FallbackThrottleStore implements ThrottleStore {
  private redisSkippedUntil = 0;

  constructor(
    private readonly shared: ThrottleStore | null,
    readonly local: MemoryThrottleStore,
    private readonly options: { timeoutMs: number; retryAfterMs: number; onFallback: (err: Error) => void },
  ) {}

  admit(entries: ThrottleEntry[], now: number): Promise<number> {
    return this.run((store) => store.admit(entries, now));
  }

  settle(entries: ThrottleEntry[], now: number): Promise<void> {
    return this.run((store) => store.settle(entries, now));
  }

  private async run<T>(call: (store: ThrottleStore) => Promise<T>): Promise<T> {
    if (this.shared && Date.now() >= this.redisSkippedUntil) {
      try {
        return await withDeadline(call(this.shared), this.options.timeoutMs);
      } catch (err) {
        this.redisSkippedUntil = Date.now() + this.options.retryAfterMs;
        this.options.onFallback(err as Error);
      }
    }
    return call(this.local);
  }
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    // Through setImmediate: after an event-loop stall the timer runs before pending socket reads, and an
    // answer that did arrive in time must win over the deadline.
    timer = setTimeout(
      () => setImmediate(() => reject(new Error(`Redis did not answer within ${ms} ms`))),
      ms,
    );
    timer.unref();
  });
  // A late answer or failure of the abandoned call must not surface as an unhandled rejection.
  promise.catch(() => undefined);
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
