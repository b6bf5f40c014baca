import type { ThreadUpdate } from './message-batch-writer';

/** At most one `thread:updated` per thread per window while messages flow (the list needs no more). */
const WINDOW_MS = 200;

/**
 * Coalesces the `thread:updated` of busy threads: the first update goes out at once, later ones within
 * the window are folded into the newest, sent when the window ends (so the last state always arrives).
 */
export class ThreadUpdateThrottle {
  private readonly windows = new Map<string, { pending: ThreadUpdate | null; timer: NodeJS.Timeout }>();

  constructor(
    private readonly send: (update: ThreadUpdate) => void,
    private readonly windowMs = WINDOW_MS,
  ) {}

  /** Sends the update now if its thread is quiet, else keeps it (the newest wins) for the window's end. */
  offer(update: ThreadUpdate): void {
    const window = this.windows.get(update.id);
    if (!window) {
      this.send(update);
      this.open(update.id);
    } else if (!window.pending || window.pending.lastSeq <= update.lastSeq) {
      window.pending = update;
    }
  }

  /** A fresher state was sent outside the throttle (title, pin, lock): an older pending one is dropped. */
  sentDirectly(update: ThreadUpdate): void {
    const window = this.windows.get(update.id);
    if (window?.pending && window.pending.lastSeq <= update.lastSeq) window.pending = null;
  }

  /** Drops every pending update (shutdown). */
  close(): void {
    for (const { timer } of this.windows.values()) clearTimeout(timer);
    this.windows.clear();
  }

  private open(threadId: string): void {
    const timer = setTimeout(() => {
      const pending = this.windows.get(threadId)?.pending;
      this.windows.delete(threadId);
      if (pending) {
        this.send(pending);
        this.open(threadId);
      }
    }, this.windowMs);
    timer.unref();
    this.windows.set(threadId, { pending: null, timer });
  }
}
