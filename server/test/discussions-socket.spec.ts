import type { JoinThreadResult, Message } from '@affluents/contracts';
import type { Socket } from 'socket.io-client';
import { ack, nextEvent, type SocketTestApp, startSocketTestApp } from './support/socket-client';

describe('discussions over Socket.IO: acks, replay without gap, idempotent resends, access', () => {
  let t: SocketTestApp;
  let threadId: string;
  let claire: Socket;
  let sophie: Socket;

  beforeAll(async () => {
    t = await startSocketTestApp();
    const agent = await t.signIn('claire@affluents.test');
    const bassins = (await agent.get('/api/bassins').expect(200)).body;
    const namurSocial = bassins
      .find((b: { name: string }) => b.name === 'Namur')
      .groups.find((g: { kind: string }) => g.kind === 'social_workers').id;
    threadId = (
      await agent
        .post(`/api/groups/${namurSocial}/threads`)
        .send({ title: 'Au fil de l’eau', body: 'Bonjour' })
        .expect(201)
    ).body.id;
    claire = await t.connectAs('claire@affluents.test');
    sophie = await t.connectAs('sophie@affluents.test');
  });
  afterAll(() => t.close());

  it('lets two members exchange messages with acknowledgements', async () => {
    for (const s of [claire, sophie]) {
      const joined = await ack(s, 'thread:join', { threadId, afterSeq: 0, afterChange: 0 });
      expect(joined.ok).toBe(true);
    }
    const received = nextEvent<Message>(sophie, 'message:new', (m) => m.threadId === threadId);
    const sent = await ack(claire, 'message:send', {
      threadId,
      clientId: 'claire-sock-0001',
      body: 'Salut *Sophie*',
    });
    if (!sent.ok) throw new Error(sent.error.message);
    expect(sent.data).toMatchObject({ seq: 2, html: '<p>Salut <em>Sophie</em></p>' });
    expect((await received).id).toBe(sent.data.id);
  });

  it('replays exactly what a reconnecting client missed, in order, with the edits', async () => {
    const before = await ack(sophie, 'thread:join', { threadId, afterSeq: 0, afterChange: 0 });
    if (!before.ok) throw new Error(before.error.message);
    const { lastSeq, lastChange } = before.data;
    const older = before.data.messages[0];
    sophie.close();

    const sent: Message[] = [];
    for (let i = 1; i <= 5; i++) {
      const res = await ack(claire, 'message:send', {
        threadId,
        clientId: `claire-miss-${i}000`,
        body: `Message ${i}`,
      });
      if (!res.ok) throw new Error(res.error.message);
      sent.push(res.data);
    }
    const edit = await ack(claire, 'message:edit', { messageId: older.id, body: 'Bonjour (modifié)' });
    expect(edit.ok).toBe(true);

    sophie = await t.connectAs('sophie@affluents.test');
    const replay = await ack(sophie, 'thread:join', { threadId, afterSeq: lastSeq, afterChange: lastChange });
    if (!replay.ok) throw new Error(replay.error.message);
    const data: JoinThreadResult = replay.data;
    expect(data.messages.map((m) => m.seq)).toEqual(sent.map((m) => m.seq));
    expect(data.messages.map((m) => m.seq)).toEqual([
      lastSeq + 1,
      lastSeq + 2,
      lastSeq + 3,
      lastSeq + 4,
      lastSeq + 5,
    ]);
    expect(data.changed.map((m) => [m.id, m.body])).toEqual([[older.id, 'Bonjour (modifié)']]);
    expect(data.truncated).toBe(false);
    expect(data.lastSeq).toBe(lastSeq + 5);
  });

  it('stores one message for a resend and for two concurrent sends with the same client id', async () => {
    const payload = { threadId, clientId: 'claire-dup-00001', body: 'Une fois' };
    const [a, b] = await Promise.all([
      ack(claire, 'message:send', payload),
      ack(claire, 'message:send', payload),
    ]);
    const again = await ack(claire, 'message:send', payload);
    if (!a.ok || !b.ok || !again.ok) throw new Error('send refused');
    expect(new Set([a.data.id, b.data.id, again.data.id]).size).toBe(1);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM messages WHERE client_id = $1', [
      payload.clientId,
    ]);
    expect(n).toBe(1);
  });

  it('pushes reactions, typing and read markers', async () => {
    const res = await ack(claire, 'message:send', {
      threadId,
      clientId: 'claire-react-001',
      body: 'Réagissez',
    });
    if (!res.ok) throw new Error(res.error.message);
    const updated = nextEvent<Message>(claire, 'message:updated', (m) => m.id === res.data.id);
    const reacted = await ack(sophie, 'reaction:set', { messageId: res.data.id, emoji: '👍', on: true });
    expect(reacted.ok && reacted.data.reactions).toEqual([
      { emoji: '👍', count: 1, userIds: [expect.any(String)] },
    ]);
    expect((await updated).reactions).toHaveLength(1);
    const typing = nextEvent<{ threadId: string }>(claire, 'typing');
    expect((await ack(sophie, 'typing', { threadId })).ok).toBe(true);
    expect((await typing).threadId).toBe(threadId);
    const read = await ack(sophie, 'read', { threadId, seq: res.data.seq });
    expect(read).toEqual({ ok: true, data: { threadId, seq: res.data.seq } });
  });

  it('refuses other groups, other bassins and guests without a grant, and bad payloads', async () => {
    for (const email of [
      'olivier@affluents.test',
      'amina@affluents.test',
      'nadia@affluents.test',
      'admin@affluents.test',
    ]) {
      const outsider = await t.connectAs(email);
      const join = await ack(outsider, 'thread:join', { threadId, afterSeq: 0, afterChange: 0 });
      expect(join.ok).toBe(false);
      const send = await ack(outsider, 'message:send', {
        threadId,
        clientId: 'outsider-00001',
        body: 'intrus',
      });
      expect(send.ok).toBe(false);
    }
    const bad = await ack(claire, 'message:send', { threadId, clientId: 'x', body: '' });
    expect(bad.ok).toBe(false);
  });
});
