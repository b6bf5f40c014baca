/** What a batch answers for one of its inputs: a value, or the error of that input alone. */
export type Outcome<Out> = { ok: true; value: Out } | { ok: false; error: unknown };

interface Pending<In, Out> {
  input: In;
  resolve: (value: Out) => void;
  reject: (error: unknown) => void;
}

/** How a GroupCommit forms its batches. */
export interface GroupCommitOptions {
  /** Inputs per batch at most (200 by default). */
  maxBatch?: number;
  /** Batches written at the same time at most (1 by default). */
  maxRunning?: number;
  /**
   * How long a batch waits for company before it starts (0 by default: one `setImmediate`). Worth it
   * for work nobody waits on (notifications): fewer, larger batches under load.
   */
  lingerMs?: number;
}

/**
 * Group commit: calls made while batches are being written (or within one event-loop turn, or the
 * linger time) are written together by the next batch, with at most `maxRunning` batches in flight.
 * Under load many calls share one round of queries; alone, a call waits one `setImmediate`. Each caller
 * gets its own outcome, so one bad input fails alone.
 */
export class GroupCommit<In, Out> {
  private queue: Array<Pending<In, Out>> = [];
  private scheduled = false;
  private running = 0;
  private readonly maxBatch: number;
  private readonly maxRunning: number;
  private readonly lingerMs: number;

  constructor(
    private readonly writeBatch: (inputs: In[]) => Promise<Array<Outcome<Out>>>,
    options: GroupCommitOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 200;
    this.maxRunning = options.maxRunning ?? 1;
    this.lingerMs = options.lingerMs ?? 0;
  }

  /** Queues one input; settles when the batch that carries it is written. */
  push(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    // With every drain busy, one of them picks the new input up when its current batch is written.
    if (this.scheduled || this.running >= this.maxRunning) return;
    this.scheduled = true;
    const start = () => {
      this.scheduled = false;
      void this.drain();
    };
    if (this.lingerMs > 0) setTimeout(start, this.lingerMs);
    else setImmediate(start);
  }

  private async drain(): Promise<void> {
    if (this.running >= this.maxRunning || this.queue.length === 0) return;
    this.running++;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        let outcomes: Array<Outcome<Out>>;
        try {
          outcomes = await this.writeBatch(batch.map((p) => p.input));
        } catch (error) {
          outcomes = batch.map(() => ({ ok: false, error }));
        }
        batch.forEach((pending, i) => {
          const outcome = outcomes[i] ?? { ok: false, error: new Error('no outcome for a batched call') };
          if (outcome.ok) pending.resolve(outcome.value);
          else pending.reject(outcome.error);
        });
      }
    } finally {
      this.running--;
    }
  }
}
