import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import type { DomainEventName, DomainEvents } from './domain-events';

/** A listener of one domain event. */
export type DomainEventListener<E extends DomainEventName> = (
  payload: DomainEvents[E],
) => void | Promise<void>;

/**
 * The one in-process bus of domain events (names and payloads in `DomainEvents`). Listeners run in the
 * background, side by side; a failing listener is logged and never undoes, nor fails, the change that
 * emitted the event. Written here rather than taken from a library: @nestjs/event-emitter names events
 * by untyped strings, and emittery rejects on the first failing listener and cannot wait for listeners
 * already started; this class is both of them in a few lines, typed from one map.
 */
@Injectable()
export class DomainEventBus implements BeforeApplicationShutdown {
  private readonly logger = new Logger('DomainEvents');
  private readonly listeners: { [E in DomainEventName]?: Array<DomainEventListener<E>> } = {};
  private readonly pending = new Set<Promise<void>>();

  /** Registers a listener (modules do it at start-up); the returned function removes it. */
  on<E extends DomainEventName>(event: E, listener: DomainEventListener<E>): () => void {
    const list: Array<DomainEventListener<E>> = this.listeners[event] ?? [];
    this.listeners[event] = list as (typeof this.listeners)[E];
    list.push(listener);
    return () => {
      const at = list.indexOf(listener);
      if (at >= 0) list.splice(at, 1);
    };
  }

  /** Whether anyone listens to `event` (lets an emitter skip the work of preparing it). */
  listens(event: DomainEventName): boolean {
    return (this.listeners[event]?.length ?? 0) > 0;
  }

  /**
   * Starts the listeners of `event` in the background. The promise resolves when they have all finished
   * and never rejects: await it only when an answer must come after the side effects (access changes).
   */
  emit<E extends DomainEventName>(event: E, payload: DomainEvents[E]): Promise<void> {
    const list: Array<DomainEventListener<E>> = this.listeners[event] ?? [];
    return Promise.all(list.map((listener) => this.run(event, () => listener(payload)))).then(
      () => undefined,
    );
  }

  /** Waits for every listener already started, and for those they started in turn (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Runs before the database closes: side effects under way finish first. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  private run(event: DomainEventName, call: () => void | Promise<void>): Promise<void> {
    const done: Promise<void> = Promise.resolve()
      .then(call)
      .then(
        () => undefined,
        (err: unknown) =>
          this.logger.warn(`${event} listener failed: ${err instanceof Error ? err.message : String(err)}`),
      )
      .finally(() => this.pending.delete(done));
    this.pending.add(done);
    return done;
  }
}
