import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

/**
 * Runs `work` every `intervalMs` on an unref'd timer (it never keeps the process alive), one run at a
 * time, and waits for a run in flight when stopped. Errors are logged; the next tick tries again.
 */
export class PeriodicJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly name: string,
    private readonly dataSource: DataSource,
    private readonly work: () => Promise<unknown>,
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running || !this.dataSource.isInitialized) return;
    this.running = this.work()
      .then(() => undefined)
      .catch((err: Error) => new Logger(this.name).warn(`run failed: ${err.message}`))
      .finally(() => {
        this.running = null;
      });
    await this.running;
  }
}
