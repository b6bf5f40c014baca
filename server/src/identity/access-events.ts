import { Injectable } from '@nestjs/common';
import { DomainEventBus } from '../common/events/domain-event-bus';

/** Listener of the "a user's access changed" event; it re-checks that user's open connections. */
export type AccessChangedListener = (userId: string) => Promise<void>;

/**
 * The `access.changed` domain event (see DomainEvents) as the write paths of access rules use it: the
 * one write path of each rule emits it after its change is committed; the realtime and collab layers
 * listen and re-check that user's open connections on every node (a connection whose session ended
 * closes, the others take the new rights). Services never touch connections themselves.
 */
@Injectable()
export class AccessEvents {
  constructor(private readonly bus: DomainEventBus) {}

  /** Registers a listener (the realtime and collab layers, at start-up). */
  onChanged(listener: AccessChangedListener): void {
    this.bus.on('access.changed', ({ userId }) => listener(userId));
  }

  /**
   * Emits the event for each user. Resolves once this node's connections are re-checked (so the answer
   * to the request that made the change comes after them); other nodes are asked without waiting for
   * them. Never throws: a failing listener is logged and the periodic check catches up.
   */
  async changed(userIds: string | readonly string[]): Promise<void> {
    const ids = typeof userIds === 'string' ? [userIds] : [...new Set(userIds)];
    await Promise.all(ids.map((userId) => this.bus.emit('access.changed', { userId })));
  }
}
