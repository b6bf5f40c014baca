import { factories, type TestUser } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

describe('HTTP basics: health, docs and the one error format', () => {
  let t: TestApp;
  let amina: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ seed: false });
    amina = await factories(t).user();
  });
  afterAll(() => t.close());

  it('reports the database (and Redis when configured) as up', async () => {
    const res = await t.agent().get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.database.status).toBe('up');
    expect(res.body.mode.database).toBe(process.env.DATABASE_URL ? 'postgres' : 'embedded');
    if (process.env.REDIS_URL) expect(res.body.redis.status).toBe('up');
    else expect(res.body.mode.redis).toBe('single-node');
  });

  it('serves an OpenAPI document listing the routes, and its UI', async () => {
    const doc = await t.agent().get('/api/docs/openapi.json').expect(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/bassins', '/api/groups/{id}', '/api/invitations']),
    );
    const ui = await t.agent().get('/api/docs').expect(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it('answers malformed JSON with 400 in the shared format and a request id', async () => {
    const res = await t
      .agent()
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send('{"email": ')
      .expect(400);
    expect(res.body).toMatchObject({ status: 400, code: 'bad_request' });
    expect(res.body.requestId).toEqual(res.headers['x-request-id']);
  });

  it('lists each invalid or unknown field', async () => {
    const res = await t
      .agent()
      .post('/api/auth/login')
      .send({ email: 'pas-un-courriel', password: 12, admin: true })
      .expect(400);
    expect(res.body.code).toBe('validation_failed');
    const paths = res.body.fieldErrors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['admin', 'email', 'password']);
  });

  it('requires a meeting for API routes and says so in the format', async () => {
    const res = await t.agent().get('/api/bassins').expect(401);
    expect(res.body).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('answers unknown API routes with 404 in the format', async () => {
    const agent = await t.signIn(amina.email, amina.password);
    const res = await agent.get('/api/nothing-here').expect(404);
    expect(res.body).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('refuses state-changing calls from an origin outside the allow-list', async () => {
    const res = await t
      .agent()
      .post('/api/auth/login')
      .set('origin', 'https://evil.example')
      .send({ email: amina.email, password: amina.password })
      .expect(403);
    expect(res.headers['set-cookie']).toBeUndefined();
    await t
      .agent()
      .post('/api/auth/login')
      .set('origin', 'http://localhost:3000')
      .send({ email: amina.email, password: amina.password })
      .expect(200);
  });

  it('keeps a well-formed X-Request-Id from a load balancer', async () => {
    const res = await t.agent().get('/api/health').set('x-request-id', 'lb-1234').expect(200);
    expect(res.headers['x-request-id']).toBe('lb-1234');
  });
});
