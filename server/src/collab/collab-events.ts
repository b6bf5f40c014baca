import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** A document stored without pause is announced at least every this many quiet periods. */
const STORED_EVENT_MAX_WAIT_FACTOR = 5;

/** Listener of the "updates of a document were stored" event. */
export type StoredListener = (docName: string) => void | Promise<void>;
/** Listener of the "a user changed a document" event (first change of each connection). */
export type ContributionListener = (docName: string, userId: string) => void | Promise<void>;

/**
 * Domain events of the documents, for side effects that persistence must not know about (search
 * indexing, authorship). `stored` fires once per quiet period (COLLAB_STORED_EVENT_DELAY_MS) after
 * updates of a document were written, on the node that wrote them.
 */
@Injectable()
export class CollabEvents {
  private readonly logger = new Logger('CollabEvents');
  private readonly listeners: StoredListener[] = [];
  private readonly contributionListeners: ContributionListener[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** When the oldest store not yet announced happened, per document. */
  private readonly firstStoredAt = new Map<string, number>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Registers a listener called with the name of a document whose updates were stored. */
  onStored(listener: StoredListener): void {
    this.listeners.push(listener);
  }

  /** Registers a listener called when a user makes their first change to a document in a connection. */
  onContributed(listener: ContributionListener): void {
    this.contributionListeners.push(listener);
  }

  /** Notes that `userId` changed `docName`; listeners run in the background, failures are logged. */
  contributed(docName: string, userId: string): void {
    for (const listener of this.contributionListeners) {
      Promise.resolve()
        .then(() => listener(docName, userId))
        .catch((err: unknown) =>
          this.logger.warn(
            `contribution listener failed for ${docName}: ${err instanceof Error ? err.message : String(err)}`,
          ),
        );
    }
  }

  /**
   * Notes that updates of a document were stored; listeners hear of it after the quiet period, or at the
   * latest STORED_EVENT_MAX_WAIT_FACTOR quiet periods after the first unannounced store, so a fiche edited
   * without pause is still indexed while people type.
   */
  stored(docName: string): void {
    if (this.listeners.length === 0) return;
    const delay = this.config.collab.storedEventDelayMs;
    const previous = this.timers.get(docName);
    const firstAt = this.firstStoredAt.get(docName) ?? Date.now();
    if (previous) clearTimeout(previous);
    this.firstStoredAt.set(docName, firstAt);
    const wait = Math.max(0, Math.min(delay, firstAt + delay * STORED_EVENT_MAX_WAIT_FACTOR - Date.now()));
    this.timers.set(
      docName,
      setTimeout(() => void this.emit(docName), wait),
    );
  }

  /** Emits every pending event now (shutdown) and waits for the listeners. */
  async drain(): Promise<void> {
    const names = [...this.timers.keys()];
    for (const t of this.timers.values()) clearTimeout(t);
    await Promise.all(names.map((name) => this.emit(name)));
  }

  private async emit(docName: string): Promise<void> {
    this.timers.delete(docName);
    this.firstStoredAt.delete(docName);
    for (const listener of this.listeners) {
      try {
        await listener(docName);
      } catch (err) {
        this.logger.warn(
          `stored listener failed for ${docName}: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
    }
  }
}
