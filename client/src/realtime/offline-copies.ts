/** Prefix of the IndexedDB databases where y-indexeddb keeps the fiches' copies (see document-session.ts). */
export const OFFLINE_FICHE_PREFIX = 'affluents:fiche:';

/** Names of the copies opened in this tab: the fallback where `indexedDB.databases()` is missing. */
const openedHere = new Set<string>();

/** Records a fiche copy opened in this tab, so that sign-out can remove it even without `databases()`. */
export function rememberOfflineCopy(name: string): void {
  if (name.startsWith(OFFLINE_FICHE_PREFIX)) openedHere.add(name);
}

function deleteDatabase(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = factory.deleteDatabase(name);
    // A copy still open in this tab blocks the deletion until it closes (the fiche page unmounts at sign-out):
    // the request stays queued, so there is nothing to wait for here.
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    request.onblocked = () => resolve();
  });
}

/**
 * Deletes the fiche copies kept in this browser (the groups work under shared professional secrecy): every
 * `affluents:fiche:*` database, and no other. Returns the names it asked to delete.
 */
export async function clearOfflineCopies(
  factory: IDBFactory | undefined = globalThis.indexedDB,
): Promise<string[]> {
  if (!factory) return [];
  const names = new Set(openedHere);
  if (typeof factory.databases === 'function') {
    try {
      for (const db of await factory.databases())
        if (db.name?.startsWith(OFFLINE_FICHE_PREFIX)) names.add(db.name);
    } catch {
      // Listing may be refused (private browsing): the copies opened here are still removed.
    }
  }
  openedHere.clear();
  await Promise.all([...names].map((name) => deleteDatabase(factory, name)));
  return [...names];
}
