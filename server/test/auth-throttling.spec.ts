import type TestAgent from 'supertest/lib/agent';
import { AuthService } from '../src/modules/auth/auth.service';
import { factories, type TestUser } from './support/factories';
import { describeWith } from './support/requires';
import { TcpProxy } from './support/tcp-proxy';
import { linkToken, startTestApp, type TestApp } from './support/test-app';

/**
 * Signs in as `user` (with their password unless told) from the client address `ip` (the app trusts
 * X-Forwarded-For here).
 */
function signIn(agent: TestAgent, ip: string, user: TestUser, password = user.password) {
  return agent.post('/api/auth/login').set('X-Forwarded-For', ip).send({ email: user.email, password });
}

/** Accounts made by the factories on `t`, one per name ("admin" is a platform administrator). */
async function accounts<N extends string>(t: TestApp, names: readonly N[]): Promise<Record<N, TestUser>> {
  const make = factories(t);
  const made = {} as Record<N, TestUser>;
  for (const name of names) made[name] = await make.user(name === 'admin' ? { platformRole: 'admin' } : {});
  return made;
}

describe('sign-in throttling: attackers are slowed, owners are never locked out (issue 11, item 7)', () => {
  let t: TestApp;
  let people: Record<
    'admin' | 'sophie' | 'amina' | 'marc' | 'julie' | 'nadia' | 'thomas' | 'claire' | 'olivier' | 'ines',
    TestUser
  >;
  beforeAll(async () => {
    // Default budgets: 5 failures per account and address, 20 per account, 60 per address, per hour.
    t = await startTestApp({ seed: false, env: { TRUST_PROXY: 'true' } });
    people = await accounts(t, [
      'admin',
      'sophie',
      'amina',
      'marc',
      'julie',
      'nadia',
      'thomas',
      'claire',
      'olivier',
      'ines',
    ]);
  });
  afterAll(() => t.close());

  it('throttles only the attacker’s address after 5 failures; the owner signs in from elsewhere and from a known browser', async () => {
    const owner = t.agent();
    // The administrator signed in on this browser before: it is a known device from now on.
    await signIn(owner, '198.51.100.7', people.admin).expect(200);
    await owner.post('/api/auth/logout').expect(204);

    for (let i = 0; i < 5; i++) {
      await signIn(t.agent(), '203.0.113.66', people.admin, `devine-${i}`).expect(401);
    }
    const throttled = await signIn(t.agent(), '203.0.113.66', people.admin).expect(429);
    expect(throttled.body).toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/^Trop de tentatives/),
    });
    const retryAfter = Number(throttled.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(30);

    // Same account from another address, on a browser it never used: not slowed at all.
    await signIn(t.agent(), '192.0.2.10', people.admin).expect(200);
    // The owner's known browser, even behind the attacker's very address.
    await signIn(owner, '203.0.113.66', people.admin).expect(200);
  });

  it('after 50 guesses from 50 addresses the owner still signs in on a known browser; other browsers are only slowed', async () => {
    const owner = t.agent();
    await signIn(owner, '198.51.100.8', people.sophie).expect(200);
    const answers: number[] = [];
    for (let i = 0; i < 50; i++) {
      const res = await signIn(t.agent(), `10.66.${i}.1`, people.sophie, `devine-${i}`);
      answers.push(res.status);
    }
    const guesses = answers.filter((s) => s === 401).length;
    // A figure for the report, not an assertion on time.
    console.info(
      `distributed attack: ${guesses} of 50 guesses checked, ${answers.length - guesses} answered 429`,
    );
    expect(guesses).toBe(20);
    expect(answers.slice(20).every((s) => s === 429)).toBe(true);

    await signIn(owner, '10.66.0.1', people.sophie).expect(200);
    // A browser the account never used waits at most a minute (and is told so), it is never locked out.
    const slowed = await signIn(t.agent(), '192.0.2.11', people.sophie).expect(429);
    expect(Number(slowed.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('does not count successful sign-ins against the address: 40 colleagues behind one office address', async () => {
    const colleagues = [
      people.amina,
      people.marc,
      people.julie,
      people.nadia,
      people.thomas,
      people.claire,
      people.olivier,
      people.ines,
    ];
    for (let i = 0; i < 40; i++) {
      await signIn(t.agent(), '203.0.113.200', colleagues[i % colleagues.length]).expect(200);
    }
  });

  it('keeps an attacker’s parallel guesses to the budget', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        signIn(t.agent(), '203.0.113.77', people.marc, `parallele-${i}`).then((r) => r.status),
      ),
    );
    expect(answers.filter((s) => s === 401)).toHaveLength(5);
    expect(answers.filter((s) => s === 429)).toHaveLength(7);
  });
});

describe('sign-in throttling: the mailed reset link lets the owner in on a new browser (issue 11, item 7)', () => {
  let t: TestApp;
  let people: Record<'julie', TestUser>;
  beforeAll(async () => {
    t = await startTestApp({ seed: false, env: { TRUST_PROXY: 'true' } });
    people = await accounts(t, ['julie']);
  });
  afterAll(() => t.close());

  it('lets the owner in on a new browser once the mailed reset link proves the mailbox, even under a distributed attack', async () => {
    for (let i = 0; i < 25; i++) {
      await signIn(t.agent(), `10.77.${i}.1`, people.julie, `devine-${i}`);
    }
    // A browser the account never used is slowed by the account-wide budget the attacker spent...
    const browser = t.agent();
    await signIn(browser, '192.0.2.12', people.julie).expect(429);
    // ...until the owner follows the mailed link on it: that browser is known from then on.
    await browser.post('/api/auth/password-reset').set('X-Forwarded-For', '192.0.2.12').send({
      email: people.julie.email,
    });
    await t.app.get(AuthService).passwordResetsSettled();
    const [mail] = await t.mailsTo(people.julie.email);
    const token = linkToken(mail.textBody, 'reinitialiser');
    await browser
      .post('/api/auth/password-reset/confirm')
      .send({ token, password: 'un-secret-tout-neuf' })
      .expect(204);
    await signIn(browser, '192.0.2.12', people.julie, 'un-secret-tout-neuf').expect(200);
    // Another new browser is still slowed: the attack goes on against the account.
    await signIn(t.agent(), '192.0.2.13', people.julie, 'un-secret-tout-neuf').expect(429);
  });
});

