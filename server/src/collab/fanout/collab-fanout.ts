import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { RedisService } from '../../infra/redis/redis.service';

/** What a node receives about one of its documents from the other nodes. */
export interface FanoutHandlers {
  update(update: Uint8Array): void;
  awareness(update: Uint8Array): void;
  /** Another node loaded the document and sends its state vector; `wantsReply`: send yours back too. */
  syncRequest(stateVector: Uint8Array, wantsReply: boolean): void;
}

const Kind = { Update: 0, Awareness: 1, SyncRequest: 2 } as const;

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
 */
@Injectable()
export class CollabFanout implements OnModuleDestroy {
  private readonly logger = new Logger('CollabFanout');
  readonly nodeId = randomUUID();
  private readonly channels = new Map<string, ChannelState>();
  private readonly counts: FanoutStats = { published: 0, keptLocal: 0 };
  private revalidateListener: ((userId: string) => void) | null = null;
  private stopped = false;

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
    const subscriber = await this.redis.client('collab-sub');
    await subscriber.subscribe(
      this.redis.keys.collabDocument(docName),
      (message: Buffer) => this.receive(docName, message),
      true,
    );
    state.subscribed = true;
  }

  stats(): FanoutStats {
    return { ...this.counts };
  }

  /** Stops receiving the document's messages (it was unloaded). */
  unsubscribe(docName: string, handlers: FanoutHandlers): void {
    if (this.channels.get(docName)?.handlers !== handlers) return;
    this.channels.delete(docName);
    if (!this.enabled) return;
    void this.redis
      .client('collab-sub')
      .then((subscriber) =>
        // A new load of the same document may have subscribed again meanwhile.
        this.channels.has(docName)
          ? undefined
          : subscriber.unsubscribe(this.redis.keys.collabDocument(docName)),
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
    const publisher = await this.redis.client('collab-pub');
    await publisher.publish(this.redis.keys.collabRevalidate(), `${this.nodeId} ${userId}`);
  }

  /** Listens to revalidation requests from the other nodes. */
  async onRevalidate(listener: (userId: string) => void): Promise<void> {
    this.revalidateListener = listener;
    if (!this.enabled) return;
    const subscriber = await this.redis.client('collab-sub');
    await subscriber.subscribe(this.redis.keys.collabRevalidate(), (message: string) => {
      const [nodeId, userId] = message.split(' ');
      if (nodeId !== this.nodeId && userId) this.revalidateListener?.(userId);
    });
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
    void this.redis
      .client('collab-pub')
      .then((publisher) => publisher.publish(this.redis.keys.collabDocument(docName), message))
      .then((receivers) => {
        this.counts.published++;
        if (probe && receivers <= 1 && probe.state.heard === probe.heard) probe.state.othersMayHold = false;
      })
      .catch((err: unknown) =>
        this.logger.warn(`publish to ${docName} failed: ${err instanceof Error ? err.message : String(err)}`),
      );
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
