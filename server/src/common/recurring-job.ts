import { Logger } from '@nestjs/common';

export interface RecurringJobOptions {
  /** Time between two runs. */
  intervalMs: number;
  /** A run is skipped while this says no (e.g. the database is not open yet, or already closed). */
  ready?: () => boolean;
}

/**
 * The one way Affluents runs recurring work (mail outbox, digests, reminders, session purge, revalidation
 * sweeps, presence heartbeats, document pings): every `intervalMs` on an unref'd timer (it never keeps the
 * process alive), one run at a time (a tick while a run is in flight is skipped), errors logged and the
 * next tick tries again; `stop()` waits for a run in flight.
 */
export class RecurringJob {
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    readonly name: string,
    private readonly work: () => unknown,
    private readonly options: RecurringJobOptions,
  ) {
    this.logger = new Logger(name);
  }

  get started(): boolean {
    return this.timer !== null;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.runNow(), this.options.intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a run in flight. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Runs the work now, unless a run is in flight or the job is not ready; resolves when it is over. */
  async runNow(): Promise<void> {
    if (this.running || (this.options.ready && !this.options.ready())) return;
    // The work starts on a later tick, so that `running` is set before it can end (even synchronously).
    const run: Promise<void> = Promise.resolve()
      .then(() => this.work())
      .then(
        () => undefined,
        (err: unknown) => this.logger.warn(`run failed: ${err instanceof Error ? err.message : String(err)}`),
      )
      .finally(() => {
        if (this.running === run) this.running = null;
      });
    this.running = run;
    await this.running;
  }
}
