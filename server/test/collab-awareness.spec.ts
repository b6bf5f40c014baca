import { CollabCloseCode, userColor } from '@affluents/contracts';
import {
  AWARENESS_BURST,
  AWARENESS_MAX_STATE_BYTES,
  AWARENESS_UPDATES_PER_SECOND,
  MAX_AWARENESS_IDS_PER_CONNECTION,
} from '../src/collab/protocol/awareness-guard';
import { MAX_AWARENESS_ENTRIES } from '../src/collab/protocol/messages';
import { type AwarenessPeer, openAwarenessPeer } from './support/awareness-peer';
import {
  type CollabNode,
  type CollabStorage,
  connectClient,
  createCollabStorage,
  startCollabNode,
  type TestClient,
  waitFor,
} from './support/collab-client';
import { factories, nodeHost } from './support/factories';

const HOSTILE_ID = 424242;

describe('document carets (awareness): each connection speaks for itself only', () => {
  let storage: CollabStorage;
  let node: CollabNode;
  let group: string;
  let amina: string;
  let thomas: string;
  let admin: string;
  let aminaId: string;
  let thomasId: string;
  let docCount = 0;
  const clients: TestClient[] = [];
  const peers: AwarenessPeer[] = [];

  /** Amina's real provider with a caret, an observer (a reader) and Thomas's raw socket, on a fresh document. */
  async function scene() {
    const name = `test:${group}:carets-${++docCount}`;
    const victim = connectClient(node.wsUrl, name, amina);
    clients.push(victim);
    await waitFor(() => victim.provider.synced, 'victim synced');
    victim.provider.awareness.setLocalStateField('user', {
      id: aminaId,
      name: 'Amina Lahlou',
      color: '#0d5c63',
    });
    victim.provider.awareness.setLocalStateField('cursor', { anchor: 1, head: 1 });
    const victimId = victim.provider.awareness.clientID;
    const observer = await openAwarenessPeer(node.wsUrl, name, admin);
    const hostile = await openAwarenessPeer(node.wsUrl, name, thomas);
    peers.push(observer, hostile);
    await waitFor(
      () => observer.states.get(victimId)?.state?.cursor !== undefined,
      'observer sees the caret',
    );
    return { name, victim, victimId, observer, hostile };
  }

  /**
   * Frames of one connection are handled in order: once the observer sees this marker of the hostile's own
   * caret, everything the hostile sent before it has been decided on.
   */
  async function marker(hostile: AwarenessPeer, observer: AwarenessPeer, clock: number): Promise<void> {
    hostile.send([{ clientId: HOSTILE_ID, clock, state: { marker: clock } }]);
    await waitFor(() => observer.states.get(HOSTILE_ID)?.state?.marker === clock, `marker ${clock}`);
  }

  beforeAll(async () => {
    storage = await createCollabStorage();
    node = await startCollabNode(storage, { seed: false });
    // Amina and Thomas write the group's documents; the administrator only reads them (the test resolver).
    const make = factories(nodeHost(node.app));
    const social = await make.group('social_workers');
    group = social.id;
    const aminaUser = await make.user({ displayName: 'Amina Lahlou' });
    const thomasUser = await make.user({ displayName: 'Thomas Dubois' });
    await make.membership(aminaUser, social);
    await make.membership(thomasUser, social);
    amina = await node.signIn(aminaUser);
    thomas = await node.signIn(thomasUser);
    admin = await node.signIn(await make.user({ platformRole: 'admin' }));
    aminaId = aminaUser.id;
    thomasId = thomasUser.id;
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
    for (const p of peers.splice(0)) p.close();
  });
  afterAll(async () => {
    await node?.close();
    await storage?.dispose();
  });

  it("refuses a state forged for another connection's client id, even with a higher clock", async () => {
    const { victim, victimId, observer, hostile } = await scene();
    const before = observer.states.get(victimId);
    const forged = { user: { id: thomasId, name: 'Faux nom', color: '#000000' }, cursor: null };
    // First frame of the connection: it cannot claim an id another connection holds.
    hostile.send([{ clientId: victimId, clock: (before?.clock ?? 0) + 100, state: forged }]);
    await marker(hostile, observer, 1);
    // Once it has an id of its own: still not someone else's.
    hostile.send([{ clientId: victimId, clock: (before?.clock ?? 0) + 200, state: forged }]);
    await marker(hostile, observer, 2);

    expect(observer.states.get(victimId)).toEqual(before);
    expect(observer.received.some((e) => e.clientId === victimId && e.clock > (before?.clock ?? 0))).toBe(
      false,
    );
    // The victim's own tab did not adopt the forged state.
    expect(victim.provider.awareness.getLocalState()?.user).toMatchObject({ name: 'Amina Lahlou' });
    expect(victim.provider.awareness.meta.get(victimId)?.clock).toBeLessThan((before?.clock ?? 0) + 100);
  });

  it("refuses removing another connection's caret", async () => {
    const { victim, victimId, observer, hostile } = await scene();
    await marker(hostile, observer, 1);
    const before = observer.states.get(victimId);
    hostile.send([{ clientId: victimId, clock: before?.clock ?? 0, state: null }]);
    hostile.send([{ clientId: victimId, clock: (before?.clock ?? 0) + 1, state: null }]);
    await marker(hostile, observer, 2);
    expect(observer.states.get(victimId)).toEqual(before);
    expect(victim.provider.awareness.getStates().has(victimId)).toBe(true);
  });

  it('writes the name and colour of every caret from the meeting, whatever the client claims', async () => {
    const { victim, victimId, observer, hostile } = await scene();
    // Thomas tries to appear as Amina.
    hostile.send([
      {
        clientId: HOSTILE_ID,
        clock: 1,
        state: { user: { id: aminaId, name: 'Amina Lahlou', color: '#ff0000' }, cursor: { anchor: 2 } },
      },
    ]);
    const thomasUser = { id: thomasId, name: 'Thomas Dubois', color: userColor(thomasId) };
    await waitFor(() => observer.states.get(HOSTILE_ID) !== undefined, 'observer sees the caret');
    expect(observer.states.get(HOSTILE_ID)?.state).toEqual({ user: thomasUser, cursor: { anchor: 2 } });
    await waitFor(() => victim.provider.awareness.getStates().has(HOSTILE_ID), 'victim sees the caret');
    expect(victim.provider.awareness.getStates().get(HOSTILE_ID)?.user).toEqual(thomasUser);
    // An honest tab's own colour is replaced by the one derived from its user id, the same on every screen.
    expect(observer.states.get(victimId)?.state?.user).toEqual({
      id: aminaId,
      name: 'Amina Lahlou',
      color: userColor(aminaId),
    });
    // A state without a user gets one as well: nobody shows up unnamed.
    const other = await openAwarenessPeer(node.wsUrl, observerDoc(observer), thomas);
    peers.push(other);
    other.send([{ clientId: HOSTILE_ID + 1, clock: 1, state: {} }]);
    await waitFor(() => observer.states.get(HOSTILE_ID + 1) !== undefined, 'observer sees the bare caret');
    expect(observer.states.get(HOSTILE_ID + 1)?.state).toEqual({ user: thomasUser });
  });

  it(`lets one connection create ${MAX_AWARENESS_IDS_PER_CONNECTION} caret: 500 fake client ids are refused`, async () => {
    const { victimId, observer, hostile } = await scene();
    await marker(hostile, observer, 1);
    const fakes = Array.from({ length: 500 }, (_, i) => ({ clientId: 1_000_000 + i, clock: 1, state: {} }));
    hostile.send(fakes);
    for (const fake of fakes.slice(0, 50)) hostile.send([fake]);
    await marker(hostile, observer, 2);
    expect([...observer.states.keys()].sort()).toEqual([HOSTILE_ID, victimId].sort());

    // As many entries as a frame may carry, every one the victim's id: dropped, the caret untouched.
    const before = observer.states.get(victimId);
    const repeated = { clientId: victimId, clock: (before?.clock ?? 0) + 1, state: {} };
    hostile.send(Array.from({ length: MAX_AWARENESS_ENTRIES }, () => repeated));
    await marker(hostile, observer, 3);
    expect(observer.states.get(victimId)).toEqual(before);

    // A fresh connection whose first frame announces 500 ids gets the first one only.
    const fresh = await openAwarenessPeer(node.wsUrl, observerDoc(observer), thomas);
    peers.push(fresh);
    const freshFakes = fakes.map((f) => ({
      ...f,
      clientId: f.clientId + 10_000,
      state: { marker: 'fresh' },
    }));
    fresh.send(freshFakes);
    fresh.send([{ ...freshFakes[0], clock: 2 }]);
    await waitFor(() => observer.states.get(freshFakes[0].clientId)?.clock === 2, 'fresh caret updated');
    const shown = [...observer.states.keys()].filter((id) => id !== victimId && id !== HOSTILE_ID);
    console.log(`carets shown after 500 fake ids from each of 2 connections: ${shown.length}`);
    expect(shown).toEqual([freshFakes[0].clientId]);
  });

  it('closes with 4413 a connection whose caret state is larger than the limit, without passing it on', async () => {
    const { observer, hostile } = await scene();
    await marker(hostile, observer, 1);
    hostile.send([{ clientId: HOSTILE_ID, clock: 2, state: { big: 'x'.repeat(AWARENESS_MAX_STATE_BYTES) } }]);
    expect((await hostile.closed).code).toBe(CollabCloseCode.TooLarge);
    // Its caret goes with it; the oversized state was never shown.
    await waitFor(() => !observer.states.has(HOSTILE_ID), 'caret removed');
    expect(observer.received.some((e) => e.clientId === HOSTILE_ID && e.clock === 2 && e.state)).toBe(false);
  });

  it('passes on at most the allowed rate of caret changes per connection, the latest one always', async () => {
    const { observer, hostile } = await scene();
    await marker(hostile, observer, 1);
    const seenBefore = observer.received.filter((e) => e.clientId === HOSTILE_ID).length;
    const sent = 2000;
    const started = Date.now();
    for (let i = 2; i < sent + 2; i++) hostile.send([{ clientId: HOSTILE_ID, clock: i, state: { n: i } }]);
    await waitFor(() => observer.states.get(HOSTILE_ID)?.state?.n === sent + 1, 'the latest state arrives');
    const seconds = (Date.now() - started) / 1000;
    const passed = observer.received.filter((e) => e.clientId === HOSTILE_ID).length - seenBefore;
    console.log(
      `caret flood: ${sent} changes sent in one burst, ${passed} passed on over ${seconds.toFixed(2)} s`,
    );
    expect(passed).toBeLessThanOrEqual(
      AWARENESS_BURST + Math.ceil(seconds * AWARENESS_UPDATES_PER_SECOND) + 1,
    );
  });

  it('lets the same user take its caret over from a stale connection, which then leaves without removing it', async () => {
    const { observer, hostile } = await scene();
    await marker(hostile, observer, 1);
    // A reconnected tab of the same user, its old socket not yet found dead.
    const again = await openAwarenessPeer(node.wsUrl, observerDoc(observer), thomas);
    peers.push(again);
    again.send([{ clientId: HOSTILE_ID, clock: 2, state: { marker: 'again' } }]);
    await waitFor(() => observer.states.get(HOSTILE_ID)?.state?.marker === 'again', 'the caret moved over');
    hostile.close();
    await hostile.closed;
    again.send([{ clientId: HOSTILE_ID, clock: 3, state: { marker: 'still' } }]);
    await waitFor(
      () => observer.states.get(HOSTILE_ID)?.state?.marker === 'still',
      'the caret is still there',
    );
    expect(observer.received.some((e) => e.clientId === HOSTILE_ID && e.state === null)).toBe(false);
  });

  it('keeps honest providers working: carets cross, echoes are harmless, a caret leaves with its tab', async () => {
    const name = `test:${group}:carets-honest`;
    const a = connectClient(node.wsUrl, name, amina);
    const b = connectClient(node.wsUrl, name, thomas);
    clients.push(a, b);
    await waitFor(() => a.provider.synced && b.provider.synced, 'synced');
    a.provider.awareness.setLocalStateField('user', { id: aminaId, name: 'Amina Lahlou', color: '#0d5c63' });
    b.provider.awareness.setLocalStateField('user', {
      id: thomasId,
      name: 'Thomas Dubois',
      color: '#1d4f8c',
    });
    for (let i = 0; i < 5; i++) {
      a.provider.awareness.setLocalStateField('cursor', { anchor: i });
      b.provider.awareness.setLocalStateField('cursor', { anchor: 10 + i });
    }
    await waitFor(
      () =>
        a.provider.awareness.getStates().get(b.provider.awareness.clientID)?.cursor?.anchor === 14 &&
        b.provider.awareness.getStates().get(a.provider.awareness.clientID)?.cursor?.anchor === 4,
      'both carets cross',
    );
    expect(a.closes).toEqual([]);
    expect(b.closes).toEqual([]);
    const bId = b.provider.awareness.clientID;
    b.destroy();
    clients.splice(clients.indexOf(b), 1);
    await waitFor(() => !a.provider.awareness.getStates().has(bId), 'caret leaves with the tab');
  });

  /** The document a peer is on (peers keep their URL). */
  function observerDoc(peer: AwarenessPeer): string {
    return decodeURIComponent(new URL(peer.ws.url).pathname.slice('/collab/'.length));
  }
});
