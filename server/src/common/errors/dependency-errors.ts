import {
  ClientClosedError,
  ClientOfflineError,
  ConnectionTimeoutError,
  SocketClosedUnexpectedlyError,
  TimeoutError,
} from 'redis';

// Node's socket errors when a server is down, refusing, unreachable or cut off.
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// pg's own messages when a connection cannot be had, broke, or an answer did not come in time.
const pgMessages = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Query read timeout',
  'Client has encountered a connection error and is not queryable',
];

/**
 * Whether PostgreSQL answered with a state that says it cannot serve now: class 08 (connection
 * exception), 57P01-57P03 (shutting down, starting up), 53300 (too many connections).
 */
const pgUnavailableState = (code: string) =>
  code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300';

/**
 * Whether `err` means a dependency (PostgreSQL, Redis) is unreachable or did not answer in time, rather
 * than that the request or the code is wrong: such errors answer 503 `service_unavailable`.
 */
export function isDependencyUnavailable(err: unknown, depth = 0): boolean {
  // Not `instanceof Error`: Node's socket errors may come from another realm (a test's VM context).
  if (typeof err !== 'object' || err === null || depth > 4) return false;
  if (
    err instanceof ClientOfflineError ||
    err instanceof ClientClosedError ||
    err instanceof TimeoutError ||
    err instanceof ConnectionTimeoutError ||
    err instanceof SocketClosedUnexpectedlyError
  ) {
    return true;
  }
  const code = (err as { code?: unknown }).code;
  if (
    typeof code === 'string' &&
    (networkCodes.has(code) || (/^[0-9A-Z]{5}$/.test(code) && pgUnavailableState(code)))
  ) {
    return true;
  }
  const message = (err as { message?: unknown }).message;
  if (typeof message === 'string' && pgMessages.some((m) => message.includes(m))) return true;
  // TypeORM wraps the driver's error (QueryFailedError.driverError); others chain it as `cause`.
  const inner =
    (err as { driverError?: unknown; cause?: unknown }).driverError ?? (err as { cause?: unknown }).cause;
  return isDependencyUnavailable(inner, depth + 1);
}
