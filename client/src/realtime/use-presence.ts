import type { PresenceUser } from '@affluents/contracts';
import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';

type Awareness = WebsocketProvider['awareness'];

export interface Present extends PresenceUser {
  isSelf: boolean;
}

function isPresenceUser(value: unknown): value is PresenceUser {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.name === 'string' && typeof v.color === 'string';
}

/** The people in the document now, once each (a person with two tabs open counts once), the local user first. */
export function presentUsers(awareness: Awareness): Present[] {
  const byId = new Map<string, Present>();
  for (const [clientId, state] of awareness.getStates()) {
    const user = (state as { user?: unknown }).user;
    if (!isPresenceUser(user)) continue;
    const isSelf = clientId === awareness.clientID;
    const known = byId.get(user.id);
    byId.set(user.id, { id: user.id, name: user.name, color: user.color, isSelf: isSelf || !!known?.isSelf });
  }
  return [...byId.values()].sort(
    (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name, 'fr'),
  );
}

/** `presentUsers`, kept up to date with the awareness. */
export function usePresence(awareness: Awareness | null): Present[] {
  const [users, setUsers] = useState<Present[]>([]);
  useEffect(() => {
    if (!awareness) {
      setUsers([]);
      return;
    }
    const refresh = () => setUsers(presentUsers(awareness));
    refresh();
    awareness.on('change', refresh);
    return () => awareness.off('change', refresh);
  }, [awareness]);
  return users;
}
