/**
 * The last pages read, kept for a phone without network (issue 14): the service worker stores each
 * successful GET of the API in this cache, network first, and answers from it when the network is gone
 * (vite.config.ts, `runtimeCaching`). The answers hold what the groups share under professional secrecy:
 * the cache goes at sign-out and at each sign-in, with the copies of the shared documents.
 */
export const PAGES_READ_CACHE = 'affluents-pages-read';

/**
 * What the service worker keeps (Workbox routes only GET requests unless told otherwise): the API's answers,
 * except file downloads (large, and kept by the browser's HTTP cache). A regular expression on the whole
 * URL, because the service worker receives it as written here, not a function with its imports.
 */
export const PAGES_READ_URL = /^https?:\/\/[^/]+\/api\/(?!files\/)/;

/** Deletes the pages read kept in this browser; true when there was a cache to delete. */
export async function clearPagesRead(
  storage: CacheStorage | undefined = globalThis.caches,
): Promise<boolean> {
  if (!storage) return false;
  try {
    return await storage.delete(PAGES_READ_CACHE);
  } catch {
    // Cache storage can be refused (some private modes): there is then nothing kept to delete.
    return false;
  }
}
