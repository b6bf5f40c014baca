import { randomUUID } from 'node:crypto';
import type { GroupKind, LiveState } from '@affluents/contracts';
import { addAgendaItem } from '@affluents/editor/template';
import type { Socket } from 'socket.io-client';
import { CollabDocuments } from '../src/collab/collab-documents';
import { type Factories, factories, type TestUser } from './support/factories';
import {
  ack,
  connectSocket,
  nextEvent,
  type SocketTestApp,
  startSocketTestApp,
} from './support/socket-client';

/**
 * Live mode of a meeting in a social workers' group: ines runs it (facilitator), amina and thomas take part
 * (members), nadia is a guest of this one meeting.
 */
describe('live mode of a meeting: shared state, speaking queue, follow-up', () => {
  let t: SocketTestApp;
  let make: Factories;
  let people: Record<'ines' | 'amina' | 'thomas' | 'nadia' | 'claire' | 'sophie' | 'olivier', TestUser>;
  let groupId: string;
  let meetingId: string;
  const users: Record<string, string> = {};
  let ines: Socket;
  let amina: Socket;
  let thomas: Socket;

  async function live(socket: Socket, event: string, payload: unknown): Promise<LiveState> {
    const res = await ack(socket, event, payload);
    if (!res.ok) throw new Error(`${event}: ${res.error.message}`);
    return res.data as LiveState;
  }

  async function createMeeting(title: string): Promise<string> {
    const id = randomUUID();
    await t.dataSource.query(
      `INSERT INTO meetings (id, group_id, title, starts_at, ends_at, agenda_doc_name, notes_doc_name, created_by_id)
       VALUES ($1, $2, $3, now(), now() + interval '3 hours', $4, $5, $6)`,
      [id, groupId, title, `meeting-agenda:${id}`, `meeting-notes:${id}`, users.ines],
    );
    await t.app.get(CollabDocuments).change(`meeting-agenda:${id}`, (doc) => {
      addAgendaItem(doc, { id: 'accueil', title: 'Accueil', durationMinutes: 10, ownerName: 'Inès' });
      addAgendaItem(doc, { id: 'tour', title: 'Tour de table', durationMinutes: 30, ownerName: null });
      addAgendaItem(doc, { id: 'suite', title: 'Suites', durationMinutes: 15, ownerName: null });
    });
    return id;
  }

  beforeAll(async () => {
    t = await startSocketTestApp({ seed: false });
    make = factories(t);
    const group = await make.group('social_workers');
    groupId = group.id;
    // Outsiders: Claire and Sophie in the social workers' group of another bassin, Olivier in its encadrants.
    const namur = await make.bassin();
    const namurGroup = (kind: GroupKind) => namur.groups.find((g) => g.kind === kind) as { id: string };
    people = {
      ines: await make.user({ displayName: 'Inès Moreau' }),
      amina: await make.user({ displayName: 'Amina Lahlou' }),
      thomas: await make.user({ displayName: 'Thomas Dubois' }),
      nadia: await make.user({ displayName: 'Nadia Vandenbergh' }),
      claire: await make.user({ displayName: 'Claire Renard' }),
      sophie: await make.user({ displayName: 'Sophie Lambert' }),
      olivier: await make.user({ displayName: 'Olivier Lejeune' }),
    };
    await make.membership(people.ines, group, 'facilitator');
    await make.membership(people.amina, group);
    await make.membership(people.thomas, group);
    await make.membership(people.claire, namurGroup('social_workers'));
    await make.membership(people.sophie, namurGroup('social_workers'), 'facilitator');
    await make.membership(people.olivier, namurGroup('encadrants'));
    for (const [name, user] of Object.entries(people)) users[name] = user.id;
    meetingId = await createMeeting('Rencontre de novembre');
    await t.dataSource.query(
      'INSERT INTO meeting_guests (meeting_id, user_id, invited_by_id) VALUES ($1, $2, $3)',
      [meetingId, users.nadia, users.ines],
    );
    ines = await t.connectAs(people.ines);
    amina = await t.connectAs(people.amina);
    thomas = await t.connectAs(people.thomas);
  });
  afterAll(() => t.close());

  it('lets the facilitator start and move on: every client gets the same item and timer', async () => {
    for (const s of [ines, amina, thomas]) {
      const joined = await live(s, 'meeting:join', { meetingId });
      expect(joined).toMatchObject({
        meetingId,
        status: 'planned',
        currentItem: null,
        item: null,
        queue: [],
      });
    }
    const startedEvents = [amina, thomas, ines].map((s) =>
      nextEvent<LiveState>(s, 'meeting:live', (st) => st.meetingId === meetingId && st.status === 'live'),
    );
    const detailsChanged = nextEvent<{ meetingId: string }>(amina, 'meeting:updated');
    const started = await live(ines, 'meeting:start', { meetingId });
    expect(await detailsChanged).toEqual({ meetingId });
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
    expect((await live(ines, 'meeting:start', { meetingId })).itemStartedAt).toBe(started.itemStartedAt);

    const movedEvents = [amina, thomas].map((s) =>
      nextEvent<LiveState>(s, 'meeting:live', (st) => st.currentItem === 1),
    );
    const moved = await live(ines, 'meeting:goto', { meetingId, index: 1 });
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
    const second = await t.connectAs(people.ines);
    const [a, b] = await Promise.all([
      live(ines, 'meeting:goto', { meetingId, index: 2 }),
      live(second, 'meeting:goto', { meetingId, index: 2 }),
    ]);
    expect(a.currentItem).toBe(2);
    expect(b.currentItem).toBe(2);
    expect(a.itemStartedAt).toBe(b.itemStartedAt);
    const past = await ack(ines, 'meeting:goto', { meetingId, index: 3 });
    expect(past.ok).toBe(false);
    if (!past.ok) expect(past.error.status).toBe(400);
    expect((await live(ines, 'meeting:goto', { meetingId, index: 1 })).currentItem).toBe(1);
    second.close();
  });

  it('keeps the speaking queue in order and gives the floor', async () => {
    const raisedA = await live(amina, 'hand:raise', { meetingId });
    expect(raisedA.queue.map((h) => h.person.id)).toEqual([users.amina]);
    const seen = nextEvent<LiveState>(ines, 'meeting:live', (st) => st.queue.length === 2);
    await live(thomas, 'hand:raise', { meetingId });
    expect((await seen).queue.map((h) => h.person.id)).toEqual([users.amina, users.thomas]);
    // Raising again keeps the first place.
    const again = await live(amina, 'hand:raise', { meetingId });
    expect(again.queue.map((h) => h.person.id)).toEqual([users.amina, users.thomas]);
    expect(again.queue[0].raisedAt).toBe(raisedA.queue[0].raisedAt);

    const floorSeen = nextEvent<LiveState>(thomas, 'meeting:live', (st) => st.speaker !== null);
    const floor = await live(ines, 'floor:give', { meetingId, userId: users.amina });
    expect(floor.speaker).toEqual({ id: users.amina, displayName: expect.any(String) });
    expect(floor.queue.map((h) => h.person.id)).toEqual([users.thomas]);
    expect((await floorSeen).speaker?.id).toBe(users.amina);
  });

  it('keeps the state across a participant reconnect and a facilitator page reload', async () => {
    thomas.close();
    thomas = await t.connectAs(people.thomas);
    const rejoined = await live(thomas, 'meeting:join', { meetingId });
    expect(rejoined.queue.map((h) => h.person.id)).toEqual([users.thomas]);
    expect(rejoined.speaker?.id).toBe(users.amina);

    const before = await live(ines, 'meeting:join', { meetingId });
    ines.close();
    ines = await t.connectAs(people.ines);
    const reloaded = await live(ines, 'meeting:join', { meetingId });
    expect({ ...reloaded, serverTime: '' }).toEqual({ ...before, serverTime: '' });
    // The reloaded page still runs the meeting, and the others still get its changes.
    const seen = nextEvent<LiveState>(amina, 'meeting:live', (st) => st.speaker === null);
    await live(ines, 'floor:give', { meetingId, userId: null });
    expect((await seen).queue.map((h) => h.person.id)).toEqual([users.thomas]);

    const rest = await make.signIn(people.amina);
    const viaRest = (await rest.get(`/api/meetings/${meetingId}/live`).expect(200)).body;
    expect(viaRest).toMatchObject({ currentItem: 1, status: 'live', speaker: null });
  });

  it('lets a participant lower a hand but not run the meeting', async () => {
    const lowered = await live(thomas, 'hand:lower', { meetingId });
    expect(lowered.queue).toEqual([]);
    for (const [event, payload] of [
      ['meeting:start', { meetingId }],
      ['meeting:goto', { meetingId, index: 0 }],
      ['meeting:end', { meetingId }],
      ['floor:give', { meetingId, userId: users.amina }],
    ] as const) {
      const res = await ack(amina, event, payload);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.status).toBe(403);
    }
    expect((await live(amina, 'meeting:join', { meetingId })).currentItem).toBe(1);
    const bad = await ack(ines, 'meeting:goto', { meetingId, index: -1 });
    expect(bad.ok).toBe(false);
    const unknownFloor = await ack(ines, 'floor:give', { meetingId, userId: users.claire });
    expect(unknownFloor.ok).toBe(false);
  });

  it('lets a guest of the meeting join and raise a hand', async () => {
    const nadia = await t.connectAs(people.nadia);
    expect((await live(nadia, 'meeting:join', { meetingId })).status).toBe('live');
    const seen = nextEvent<LiveState>(ines, 'meeting:live', (st) =>
      st.queue.some((h) => h.person.id === users.nadia),
    );
    const raised = await live(nadia, 'hand:raise', { meetingId });
    expect(raised.queue.map((h) => h.person.id)).toEqual([users.nadia]);
    await seen;
    const start = await ack(nadia, 'meeting:goto', { meetingId, index: 0 });
    expect(start.ok).toBe(false);
  });

  it('refuses members of another group, other bassins and signed-out sockets', async () => {
    for (const person of [people.claire, people.sophie, people.olivier]) {
      const outsider = await t.connectAs(person);
      const join = await ack(outsider, 'meeting:join', { meetingId });
      expect(join.ok).toBe(false);
      if (!join.ok) expect(join.error.status).toBe(404);
      expect((await ack(outsider, 'hand:raise', { meetingId })).ok).toBe(false);
      expect((await ack(outsider, 'meeting:goto', { meetingId, index: 0 })).ok).toBe(false);
      const rest = await make.signIn(person);
      await rest.get(`/api/meetings/${meetingId}/live`).expect(404);
    }
    const unknown = await ack(amina, 'meeting:join', { meetingId: randomUUID() });
    expect(!unknown.ok && unknown.error.status).toBe(404);
    const malformed = await ack(amina, 'meeting:goto', { meetingId: 'pas-un-id', index: 'suivant' });
    expect(!malformed.ok && malformed.error.status).toBe(400);
    await expect(connectSocket(t.baseUrl, null)).rejects.toMatchObject({ data: { status: 401 } });
    await t.agent().get(`/api/meetings/${meetingId}/live`).expect(401);
  });

  it('records attendance of members and guests only, by facilitators', async () => {
    const facilitator = await make.signIn(people.ines);
    const updated = nextEvent<{ meetingId: string }>(
      amina,
      'meeting:updated',
      (e) => e.meetingId === meetingId,
    );
    await facilitator
      .put(`/api/meetings/${meetingId}/attendance`)
      .send({ userId: users.amina, state: 'present' })
      .expect(204);
    await updated;
    await facilitator
      .put(`/api/meetings/${meetingId}/attendance`)
      .send({ userId: users.nadia, state: 'excused' })
      .expect(204);
    await facilitator
      .put(`/api/meetings/${meetingId}/attendance`)
      .send({ userId: users.amina, state: 'absent' })
      .expect(204);
    await facilitator
      .put(`/api/meetings/${meetingId}/attendance`)
      .send({ userId: users.claire, state: 'present' })
      .expect(400);
    await facilitator
      .put(`/api/meetings/${meetingId}/attendance`)
      .send({ userId: users.amina, state: 'late' })
      .expect(400);
    const member = await make.signIn(people.thomas);
    await member
      .put(`/api/meetings/${meetingId}/attendance`)
      .send({ userId: users.thomas, state: 'present' })
      .expect(403);
    const rows = await t.dataSource.query(
      'SELECT user_id AS "userId", state FROM meeting_attendance WHERE meeting_id = $1 ORDER BY state',
      [meetingId],
    );
    expect(rows).toEqual([
      { userId: users.amina, state: 'absent' },
      { userId: users.nadia, state: 'excused' },
    ]);
  });

  it('records decisions, removed by facilitators only', async () => {
    const facilitator = await make.signIn(people.ines);
    const member = await make.signIn(people.amina);
    const decision = (
      await facilitator
        .post(`/api/meetings/${meetingId}/decisions`)
        .send({ text: 'Prochaine rencontre chez Le Trusquin' })
        .expect(201)
    ).body;
    expect(decision).toMatchObject({ meetingId, text: 'Prochaine rencontre chez Le Trusquin' });
    await member.post(`/api/meetings/${meetingId}/decisions`).send({ text: 'Non' }).expect(403);
    await facilitator.post(`/api/meetings/${meetingId}/decisions`).send({ text: '' }).expect(400);
    await member.delete(`/api/meetings/${meetingId}/decisions/${decision.id}`).expect(403);
    await facilitator.delete(`/api/meetings/${meetingId}/decisions/${decision.id}`).expect(204);
    await facilitator.delete(`/api/meetings/${meetingId}/decisions/${decision.id}`).expect(404);
  });

  it('records follow-up actions with an owner from the meeting, who may mark them done', async () => {
    const facilitator = await make.signIn(people.ines);
    const owner = await make.signIn(people.thomas);
    const other = await make.signIn(people.amina);
    const action = (
      await facilitator
        .post(`/api/meetings/${meetingId}/actions`)
        .send({ title: 'Envoyer la liste des formations', ownerId: users.thomas, dueOn: '2026-12-15' })
        .expect(201)
    ).body;
    expect(action).toMatchObject({
      meetingId,
      groupId,
      owner: { id: users.thomas },
      dueOn: '2026-12-15',
      status: 'open',
      doneAt: null,
    });
    const guestOwned = await facilitator
      .post(`/api/meetings/${meetingId}/actions`)
      .send({ title: 'Partager le dépliant', ownerId: users.nadia })
      .expect(201);
    expect(guestOwned.body.owner.id).toBe(users.nadia);
    await facilitator
      .post(`/api/meetings/${meetingId}/actions`)
      .send({ title: 'Hors groupe', ownerId: users.claire })
      .expect(400);
    await other.post(`/api/meetings/${meetingId}/actions`).send({ title: 'Moi aussi' }).expect(403);

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
    const outsider = await make.signIn(people.claire);
    await outsider.patch(`/api/actions/${action.id}`).send({ status: 'done' }).expect(404);
  });

  it('ends the meeting once: the queue is cleared and hands can no longer be raised', async () => {
    const endedSeen = nextEvent<LiveState>(amina, 'meeting:live', (st) => st.status === 'done');
    const ended = await live(ines, 'meeting:end', { meetingId });
    expect(ended).toMatchObject({ status: 'done', queue: [], speaker: null });
    await endedSeen;
    expect((await live(ines, 'meeting:end', { meetingId })).status).toBe('done');
    const late = await ack(amina, 'hand:raise', { meetingId });
    expect(late.ok).toBe(false);
    if (!late.ok) expect(late.error.status).toBe(409);
    expect((await ack(ines, 'meeting:start', { meetingId })).ok).toBe(false);
    const [row] = await t.dataSource.query('SELECT ended_at FROM meetings WHERE id = $1', [meetingId]);
    expect(row.ended_at).not.toBeNull();
  });
});
