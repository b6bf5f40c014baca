import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

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

  /** Notes that updates of a document were stored; listeners hear of it after the quiet period. */
  stored(docName: string): void {
    if (this.listeners.length === 0) return;
    const previous = this.timers.get(docName);
    if (previous) clearTimeout(previous);
    this.timers.set(
      docName,
      setTimeout(() => void this.emit(docName), this.config.collab.storedEventDelayMs),
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
