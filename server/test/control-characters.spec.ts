import { randomUUID } from 'node:crypto';
import { CONTROL_CHARACTER_MESSAGE } from '@affluents/contracts';
import type TestAgent from 'supertest/lib/agent';
import { factories, type SignedInUser } from './support/factories';
import { ack, type SocketTestApp, startSocketTestApp } from './support/socket-client';

// PostgreSQL refuses NUL in text: before the shared FreeText schema these answered 500 internal_error.
describe('a NUL byte in a text field', () => {
  let t: SocketTestApp;
  let amina: TestAgent;
  let groupId: string;
  let aminaAccount: SignedInUser;
  let threadId: string;
  let ficheId: string;

  beforeAll(async () => {
    t = await startSocketTestApp({ seed: false });
    const make = factories(t);
    const group = await make.group('social_workers');
    aminaAccount = await make.member(group);
    amina = aminaAccount.agent;
    groupId = group.id;
    threadId = (
      await amina
        .post(`/api/groups/${groupId}/threads`)
        .send({ title: 'Horaires d’été', body: 'Qui est là en août ?' })
        .expect(201)
    ).body.id;
    ficheId = (await amina.post('/api/fiches').send({ title: 'Jardin partagé', groupId }).expect(201)).body
      .id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const NUL = 'avant\u0000après';
  const cases: Array<{
    entry: string;
    field: string;
    send: () => Promise<{ status: number; body: unknown }>;
  }> = [
    {
      entry: 'POST /api/threads/:id/messages',
      field: 'body',
      send: () => amina.post(`/api/threads/${threadId}/messages`).send({ clientId: randomUUID(), body: NUL }),
    },
    {
      entry: 'POST /api/threads/:id/messages (client id)',
      field: 'clientId',
      send: () => amina.post(`/api/threads/${threadId}/messages`).send({ clientId: NUL, body: 'Bonjour' }),
    },
    {
      entry: 'POST /api/groups/:id/threads',
      field: 'title',
      send: () => amina.post(`/api/groups/${groupId}/threads`).send({ title: NUL, body: 'Bonjour' }),
    },
    {
      entry: 'PATCH /api/threads/:id',
      field: 'title',
      send: () => amina.patch(`/api/threads/${threadId}`).send({ title: NUL }),
    },
    {
      entry: 'POST /api/fiches',
      field: 'title',
      send: () => amina.post('/api/fiches').send({ title: NUL, groupId }),
    },
    {
      entry: 'PATCH /api/fiches/:id',
      field: 'themes.0',
      send: () => amina.patch(`/api/fiches/${ficheId}`).send({ themes: [NUL] }),
    },
    {
      entry: 'PATCH /api/auth/me',
      field: 'displayName',
      send: () => amina.patch('/api/auth/me').send({ displayName: NUL }),
    },
    {
      entry: 'GET /api/fiches (toolbox search)',
      field: 'q',
      send: () => amina.get('/api/fiches').query({ q: NUL }),
    },
    {
      entry: 'GET /api/fiches (theme filter)',
      field: 'theme',
      send: () => amina.get('/api/fiches').query({ theme: NUL }),
    },
    {
      entry: 'GET /api/discussions/search',
      field: 'q',
      send: () => amina.get('/api/discussions/search').query({ q: NUL }),
    },
  ];

  it.each(cases)('$entry answers 400 naming $field', async ({ send, field }) => {
    const res = await send();
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'validation_failed',
      fieldErrors: [{ path: field, message: CONTROL_CHARACTER_MESSAGE }],
    });
  });

  it('socket message:send acks validation_failed naming the body, and stores nothing', async () => {
    const socket = await t.connectAs(aminaAccount);
    const answer = await ack(socket, 'message:send', { threadId, clientId: randomUUID(), body: NUL });
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'validation_failed',
        fieldErrors: [{ path: 'body', message: CONTROL_CHARACTER_MESSAGE }],
      },
    });
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM messages WHERE thread_id = $1', [
      threadId,
    ]);
    expect(n).toBe(1);
    // The connection is still usable.
    const sent = await ack(socket, 'message:send', {
      threadId,
      clientId: randomUUID(),
      body: 'Moi, en août.',
    });
    expect(sent.ok).toBe(true);
  });
});
