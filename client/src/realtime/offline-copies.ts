/**
 * The IndexedDB database where y-indexeddb keeps this browser's copy of a shared document (see
 * document-connection.ts): `affluents:` and the document's name, whatever its kind (a fiche, a meeting's agenda
 * or notes).
 */
export const offlineCopyName = (docName: string) => `affluents:${docName}`;

/** Every shared document's copy: `affluents:<kind>:<uuid>`, and nothing else. */
const OFFLINE_COPY = /^affluents:[a-z][a-z-]*:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isOfflineCopy = (name: string | undefined): name is string => !!name && OFFLINE_COPY.test(name);

/** Names of the copies opened in this tab: the fallback where `indexedDB.databases()` is missing. */
const openedHere = new Set<string>();

/** Records a document copy opened in this tab, so that sign-out can remove it even without `databases()`. */
export function rememberOfflineCopy(name: string): void {
  if (isOfflineCopy(name)) openedHere.add(name);
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
 * Deletes the document copies kept in this browser (the groups work under shared professional secrecy):
 * fiches, meeting agendas and notes, every `affluents:<kind>:<uuid>` database and no other. Returns the
 * names it asked to delete.
 */
export async function clearOfflineCopies(
  factory: IDBFactory | undefined = globalThis.indexedDB,
): Promise<string[]> {
  if (!factory) return [];
  const names = new Set(openedHere);
  if (typeof factory.databases === 'function') {
    try {
      for (const db of await factory.databases()) if (isOfflineCopy(db.name)) names.add(db.name);
    } catch {
      // Listing may be refused (private browsing): the copies opened here are still removed.
    }
  }
  openedHere.clear();
  await Promise.all([...names].map((name) => deleteDatabase(factory, name)));
  return [...names];
}
