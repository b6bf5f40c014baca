import type { PresenceUser } from '@affluents/contracts';
import { useCallback, useEffect, useState } from 'react';
import {
  type CollabCloseReason,
  closeReasonOf,
  type DocumentConnection,
  openDocumentConnection,
} from './document-connection';

/** What the person sees of the connection: "Synchronisé", "Synchronisation…", "Hors ligne". */
export type ConnectionState = 'synced' | 'syncing' | 'offline';

export interface DocumentConnectionState {
  connection: DocumentConnection | null;
  status: ConnectionState;
  /** Why the server last closed the connection, until the next successful synchronisation. */
  closeReason: CollabCloseReason | null;
  /** The provider gave up (auth or access lost, document too large) until `reconnect()`. */
  stopped: boolean;
  /** The text is there, from this browser's copy or from the server: editing cannot duplicate anything. */
  loaded: boolean;
  /** Connections lost or refused since the last synchronisation (a refused upgrade gives no close code). */
  failures: number;
  reconnect(): void;
}

/**
 * "Synchronisé" once the server has confirmed the state; "Hors ligne" when the browser is offline, the
 * server refused us or a connection failed (reconnection attempts would otherwise make the label flicker);
 * "Synchronisation…" while the first connection is under way.
 */
export function connectionState(s: {
  online: boolean;
  stopped: boolean;
  synced: boolean;
  failures: number;
}): ConnectionState {
  if (s.synced && s.online && !s.stopped) return 'synced';
  if (!s.online || s.stopped || s.failures > 0) return 'offline';
  return 'syncing';
}

function useOnline(): boolean {
  const [online, setOnline] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/**
 * Opens the shared document `docName` for as long as the component is mounted, announces `user` in it (the
 * server replaces the name and colour with the signed-in person.s: others always see who is really there) and
 * follows the connection. Everything opened is destroyed on unmount (socket, awareness, IndexedDB, doc).
 */
export function useDocumentConnection(
  docName: string | null,
  user: PresenceUser | null,
): DocumentConnectionState {
  const [connection, setConnection] = useState<DocumentConnection | null>(null);
  const [synced, setSynced] = useState(false);
  const [failures, setFailures] = useState(0);
  const [closeReason, setCloseReason] = useState<CollabCloseReason | null>(null);
  const [stopped, setStopped] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const online = useOnline();

  useEffect(() => {
    if (!docName) return;
    const opened = openDocumentConnection(docName);
    const { provider, persistence, doc } = opened;
    setSynced(false);
    setFailures(0);
    setCloseReason(null);
    setStopped(false);
    setLoaded(false);
    provider.on('sync', (isSynced: boolean) => {
      setSynced(isSynced);
      if (!isSynced) return;
      setLoaded(true);
      setFailures(0);
      setCloseReason(null);
    });
    provider.on('connection-close', (event: CloseEvent | null) => {
      setSynced(false);
      setFailures((n) => n + 1);
      const reason = event ? closeReasonOf(event.code) : null;
      if (reason) setCloseReason(reason);
    });
    provider.on('closed', () => setStopped(true));
    persistence.on('synced', () => {
      if (doc.store.clients.size > 0) setLoaded(true);
    });
    setConnection(opened);
    return () => {
      opened.destroy();
      setConnection(null);
    };
  }, [docName]);

  const userId = user?.id;
  const userName = user?.name;
  const userColor = user?.color;
  useEffect(() => {
    if (!connection || !userId || !userName || !userColor) return;
    connection.provider.awareness.setLocalStateField('user', {
      id: userId,
      name: userName,
      color: userColor,
    });
  }, [connection, userId, userName, userColor]);

  const reconnect = useCallback(() => {
    if (!connection) return;
    setStopped(false);
    connection.provider.connect();
  }, [connection]);

  const status = connectionState({ online, stopped, synced, failures });
  return { connection, status, closeReason, stopped, loaded, failures, reconnect };
}
