import { Inject, Injectable, Logger } from '@nestjs/common';
import * as Y from 'yjs';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { CollabEvents } from '../collab-events';
import { CollabStore } from './collab-store';

// Y.mergeUpdates grows quadratically with the number of updates (shared/data/README.md): merge small
// groups only; a long backlog after an outage becomes a few rows of one multi-row INSERT.
const MERGE_GROUP = 64;
const MAX_RETRY_DELAY_MS = 10_000;

interface PendingDoc {
  updates: Uint8Array[];
  /** When the oldest pending update arrived. */
  since: number;
  timer: NodeJS.Timeout | null;
  /** The one write in flight for this document; resolves to false when it failed. */
  inFlight: Promise<boolean> | null;
  failures: number;
}

/** Persistence health, for GET /api/health. */
export interface WriterHealth {
  state: 'ok' | 'retrying';
  pendingUpdates: number;
  failingDocuments: number;
}

/**
 * Write-behind of client updates. Each document has at most one write in flight; updates arriving
 * meanwhile wait and go together in the next one, so a slow database sees fewer, larger writes instead
 * of a storm. While the database is healthy an update waits at most COLLAB_FLUSH_DELAY_MS; after a
 * failure, the batch is kept and retried with backoff until the database is back.
 */
@Injectable()
export class UpdateWriter {
  private readonly logger = new Logger('CollabPersistence');
  private readonly pending = new Map<string, PendingDoc>();
  private compactionListener: (docName: string) => void = () => undefined;

  constructor(
    private readonly store: CollabStore,
    private readonly events: CollabEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Called with a document name when it has more updates than COLLAB_COMPACT_AFTER_UPDATES. */
  onCompactionNeeded(listener: (docName: string) => void): void {
    this.compactionListener = listener;
  }

  /** Queues an update a client made, to be written within the flush delay. */
  enqueue(docName: string, update: Uint8Array): void {
    let p = this.pending.get(docName);
    if (!p) {
      p = { updates: [], since: Date.now(), timer: null, inFlight: null, failures: 0 };
      this.pending.set(docName, p);
    }
    if (p.updates.length === 0) p.since = Date.now();
    p.updates.push(update);
    this.schedule(docName, p);
  }

  /** True when the document has nothing waiting and nothing being written. */
  isIdle(docName: string): boolean {
    const p = this.pending.get(docName);
    return !p || (p.updates.length === 0 && p.inFlight === null);
  }

  /** Writes everything pending for the document now; rejects if the database refuses it. */
  async flush(docName: string): Promise<void> {
    const p = this.pending.get(docName);
    if (!p) return;
    for (;;) {
      if (p.inFlight) {
        if (!(await p.inFlight)) throw new Error(`updates of ${docName} could not be written`);
        continue;
      }
      if (p.updates.length === 0) return;
      this.run(docName, p);
    }
  }

  /** Flushes every document; resolves with the number of updates that could not be written. */
  async flushAll(): Promise<number> {
    await Promise.allSettled([...this.pending.keys()].map((name) => this.flush(name)));
    return this.pendingUpdates();
  }

  /** Stops the timers (shutdown, after flushAll). */
  stop(): void {
    for (const p of this.pending.values()) if (p.timer) clearTimeout(p.timer);
    this.pending.clear();
  }

  health(): WriterHealth {
    let failing = 0;
    for (const p of this.pending.values()) if (p.failures > 0) failing++;
    return {
      state: failing > 0 ? 'retrying' : 'ok',
      pendingUpdates: this.pendingUpdates(),
      failingDocuments: failing,
    };
  }

  private pendingUpdates(): number {
    let total = 0;
    for (const p of this.pending.values()) total += p.updates.length;
    return total;
  }

  private schedule(docName: string, p: PendingDoc): void {
    if (p.timer || p.inFlight || p.updates.length === 0) return;
    const delay =
      p.failures > 0
        ? Math.min(this.config.collab.flushDelayMs * 2 ** p.failures, MAX_RETRY_DELAY_MS)
        : Math.max(0, this.config.collab.flushDelayMs - (Date.now() - p.since));
    p.timer = setTimeout(() => {
      p.timer = null;
      this.run(docName, p);
    }, delay);
  }

  private run(docName: string, p: PendingDoc): void {
    if (p.inFlight || p.updates.length === 0) return;
    if (p.timer) {
      clearTimeout(p.timer);
      p.timer = null;
    }
    const batch = p.updates;
    p.updates = [];
    p.inFlight = this.write(docName, batch).then(
      (count) => {
        if (p.failures > 0)
          this.logger.log(`${docName}: updates written again after ${p.failures} failed attempts`);
        p.failures = 0;
        this.events.stored(docName);
        if (count > this.config.collab.compactAfterUpdates) this.compactionListener(docName);
        return true;
      },
      (err: unknown) => {
        p.updates = batch.concat(p.updates);
        p.failures++;
        if (p.failures === 1 || p.failures % 10 === 0) {
          this.logger.warn(
            `${docName}: ${p.updates.length} updates not written (attempt ${p.failures}), kept in memory: ${err instanceof Error ? err.message : String(err)}`,
          );
        }
        return false;
      },
    );
    void p.inFlight.then(() => {
      p.inFlight = null;
      if (p.updates.length > 0) {
        p.since = Math.min(p.since, Date.now());
        this.schedule(docName, p);
      } else if (!p.timer && this.pending.get(docName) === p) {
        this.pending.delete(docName);
      }
    });
  }

  private write(docName: string, batch: Uint8Array[]): Promise<number> {
    const rows: Uint8Array[] = [];
    for (let i = 0; i < batch.length; i += MERGE_GROUP) {
      const group = batch.slice(i, i + MERGE_GROUP);
      rows.push(group.length === 1 ? group[0] : Y.mergeUpdates(group));
    }
    return this.store.append(docName, rows);
  }
}
