import { CollabCloseCode } from '@affluents/contracts';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { offlineCopyName, rememberOfflineCopy } from './offline-copies';

/**
 * Close codes of the `/collab/` server, by reason (the codes come from the shared contracts). 4401, 4403 and
 * 4405 mean the session or the right to write is gone: reconnecting cannot help. 4413 would resend the same
 * oversized change, 4422 the same over-nested one. 4400 and 4503 are worth another try.
 */
export const collabCloseCodes = {
  malformed: CollabCloseCode.Malformed,
  unauthenticated: CollabCloseCode.Unauthenticated,
  forbidden: CollabCloseCode.Forbidden,
  readOnly: CollabCloseCode.ReadOnly,
  tooLarge: CollabCloseCode.TooLarge,
  unprocessable: CollabCloseCode.Unprocessable,
  unavailable: CollabCloseCode.Unavailable,
} as const;

export type CollabCloseReason = keyof typeof collabCloseCodes;

const reasonByCode = new Map<number, CollabCloseReason>(
  Object.entries(collabCloseCodes).map(([reason, code]) => [code, reason as CollabCloseReason]),
);
const permanent = new Set<number>([
  collabCloseCodes.unauthenticated,
  collabCloseCodes.forbidden,
  collabCloseCodes.readOnly,
  collabCloseCodes.tooLarge,
  collabCloseCodes.unprocessable,
]);

/** The reason of a server close code, or null for codes the server does not send on purpose. */
export function closeReasonOf(code: number): CollabCloseReason | null {
  return reasonByCode.get(code) ?? null;
}

/** Whether the provider should try again after the server closed with `code`. */
export function shouldReconnectAfter(code: number): boolean {
  return !permanent.has(code);
}

/** The websocket base URL of the shared documents, on the page's own origin (the session cookie goes along). */
export function collabUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

/** A shared document open in this tab: the Yjs doc, its server connection and its copy in the browser. */
export interface DocumentConnection {
  doc: Y.Doc;
  provider: WebsocketProvider;
  persistence: IndexeddbPersistence;
  destroy(): void;
}

/**
 * Opens a shared document (`fiche:<id>`): synchronised with the server over the y-websocket protocol and kept
 * in IndexedDB, so that edits made offline survive a reload and merge once the connection is back. The copy
 * is deleted at sign-out (see offline-copies.ts).
 */
export function openDocumentConnection(docName: string): DocumentConnection {
  const doc = new Y.Doc();
  const copyName = offlineCopyName(docName);
  rememberOfflineCopy(copyName);
  const persistence = new IndexeddbPersistence(copyName, doc);
  const provider = new WebsocketProvider(collabUrl(), docName, doc, {
    shouldReconnect: (event) => shouldReconnectAfter(event.code),
  });
  let destroyed = false;
  return {
    doc,
    provider,
    persistence,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      // Tell the others at once that we left (sent while the socket is still open), rather than after the
      // 30 s awareness timeout.
      provider.awareness.setLocalState(null);
      provider.destroy();
      // The provider leaves the awareness check timer running: it has to be destroyed too.
      provider.awareness.destroy();
      void persistence.destroy();
      doc.destroy();
    },
  };
}
