import { z } from 'zod';
import { Id, Label, Timestamp } from './common';
import { GroupKind, groupKinds, MembershipRole } from './enums';

/** A group as listed on the bassins overview. */
export const GroupSummary = z.object({
  id: Id,
  kind: GroupKind,
  bassinId: Id,
  memberCount: z.number().int(),
  isMember: z.boolean(),
  myRole: MembershipRole.nullable(),
});
export type GroupSummary = z.infer<typeof GroupSummary>;

/** GET /api/bassins: every bassin with its groups (the three kinds, in a fixed order). */
export const BassinSummary = z.object({
  id: Id,
  name: z.string(),
  slug: z.string(),
  archivedAt: Timestamp.nullable(),
  mergedIntoId: Id.nullable(),
  groups: z.array(GroupSummary),
});
export type BassinSummary = z.infer<typeof BassinSummary>;

/** Query of GET /api/bassins. Archived bassins are listed for admins and coordinators only. */
export const ListBassinsQuery = z.strictObject({
  includeArchived: z.enum(['true', 'false']).optional(),
});
export type ListBassinsQuery = z.infer<typeof ListBassinsQuery>;

/**
 * POST /api/bassins: creates the bassin with its groups (the three kinds unless told otherwise). Creating
 * it with fewer groups leaves room to move existing groups in, when bassins are regrouped.
 */
export const CreateBassinRequest = z.strictObject({
  name: Label(80),
  groupKinds: z
    .array(GroupKind)
    .max(3)
    .refine((kinds) => new Set(kinds).size === kinds.length, {
      message: 'Chaque type de groupe une seule fois',
    })
    .default([...groupKinds]),
});
export type CreateBassinRequest = z.infer<typeof CreateBassinRequest>;

/** PATCH /api/bassins/:id: rename, archive (true) or restore (false). */
export const UpdateBassinRequest = z
  .strictObject({ name: Label(80).optional(), archived: z.boolean().optional() })
  .refine((v) => v.name !== undefined || v.archived !== undefined, {
    message: 'Indiquez un nouveau nom ou un état d’archivage',
  });
export type UpdateBassinRequest = z.infer<typeof UpdateBassinRequest>;

/**
 * POST /api/bassins/:id/merge: moves every group, organisation and membership of this bassin into the
 * target, then archives this one. Groups of the same kind are merged (memberships kept, highest role wins).
 */
export const MergeBassinRequest = z.strictObject({ targetBassinId: Id });
export type MergeBassinRequest = z.infer<typeof MergeBassinRequest>;

/** Result of a merge: what moved where. */
export const MergeBassinResult = z.object({
  source: BassinSummary,
  target: BassinSummary,
  movedGroups: z.number().int(),
  mergedGroups: z.number().int(),
  movedMemberships: z.number().int(),
  movedOrganisations: z.number().int(),
});
export type MergeBassinResult = z.infer<typeof MergeBassinResult>;
