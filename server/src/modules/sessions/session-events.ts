import { Injectable, Logger } from '@nestjs/common';

/** How a session changed, for the calendars and mails that follow it. */
export type SessionChange = 'moved' | 'cancelled' | 'reinstated' | 'host';

export type ScheduledListener = (sessionId: string) => void | Promise<void>;
export type ChangedListener = (sessionId: string, change: SessionChange) => void | Promise<void>;
export type GuestInvitedListener = (sessionId: string, userId: string) => void | Promise<void>;

/**
 * Domain events of sessions, so invitations, calendar updates and reminders (the calendar module)
 * hang off the planning without the planning knowing about mail. Listeners run in the background;
 * a failing listener is logged and never undoes the change that fired it.
 */
@Injectable()
export class SessionEvents {
  private readonly logger = new Logger('SessionEvents');
  private readonly scheduledListeners: ScheduledListener[] = [];
  private readonly changedListeners: ChangedListener[] = [];
  private readonly guestListeners: GuestInvitedListener[] = [];
  private readonly pending = new Set<Promise<void>>();

  /** Called when a session gets its date (created with one, or a date poll closed): invitations go out. */
  onScheduled(listener: ScheduledListener): void {
    this.scheduledListeners.push(listener);
  }

  /** Called when a dated session is moved, changes place or host, is cancelled or reinstated. */
  onChanged(listener: ChangedListener): void {
    this.changedListeners.push(listener);
  }

  /** Called when a guest is invited to a session (the invitation of that one person). */
  onGuestInvited(listener: GuestInvitedListener): void {
    this.guestListeners.push(listener);
  }

  scheduled(sessionId: string): void {
    for (const listener of this.scheduledListeners) this.run('scheduled', () => listener(sessionId));
  }

  changed(sessionId: string, change: SessionChange): void {
    for (const listener of this.changedListeners) this.run('changed', () => listener(sessionId, change));
  }

  guestInvited(sessionId: string, userId: string): void {
    for (const listener of this.guestListeners) this.run('guestInvited', () => listener(sessionId, userId));
  }

  /** Waits for the listeners already started (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private run(event: string, call: () => void | Promise<void>): void {
    const done = Promise.resolve()
      .then(call)
      .catch((err: unknown) =>
        this.logger.warn(`${event} listener failed: ${err instanceof Error ? err.message : String(err)}`),
      )
      .finally(() => this.pending.delete(done));
    this.pending.add(done);
  }
}
