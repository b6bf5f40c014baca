import { z } from 'zod';
import { FreeText, Id, Label, TagList, Timestamp } from './common';
import { GroupKind, OrganisationKind } from './enums';

/** Lifecycle of a fiche action. */
export const ficheStatuses = ['draft', 'review', 'published', 'archived'] as const;
export const FicheStatus = z.enum(ficheStatuses);
export type FicheStatus = z.infer<typeof FicheStatus>;

/**
 * Who can read a published fiche in the toolbox (GLOSSARY): its group, the groups of its bassin, every
 * member of a group of the network (`network`: not the outside guests), or the network and the outside
 * guests invited to a meeting or a thread (`network_and_guests`: every signed-in person).
 */
export const publicationReaches = ['group', 'bassin', 'network', 'network_and_guests'] as const;
export const PublicationReach = z.enum(publicationReaches);
export type PublicationReach = z.infer<typeof PublicationReach>;

/** What the caller may do with a fiche's shared document. */
export const DocumentAccess = z.enum(['write', 'read']);
export type DocumentAccess = z.infer<typeof DocumentAccess>;

/** Name of a fiche's shared document on the `/collab/` websocket path. */
export const ficheDocName = (ficheId: string) => `fiche:${ficheId}`;

/** Suggested themes (free values are allowed). */
export const suggestedThemes = [
  'accompagnement social',
  'mobilité',
  'logement',
  'santé',
  'formation',
  'mise à l’emploi',
  'partenariat entreprises',
  'marchés publics',
  'financement',
  'RAC',
] as const;

const Year = z.number().int().min(1990).max(2100);

/** A named, frozen version of a fiche. */
export const FicheVersion = z.object({
  id: Id,
  number: z.number().int(),
  label: z.string(),
  kind: z.enum(['publication', 'manual']),
  reach: PublicationReach.nullable(),
  createdBy: z.object({ id: Id, displayName: z.string() }),
  createdAt: Timestamp,
});
export type FicheVersion = z.infer<typeof FicheVersion>;

