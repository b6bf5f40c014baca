import { Injectable, Logger } from '@nestjs/common';

/** How a meeting changed, for the calendars and mails that follow it. */
export type MeetingChange = 'moved' | 'cancelled' | 'reinstated' | 'host';

export type ScheduledListener = (meetingId: string) => void | Promise<void>;
export type ChangedListener = (meetingId: string, change: MeetingChange) => void | Promise<void>;
export type GuestInvitedListener = (meetingId: string, userId: string) => void | Promise<void>;

/**
 * Domain events of meetings, so invitations, calendar updates and reminders (the calendar module)
 * hang off the planning without the planning knowing about mail. Listeners run in the background;
 * a failing listener is logged and never undoes the change that fired it.
 */
@Injectable()
export class MeetingEvents {
  private readonly logger = new Logger('MeetingEvents');
  private readonly scheduledListeners: ScheduledListener[] = [];
  private readonly changedListeners: ChangedListener[] = [];
  private readonly guestListeners: GuestInvitedListener[] = [];
  private readonly pending = new Set<Promise<void>>();

  /** Called when a meeting gets its date (created with one, or a date poll closed): invitations go out. */
  onScheduled(listener: ScheduledListener): void {
    this.scheduledListeners.push(listener);
  }

  /** Called when a dated meeting is moved, changes place or host, is cancelled or reinstated. */
  onChanged(listener: ChangedListener): void {
    this.changedListeners.push(listener);
  }

  /** Called when a guest is invited to a meeting (the invitation of that one person). */
  onGuestInvited(listener: GuestInvitedListener): void {
    this.guestListeners.push(listener);
  }

  scheduled(meetingId: string): void {
    for (const listener of this.scheduledListeners) this.run('scheduled', () => listener(meetingId));
  }

  changed(meetingId: string, change: MeetingChange): void {
    for (const listener of this.changedListeners) this.run('changed', () => listener(meetingId, change));
  }

  guestInvited(meetingId: string, userId: string): void {
    for (const listener of this.guestListeners) this.run('guestInvited', () => listener(meetingId, userId));
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
