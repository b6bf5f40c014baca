import type { PresenceUser } from '@affluents/contracts';
import type { CollabPeer, SharedDoc } from '../shared-doc';
import { type AwarenessEntry, encodeAwarenessEntries, MalformedMessageError } from './messages';

/**
 * Awareness client ids one connection may speak for. The stock provider uses one (its awareness is created
 * with the Y.Doc's client id and keeps it for the provider's life); every further id would be a fake caret.
 */
export const MAX_AWARENESS_IDS_PER_CONNECTION = 1;
/** Largest caret state, as passed on (JSON, UTF-8, after the server wrote its `user`). A Tiptap caret is ~400. */
export const AWARENESS_MAX_STATE_BYTES = 4096;
/** Caret changes per second and connection passed on to the others; above it only the latest is kept. */
export const AWARENESS_UPDATES_PER_SECOND = 20;
/** Caret changes a connection may make at once before the rate above applies. */
export const AWARENESS_BURST = 20;

/** Thrown for a caret state above AWARENESS_MAX_STATE_BYTES: the connection closes with 4413. */
export class AwarenessTooLargeError extends Error {}

/** A connection as the guard sees it: the ids it owns and the user behind it. */
export interface AwarenessOwner extends CollabPeer {
  readonly userId: string;
}

/**
 * The awareness (carets) of one connection, checked before anything reaches the shared document. A
 * connection owns the client ids it claims: the first ones it announces (MAX_AWARENESS_IDS_PER_CONNECTION),
 * never the server's, never one another user holds on any node (a state for it is in the document's
 * awareness: local ones are owned by a local peer; the others came through the fan-out, filtered by the
 * node of their sender, so their `user` can be trusted). The same user may take over an id from another of
 * its connections: a tab that reconnects before its old socket is found dead keeps its caret.
 *
 * Entries for ids the connection does not own are dropped without closing it: the stock provider echoes
 * every awareness change it receives, the others' carets included. Its own states get their `user` from the
 * session, are capped in size, and are passed on at most AWARENESS_UPDATES_PER_SECOND times a second: a
 * change over budget waits (the latest per id replacing the earlier ones) for the next slot, so the last
 * position of a caret always arrives.
 */
export class AwarenessGuard {
  private tokens = AWARENESS_BURST;
  private refilledAt = performance.now();
  /** Own entries not passed on yet, their state rewritten, the latest per id. */
  private readonly held = new Map<number, AwarenessEntry>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly owner: AwarenessOwner,
    private readonly user: PresenceUser,
    /** Applies an awareness update to the connection's shared document, if it still has one. */
    private readonly apply: (update: Uint8Array) => void,
  ) {}

  /** Checks the entries of one awareness frame; what passes is applied now or at the next slot. */
  receive(shared: SharedDoc, entries: AwarenessEntry[]): void {
    // Only the last entry of each own id counts; the others are never parsed.
    const latest = new Map<number, AwarenessEntry>();
    // One claim per frame: a frame repeating ids held by others costs a lookup per entry, not a scan each.
    let mayClaim = true;
    for (const entry of entries) {
      if (!this.owner.awarenessIds.has(entry.clientId)) {
        if (!mayClaim) continue;
        mayClaim = false;
        if (!this.claim(shared, entry.clientId)) continue;
      }
      latest.set(entry.clientId, entry);
    }
    if (latest.size === 0) return;
    for (const entry of latest.values()) {
      this.held.set(entry.clientId, {
        clientId: entry.clientId,
        clock: entry.clock,
        json: this.rewrite(entry),
      });
    }
    this.flush();
  }

  /** The connection closed: nothing held is applied any more. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.held.clear();
  }

  private claim(shared: SharedDoc, clientId: number): boolean {
    const mine = this.owner.awarenessIds;
    if (mine.size >= MAX_AWARENESS_IDS_PER_CONNECTION || clientId === shared.awareness.clientID) return false;
    let previous: CollabPeer | null = null;
    for (const peer of shared.peers) {
      if (peer === this.owner || !peer.awarenessIds.has(clientId)) continue;
      if (peer.userId !== this.owner.userId) return false;
      previous = peer;
    }
    const state = shared.awareness.getStates().get(clientId) as { user?: { id?: unknown } } | undefined;
    if (!previous && state && state.user?.id !== this.owner.userId) return false;
    previous?.awarenessIds.delete(clientId);
    mine.add(clientId);
    return true;
  }

  private rewrite(entry: AwarenessEntry): string {
    let state: unknown;
    try {
      state = JSON.parse(entry.json);
    } catch {
      throw new MalformedMessageError('awareness state is not JSON');
    }
    if (state === null) return 'null';
    if (typeof state !== 'object' || Array.isArray(state)) {
      throw new MalformedMessageError('awareness state is not an object');
    }
    const json = JSON.stringify({ ...state, user: this.user });
    if (Buffer.byteLength(json) > AWARENESS_MAX_STATE_BYTES) {
      throw new AwarenessTooLargeError(`awareness state above ${AWARENESS_MAX_STATE_BYTES} bytes`);
    }
    return json;
  }

  private flush(): void {
    if (this.held.size === 0) return;
    const now = performance.now();
    this.tokens = Math.min(
      AWARENESS_BURST,
      this.tokens + ((now - this.refilledAt) * AWARENESS_UPDATES_PER_SECOND) / 1000,
    );
    this.refilledAt = now;
    if (this.tokens < 1) {
      this.timer ??= setTimeout(
        () => {
          this.timer = null;
          this.flush();
        },
        Math.ceil(((1 - this.tokens) * 1000) / AWARENESS_UPDATES_PER_SECOND),
      );
      return;
    }
    this.tokens -= 1;
    const update = encodeAwarenessEntries(this.held.values());
    this.held.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.apply(update);
  }
}