describe('password reset requests (issue 11, item 8)', () => {
  let t: TestApp;
  let people: Record<
    'olivier' | 'amina' | 'marc' | 'julie' | 'sophie' | 'thomas' | 'claire' | 'nadia',
    TestUser
  >;
  beforeAll(async () => {
    t = await startTestApp({
      seed: false,
      env: { TRUST_PROXY: 'true', PASSWORD_RESET_MAX_PER_ADDRESS: '4' },
    });
    people = await accounts(t, ['olivier', 'amina', 'marc', 'julie', 'sophie', 'thomas', 'claire', 'nadia']);
  });
  afterAll(() => t.close());

  const requestReset = (ip: string, email: string) =>
    t.agent().post('/api/auth/password-reset').set('X-Forwarded-For', ip).send({ email });

  it('answers every request the same but mails at most 3 links per account, and only the newest works', async () => {
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await requestReset(`10.1.${i}.1`, people.olivier.email));
    for (const res of answers) {
      expect(res.status).toBe(202);
      expect(res.text).toBe(answers[0].text);
    }
    await t.app.get(AuthService).passwordResetsSettled();
    const mails = await t.mailsTo(people.olivier.email);
    expect(mails).toHaveLength(3);
    // Every link but the last one issued was invalidated when the next one was: exactly one works.
    const confirmations = [];
    for (const mail of mails) {
      const token = linkToken(mail.textBody, 'reinitialiser');
      confirmations.push(
        (
          await t
            .agent()
            .post('/api/auth/password-reset/confirm')
            .send({ token, password: 'un-nouveau-secret' })
        ).status,
      );
    }
    expect(confirmations.sort()).toEqual([204, 400, 400]);
  });

  it('mails no more than the address budget from one address', async () => {
    const emails = [people.amina, people.marc, people.julie, people.sophie, people.thomas, people.claire].map(
      (p) => p.email,
    );
    for (const email of emails) await requestReset('203.0.113.9', email).expect(202);
    await t.app.get(AuthService).passwordResetsSettled();
    let mailed = 0;
    for (const email of emails) mailed += (await t.mailsTo(email)).length;
    expect(mailed).toBe(4);
  });

  it('answers a known and an unknown account identically', async () => {
    const timings: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
    const bodies = new Set<string>();
    for (let i = 0; i < 20; i++) {
      for (const [kind, email] of [
        ['known', people.nadia.email],
        ['unknown', `personne-${i}@affluents.test`],
      ] as const) {
        const started = process.hrtime.bigint();
        const res = await requestReset(`10.2.${i}.${kind.length}`, email);
        timings[kind].push(Number(process.hrtime.bigint() - started) / 1e6);
        expect(res.status).toBe(202);
        expect(res.headers['content-length'] ?? '0').toBe('0');
        bodies.add(res.text);
      }
    }
    expect(bodies.size).toBe(1);
    await t.app.get(AuthService).passwordResetsSettled();
    expect(await t.mailsTo('personne-0@affluents.test')).toHaveLength(0);
    expect(await t.mailsTo(people.nadia.email)).toHaveLength(3);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.info(
      `password reset answer, median of 20: known account ${median(timings.known).toFixed(2)} ms, unknown ${median(timings.unknown).toFixed(2)} ms`,
    );
  });
});

const withRedis = describeWith(['REDIS_URL'], 'sign-in while Redis does not answer (issue 11, item 10)');

withRedis('sign-in while Redis does not answer (issue 11, item 10)', () => {
  let t: TestApp;
  let people: Record<'julie', TestUser>;
  const proxy = TcpProxy.forUrl(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  beforeAll(async () => {
    await proxy.start();
    t = await startTestApp({
      seed: false,
      env: { REDIS_URL: proxy.urlFor(process.env.REDIS_URL ?? ''), TRUST_PROXY: 'true' },
    });
    people = await accounts(t, ['julie']);
  });
  afterAll(async () => {
    await proxy.resume();
    await t?.close();
    await proxy.close();
  });

  it('signs in, and still throttles, counting in the process', async () => {
    await signIn(t.agent(), '198.51.100.20', people.julie).expect(200);
    proxy.pause();
    const started = Date.now();
    await signIn(t.agent(), '198.51.100.20', people.julie).timeout(5000).expect(200);
    console.info(`first sign-in during the Redis partition: ${Date.now() - started} ms`);
    for (let i = 0; i < 5; i++) {
      await signIn(t.agent(), '203.0.113.5', people.julie, `devine-${i}`).timeout(5000).expect(401);
    }
    await signIn(t.agent(), '203.0.113.5', people.julie).timeout(5000).expect(429);
    await signIn(t.agent(), '198.51.100.21', people.julie).timeout(5000).expect(200);
  });
});
