import { Injectable, Logger } from '@nestjs/common';

/** Listener of the "a user's access changed" event; it re-checks that user's open connections. */
export type AccessChangedListener = (userId: string) => Promise<void>;

/**
 * The domain event "a user's access changed": one of their sessions ended (sign-out, password reset,
 * account disabled), or their platform role, a group membership or role, or a grant changed. The one
 * write path of each of those rules emits it after its change is committed; the realtime and collab
 * layers listen and re-check that user's open connections on every node (a connection whose session
 * ended closes, the others take the new rights). Services never touch connections themselves.
 */
@Injectable()
export class AccessEvents {
  private readonly logger = new Logger('AccessEvents');
  private readonly listeners: AccessChangedListener[] = [];

  /** Registers a listener (the realtime and collab layers, at start-up). */
  onChanged(listener: AccessChangedListener): void {
    this.listeners.push(listener);
  }

  /**
   * Emits the event for each user. Resolves once this node's connections are re-checked (so the answer
   * to the request that made the change comes after them); other nodes are asked without waiting for
   * them. Never throws: a failing listener is logged and the periodic check catches up.
   */
  async changed(userIds: string | readonly string[]): Promise<void> {
    const ids = typeof userIds === 'string' ? [userIds] : [...new Set(userIds)];
    await Promise.all(
      ids.flatMap((userId) =>
        this.listeners.map((listener) =>
          listener(userId).catch((err: unknown) =>
            this.logger.warn(
              `access of ${userId} not re-checked: ${err instanceof Error ? err.message : String(err)}`,
            ),
          ),
        ),
      ),
    );
  }
}
