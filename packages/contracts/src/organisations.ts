import { z } from 'zod';
import { FreeText, Id, Label, TagList, Timestamp, WebAddress } from './common';
import { OrganisationKind } from './enums';

/** Postal address of a structure; groups meet there in rotation. */
export const Address = z.strictObject({
  street: FreeText().trim().max(160).default(''),
  postalCode: FreeText()
    .trim()
    .regex(/^\d{4}$/, { message: 'Code postal belge à 4 chiffres' })
    .or(z.literal('')),
  city: FreeText().trim().max(80).default(''),
});
export type Address = z.infer<typeof Address>;

/** An organisation (structure) as returned by the API. */
export const Organisation = z.object({
  id: Id,
  name: z.string(),
  kind: OrganisationKind,
  bassinId: Id.nullable(),
  address: Address,
  sectors: z.array(z.string()),
  publics: z.array(z.string()),
  website: z.string().nullable(),
  memberCount: z.number().int(),
  createdAt: Timestamp,
});
export type Organisation = z.infer<typeof Organisation>;

/** POST /api/organisations */
export const CreateOrganisationRequest = z.strictObject({
  name: Label(160),
  kind: OrganisationKind,
  bassinId: Id.nullable().default(null),
  address: Address.default({ street: '', postalCode: '', city: '' }),
  sectors: TagList.default([]),
  publics: TagList.default([]),
  website: WebAddress(300).nullable().default(null),
});
export type CreateOrganisationRequest = z.infer<typeof CreateOrganisationRequest>;

/** PATCH /api/organisations/:id: any subset of the creation fields. */
export const UpdateOrganisationRequest = z.strictObject({
  name: Label(160).optional(),
  kind: OrganisationKind.optional(),
  bassinId: Id.nullable().optional(),
  address: Address.optional(),
  sectors: TagList.optional(),
  publics: TagList.optional(),
  website: WebAddress(300).nullable().optional(),
});
export type UpdateOrganisationRequest = z.infer<typeof UpdateOrganisationRequest>;

/** Query of GET /api/organisations */
export const ListOrganisationsQuery = z.strictObject({
  bassinId: Id.optional(),
  kind: OrganisationKind.optional(),
  q: FreeText().trim().max(100).optional(),
});
export type ListOrganisationsQuery = z.infer<typeof ListOrganisationsQuery>;