/** A fiche as listed (group home, toolbox). */
export const FicheSummary = z.object({
  id: Id,
  title: z.string(),
  status: FicheStatus,
  reach: PublicationReach.nullable(),
  group: z.object({ id: Id, kind: GroupKind, bassin: z.object({ id: Id, name: z.string() }) }),
  organisations: z.array(z.object({ id: Id, name: z.string(), kind: OrganisationKind })),
  sectors: z.array(z.string()),
  publics: z.array(z.string()),
  themes: z.array(z.string()),
  year: z.number().int().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type FicheSummary = z.infer<typeof FicheSummary>;

/** GET /api/fiches/:id */
export const FicheDetail = FicheSummary.extend({
  docName: z.string(),
  access: DocumentAccess,
  authors: z.array(z.object({ id: Id, displayName: z.string() })),
  /** Template sections that have no text yet (keys from @affluents/editor's ficheSections). */
  emptySections: z.array(z.string()),
  /** Required sections still empty: the fiche cannot go to review while this is not empty. */
  missingRequiredSections: z.array(z.string()),
  publishedAt: Timestamp.nullable(),
  /** The version readers see in the toolbox, when the fiche is published. */
  publishedVersionId: Id.nullable(),
  /**
   * False for a reader outside the group who reaches the fiche through its publication: they see the
   * published version only, never the live draft (its document, later versions, comments).
   */
  liveDocument: z.boolean(),
  versions: z.array(FicheVersion),
});
export type FicheDetail = z.infer<typeof FicheDetail>;

/** POST /api/fiches: creates a draft in a group; its document starts from the template. */
export const CreateFicheRequest = z.strictObject({
  title: Label(160),
  groupId: Id,
  organisationIds: z.array(Id).max(20).default([]),
  sectors: TagList.default([]),
  publics: TagList.default([]),
  themes: TagList.default([]),
  year: Year.nullable().default(null),
});
export type CreateFicheRequest = z.infer<typeof CreateFicheRequest>;

/** PATCH /api/fiches/:id: metadata beside the text. */
export const UpdateFicheRequest = z.strictObject({
  title: Label(160).optional(),
  organisationIds: z.array(Id).max(20).optional(),
  sectors: TagList.optional(),
  publics: TagList.optional(),
  themes: TagList.optional(),
  year: Year.nullable().optional(),
});
export type UpdateFicheRequest = z.infer<typeof UpdateFicheRequest>;

/** POST /api/fiches/:id/status: draft <-> review, archive and un-archive (publication is separate). */
export const ChangeFicheStatusRequest = z.strictObject({
  status: z.enum(['draft', 'review', 'archived']),
});
export type ChangeFicheStatusRequest = z.infer<typeof ChangeFicheStatusRequest>;

/** Sort orders of the toolbox search. */
export const FicheSort = z.enum(['relevance', 'date']);
export type FicheSort = z.infer<typeof FicheSort>;

const intFromQuery = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/**
 * Query of GET /api/fiches: the toolbox search over published fiches within the caller's reach and the
 * drafts of the caller's own groups. Without `q`, lists by date (a group's fiches with `groupId`).
 */
export const SearchFichesQuery = z.strictObject({
  q: FreeText().trim().max(200).optional(),
  groupId: Id.optional(),
  bassinId: Id.optional(),
  groupKind: GroupKind.optional(),
  organisationKind: OrganisationKind.optional(),
  sector: FreeText().trim().max(60).optional(),
  public: FreeText().trim().max(60).optional(),
  theme: FreeText().trim().max(60).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  status: FicheStatus.optional(),
  sort: FicheSort.optional(),
  page: intFromQuery(1, 1000, 1),
  pageSize: intFromQuery(1, 50, 20),
});
export type SearchFichesQuery = z.infer<typeof SearchFichesQuery>;

/** A piece of a search snippet; `match` marks the words that matched the query. */
export const SnippetPart = z.object({ text: z.string(), match: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPart>;

/** One search result: the fiche, which version matched, and a highlighted snippet. */
export const FicheSearchHit = FicheSummary.extend({
  /** 'published' when the hit is the published version, 'draft' when it is the live draft of my group. */
  matchedVersion: z.enum(['published', 'draft']),
  snippet: z.array(SnippetPart),
  rank: z.number(),
});
export type FicheSearchHit = z.infer<typeof FicheSearchHit>;

/** GET /api/fiches response: one page of results. */
export const FicheSearchPage = z.object({
  items: z.array(FicheSearchHit),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type FicheSearchPage = z.infer<typeof FicheSearchPage>;

/** POST /api/fiches/:id/publish: a facilitator publishes the current text as a frozen version. */
export const PublishFicheRequest = z.strictObject({
  reach: PublicationReach,
  label: Label(120).optional(),
});
export type PublishFicheRequest = z.infer<typeof PublishFicheRequest>;

/** POST /api/fiches/:id/versions: take a named version on demand. */
export const CreateFicheVersionRequest = z.strictObject({ label: Label(120) });
export type CreateFicheVersionRequest = z.infer<typeof CreateFicheVersionRequest>;

/** GET /api/fiches/:id/versions/:versionId: a frozen version, to open read-only. */
export const FicheVersionContent = FicheVersion.extend({
  title: z.string(),
  /** The version's document as one Yjs update, base64-encoded (render it read-only). */
  update: z.string(),
});
export type FicheVersionContent = z.infer<typeof FicheVersionContent>;

/** Query of GET /api/fiches/:id/export.md: the live text, or a given version. */
export const ExportFicheQuery = z.strictObject({ versionId: Id.optional() });
export type ExportFicheQuery = z.infer<typeof ExportFicheQuery>;

/** `GET /api/fiches/:id/export.pdf`: a version (else the live text), optionally the open comments as notes. */
export const ExportFichePdfQuery = ExportFicheQuery.extend({ comments: z.enum(['open']).optional() });
export type ExportFichePdfQuery = z.infer<typeof ExportFichePdfQuery>;

/** `GET /api/exports/booklet.pdf`: the toolbox filters; pages do not apply (the booklet takes the first results). */
export const ExportBookletQuery = SearchFichesQuery.omit({ page: true, pageSize: true });
export type ExportBookletQuery = z.infer<typeof ExportBookletQuery>;
