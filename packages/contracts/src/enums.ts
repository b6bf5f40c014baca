import { z } from 'zod';

/** The three exchange groups every bassin hosts (docs/GLOSSARY.md). */
export const groupKinds = ['social_workers', 'managers', 'encadrants'] as const;
export const GroupKind = z.enum(groupKinds);
export type GroupKind = z.infer<typeof GroupKind>;

/** Kinds of structures: network members first, then outside partners (docs/GLOSSARY.md). */
export const organisationKinds = [
  'cisp',
  'eft',
  'oisp',
  'ei',
  'ilde',
  'eta',
  'ressourcerie',
  'ees',
  'cpas',
  'mire',
  'forem',
  'chamber_of_commerce',
  'ibefe',
  'federation',
] as const;
export const OrganisationKind = z.enum(organisationKinds);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

/** A member's role inside one group. */
export const membershipRoles = ['member', 'facilitator'] as const;
export const MembershipRole = z.enum(membershipRoles);
export type MembershipRole = z.infer<typeof MembershipRole>;

/** Platform-wide roles; most accounts have none (null). */
export const platformRoles = ['admin', 'coordinator'] as const;
export const PlatformRole = z.enum(platformRoles);
export type PlatformRole = z.infer<typeof PlatformRole>;

/** Suggested sectors (free values are allowed; these feed pickers and filters). */
export const suggestedSectors = [
  'horticulture',
  'maraîchage',
  'HORECA',
  'nettoyage',
  'bureautique',
  'numérique',
  'aide à domicile',
  'recyclage',
  'construction',
  'logistique',
] as const;

/** Suggested publics (free values are allowed). */
export const suggestedPublics = [
  "demandeurs d'emploi peu qualifiés",
  'femmes',
  'jeunes',
  'personnes en situation de handicap',
  'personnes primo-arrivantes',
  'bénéficiaires du CPAS',
] as const;
