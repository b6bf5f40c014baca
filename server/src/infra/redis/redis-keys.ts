/**
 * Every Redis key and channel name is built here, from the one configured prefix (STYLE.md), so that
 * publishers and subscribers can never disagree and test runs can share one Redis.
 */
export function redisKeys(prefix: string) {
  return {
    /** rate-limiter-flexible key prefix for failed sign-ins per account. */
    loginFailuresByAccount: () => `${prefix}rl:login:account`,
    /** rate-limiter-flexible key prefix for sign-in attempts per client address. */
    loginAttemptsByAddress: () => `${prefix}rl:login:address`,
    /** Key used by the health check round trip. */
    healthProbe: () => `${prefix}health`,
    /** Pub/sub channel of one collaborative document: Yjs updates, awareness and sync between nodes. */
    collabDocument: (docName: string) => `${prefix}collab:doc:${docName}`,
    /** Pub/sub channel asking every node to re-check the document connections of a user. */
    collabRevalidate: () => `${prefix}collab:revalidate`,
  };
}
export type RedisKeys = ReturnType<typeof redisKeys>;
