import { RecurringJob } from './recurring-job';

/** A promise and its resolver, to hold a run in flight. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('RecurringJob', () => {
  it('runs one at a time: a run asked for while one is in flight is skipped', async () => {
    const held = gate();
    let runs = 0;
    const job = new RecurringJob(
      'Test',
      async () => {
        runs += 1;
        await held.opened;
      },
      { intervalMs: 60_000 },
    );
    const first = job.runNow();
    await job.runNow();
    expect(runs).toBe(1);
    held.open();
    await first;
    await job.runNow();
    expect(runs).toBe(2);
  });

  it('skips runs while not ready, and survives a failing run', async () => {
    let ready = false;
    let runs = 0;
    const job = new RecurringJob(
      'Test',
      () => {
        runs += 1;
        if (runs === 1) throw new Error('boom');
      },
      { intervalMs: 60_000, ready: () => ready },
    );
    await job.runNow();
    expect(runs).toBe(0);
    ready = true;
    await job.runNow();
    await job.runNow();
    expect(runs).toBe(2);
  });

  it('ticks on its timer once started, and stop() waits for the run in flight', async () => {
    const held = gate();
    const started = gate();
    let finished = false;
    const job = new RecurringJob(
      'Test',
      async () => {
        started.open();
        await held.opened;
        finished = true;
      },
      { intervalMs: 5 },
    );
    job.start();
    await started.opened;
    const stopped = job.stop().then(() => finished);
    held.open();
    expect(await stopped).toBe(true);
    expect(job.started).toBe(false);
  });
});
