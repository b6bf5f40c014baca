import type { GroupKind, JoinThreadResult, Message } from '@affluents/contracts';
import type { Socket } from 'socket.io-client';
import { factories, type TestUser } from './support/factories';
import { ack, nextEvent, type SocketTestApp, startSocketTestApp } from './support/socket-client';

describe('discussions over Socket.IO: acks, replay without gap, idempotent resends, access', () => {
  let t: SocketTestApp;
  let threadId: string;
  let claire: Socket;
  let sophie: Socket;
  let people: Record<'claire' | 'sophie' | 'olivier' | 'amina' | 'nadia' | 'admin', TestUser>;

  beforeAll(async () => {
    // Bursts of sends here test batching, not the per-user limit (realtime-socket.spec.ts tests that).
    t = await startSocketTestApp({ seed: false, env: { REALTIME_MESSAGES_PER_MINUTE: '1000' } });
    const make = factories(t);
    // Claire and Sophie (facilitator) in a social workers' group; Olivier in another group of the same
    // bassin, Amina in another bassin, Nadia in no group, and an administrator.
    const bassin = await make.bassin();
    const group = (kind: GroupKind) => bassin.groups.find((g) => g.kind === kind) as { id: string };
    const namurSocial = group('social_workers').id;
    people = {
      claire: await make.user({ displayName: 'Claire Renard' }),
      sophie: await make.user({ displayName: 'Sophie Lambert' }),
      olivier: await make.user(),
      amina: await make.user(),
      nadia: await make.user(),
      admin: await make.user({ platformRole: 'admin' }),
    };
    await make.membership(people.claire, group('social_workers'));
    for (const g of bassin.groups) await make.membership(people.sophie, g, 'facilitator');
    await make.membership(people.olivier, group('encadrants'));
    await make.membership(people.amina, await make.group('social_workers'));
    const agent = await make.signIn(people.claire);
    threadId = (
      await agent
        .post(`/api/groups/${namurSocial}/threads`)
        .send({ title: 'Au fil de l’eau', body: 'Bonjour' })
        .expect(201)
    ).body.id;
    claire = await t.connectAs(people.claire);
    sophie = await t.connectAs(people.sophie);
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

    sophie = await t.connectAs(people.sophie);
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

  it('writes concurrent sends together: gapless sequences, one ack each, errors and resends per send', async () => {
    const stored = await ack(claire, 'message:send', {
      threadId,
      clientId: 'claire-batch-old',
      body: 'Déjà là',
    });
    if (!stored.ok) throw new Error(stored.error.message);
    const before = await ack(claire, 'thread:join', { threadId, afterSeq: 0, afterChange: 0 });
    if (!before.ok) throw new Error(before.error.message);
    const sends = [
      ...Array.from({ length: 6 }, (_, i) => ({
        socket: claire,
        clientId: `claire-batch-${i}0`,
        body: `Lot ${i}`,
      })),
      ...Array.from({ length: 4 }, (_, i) => ({
        socket: sophie,
        clientId: `sophie-batch-${i}0`,
        body: `Lot S${i}`,
      })),
    ];
    // Sent without waiting, they reach the server together and share batches with the refused ones.
    const answers = await Promise.all([
      ...sends.map(({ socket, clientId, body }) => ack(socket, 'message:send', { threadId, clientId, body })),
      ack(claire, 'message:send', {
        threadId,
        clientId: 'claire-batch-bad',
        body: 'x',
        replyToId: crypto.randomUUID(),
      }),
      ack(claire, 'message:send', {
        threadId: crypto.randomUUID(),
        clientId: 'claire-batch-nowhere',
        body: 'x',
      }),
      ack(claire, 'message:send', { threadId, clientId: 'claire-batch-old', body: 'Déjà là' }),
    ]);
    const [resent, nowhere, badReply, ...fresh] = answers.reverse();
    fresh.reverse();
    const messages = fresh.map((a) => {
      if (!a.ok) throw new Error(a.error.message);
      return a.data as Message;
    });
    expect(messages.map((m) => m.clientId)).toEqual(sends.map((s) => s.clientId));
    expect(messages.map((m) => m.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: sends.length }, (_, i) => before.data.lastSeq + 1 + i),
    );
    expect(badReply).toMatchObject({ ok: false, error: { status: 400 } });
    expect(nowhere).toMatchObject({ ok: false, error: { status: 404 } });
    expect(resent.ok && resent.data.id).toBe(stored.data.id);
    const after = await ack(claire, 'thread:join', {
      threadId,
      afterSeq: before.data.lastSeq,
      afterChange: 0,
    });
    if (!after.ok) throw new Error(after.error.message);
    expect(after.data.lastSeq).toBe(before.data.lastSeq + sends.length);
    expect(after.data.messages.map((m) => m.id).sort()).toEqual(messages.map((m) => m.id).sort());
  });

  it('acks a batched message as it reads back (reply, mention) and keeps one sender’s order across batches', async () => {
    const target = await ack(sophie, 'message:send', {
      threadId,
      clientId: 'sophie-target-0001',
      body: 'Qui vient *jeudi* ?',
    });
    if (!target.ok) throw new Error(target.error.message);
    const sophieRef = target.data.author;
    const before = await ack(claire, 'thread:join', { threadId, afterSeq: 0, afterChange: 0 });
    if (!before.ok) throw new Error(before.error.message);
    // The message is built from what the batch statement returns, not read again: it must be the same.
    const reply = await ack(claire, 'message:send', {
      threadId,
      clientId: 'claire-reply-0001',
      body: `Moi ! @[${sophieRef.displayName}](user:${sophieRef.id})`,
      replyToId: target.data.id,
    });
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.data.replyTo).toMatchObject({ id: target.data.id, seq: target.data.seq, author: sophieRef });
    expect(reply.data.mentions).toEqual([sophieRef.id]);
    // Sent without waiting, more than one batch: seqs follow the sending order of one socket.
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        ack(claire, 'message:send', { threadId, clientId: `claire-order-${1000 + i}`, body: `N° ${i}` }),
      ),
    );
    const seqs = burst.map((a) => {
      if (!a.ok) throw new Error(a.error.message);
      return a.data.seq;
    });
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => reply.data.seq + 1 + i));
    const after = await ack(claire, 'thread:join', {
      threadId,
      afterSeq: before.data.lastSeq,
      afterChange: 0,
    });
    if (!after.ok) throw new Error(after.error.message);
    expect(after.data.messages.find((m) => m.id === reply.data.id)).toEqual(reply.data);
    expect(after.data.messages.find((m) => m.seq === seqs[7])).toEqual(
      (burst[7] as { ok: true; data: Message }).data,
    );
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
    const typing = nextEvent<{ threadId: string }>(claire, 'typing:started');
    expect((await ack(sophie, 'typing:start', { threadId })).ok).toBe(true);
    expect((await typing).threadId).toBe(threadId);
    const read = await ack(sophie, 'read:mark', { threadId, seq: res.data.seq });
    expect(read).toEqual({ ok: true, data: { threadId, seq: res.data.seq } });
  });

  it('refuses other groups, other bassins and guests without a grant, and bad payloads', async () => {
    for (const person of [people.olivier, people.amina, people.nadia, people.admin]) {
      const outsider = await t.connectAs(person);
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
