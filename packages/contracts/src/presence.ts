import { z } from 'zod';
import { Id, Timestamp } from './common';

/** Places where presence is shown: a group home, a thread, a fiche. */
export const presenceScopeKinds = ['group', 'thread', 'fiche'] as const;
export const PresenceScope = z
  .string()
  .regex(/^(group|thread|fiche):[0-9a-f-]{36}$/, { message: 'Lieu de présence invalide' });
export type PresenceScope = z.infer<typeof PresenceScope>;
export const presenceScope = (kind: (typeof presenceScopeKinds)[number], id: string) => `${kind}:${id}`;

export const PresenceEntry = z.object({
  userId: Id,
  displayName: z.string(),
  online: z.boolean(),
  /** Last heartbeat: "vu à 14:32" for members who left recently. */
  lastSeenAt: Timestamp,
});
export type PresenceEntry = z.infer<typeof PresenceEntry>;

export const PresenceSnapshot = z.object({
  scope: PresenceScope,
  /** Online members first, then those seen in the last hour. */
  entries: z.array(PresenceEntry),
});
export type PresenceSnapshot = z.infer<typeof PresenceSnapshot>;

/**
 * Who a caret in a shared document belongs to, as every tab shows it (the awareness `user` field). The server
 * writes it from the connection's meeting, whatever the client announced.
 */
export interface PresenceUser {
  id: string;
  name: string;
  color: string;
}

/**
 * Colours of people in a shared document (carets, avatars). Each carries white text at 4.5:1 or more, so a
 * name label stays readable whatever colour its owner gets.
 */
export const userColors = [
  '#0d5c63',
  '#1d4f8c',
  '#8f4700',
  '#a8201a',
  '#6a3d9a',
  '#1b6b38',
  '#8a2a68',
  '#4f5b00',
] as const;

/** The same colour for the same person on every screen and in every browser, derived from the user id. */
export function userColor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return userColors[hash % userColors.length] ?? userColors[0];
}
