import { randomUUID } from 'node:crypto';
import type { LiveState } from '@affluents/contracts';
import { addAgendaItem } from '@affluents/editor/template';
import type { Socket } from 'socket.io-client';
import { CollabDocuments } from '../src/collab/collab-documents';
import {
  ack,
  connectSocket,
  nextEvent,
  type SocketTestApp,
  startSocketTestApp,
} from './support/socket-client';

/**
 * Live mode of a session in the Hainaut Sud social workers' group: ines runs it (facilitator), amina and
 * thomas take part (members), nadia is a guest of this one session.
 */
describe('live mode of a session: shared state, speaking queue, follow-up', () => {
  let t: SocketTestApp;
  let groupId: string;
  let sessionId: string;
  const users: Record<string, string> = {};
  let ines: Socket;
  let amina: Socket;
  let thomas: Socket;

  async function live(socket: Socket, event: string, payload: unknown): Promise<LiveState> {
    const res = await ack(socket, event, payload);
    if (!res.ok) throw new Error(`${event}: ${res.error.message}`);
    return res.data as LiveState;
  }

  async function createSession(title: string): Promise<string> {
    const id = randomUUID();
    await t.dataSource.query(
      `INSERT INTO sessions (id, group_id, title, starts_at, ends_at, agenda_doc_name, notes_doc_name, created_by_id)
       VALUES ($1, $2, $3, now(), now() + interval '3 hours', $4, $5, $6)`,
      [id, groupId, title, `session-agenda:${id}`, `session-notes:${id}`, users.ines],
    );
    await t.app.get(CollabDocuments).change(`session-agenda:${id}`, (doc) => {
      addAgendaItem(doc, { id: 'accueil', title: 'Accueil', durationMinutes: 10, ownerName: 'Inès' });
      addAgendaItem(doc, { id: 'tour', title: 'Tour de table', durationMinutes: 30, ownerName: null });
      addAgendaItem(doc, { id: 'suite', title: 'Suites', durationMinutes: 15, ownerName: null });
    });
    return id;
  }

  beforeAll(async () => {
    t = await startSocketTestApp();
    const rows: Array<{ id: string; email: string }> = await t.dataSource.query(
      'SELECT id, email FROM users',
    );
    for (const row of rows) users[row.email.split('@')[0]] = row.id;
    [{ id: groupId }] = await t.dataSource.query(
      `SELECT g.id FROM groups g JOIN bassins b ON b.id = g.bassin_id
        WHERE b.name = 'Hainaut Sud' AND g.kind = 'social_workers'`,
    );
    sessionId = await createSession('Rencontre de novembre');
    await t.dataSource.query(
      'INSERT INTO session_guests (session_id, user_id, invited_by_id) VALUES ($1, $2, $3)',
      [sessionId, users.nadia, users.ines],
    );
    ines = await t.connectAs('ines@affluents.test');
    amina = await t.connectAs('amina@affluents.test');
    thomas = await t.connectAs('thomas@affluents.test');
  });
  afterAll(() => t.close());

  it('lets the facilitator start and move on: every client gets the same item and timer', async () => {
    for (const s of [ines, amina, thomas]) {
      const joined = await live(s, 'session:join', { sessionId });
      expect(joined).toMatchObject({
        sessionId,
        status: 'planned',
        currentItem: null,
        item: null,
        queue: [],
      });
    }
    const startedEvents = [amina, thomas, ines].map((s) =>
      nextEvent<LiveState>(s, 'session:live', (st) => st.sessionId === sessionId && st.status === 'live'),
    );
    const detailsChanged = nextEvent<{ sessionId: string }>(amina, 'session:updated');
    const started = await live(ines, 'session:start', { sessionId });
    expect(await detailsChanged).toEqual({ sessionId });
    expect(started).toMatchObject({
      status: 'live',
      currentItem: 0,
      item: { id: 'accueil', durationMinutes: 10 },
    });
    expect(Date.parse(started.itemStartedAt ?? '')).toBeLessThanOrEqual(Date.parse(started.serverTime));
    for (const state of await Promise.all(startedEvents)) {
      expect(state.currentItem).toBe(0);
      expect(state.itemStartedAt).toBe(started.itemStartedAt);
      expect(state.startedAt).toBe(started.startedAt);
    }
    // Pressing "start" again changes nothing.
    expect((await live(ines, 'session:start', { sessionId })).itemStartedAt).toBe(started.itemStartedAt);

    const movedEvents = [amina, thomas].map((s) =>
      nextEvent<LiveState>(s, 'session:live', (st) => st.currentItem === 1),
    );
    const moved = await live(ines, 'session:goto', { sessionId, index: 1 });
    expect(moved.item?.title).toBe('Tour de table');
    for (const state of await Promise.all(movedEvents)) {
      expect(state.item?.id).toBe('tour');
      expect(state.itemStartedAt).toBe(moved.itemStartedAt);
    }
    expect(Date.parse(moved.itemStartedAt ?? '')).toBeGreaterThanOrEqual(
      Date.parse(started.itemStartedAt ?? ''),
    );
  });

  it('does not skip two items when two facilitator screens press "next" at once', async () => {
    const second = await t.connectAs('ines@affluents.test');
    const [a, b] = await Promise.all([
      live(ines, 'session:goto', { sessionId, index: 2 }),
      live(second, 'session:goto', { sessionId, index: 2 }),
    ]);
    expect(a.currentItem).toBe(2);
    expect(b.currentItem).toBe(2);
    expect(a.itemStartedAt).toBe(b.itemStartedAt);
    const past = await ack(ines, 'session:goto', { sessionId, index: 3 });
    expect(past.ok).toBe(false);
    if (!past.ok) expect(past.error.status).toBe(400);
    expect((await live(ines, 'session:goto', { sessionId, index: 1 })).currentItem).toBe(1);
    second.close();
  });

  it('keeps the speaking queue in order and gives the floor', async () => {
    const raisedA = await live(amina, 'hand:raise', { sessionId });
    expect(raisedA.queue.map((h) => h.person.id)).toEqual([users.amina]);
    const seen = nextEvent<LiveState>(ines, 'session:live', (st) => st.queue.length === 2);
    await live(thomas, 'hand:raise', { sessionId });
    expect((await seen).queue.map((h) => h.person.id)).toEqual([users.amina, users.thomas]);
    // Raising again keeps the first place.
    const again = await live(amina, 'hand:raise', { sessionId });
    expect(again.queue.map((h) => h.person.id)).toEqual([users.amina, users.thomas]);
    expect(again.queue[0].raisedAt).toBe(raisedA.queue[0].raisedAt);

    const floorSeen = nextEvent<LiveState>(thomas, 'session:live', (st) => st.speaker !== null);
    const floor = await live(ines, 'floor:give', { sessionId, userId: users.amina });
    expect(floor.speaker).toEqual({ id: users.amina, displayName: expect.any(String) });
    expect(floor.queue.map((h) => h.person.id)).toEqual([users.thomas]);
    expect((await floorSeen).speaker?.id).toBe(users.amina);
  });

  it('keeps the state across a participant reconnect and a facilitator page reload', async () => {
    thomas.close();
    thomas = await t.connectAs('thomas@affluents.test');
    const rejoined = await live(thomas, 'session:join', { sessionId });
    expect(rejoined.queue.map((h) => h.person.id)).toEqual([users.thomas]);
    expect(rejoined.speaker?.id).toBe(users.amina);

    const before = await live(ines, 'session:join', { sessionId });
    ines.close();
    ines = await t.connectAs('ines@affluents.test');
    const reloaded = await live(ines, 'session:join', { sessionId });
    expect({ ...reloaded, serverTime: '' }).toEqual({ ...before, serverTime: '' });
    // The reloaded page still runs the session, and the others still get its changes.
    const seen = nextEvent<LiveState>(amina, 'session:live', (st) => st.speaker === null);
    await live(ines, 'floor:give', { sessionId, userId: null });
    expect((await seen).queue.map((h) => h.person.id)).toEqual([users.thomas]);

    const rest = await t.signIn('amina@affluents.test');
    const viaRest = (await rest.get(`/api/sessions/${sessionId}/live`).expect(200)).body;
    expect(viaRest).toMatchObject({ currentItem: 1, status: 'live', speaker: null });
  });

  it('lets a participant lower a hand but not run the session', async () => {
    const lowered = await live(thomas, 'hand:lower', { sessionId });
    expect(lowered.queue).toEqual([]);
    for (const [event, payload] of [
      ['session:start', { sessionId }],
      ['session:goto', { sessionId, index: 0 }],
      ['session:end', { sessionId }],
      ['floor:give', { sessionId, userId: users.amina }],
    ] as const) {
      const res = await ack(amina, event, payload);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.status).toBe(403);
    }
    expect((await live(amina, 'session:join', { sessionId })).currentItem).toBe(1);
    const bad = await ack(ines, 'session:goto', { sessionId, index: -1 });
    expect(bad.ok).toBe(false);
    const unknownFloor = await ack(ines, 'floor:give', { sessionId, userId: users.claire });
    expect(unknownFloor.ok).toBe(false);
  });

  it('lets a guest of the session join and raise a hand', async () => {
    const nadia = await t.connectAs('nadia@affluents.test');
    expect((await live(nadia, 'session:join', { sessionId })).status).toBe('live');
    const seen = nextEvent<LiveState>(ines, 'session:live', (st) =>
      st.queue.some((h) => h.person.id === users.nadia),
    );
    const raised = await live(nadia, 'hand:raise', { sessionId });
    expect(raised.queue.map((h) => h.person.id)).toEqual([users.nadia]);
    await seen;
    const start = await ack(nadia, 'session:goto', { sessionId, index: 0 });
    expect(start.ok).toBe(false);
  });

  it('refuses members of another group, other bassins and signed-out sockets', async () => {
    for (const email of ['claire@affluents.test', 'sophie@affluents.test', 'olivier@affluents.test']) {
      const outsider = await t.connectAs(email);
      const join = await ack(outsider, 'session:join', { sessionId });
      expect(join.ok).toBe(false);
      if (!join.ok) expect(join.error.status).toBe(404);
      expect((await ack(outsider, 'hand:raise', { sessionId })).ok).toBe(false);
      expect((await ack(outsider, 'session:goto', { sessionId, index: 0 })).ok).toBe(false);
      const rest = await t.signIn(email);
      await rest.get(`/api/sessions/${sessionId}/live`).expect(404);
    }
    const unknown = await ack(amina, 'session:join', { sessionId: randomUUID() });
    expect(!unknown.ok && unknown.error.status).toBe(404);
    const malformed = await ack(amina, 'session:goto', { sessionId: 'pas-un-id', index: 'suivant' });
    expect(!malformed.ok && malformed.error.status).toBe(400);
    await expect(connectSocket(t.baseUrl, null)).rejects.toMatchObject({ data: { status: 401 } });
    await t.agent().get(`/api/sessions/${sessionId}/live`).expect(401);
  });

  it('records attendance of members and guests only, by facilitators', async () => {
    const facilitator = await t.signIn('ines@affluents.test');
    const updated = nextEvent<{ sessionId: string }>(
      amina,
      'session:updated',
      (e) => e.sessionId === sessionId,
    );
    await facilitator
      .put(`/api/sessions/${sessionId}/attendance`)
      .send({ userId: users.amina, state: 'present' })
      .expect(204);
    await updated;
    await facilitator
      .put(`/api/sessions/${sessionId}/attendance`)
      .send({ userId: users.nadia, state: 'excused' })
      .expect(204);
    await facilitator
      .put(`/api/sessions/${sessionId}/attendance`)
      .send({ userId: users.amina, state: 'absent' })
      .expect(204);
    await facilitator
      .put(`/api/sessions/${sessionId}/attendance`)
      .send({ userId: users.claire, state: 'present' })
      .expect(400);
    await facilitator
      .put(`/api/sessions/${sessionId}/attendance`)
      .send({ userId: users.amina, state: 'late' })
      .expect(400);
    const member = await t.signIn('thomas@affluents.test');
    await member
      .put(`/api/sessions/${sessionId}/attendance`)
      .send({ userId: users.thomas, state: 'present' })
      .expect(403);
    const rows = await t.dataSource.query(
      'SELECT user_id AS "userId", state FROM session_attendance WHERE session_id = $1 ORDER BY state',
      [sessionId],
    );
    expect(rows).toEqual([
      { userId: users.amina, state: 'absent' },
      { userId: users.nadia, state: 'excused' },
    ]);
  });

  it('records decisions, removed by facilitators only', async () => {
    const facilitator = await t.signIn('ines@affluents.test');
    const member = await t.signIn('amina@affluents.test');
    const decision = (
      await facilitator
        .post(`/api/sessions/${sessionId}/decisions`)
        .send({ text: 'Prochaine rencontre chez Le Trusquin' })
        .expect(201)
    ).body;
    expect(decision).toMatchObject({ sessionId, text: 'Prochaine rencontre chez Le Trusquin' });
    await member.post(`/api/sessions/${sessionId}/decisions`).send({ text: 'Non' }).expect(403);
    await facilitator.post(`/api/sessions/${sessionId}/decisions`).send({ text: '' }).expect(400);
    await member.delete(`/api/sessions/${sessionId}/decisions/${decision.id}`).expect(403);
    await facilitator.delete(`/api/sessions/${sessionId}/decisions/${decision.id}`).expect(204);
    await facilitator.delete(`/api/sessions/${sessionId}/decisions/${decision.id}`).expect(404);
  });

  it('records follow-up actions with an owner from the session, who may mark them done', async () => {
    const facilitator = await t.signIn('ines@affluents.test');
    const owner = await t.signIn('thomas@affluents.test');
    const other = await t.signIn('amina@affluents.test');
    const action = (
      await facilitator
        .post(`/api/sessions/${sessionId}/actions`)
        .send({ title: 'Envoyer la liste des formations', ownerId: users.thomas, dueOn: '2026-12-15' })
        .expect(201)
    ).body;
    expect(action).toMatchObject({
      sessionId,
      groupId,
      owner: { id: users.thomas },
      dueOn: '2026-12-15',
      status: 'open',
      doneAt: null,
    });
    const guestOwned = await facilitator
      .post(`/api/sessions/${sessionId}/actions`)
      .send({ title: 'Partager le dépliant', ownerId: users.nadia })
      .expect(201);
    expect(guestOwned.body.owner.id).toBe(users.nadia);
    await facilitator
      .post(`/api/sessions/${sessionId}/actions`)
      .send({ title: 'Hors groupe', ownerId: users.claire })
      .expect(400);
    await other.post(`/api/sessions/${sessionId}/actions`).send({ title: 'Moi aussi' }).expect(403);

    await owner.patch(`/api/actions/${action.id}`).send({ title: 'Autre chose' }).expect(403);
    await other.patch(`/api/actions/${action.id}`).send({ status: 'done' }).expect(403);
    const done = (await owner.patch(`/api/actions/${action.id}`).send({ status: 'done' }).expect(200)).body;
    expect(done.status).toBe('done');
    expect(done.doneAt).toEqual(expect.any(String));
    const edited = (
      await facilitator
        .patch(`/api/actions/${action.id}`)
        .send({ title: 'Envoyer la liste', dueOn: null, status: 'open' })
        .expect(200)
    ).body;
    expect(edited).toMatchObject({ title: 'Envoyer la liste', dueOn: null, status: 'open', doneAt: null });
    expect(edited.owner.id).toBe(users.thomas);
    const outsider = await t.signIn('claire@affluents.test');
    await outsider.patch(`/api/actions/${action.id}`).send({ status: 'done' }).expect(404);
  });

  it('ends the session once: the queue is cleared and hands can no longer be raised', async () => {
    const endedSeen = nextEvent<LiveState>(amina, 'session:live', (st) => st.status === 'done');
    const ended = await live(ines, 'session:end', { sessionId });
    expect(ended).toMatchObject({ status: 'done', queue: [], speaker: null });
    await endedSeen;
    expect((await live(ines, 'session:end', { sessionId })).status).toBe('done');
    const late = await ack(amina, 'hand:raise', { sessionId });
    expect(late.ok).toBe(false);
    if (!late.ok) expect(late.error.status).toBe(409);
    expect((await ack(ines, 'session:start', { sessionId })).ok).toBe(false);
    const [row] = await t.dataSource.query('SELECT ended_at FROM sessions WHERE id = $1', [sessionId]);
    expect(row.ended_at).not.toBeNull();
  });
});
