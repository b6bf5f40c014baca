import { randomBytes } from 'node:crypto';
import { createClient, type RedisClientType } from 'redis';
import { describeWith } from '../../test/support/requires';
import { type RateLimitStore, SharedRateLimit } from './shared-rate-limit';

const WINDOW_MS = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function limiter(store: RateLimitStore | null, prefix = 'k', now?: () => number) {
  return new SharedRateLimit({
    points: 30,
    windowMs: WINDOW_MS,
    store,
    storeKey: (key, window) => `${prefix}:${key}:${window}`,
    now,
  });
}

describe('SharedRateLimit', () => {
  it('counts exactly on one node and opens a new budget with the next window', () => {
    let now = 5 * WINDOW_MS + 1_000;
    const limit = limiter(null, 'k', () => now);
    const allowed = Array.from({ length: 40 }, () => limit.consume('amina').allowed);
    expect(allowed.filter(Boolean)).toHaveLength(30);
    expect(allowed.slice(30).some(Boolean)).toBe(false);
    expect(limit.consume('amina')).toEqual({ allowed: false, msBeforeNext: WINDOW_MS - 1_000 });
    // Budgets are per key.
    expect(limit.consume('marc').allowed).toBe(true);
    now += WINDOW_MS;
    expect(limit.consume('amina').allowed).toBe(true);
  });

  it('keeps counting locally while the store fails', async () => {
    const store: RateLimitStore = { add: () => Promise.reject(new Error('Redis down')) };
    const limit = limiter(store);
    let allowed = 0;
    for (let i = 0; i < 40; i++) {
      if (limit.consume('amina').allowed) allowed++;
      await sleep(1);
    }
    expect(allowed).toBe(30);
  });

  const withRedis = describeWith(['REDIS_URL'], 'two nodes on one Redis');
  withRedis('two nodes on one Redis', () => {
    let client: RedisClientType;
    const prefix = `affluents-test-rl-${randomBytes(4).toString('hex')}`;

    beforeAll(async () => {
      client = createClient({ url: process.env.REDIS_URL }) as RedisClientType;
      await client.connect();
    });
    afterAll(async () => {
      const keys = await client.keys(`${prefix}:*`);
      if (keys.length > 0) await client.del(keys);
      await client.close();
    });

    /** The store's answers not yet awaited by the test. */
    const answers: Promise<number>[] = [];
    const redisStore = (): RateLimitStore => ({
      add(key, n, expireAtMs) {
        const answer = Promise.all([client.incrBy(key, n), client.pExpireAt(key, expireAtMs)]).then(
          ([total]) => Number(total),
        );
        answers.push(answer);
        return answer;
      },
    });
    /** Waits for the flush of this turn's counts and for the store's answers to them. */
    const storeAnswered = async () => {
      await new Promise((r) => setImmediate(r));
      await Promise.allSettled(answers.splice(0));
    };

    it('refuses a flood spread over two nodes once their total reaches the budget', async () => {
      const nodeA = limiter(redisStore(), prefix);
      const nodeB = limiter(redisStore(), prefix);
      let allowed = 0;
      // A flood alternating between the nodes, each event once the store has answered the one before:
      // a node then misses only the other node's last event, whatever the machine's speed.
      for (let i = 0; i < 100; i++) {
        if ((i % 2 === 0 ? nodeA : nodeB).consume('flooder').allowed) allowed++;
        await storeAnswered();
      }
      // Each node learns the other's counts one round trip late: an overshoot of one event at most.
      expect(allowed).toBeGreaterThanOrEqual(30);
      expect(allowed).toBeLessThanOrEqual(31);
      expect(nodeA.consume('flooder').allowed).toBe(false);
      expect(nodeB.consume('flooder').allowed).toBe(false);
      // A third node joining late learns the total from its first answer and refuses from then on.
      const nodeC = limiter(redisStore(), prefix);
      nodeC.consume('flooder');
      await storeAnswered();
      expect(nodeC.consume('flooder').allowed).toBe(false);
      const [key] = await client.keys(`${prefix}:flooder:*`);
      expect(await client.pTTL(key)).toBeGreaterThan(0);
    });
  });
});
