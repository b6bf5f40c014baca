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
  /** Failed writes in a row; while above 0 the document waits for `retryAt`. */
  failures: number;
  retryAt: number;
}

/** Persistence health, for GET /api/health. */
export interface WriterHealth {
  state: 'ok' | 'retrying';
  pendingUpdates: number;
  failingDocuments: number;
}

/**
 * Write-behind of client updates, in rounds: one round writes the pending updates of every document
 * of the node in one statement (CollabStore.appendMany), so the database sees one write per round
 * however many documents are being edited. At most one round is in flight; updates arriving meanwhile
 * go in the next one. While the database is healthy an update waits at most COLLAB_FLUSH_DELAY_MS
 * plus the round before it. When a round fails, each of its documents is tried alone, so one document
 * the database refuses cannot hold the others back; a document that still fails keeps its updates in
 * memory and is retried with backoff until the database takes them.
 */
@Injectable()
export class UpdateWriter {
  private readonly logger = new Logger('CollabPersistence');
  private readonly pending = new Map<string, PendingDoc>();
  private compactionListener: (docName: string) => void = () => undefined;
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  /** Documents whose updates the round in flight is writing. */
  private readonly writing = new Set<string>();
  private stopped = false;

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
      p = { updates: [], since: Date.now(), failures: 0, retryAt: 0 };
      this.pending.set(docName, p);
    }
    if (p.updates.length === 0) p.since = Date.now();
    p.updates.push(update);
    this.schedule();
  }

  /** True when the document has nothing waiting and nothing being written. */
  isIdle(docName: string): boolean {
    const p = this.pending.get(docName);
    return (!p || p.updates.length === 0) && !this.writing.has(docName);
  }

  /** Writes everything pending for the document now; rejects if the database refuses it. */
  async flush(docName: string): Promise<void> {
    for (;;) {
      if (this.inFlight) {
        await this.inFlight;
        continue;
      }
      const p = this.pending.get(docName);
      if (!p || p.updates.length === 0) return;
      const failures = p.failures;
      await this.round([docName]);
      const after = this.pending.get(docName);
      if (after && after.updates.length > 0 && after.failures > failures) {
        throw new Error(`updates of ${docName} could not be written`);
      }
    }
  }

  /** Flushes every document; resolves with the number of updates that could not be written. */
  async flushAll(): Promise<number> {
    while (this.inFlight) await this.inFlight;
    if (this.pendingUpdates() > 0) await this.round([...this.pending.keys()]);
    return this.pendingUpdates();
  }

  /** Stops the timer (shutdown, after flushAll). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
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

  /** Arms the timer for the earliest document due: its oldest update's deadline, or its retry time. */
  private schedule(): void {
    if (this.timer || this.inFlight || this.stopped) return;
    let due = Number.POSITIVE_INFINITY;
    for (const p of this.pending.values()) {
      if (p.updates.length === 0) continue;
      due = Math.min(due, p.failures > 0 ? p.retryAt : p.since + this.config.collab.flushDelayMs);
    }
    if (due === Number.POSITIVE_INFINITY) return;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        void this.round();
      },
      Math.max(0, due - Date.now()),
    );
  }

  /**
   * Writes one round: the documents asked for, or else every healthy document with pending updates
   * (not only the one whose deadline came: writing the others early costs nothing and saves rounds)
   * and every failing document whose retry time came.
   */
  private round(only?: string[]): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const now = Date.now();
    const batches: Array<{ name: string; updates: Uint8Array[] }> = [];
    const names = only ?? [...this.pending.keys()];
    for (const name of names) {
      const p = this.pending.get(name);
      if (!p || p.updates.length === 0) continue;
      if (!only && p.failures > 0 && p.retryAt > now) continue;
      batches.push({ name, updates: p.updates });
      p.updates = [];
      this.writing.add(name);
    }
    if (batches.length === 0) {
      this.schedule();
      return Promise.resolve();
    }
    const done = this.writeRound(batches).finally(() => {
      this.writing.clear();
      this.inFlight = null;
      for (const [name, p] of this.pending)
        if (p.updates.length === 0 && p.failures === 0) this.pending.delete(name);
      this.schedule();
    });
    this.inFlight = done;
    return done;
  }

  private async writeRound(batches: Array<{ name: string; updates: Uint8Array[] }>): Promise<void> {
    try {
      this.written(
        await this.store.appendMany(batches.map((b) => ({ name: b.name, updates: rowsOf(b.updates) }))),
      );
      return;
    } catch (err) {
      if (batches.length === 1) {
        this.failed(batches[0], err);
        return;
      }
    }
    // The round as a whole was refused: each document alone, so a document the database refuses
    // (or an outage) is found out without holding the others back.
    for (const batch of batches) {
      try {
        this.written(await this.store.appendMany([{ name: batch.name, updates: rowsOf(batch.updates) }]));
      } catch (err) {
        this.failed(batch, err);
      }
    }
  }

  private written(counts: Map<string, number>): void {
    for (const [name, count] of counts) {
      const p = this.pending.get(name);
      if (p && p.failures > 0) {
        this.logger.log(`${name}: updates written again after ${p.failures} failed attempts`);
        p.failures = 0;
        p.retryAt = 0;
      }
      this.events.stored(name);
      if (count > this.config.collab.compactAfterUpdates) this.compactionListener(name);
    }
  }

  private failed(batch: { name: string; updates: Uint8Array[] }, err: unknown): void {
    let p = this.pending.get(batch.name);
    if (!p) {
      p = { updates: [], since: Date.now(), failures: 0, retryAt: 0 };
      this.pending.set(batch.name, p);
    }
    // The batch goes back in front of what arrived meanwhile, in order.
    p.updates = batch.updates.concat(p.updates);
    p.failures++;
    p.retryAt = Date.now() + Math.min(this.config.collab.flushDelayMs * 2 ** p.failures, MAX_RETRY_DELAY_MS);
    if (p.failures === 1 || p.failures % 10 === 0) {
      this.logger.warn(
        `${batch.name}: ${p.updates.length} updates not written (attempt ${p.failures}), kept in memory: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
}

/** Stored rows of a batch: its updates merged by small groups. */
function rowsOf(batch: Uint8Array[]): Uint8Array[] {
  const rows: Uint8Array[] = [];
  for (let i = 0; i < batch.length; i += MERGE_GROUP) {
    const group = batch.slice(i, i + MERGE_GROUP);
    rows.push(group.length === 1 ? group[0] : Y.mergeUpdates(group));
  }
  return rows;
}
