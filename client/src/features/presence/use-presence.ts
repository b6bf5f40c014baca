import type { PresenceSnapshot } from '@affluents/contracts';
import { useEffect, useState } from 'react';
import { getSocket, request, useSocketEvent } from '../../realtime/socket';

/**
 * Who is in a place (`group:<id>`, `thread:<id>`, `fiche:<id>`): joins its presence while mounted, again after
 * each reconnection (the server forgets a socket that went away), and follows the snapshots the server pushes.
 * `null` until the first snapshot, or when the server refused the scope.
 */
export function usePresence(scope: string): PresenceSnapshot | null {
  const [snapshot, setSnapshot] = useState<PresenceSnapshot | null>(null);

  const join = () => {
    request('presence:join', { scope })
      .then((joined) => {
        if (joined.scope === scope) setSnapshot(joined);
      })
      // Presence is a courtesy: a refusal or a timeout leaves the place without avatars, nothing more.
      .catch(() => setSnapshot(null));
  };

  useSocketEvent('connect', join);
  useSocketEvent('presence:updated', (next) => {
    if (next.scope === scope) setSnapshot(next);
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: joins once per scope; `join` reads the same scope
  useEffect(() => {
    setSnapshot(null);
    // Before the first connection, the `connect` listener above does the joining.
    if (getSocket().connected) join();
    return () => {
      request('presence:leave', { scope }).catch(() => undefined);
    };
  }, [scope]);

  return snapshot;
}
