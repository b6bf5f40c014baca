import { AuthService } from '../src/modules/auth/auth.service';
import { linkToken, startTestApp, type TestApp } from './support/test-app';

describe('accounts: sign in, sessions, rate limits, password reset', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: { LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS: '3' },
    });
  });
  afterAll(() => t.close());

  it('signs in with an httpOnly SameSite cookie, knows who I am, and signs out', async () => {
    const agent = t.agent();
    const login = await agent
      .post('/api/auth/login')
      .send({ email: 'Amina@Affluents.test', password: 'affluents-demo' })
      .expect(200);
    expect(login.body).toMatchObject({ email: 'amina@affluents.test', displayName: 'Amina Lahlou' });
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
      .send({ email: 'marc@affluents.test', password: 'affluents-demo' });
    const token = String(login.headers['set-cookie']).match(/affluents_session=([^;]+)/)?.[1];
    const rows = await t.dataSource.query('SELECT token_hash FROM auth_sessions');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r: { token_hash: string }) => r.token_hash)).not.toContain(token);
  });

  it('gives the same answer for a wrong password and an unknown account', async () => {
    const wrong = await t
      .agent()
      .post('/api/auth/login')
      .send({ email: 'julie@affluents.test', password: 'nope-nope' });
    const unknown = await t
      .agent()
      .post('/api/auth/login')
      .send({ email: 'qui@affluents.test', password: 'nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('makes the address that failed repeatedly wait, even with the right password, and no one else', async () => {
    for (let i = 0; i < 3; i++) {
      await t
        .agent()
        .post('/api/auth/login')
        .send({ email: 'thomas@affluents.test', password: 'bad-password' })
        .expect(401);
    }
    const throttled = await t
      .agent()
      .post('/api/auth/login')
      .send({ email: 'thomas@affluents.test', password: 'affluents-demo' })
      .expect(429);
    expect(throttled.body.code).toBe('rate_limited');
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    // Other accounts from the same address are not affected.
    await t
      .agent()
      .post('/api/auth/login')
      .send({ email: 'claire@affluents.test', password: 'affluents-demo' })
      .expect(200);
  });

  it('resets a password through the emailed single-use link and ends old sessions', async () => {
    const oldSession = await t.signIn('olivier@affluents.test');
    await t.agent().post('/api/auth/password-reset').send({ email: 'olivier@affluents.test' }).expect(202);
    // Unknown addresses get the same answer and no mail.
    await t.agent().post('/api/auth/password-reset').send({ email: 'personne@affluents.test' }).expect(202);
    // The answer goes out before the mail is queued.
    await t.app.get(AuthService).passwordResetsSettled();
    expect(await t.mailsTo('personne@affluents.test')).toHaveLength(0);
    const [mail] = await t.mailsTo('olivier@affluents.test');
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
    await t.signIn('olivier@affluents.test', 'un-nouveau-secret');
  });

  it('refuses a disabled account and closes its sessions', async () => {
    const admin = await t.signIn('admin@affluents.test');
    const ines = await t.signIn('ines@affluents.test');
    const users = await admin.get('/api/users?q=ines').expect(200);
    await admin.patch(`/api/users/${users.body[0].id}`).send({ disabled: true }).expect(200);
    await ines.get('/api/auth/me').expect(401);
    await t
      .agent()
      .post('/api/auth/login')
      .send({ email: 'ines@affluents.test', password: 'affluents-demo' })
      .expect(401);
  });

  it('lets a user edit their own profile but not their role', async () => {
    const agent = await t.signIn('julie@affluents.test');
    const res = await agent
      .patch('/api/auth/me')
      .send({ jobTitle: 'Encadrante technique menuiserie' })
      .expect(200);
    expect(res.body.jobTitle).toBe('Encadrante technique menuiserie');
    await agent.patch('/api/auth/me').send({ platformRole: 'admin' }).expect(400);
  });
});
