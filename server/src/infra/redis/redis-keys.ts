/**
 * Every Redis key and channel name is built here, from the one configured prefix, so that
 * publishers and subscribers can never disagree and test runs can share one Redis.
 */
export function redisKeys(prefix: string) {
  return {
    /** Hash of one sign-in or password-reset throttle count (modules/auth/throttle-store.ts); `id` is a digest. */
    authThrottle: (scope: AuthThrottleScope, id: string) => `${prefix}rl:auth:${scope}:${id}`,
    /** Pub/sub channel of one collaborative document: Yjs updates, awareness and sync between nodes. */
    collabDocument: (docName: string) => `${prefix}collab:doc:${docName}`,
    /** Pub/sub channel asking every node to re-check the document connections of a user. */
    collabRevalidate: () => `${prefix}collab:revalidate`,
    /** Key prefix of one socket event's per-user limit (e.g. `message:send`), counted by realtime/shared-rate-limit.ts. */
    socketEventLimit: (limitName: string) => `${prefix}rl:socket:${limitName}`,
    /** Channel prefix of the Socket.IO Redis adapter (room events and server-side events between nodes). */
    socketIoAdapter: () => `${prefix}socket.io`,
    /** Set of the presence scopes that may hold entries, walked by each node's expiry sweep. */
    presenceScopes: () => `${prefix}presence:scopes`,
    /** Sorted set of `<userId>|<socketId>` present in a scope, scored by their last heartbeat (ms). */
    presenceOnline: (scope: string) => `${prefix}presence:online:${scope}`,
    /** Sorted set of user ids seen in a scope, scored by when they were last seen (ms); kept one hour. */
    presenceSeen: (scope: string) => `${prefix}presence:seen:${scope}`,
  };
}
/** What an auth throttle counts against (modules/auth/login-rate-limiter.ts). */
export type AuthThrottleScope =
  | 'login-pair'
  | 'login-account'
  | 'login-address'
  | 'login-device'
  | 'reset-account'
  | 'reset-address';

export type RedisKeys = ReturnType<typeof redisKeys>;
