import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { SharedDoc, type SharedDocSink } from '../shared-doc';
import { AwarenessGuard } from './awareness-guard';
import { decodeClientMessage, MAX_AWARENESS_ENTRIES, MalformedMessageError } from './messages';

const sink: SharedDocSink = { clientUpdate: () => undefined, localAwareness: () => undefined };

type Entry = { clientId: number; clock: number; state: unknown };

/** An awareness update, as carried inside a frame or by the fan-out. */
function updateOf(entries: Entry[]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(update, e.clientId);
    encoding.writeVarUint(update, e.clock);
    encoding.writeVarString(update, JSON.stringify(e.state));
  }
  return encoding.toUint8Array(update);
}

/** An awareness frame of the y-websocket protocol, as a client sends it. */
function frameOf(entries: Entry[]): Uint8Array {
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, 1);
  encoding.writeVarUint8Array(frame, updateOf(entries));
  return encoding.toUint8Array(frame);
}

function connection(shared: SharedDoc, userId: string) {
  const peer = { send: () => undefined, awarenessIds: new Set<number>(), userId };
  shared.peers.add(peer);
  const guard = new AwarenessGuard(peer, { id: userId, name: userId, color: '#000000' }, (update) =>
    awarenessProtocol.applyAwarenessUpdate(shared.awareness, update, peer),
  );
  const receive = (frame: Uint8Array) => {
    const message = decodeClientMessage(frame);
    if (message.type !== 'awareness') throw new Error('not an awareness frame');
    guard.receive(shared, message.entries);
  };
  return { peer, guard, receive };
}

describe('AwarenessGuard', () => {
  let shared: SharedDoc;
  beforeEach(() => {
    shared = new SharedDoc('test:doc', new Y.Doc(), sink);
  });
  afterEach(() => shared.destroy());

  it('refuses an id whose caret came from another node for another user, accepts it for the same user', () => {
    // A caret fanned out from another node: already filtered and named there.
    const remote = updateOf([{ clientId: 7, clock: 1, state: { user: { id: 'amina' } } }]);
    awarenessProtocol.applyAwarenessUpdate(shared.awareness, remote, 'fanout');
    const thomas = connection(shared, 'thomas');
    thomas.receive(frameOf([{ clientId: 7, clock: 5, state: { cursor: 1 } }]));
    expect(shared.awareness.getStates().get(7)).toEqual({ user: { id: 'amina' } });
    expect(thomas.peer.awarenessIds.size).toBe(0);
    const amina = connection(shared, 'amina');
    amina.receive(frameOf([{ clientId: 7, clock: 5, state: { cursor: 1 } }]));
    expect(shared.awareness.getStates().get(7)).toEqual({
      cursor: 1,
      user: { id: 'amina', name: 'amina', color: '#000000' },
    });
    thomas.guard.stop();
    amina.guard.stop();
  });

  it('refuses a frame of more than MAX_AWARENESS_ENTRIES entries before reading them', () => {
    const frame = frameOf(
      Array.from({ length: MAX_AWARENESS_ENTRIES + 1 }, () => ({ clientId: 1, clock: 1, state: {} })),
    );
    expect(() => decodeClientMessage(frame)).toThrow(MalformedMessageError);
  });

  it('drops the largest frame of forged entries without touching the caret (time logged)', () => {
    const victim = connection(shared, 'amina');
    victim.receive(frameOf([{ clientId: 1, clock: 1, state: {} }]));
    for (let i = 0; i < 50; i++)
      connection(shared, `peer-${i}`).receive(frameOf([{ clientId: 100 + i, clock: 1, state: {} }]));
    const hostile = connection(shared, 'thomas');
    // About 1 MiB (COLLAB_MAX_FRAME_BYTES) in the most entries allowed: the victim's id over and over, with
    // ~1 KB states, before the hostile owns any id.
    const state = { pad: 'x'.repeat(1000) };
    const frame = frameOf(
      Array.from({ length: MAX_AWARENESS_ENTRIES }, () => ({ clientId: 1, clock: 9, state })),
    );
    const times: number[] = [];
    for (let run = 0; run < 31; run++) {
      const started = performance.now();
      hostile.receive(frame);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(
      `awareness frame of ${frame.byteLength} bytes, ${MAX_AWARENESS_ENTRIES} forged entries: ` +
        `median ${times[15].toFixed(2)} ms, worst ${times[30].toFixed(2)} ms (31 runs, the first ones cold)`,
    );
    expect(shared.awareness.meta.get(1)?.clock).toBe(1);
    hostile.guard.stop();
  });
});
