/** One turn: wait for `ready` before writing, call `done` once finished (always, even on failure). */
export interface Turn {
  ready: Promise<void>;
  done: () => void;
}

/**
 * Turns taken in order: each turn is ready when the one taken before it is done. Batches take their turn
 * when they start and wait for it only to write, so a batch reads while the one before it writes.
 */
export class WriteTurns {
  private last: Promise<void> = Promise.resolve();

  take(): Turn {
    const ready = this.last;
    let done: () => void = () => {};
    const finished = new Promise<void>((resolve) => {
      done = resolve;
    });
    // A turn done early (its batch failed before writing) still does not let the next one pass an
    // earlier turn that is writing.
    this.last = Promise.all([ready, finished]).then(() => undefined);
    return { ready, done };
  }
}
