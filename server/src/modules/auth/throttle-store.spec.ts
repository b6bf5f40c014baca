import {
  admitOne,
  type BackoffPolicy,
  type BackoffState,
  delayAfter,
  delayTable,
  FallbackThrottleStore,
  leakedLevel,
  MemoryThrottleStore,
  type ThrottleEntry,
  type ThrottleStore,
} from './throttle-store';

const S = 1000;
const MIN = 60 * S;
const HOUR = 60 * MIN;
const policy: BackoffPolicy = { free: 5, perHour: 5, baseDelayMs: 30 * S, maxDelayMs: 15 * MIN };

describe('back-off arithmetic', () => {
  it('lets the free failures through, then doubles the wait up to the cap', () => {
    expect([0, 1, 2, 3, 4].map((n) => delayAfter(n, policy))).toEqual([0, 0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 50].map((n) => delayAfter(n, policy) / S)).toEqual([
      30, 60, 120, 240, 480, 900, 900, 900,
    ]);
    expect(delayTable(policy).map((d) => d / S)).toEqual([0, 0, 0, 0, 0, 30, 60, 120, 240, 480, 900]);
  });

  it('counts a failure until it has leaked away entirely', () => {
    // 5 failures, a little leaked: still 5, so the wait applies.
    expect(delayAfter(4.9993, policy)).toBe(30 * S);
    expect(delayAfter(4, policy)).toBe(0);
    const state: BackoffState = { level: 5, at: 0, nextAt: 0 };
    expect(leakedLevel(state, policy, 12 * MIN)).toBeCloseTo(4);
    expect(leakedLevel(state, policy, 2 * HOUR)).toBe(0);
  });

  it('refuses an attempt before the wait is over and counts nothing then', () => {
    let state: BackoffState | undefined;
    for (let i = 0; i < 5; i++) {
      const decision = admitOne(state, policy, i);
      if (!decision.admitted) throw new Error('free failure refused');
      state = decision.state;
    }
    expect(state?.nextAt).toBe(4 + 30 * S);
    expect(admitOne(state, policy, 10 * S)).toEqual({ admitted: false, waitMs: 4 + 20 * S });
    const after = admitOne(state, policy, 31 * S);
    expect(after.admitted && after.state.nextAt - 31 * S).toBe(60 * S);
  });
});

/** How many guesses an attacker who retries the moment he may gets through in [from, to). */
function guesses(p: BackoffPolicy, from: number, to: number): number {
  let state: BackoffState | undefined;
  let now = 0;
  let count = 0;
  while (now < to) {
    const decision = admitOne(state, p, now);
    if (decision.admitted) {
      state = decision.state;
      if (now >= from) count++;
    } else now += decision.waitMs;
  }
  return count;
}

describe('what the budgets allow an attacker', () => {
  const pair = policy;
  const account: BackoffPolicy = { free: 20, perHour: 20, baseDelayMs: 30 * S, maxDelayMs: MIN };

  it('from one address: 13 guesses the first hour, then the 5 or 6 an hour that are forgotten', () => {
    expect(guesses(pair, 0, HOUR)).toBe(13);
    for (const h of [2, 3, 6, 12, 24]) expect([5, 6]).toContain(guesses(pair, (h - 1) * HOUR, h * HOUR));
    expect(guesses(pair, 0, 24 * HOUR)).toBe(129);
  });

  it('from any number of addresses: 80 the first hour, then 60, under the 100 an hour of OWASP ASVS 4 (2.2.1)', () => {
    expect(guesses(account, 0, HOUR)).toBe(80);
    for (const h of [2, 3, 6, 12, 24]) expect(guesses(account, (h - 1) * HOUR, h * HOUR)).toBe(60);
  });
});

describe('stores', () => {
  const entries = (key: string): ThrottleEntry[] => [
    { key: `pair:${key}`, policy, onSuccess: 'clear' },
    { key: 'account', policy: { ...policy, free: 8 }, onSuccess: 'refund' },
  ];

  it('admits on every key or on none, and a success clears or refunds', async () => {
    const store = new MemoryThrottleStore();
    for (let i = 0; i < 5; i++) expect(await store.admit(entries('a'), 0)).toBe(0);
    expect(await store.admit(entries('a'), 1)).toBe(30 * S - 1);
    // Refused on the pair: the account was not counted.
    expect(store.peek('account', 1)?.level).toBe(5);
    expect(await store.admit(entries('b'), 2)).toBe(0);
    await store.settle(entries('b'), 3);
    expect(store.peek('pair:b', 3)).toBeUndefined();
    expect(store.peek('account', 3)?.level).toBeCloseTo(5, 3);
  });

  it('forgets the oldest keys beyond its size', async () => {
    const store = new MemoryThrottleStore(3);
    for (const key of ['a', 'b', 'c', 'd']) await store.admit([{ key, policy, onSuccess: 'clear' }], 0);
    expect(store.peek('a', 0)).toBeUndefined();
    expect(store.peek('d', 0)?.level).toBe(1);
  });

  it('counts in memory when the shared store does not answer in time, then leaves it alone for a while', async () => {
    let calls = 0;
    const hanging: ThrottleStore = {
      admit: () => {
        calls++;
        return new Promise<number>(() => undefined);
      },
      settle: () => new Promise<void>(() => undefined),
    };
    const fallbacks: string[] = [];
    const store = new FallbackThrottleStore(hanging, new MemoryThrottleStore(), {
      timeoutMs: 20,
      retryAfterMs: 60_000,
      onFallback: (err) => fallbacks.push(err.message),
    });
    for (let i = 0; i < 5; i++) expect(await store.admit(entries('x'), 0)).toBe(0);
    expect(await store.admit(entries('x'), 1)).toBeGreaterThan(0);
    expect(calls).toBe(1);
    expect(fallbacks).toEqual(['Redis did not answer within 20 ms']);
  });
});
