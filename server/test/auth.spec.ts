import { AuthService } from '../src/modules/auth/auth.service';
import { factories, type TestUser } from './support/factories';
import { linkToken, startTestApp, type TestApp } from './support/test-app';

/** The same address with other capitals: sign-in ignores case. */
const mixedCase = (email: string) =>
  email.charAt(0).toUpperCase() + email.slice(1).replace('@factory', '@Factory');

describe('accounts: sign in, sessions, rate limits, password reset', () => {
  let t: TestApp;
  let people: Record<
    'amina' | 'marc' | 'julie' | 'thomas' | 'claire' | 'olivier' | 'admin' | 'ines',
    TestUser
  >;
  beforeAll(async () => {
    t = await startTestApp({
      seed: false,
      env: { LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS: '3' },
    });
    const make = factories(t);
    const horizon = await make.organisation({ name: 'CISP Horizon Emploi', kind: 'cisp' });
    const amina = await make.user({ displayName: 'Amina Lahlou', organisationId: horizon.id });
    await make.membership(amina, await make.group('social_workers'));
    people = {
      amina,
      marc: await make.user(),
      julie: await make.user(),
      thomas: await make.user(),
      claire: await make.user(),
      olivier: await make.user(),
      admin: await make.user({ platformRole: 'admin' }),
      ines: await make.user({ displayName: 'Inès Moreau' }),
    };
  });
  afterAll(() => t.close());
  const signIn = (user: TestUser) => t.signIn(user.email, user.password);

  it('signs in with an httpOnly SameSite cookie, knows who I am, and signs out', async () => {
    const agent = t.agent();
    const login = await agent
      .post('/api/auth/login')
      .send({ email: mixedCase(people.amina.email), password: people.amina.password })
      .expect(200);
    expect(login.body).toMatchObject({ email: people.amina.email, displayName: 'Amina Lahlou' });
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/affluents_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await agent.get('/api/auth/me').expect(200);
    expect(me.body.organisation).toMatchObject({ name: 'CISP Horizon Emploi', kind: 'cisp' });
    expect(me.body.memberships).toHaveLength(1);
    await agent.post('/api/auth/logout').expect(204);
    await agent.get('/api/auth/me').expect(401);
  });

  it('stores only a hash of the session token', async () => {
    const agent = t.agent();
    const login = await agent
      .post('/api/auth/login')
      .send({ email: people.marc.email, password: people.marc.password });
    const token = String(login.headers['set-cookie']).match(/affluents_session=([^;]+)/)?.[1];
    const rows = await t.dataSource.query('SELECT token_hash FROM auth_sessions');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r: { token_hash: string }) => r.token_hash)).not.toContain(token);
  });

  it('gives the same answer for a wrong password and an unknown account', async () => {
    const wrong = await t
      .agent()
      .post('/api/auth/login')
      .send({ email: people.julie.email, password: 'nope-nope' });
    const unknown = await t
      .agent()
      .post('/api/auth/login')
      .send({ email: 'qui@factory.test', password: 'nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('makes the address that failed repeatedly wait, even with the right password, and no one else', async () => {
    for (let i = 0; i < 3; i++) {
      await t
        .agent()
        .post('/api/auth/login')
        .send({ email: people.thomas.email, password: 'bad-password' })
        .expect(401);
    }
    const throttled = await t
      .agent()
      .post('/api/auth/login')
      .send({ email: people.thomas.email, password: people.thomas.password })
      .expect(429);
    expect(throttled.body.code).toBe('rate_limited');
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    // Other accounts from the same address are not affected.
    await t
      .agent()
      .post('/api/auth/login')
      .send({ email: people.claire.email, password: people.claire.password })
      .expect(200);
  });

  it('resets a password through the emailed single-use link and ends old sessions', async () => {
    const oldSession = await signIn(people.olivier);
    await t.agent().post('/api/auth/password-reset').send({ email: people.olivier.email }).expect(202);
    // Unknown addresses get the same answer and no mail.
    await t.agent().post('/api/auth/password-reset').send({ email: 'personne@factory.test' }).expect(202);
    // The answer goes out before the mail is queued.
    await t.app.get(AuthService).passwordResetsSettled();
    expect(await t.mailsTo('personne@factory.test')).toHaveLength(0);
    const [mail] = await t.mailsTo(people.olivier.email);
    expect(mail.subject).toContain('mot de passe');
    const token = linkToken(mail.textBody, 'reinitialiser');
    await t.agent().post('/api/auth/password-reset/confirm').send({ token, password: 'court' }).expect(400);
    await t
      .agent()
      .post('/api/auth/password-reset/confirm')
      .send({ token, password: 'un-nouveau-secret' })
      .expect(204);
    await t
      .agent()
      .post('/api/auth/password-reset/confirm')
      .send({ token, password: 'encore-un-autre' })
      .expect(400);
    await oldSession.get('/api/auth/me').expect(401);
    await t.signIn(people.olivier.email, 'un-nouveau-secret');
  });

  it('refuses a disabled account and closes its sessions', async () => {
    const admin = await signIn(people.admin);
    const ines = await signIn(people.ines);
    const users = await admin.get('/api/users').query({ q: people.ines.email }).expect(200);
    await admin.patch(`/api/users/${users.body[0].id}`).send({ disabled: true }).expect(200);
    await ines.get('/api/auth/me').expect(401);
    await t
      .agent()
      .post('/api/auth/login')
      .send({ email: people.ines.email, password: people.ines.password })
      .expect(401);
  });

  it('lets a user edit their own profile but not their role', async () => {
    const agent = await signIn(people.julie);
    const res = await agent
      .patch('/api/auth/me')
      .send({ jobTitle: 'Encadrante technique menuiserie' })
      .expect(200);
    expect(res.body.jobTitle).toBe('Encadrante technique menuiserie');
    await agent.patch('/api/auth/me').send({ platformRole: 'admin' }).expect(400);
  });
});
