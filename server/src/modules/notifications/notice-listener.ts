import type { Logger } from '@nestjs/common';
import type { DomainEventBus } from '../../common/events/domain-event-bus';
import type { DomainEvents } from '../../common/events/domain-events';

/**
 * Registers a notifier's listener of a domain event: errors are logged, never thrown, since the cause is
 * committed already and must not fail because of its notifications.
 */
export function listen<E extends keyof DomainEvents>(
  events: DomainEventBus,
  logger: Logger,
  name: E,
  work: (payload: DomainEvents[E]) => Promise<void>,
): void {
  events.on(name, async (payload) => {
    try {
      await work(payload);
    } catch (err) {
      logger.error(`${name} failed: ${(err as Error).message}`);
    }
  });
}
