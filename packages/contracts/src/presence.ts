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
