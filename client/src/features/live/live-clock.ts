/**
 * The live timer, computed on each screen from the server's instants: a screen whose clock is off by a
 * few minutes must still show the same "12:30 / 20:00" as the facilitator's.
 */

/** How far the server's clock is ahead of ours (ms), from a state stamped `serverTime` received at `receivedAt`. */
export function clockOffset(serverTime: string, receivedAt: number): number {
  const server = Date.parse(serverTime);
  return Number.isFinite(server) ? server - receivedAt : 0;
}

/** The server's "now", from our clock and the offset. */
export function serverNow(localNow: number, offset: number): number {
  return localNow + offset;
}

/** "12:30" (minutes:seconds); past an hour "1:05:00". Negative durations count as zero. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}

export interface ItemTimer {
  elapsedMs: number;
  plannedMs: number;
  /** "12:30 / 20:00" */
  label: string;
  /** The item ran past its planned duration (an item planned for 0 minutes is never over time). */
  overTime: boolean;
  /** How much past, when over time. */
  overByMs: number;
}

/** The timer of the current item: elapsed since `itemStartedAt` (server time) against its planned duration. */
export function itemTimer(
  itemStartedAt: string | null,
  durationMinutes: number,
  localNow: number,
  offset: number,
): ItemTimer {
  const started = itemStartedAt ? Date.parse(itemStartedAt) : Number.NaN;
  const elapsedMs = Number.isFinite(started) ? Math.max(0, serverNow(localNow, offset) - started) : 0;
  const plannedMs = Math.max(0, durationMinutes) * 60_000;
  const overTime = plannedMs > 0 && elapsedMs > plannedMs;
  return {
    elapsedMs,
    plannedMs,
    label: `${formatDuration(elapsedMs)} / ${formatDuration(plannedMs)}`,
    overTime,
    overByMs: overTime ? elapsedMs - plannedMs : 0,
  };
}
