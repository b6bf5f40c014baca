import type { Socket } from 'socket.io-client';
import type TestAgent from 'supertest/lib/agent';
import { factories, type TestUser } from './support/factories';
import {
  ack,
  type ConnectError,
  connectSocket,
  type SocketTestApp,
  startSocketTestApp,
} from './support/socket-client';

describe('Socket.IO endpoint', () => {
  let testApp: SocketTestApp;
  let amina: Socket;
  let groupId: string;
  let otherGroupId: string;
  let aminaAgent: TestAgent;
  let thomasUser: TestUser;
  let marcUser: TestUser;

  beforeAll(async () => {
    testApp = await startSocketTestApp({
      seed: false,
      env: { REALTIME_MAX_PAYLOAD_BYTES: '4096', REALTIME_MESSAGES_PER_MINUTE: '3' },
    });
    const make = factories(testApp);
    const group = await make.group('social_workers');
    groupId = group.id;
    otherGroupId = (await make.group('encadrants')).id;
    const aminaUser = await make.user();
    await make.membership(aminaUser, group);
    thomasUser = await make.user();
    await make.membership(thomasUser, group);
    marcUser = await make.user();
    aminaAgent = await make.signIn(aminaUser);
    amina = await testApp.connectAs(aminaUser);
  });
  afterAll(async () => {
    await testApp?.close();
  });

  it('refuses a signed-out handshake with 401', async () => {
    const err: ConnectError = await connectSocket(testApp.baseUrl, null).then(
      () => {
        throw new Error('connected');
      },
      (e: ConnectError) => e,
    );
    expect(err.data).toEqual({ status: 401, code: 'unauthenticated' });
    const forged = await connectSocket(testApp.baseUrl, 'affluents_session=forged').catch((e) => e);
    expect(forged.data).toEqual({ status: 401, code: 'unauthenticated' });
  });

  it('refuses a handshake from a foreign Origin with 403, accepts an allowed one', async () => {
    const err = await testApp.connectAs(thomasUser, { origin: 'https://evil.example' }).catch((e) => e);
    expect(err.data).toEqual({ status: 403, code: 'forbidden' });
    const ok = await testApp.connectAs(thomasUser, { origin: testApp.config.publicUrl });
    expect(ok.connected).toBe(true);
  });

  it('answers a malformed payload with validation_failed and stays up', async () => {
    const answer = await ack(amina, 'presence:join', { scope: 'salle:1' });
    expect(answer).toMatchObject({ ok: false, error: { status: 400, code: 'validation_failed' } });
    if (answer.ok) throw new Error('unexpected');
    expect(answer.error.fieldErrors?.[0].path).toBe('scope');
    const extra = await ack(amina, 'fiche:join', { ficheId: 'x', nope: 1 });
    expect(extra).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const notObject = await ack(amina, 'fiche:join', 'texte');
    expect(notObject).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(amina.connected).toBe(true);
  });

  it('answers an unknown event with an error ack, ignores one without ack', async () => {
    amina.emit('nimporte:quoi', { a: 1 });
    const answer = await ack(amina, 'nimporte:quoi', { a: 1 });
    expect(answer).toMatchObject({ ok: false, error: { status: 400, code: 'bad_request' } });
    amina.emit('presence:join', { scope: 42 });
    expect(amina.connected).toBe(true);
  });

  it('closes only the socket that sends an oversized frame; the server keeps serving', async () => {
    const big = await testApp.connectAs(thomasUser);
    const closed = new Promise((resolve) => big.once('disconnect', resolve));
    big.emit('presence:join', { scope: `group:${'a'.repeat(10000)}` });
    await closed;
    const answer = await ack(amina, 'presence:join', { scope: `group:${groupId}` });
    expect(answer.ok).toBe(true);
  });

  it('gives a presence snapshot in a group of mine; refuses a group I am not in', async () => {
    const answer = await ack(amina, 'presence:join', { scope: `group:${groupId}` });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.data.scope).toBe(`group:${groupId}`);
    expect(answer.data.entries).toEqual([
      expect.objectContaining({ displayName: expect.any(String), online: true }),
    ]);
    const other = otherGroupId;
    const refused = await ack(amina, 'presence:join', { scope: `group:${other}` });
    expect(refused).toMatchObject({ ok: false, error: { status: 403, code: 'forbidden' } });
  });

  it('counts a user with two tabs once, and tells the room when one joins and leaves', async () => {
    const scope = `group:${groupId}`;
    const thomas1 = await testApp.connectAs(thomasUser);
    const thomas2 = await testApp.connectAs(thomasUser);
    await ack(amina, 'presence:join', { scope });
    const seen = new Promise<{ entries: Array<{ displayName: string; online: boolean }> }>((resolve) =>
      amina.on('presence:updated', (s) => {
        if (s.entries.filter((e: { online: boolean }) => e.online).length === 2) resolve(s);
      }),
    );
    await ack(thomas1, 'presence:join', { scope });
    const both = await ack(thomas2, 'presence:join', { scope });
    if (!both.ok) throw new Error(both.error.message);
    expect(both.data.entries.filter((e) => e.online)).toHaveLength(2);
    await seen;
    thomas1.close();
    thomas2.close();
    const gone = await new Promise<{ entries: Array<{ online: boolean; lastSeenAt: string }> }>((resolve) =>
      amina.on('presence:updated', (s) => {
        if (s.entries.filter((e: { online: boolean }) => e.online).length === 1) resolve(s);
      }),
    );
    expect(gone.entries[1]).toMatchObject({ online: false, lastSeenAt: expect.any(String) });
    amina.off('presence:updated');
  });

  it('joins and leaves a fiche room only with access to the fiche', async () => {
    const fiche = (await aminaAgent.post('/api/fiches').send({ title: 'Potager', groupId }).expect(201)).body;
    expect(await ack(amina, 'fiche:join', { ficheId: fiche.id })).toEqual({ ok: true, data: null });
    expect(await ack(amina, 'fiche:leave', { ficheId: fiche.id })).toEqual({ ok: true, data: null });
    const missing = await ack(amina, 'fiche:join', { ficheId: '00000000-0000-4000-8000-000000000000' });
    expect(missing).toMatchObject({ ok: false, error: { status: 403 } });
  });

  it('limits messages per user per minute in the router, before any handler', async () => {
    const marc = await testApp.connectAs(marcUser);
    const send = (i: number) =>
      ack(marc, 'message:send', {
        threadId: '00000000-0000-4000-8000-000000000000',
        clientId: `client-id-${i}`,
        body: 'Bonjour',
      });
    for (let i = 0; i < 3; i++) {
      const answer = await send(i);
      expect(answer.ok ? 200 : answer.error.status).not.toBe(429);
    }
    const limited = await send(3);
    expect(limited).toMatchObject({ ok: false, error: { status: 429, code: 'rate_limited' } });
    if (!limited.ok) expect(limited.error.message).toMatch(/Trop de messages/);
    // Other events are not counted against the budget.
    expect((await ack(marc, 'fiche:leave', { ficheId: '00000000-0000-4000-8000-000000000000' })).ok).toBe(
      true,
    );
  });
});
