import type { PersonRef } from '@affluents/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { DomainEventBus } from '../common/events/domain-event-bus';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** A document stored without pause is announced at least every this many quiet periods. */
const STORED_EVENT_MAX_WAIT_FACTOR = 5;

/**
 * Says on the DomainEventBus what happened to the documents, for side effects that persistence must not
 * know about (search indexing, authorship, mentions): `document.contributed` at once, `document.stored`
 * once per quiet period (COLLAB_STORED_EVENT_DELAY_MS) after updates of a document were written, on the
 * node that wrote them. The quiet period decides when the event is emitted; the bus runs the listeners.
 */
@Injectable()
export class CollabEvents {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** When the oldest store not yet announced happened, per document. */
  private readonly firstStoredAt = new Map<string, number>();
  /** Announcements of stores under way (drain waits for their listeners). */
  private readonly announcing = new Set<Promise<void>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly bus: DomainEventBus,
  ) {}

  /** Notes that `user` made their first change to `docName` in a connection. */
  contributed(docName: string, user: PersonRef): void {
    void this.bus.emit('document.contributed', { docName, user });
  }

  /**
   * Notes that updates of a document were stored; listeners hear of it after the quiet period, or at the
   * latest STORED_EVENT_MAX_WAIT_FACTOR quiet periods after the first unannounced store, so a fiche edited
   * without pause is still indexed while people type.
   */
  stored(docName: string): void {
    if (!this.bus.listens('document.stored')) return;
    const delay = this.config.collab.storedEventDelayMs;
    const previous = this.timers.get(docName);
    const firstAt = this.firstStoredAt.get(docName) ?? Date.now();
    if (previous) clearTimeout(previous);
    this.firstStoredAt.set(docName, firstAt);
    const wait = Math.max(0, Math.min(delay, firstAt + delay * STORED_EVENT_MAX_WAIT_FACTOR - Date.now()));
    this.timers.set(
      docName,
      setTimeout(() => void this.announce(docName), wait),
    );
  }

  /** Emits every pending event now (shutdown) and waits for the listeners of every announcement. */
  async drain(): Promise<void> {
    const names = [...this.timers.keys()];
    for (const t of this.timers.values()) clearTimeout(t);
    for (const name of names) void this.announce(name);
    while (this.announcing.size > 0) await Promise.all([...this.announcing]);
  }

  private announce(docName: string): Promise<void> {
    this.timers.delete(docName);
    this.firstStoredAt.delete(docName);
    const done: Promise<void> = this.bus
      .emit('document.stored', { docName })
      .finally(() => this.announcing.delete(done));
    this.announcing.add(done);
    return done;
  }
}
