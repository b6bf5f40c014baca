import { CollabCloseCode, type PersonRef, userColor } from '@affluents/contracts';
import { MAX_DOCUMENT_DEPTH } from '@affluents/editor/template';
import type { Logger } from '@nestjs/common';
import { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { CollabCounters } from '../collab-connections';
import type { DocAccess } from '../doc-access-registry';
import type { DocRegistry } from '../doc-registry';
import type { CollabPeer, SharedDoc } from '../shared-doc';
import { AwarenessGuard, AwarenessTooLargeError } from './awareness-guard';
import {
  decodeClientMessage,
  encodeAwarenessStates,
  encodePermissionDenied,
  encodeSyncStep1,
  MalformedMessageError,
  validateUpdate,
} from './messages';
import { missingDependency, updateChangesDoc, updateDepth } from './update-checks';

/** Changes a reader may attempt before its connection is closed with 4405. */
const READER_ATTEMPTS_BEFORE_CLOSE = 20;
/**
 * Updates depending on changes the server never received that a connection may send before it is
 * closed with 4413 (their bytes count too, up to one frame). An honest provider sends some only while
 * its sync step 2, which carries them again, is on its way: what it types in that round trip.
 */
const UNRESOLVED_UPDATES_BEFORE_CLOSE = 20;

/** What a connection needs from the node. */
export interface ConnectionContext {
  registry: DocRegistry;
  counters: CollabCounters;
  logger: Logger;
  maxFrameBytes: number;
  maxDocumentBytes: number;
  onClosed(connection: CollabConnection): void;
  /** Called once per connection, at the first update of this user that changes the document. */
  onContribution(docName: string, user: PersonRef): void;
}

/**
 * One client of one document over the y-websocket protocol (sync + awareness). Frames that arrive
 * while the document loads wait in a small queue. Every frame is decoded and its update validated
 * before it touches the shared document; a bad frame closes this connection only.
 */
export class CollabConnection implements CollabPeer {
  readonly awarenessIds = new Set<number>();
  private shared: SharedDoc | null = null;
  private queue: Uint8Array[] = [];
  private queuedBytes = 0;
  private readerAttempts = 0;
  private unresolvedUpdates = 0;
  private unresolvedBytes = 0;
  private contributed = false;
  private closed = false;
  private released = false;
  /** Cleared on each ping, set by the pong: a socket that stays silent is terminated. */
  alive = true;
  private readonly awareness: AwarenessGuard;

  constructor(
    private readonly ws: WebSocket,
    readonly docName: string,
    public access: DocAccess,
    readonly userId: string,
    /** The session token the connection was opened with, re-checked by CollabAccess. */
    readonly sessionToken: string,
    private readonly context: ConnectionContext,
    /** The user's display name when the connection opened: the name on this connection's caret. */
    private readonly displayName: string,
  ) {
    this.awareness = new AwarenessGuard(
      this,
      { id: userId, name: displayName, color: userColor(userId) },
      (update) => {
        if (this.shared && !this.closed)
          awarenessProtocol.applyAwarenessUpdate(this.shared.awareness, update, this);
      },
    );
  }

  /** Wires the socket and joins the document. */
  start(): void {
    this.ws.on('message', (data, isBinary) => this.onFrame(data as Buffer, isBinary));
    this.ws.on('close', () => this.onClose());
    this.ws.on('error', (err) => this.context.logger.debug(`${this.docName}: socket error ${err.message}`));
    this.ws.on('pong', () => {
      this.alive = true;
    });
    this.context.registry.acquire(this.docName, this).then(
      (shared) => {
        if (this.closed) {
          this.context.registry.release(this.docName, this);
          return;
        }
        this.shared = shared;
        this.send(encodeSyncStep1(shared.doc));
        const states = encodeAwarenessStates(shared.awareness);
        if (states) this.send(states);
        const queued = this.queue;
        this.queue = [];
        for (const frame of queued) if (!this.closed) this.handle(shared, frame);
      },
      (err: unknown) => {
        this.close(CollabCloseCode.Unavailable, 'document unavailable');
        this.context.logger.warn(
          `${this.docName}: connection refused: ${err instanceof Error ? err.message : String(err)}`,
        );
      },
    );
  }

  /** True once the connection closed (or began closing). */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Sends one frame, unless the socket is closing. */
  send(frame: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.ws.send(frame);
  }

  /** Closes the connection with a close code of close-codes.ts. */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
      this.ws.close(code, reason);
    }
    this.onClose();
  }

  /** Pings the client; terminates a socket that did not answer the previous ping. */
  ping(): void {
    if (!this.alive) {
      this.ws.terminate();
      return;
    }
    this.alive = false;
    this.ws.ping();
  }

  private fail(code: number, reason: string): void {
    if (code === CollabCloseCode.Malformed) this.context.counters.malformedFrames++;
    if (code === CollabCloseCode.TooLarge) this.context.counters.tooLarge++;
    this.context.logger.warn(
      `${this.docName}: closing connection of user ${this.userId} (${code}): ${reason}`,
    );
    this.close(code, reason.slice(0, 120));
  }

  private onFrame(data: Buffer, isBinary: boolean): void {
    if (this.closed) return;
    if (!isBinary) {
      this.fail(CollabCloseCode.Malformed, 'text frame');
      return;
    }
    const frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (this.shared) {
      this.handle(this.shared, frame);
      return;
    }
    this.queuedBytes += frame.byteLength;
    if (this.queuedBytes > this.context.maxFrameBytes * 4) {
      this.close(CollabCloseCode.Unavailable, 'document still loading');
      return;
    }
    this.queue.push(frame);
  }

  private handle(shared: SharedDoc, frame: Uint8Array): void {
    try {
      const message = decodeClientMessage(frame);
      switch (message.type) {
        case 'sync-step1':
          this.send(shared.syncStep2For(message.stateVector));
          break;
        case 'sync-update':
          this.receiveUpdate(shared, message.update);
          break;
        case 'awareness':
          this.awareness.receive(shared, message.entries);
          break;
        case 'query-awareness': {
          const states = encodeAwarenessStates(shared.awareness);
          if (states) this.send(states);
          break;
        }
        case 'auth':
          break;
      }
    } catch (err) {
      if (err instanceof AwarenessTooLargeError) {
        this.fail(CollabCloseCode.TooLarge, err.message);
        return;
      }
      const reason =
        err instanceof MalformedMessageError ? err.message : `unprocessable message: ${String(err)}`;
      this.fail(CollabCloseCode.Malformed, reason);
    }
  }

  private receiveUpdate(shared: SharedDoc, update: Uint8Array): void {
    const decoded = validateUpdate(update);
    if (this.access === 'read') {
      if (!updateChangesDoc(shared.doc, update)) return;
      this.readerAttempts++;
      this.context.counters.readerUpdatesDropped++;
      if (this.readerAttempts === 1) {
        this.context.logger.warn(
          `${this.docName}: update from reader ${this.userId} dropped (read-only access)`,
        );
        this.send(encodePermissionDenied('read-only: your changes to this document are not saved'));
      }
      if (this.readerAttempts > READER_ATTEMPTS_BEFORE_CLOSE) {
        this.fail(CollabCloseCode.ReadOnly, 'read-only access: changes refused');
      }
      return;
    }
    const limit = this.context.maxDocumentBytes;
    if (shared.estimatedBytes + update.byteLength > limit && shared.measure() + update.byteLength > limit) {
      this.fail(CollabCloseCode.TooLarge, 'document too large');
      return;
    }
    // Refused whole rather than kept pending: the client's sync step 2 brings it again with what it needs.
    const missing = missingDependency(shared.doc, decoded);
    if (missing) {
      this.unresolved(update.byteLength, missing);
      return;
    }
    const depth = updateDepth(shared.doc, decoded, MAX_DOCUMENT_DEPTH);
    if (depth > MAX_DOCUMENT_DEPTH) {
      this.fail(CollabCloseCode.Unprocessable, `nesting depth ${depth} above ${MAX_DOCUMENT_DEPTH}`);
      return;
    }
    // Authorship is recorded once per connection, so the check runs only until the first real change.
    if (!this.contributed && updateChangesDoc(shared.doc, update)) {
      this.contributed = true;
      this.context.onContribution(this.docName, { id: this.userId, displayName: this.displayName });
    }
    const dropped = shared.applyClientUpdate(update, this);
    if (dropped > 0) this.unresolved(dropped, 'part of the update could not be integrated');
  }

  /** Counts an update that depended on changes never received; too many close the connection. */
  private unresolved(bytes: number, reason: string): void {
    this.unresolvedUpdates++;
    this.unresolvedBytes += bytes;
    this.context.counters.unresolvedUpdatesDropped++;
    if (
      this.unresolvedUpdates > UNRESOLVED_UPDATES_BEFORE_CLOSE ||
      this.unresolvedBytes > this.context.maxFrameBytes
    ) {
      this.fail(CollabCloseCode.TooLarge, `too many updates with missing dependencies (${reason})`);
      return;
    }
    this.context.logger.debug(`${this.docName}: update of user ${this.userId} dropped: ${reason}`);
  }

  private onClose(): void {
    this.closed = true;
    this.queue = [];
    this.awareness.stop();
    if (this.released) return;
    this.released = true;
    if (this.shared) {
      this.shared = null;
      this.context.registry.release(this.docName, this);
    }
    this.context.onClosed(this);
  }
}
