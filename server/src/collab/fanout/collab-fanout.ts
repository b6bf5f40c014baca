import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { RedisClientType } from 'redis';
import { RedisService } from '../../infra/redis/redis.service';

/** What a node receives about one of its documents from the other nodes. */
export interface FanoutHandlers {
  update(update: Uint8Array): void;
  awareness(update: Uint8Array): void;
  /** Another node loaded the document and sends its state vector; `wantsReply`: send yours back too. */
  syncRequest(stateVector: Uint8Array, wantsReply: boolean): void;
  /** This node's state vector of the document, sent to the other nodes after a Redis outage. */
  stateVector(): Uint8Array;
}

const Kind = { Update: 0, Awareness: 1, SyncRequest: 2 } as const;

/** Delay before a subscription the connection loss refused is asked again (it then waits for Redis). */
const RESUBSCRIBE_DELAY_MS = 500;

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * What this node knows about the other nodes holding one of its documents. `othersMayHold` starts true
 * and turns false when Redis answers a publish with one receiver (this node's own subscription) and no
 * other node spoke on the channel meanwhile (`heard` unchanged): updates and awareness are then not
 * published at all. A node that loads the document later always announces itself with a sync request,
 * which turns `othersMayHold` back on; the answer to that request is the diff against its state vector,
 * so it still gets every update this node kept to itself.
 */
interface ChannelState {
  handlers: FanoutHandlers;
  subscribed: boolean;
  othersMayHold: boolean;
  /** Messages heard from other nodes on this channel. */
  heard: number;
}

/** Counts for the health endpoint and the tests. */
export interface FanoutStats {
  published: number;
  /** Updates and awareness changes not published because no other node held the document. */
  keptLocal: number;
}

/**
 * Carries document updates and awareness between server nodes over one Redis pub/sub channel per
 * document (redis-keys.ts), on a publisher and a subscriber client of their own. Each message is tagged
 * with this node's id, so a node ignores its own. Without REDIS_URL every method is a no-op: a single
 * node's clients already share its in-memory documents.
 *
 * While Redis is away each node's clients keep sharing the node's documents; nothing here waits for it
 * or throws. When both clients are connected again, every document held sends a sync request (its state
 * vector, answer wanted), so the nodes exchange what they missed and converge.
 */
@Injectable()
export class CollabFanout implements OnModuleDestroy {
  private readonly logger = new Logger('CollabFanout');
  readonly nodeId = randomUUID();
  private readonly channels = new Map<string, ChannelState>();
  private readonly counts: FanoutStats = { published: 0, keptLocal: 0 };
  private revalidateListener: ((userId: string) => void) | null = null;
  private stopped = false;
  /** The two clients, watched for reconnections once both exist. */
  private clients: Promise<{ pub: RedisClientType; sub: RedisClientType }> | null = null;
  /** A publish failed since the last success: logged once per outage, and a resync follows the next success. */
  private publishFailing = false;

  constructor(private readonly redis: RedisService) {}

  /** False without REDIS_URL, and once shutdown began (RedisService closes its clients then). */
  get enabled(): boolean {
    return this.redis.enabled && !this.stopped;
  }

  onModuleDestroy(): void {
    // RedisService closes its clients in this same phase; asking it for one afterwards would open a new one.
    this.stopped = true;
  }

  /** Starts receiving the document's messages from the other nodes. */
  async subscribe(docName: string, handlers: FanoutHandlers): Promise<void> {
    const state: ChannelState = { handlers, subscribed: false, othersMayHold: true, heard: 0 };
    this.channels.set(docName, state);
    if (!this.enabled) return;
    const { sub } = await this.connections();
    await this.subscribeUntilDone(
      sub,
      () =>
        sub.subscribe(this.redis.keys.collabDocument(docName), (m: Buffer) => this.receive(docName, m), true),
      () => this.channels.get(docName) === state,
    );
    state.subscribed = this.channels.get(docName) === state;
  }

  stats(): FanoutStats {
    return { ...this.counts };
  }

  /** Stops receiving the document's messages (it was unloaded). */
  unsubscribe(docName: string, handlers: FanoutHandlers): void {
    if (this.channels.get(docName)?.handlers !== handlers) return;
    this.channels.delete(docName);
    if (!this.enabled) return;
    void this.connections()
      .then(({ sub }) =>
        // A new load of the same document may have subscribed again meanwhile.
        this.channels.has(docName) ? undefined : sub.unsubscribe(this.redis.keys.collabDocument(docName)),
      )
      .catch(() => undefined);
  }

  /** Sends an update made by a client of this node to the other nodes. */
  publishUpdate(docName: string, update: Uint8Array): void {
    this.publish(docName, Kind.Update, update);
  }

  /** Sends an awareness change made on this node to the other nodes. */
  publishAwareness(docName: string, update: Uint8Array): void {
    this.publish(docName, Kind.Awareness, update);
  }

  /** Asks the other nodes holding the document for what this node lacks. */
  publishSyncRequest(docName: string, stateVector: Uint8Array, wantsReply: boolean): void {
    this.publish(docName, Kind.SyncRequest, stateVector, wantsReply);
  }

  /** Asks every node to re-check the document connections of a user. */
  async publishRevalidate(userId: string): Promise<void> {
    if (!this.enabled) return;
    const { pub } = await this.connections();
    await pub.publish(this.redis.keys.collabRevalidate(), `${this.nodeId} ${userId}`);
  }

  /**
   * Listens to revalidation requests from the other nodes. Resolves at once: while Redis is away the
   * subscription is made when it is back (requests sent meanwhile are lost; the periodic check covers them).
   */
  async onRevalidate(listener: (userId: string) => void): Promise<void> {
    this.revalidateListener = listener;
    if (!this.enabled) return;
    const { sub } = await this.connections();
    void this.subscribeUntilDone(
      sub,
      () =>
        sub.subscribe(this.redis.keys.collabRevalidate(), (message: string) => {
          const [nodeId, userId] = message.split(' ');
          if (nodeId !== this.nodeId && userId) this.revalidateListener?.(userId);
        }),
      () => this.enabled,
    );
  }

  /** The publisher and subscriber clients; the first call also starts watching their reconnections. */
  private connections(): Promise<{ pub: RedisClientType; sub: RedisClientType }> {
    this.clients ??= Promise.all([
      this.redis.client('collab-pub'),
      this.redis.client('collab-sub', 'subscriber'),
    ]).then(([pub, sub]) => {
      // 'ready' fires on every (re)connection; the subscriber's channels are renewed before it.
      const onReady = () => {
        if (pub.isReady && sub.isReady && this.enabled) this.resync();
      };
      pub.on('ready', onReady);
      sub.on('ready', onReady);
      return { pub, sub };
    });
    return this.clients;
  }

  /**
   * Runs `subscribe` until it succeeds or `wanted()` turns false. A SUBSCRIBE in flight when the
   * connection resets is refused and, unlike the subscriptions already made, not renewed by node-redis.
   */
  private async subscribeUntilDone(
    sub: RedisClientType,
    subscribe: () => Promise<unknown>,
    wanted: () => boolean,
  ): Promise<void> {
    for (;;) {
      try {
        await subscribe();
        return;
      } catch (err) {
        if (!wanted() || !sub.isOpen) return;
        this.logger.debug(`subscription refused, asking again: ${errorText(err)}`);
        await new Promise((r) => setTimeout(r, RESUBSCRIBE_DELAY_MS).unref());
      }
    }
  }

  /** Redis answers again: every document held asks the other nodes for what it missed, and answers theirs. */
  private resync(): void {
    let documents = 0;
    for (const [docName, state] of this.channels) {
      if (!state.subscribed) continue;
      state.othersMayHold = true;
      this.publish(docName, Kind.SyncRequest, state.handlers.stateVector(), true);
      documents++;
    }
    if (documents > 0)
      this.logger.log(`Redis answers again: ${documents} document(s) sent their state to the other nodes`);
  }

  private publish(docName: string, kind: number, payload: Uint8Array, flag = false): void {
    if (!this.enabled) return;
    const state = this.channels.get(docName);
    if (state && !state.othersMayHold && kind !== Kind.SyncRequest) {
      this.counts.keptLocal++;
      return;
    }
    // Only a count taken while this node listens on the channel says whether anyone else does.
    const probe = state?.subscribed ? { state, heard: state.heard } : null;
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.nodeId);
    encoding.writeVarUint(encoder, kind);
    encoding.writeVarUint8Array(encoder, payload);
    encoding.writeVarUint(encoder, flag ? 1 : 0);
    const message = Buffer.from(encoding.toUint8Array(encoder));
    void this.connections()
      .then(({ pub }) => pub.publish(this.redis.keys.collabDocument(docName), message))
      .then((receivers) => {
        this.counts.published++;
        if (probe && receivers <= 1 && probe.state.heard === probe.heard) probe.state.othersMayHold = false;
        if (this.publishFailing) {
          // A partition that healed brings no reconnection ('ready'): resync here for what failed.
          this.publishFailing = false;
          this.resync();
        }
      })
      .catch((err: unknown) => {
        // Lost for the other nodes only; the sync after Redis comes back brings them what they missed.
        if (this.publishFailing) return;
        this.publishFailing = true;
        this.logger.warn(
          `publishing to the other nodes failed (${errorText(err)}); resync when Redis is back`,
        );
      });
  }

  private receive(docName: string, message: Buffer): void {
    const state = this.channels.get(docName);
    if (!state) return;
    try {
      const decoder = decoding.createDecoder(
        new Uint8Array(message.buffer, message.byteOffset, message.byteLength),
      );
      if (decoding.readVarString(decoder) === this.nodeId) return;
      state.heard++;
      state.othersMayHold = true;
      const { handlers } = state;
      const kind = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      const flag = decoding.readVarUint(decoder) === 1;
      if (kind === Kind.Update) handlers.update(payload);
      else if (kind === Kind.Awareness) handlers.awareness(payload);
      else if (kind === Kind.SyncRequest) handlers.syncRequest(payload, flag);
    } catch (err) {
      this.logger.error(
        `bad fan-out message on ${docName}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
}
