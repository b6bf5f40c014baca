import type { FicheDetail, FicheSummary } from '@affluents/contracts';
import type { EntityManager } from 'typeorm';
import { toIso } from '../../infra/database/timestamps';

/** What other features need to know about a fiche to act beside it (comments, exports). */
export interface FicheRef {
  id: string;
  groupId: string;
  title: string;
  docName: string;
  status: FicheSummary['status'];
  publishedVersionId: string | null;
}

/** One fiche's reference, or null. */
export async function selectFicheRef(manager: EntityManager, id: string): Promise<FicheRef | null> {
  const [row]: FicheRef[] = await manager.query(
    `SELECT id, group_id AS "groupId", title, doc_name AS "docName", status,
            published_version_id AS "publishedVersionId"
       FROM fiches WHERE id = $1`,
    [id],
  );
  return row ?? null;
}

/**
 * Locks the fiche's row until the end of the caller's transaction (serialises writes that hang off the
 * fiche: version numbers, its files' quota); false when there is no such fiche.
 */
export async function lockFiche(manager: EntityManager, id: string): Promise<boolean> {
  const rows: unknown[] = await manager.query('SELECT id FROM fiches WHERE id = $1 FOR UPDATE', [id]);
  return rows.length > 0;
}

/** True when `groupId` is a group that is not archived (read from the groups' published view). */
export async function selectActiveGroupExists(manager: EntityManager, groupId: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    'SELECT 1 FROM group_cards WHERE id = $1 AND archived_at IS NULL',
    [groupId],
  );
  return rows.length > 0;
}

/** How many of `ids` (distinct) are organisations (read from the organisations' published view). */
export async function countOrganisations(manager: EntityManager, ids: readonly string[]): Promise<number> {
  const [row]: Array<{ n: number }> = await manager.query(
    'SELECT count(*)::int AS n FROM organisation_cards WHERE id = ANY($1::uuid[])',
    [[...new Set(ids)]],
  );
  return row.n;
}

/** The group of each of these fiches that exists: fiche id -> group id. */
export async function selectFicheGroups(
  manager: EntityManager,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows: Array<{ id: string; groupId: string }> = await manager.query(
    'SELECT id, group_id AS "groupId" FROM fiches WHERE id = ANY($1::uuid[])',
    [unique],
  );
  return new Map(rows.map((r) => [r.id, r.groupId]));
}

/**
 * The columns of a fiche summary, for queries over `fiches f JOIN group_cards g JOIN bassin_cards b` (the
 * groups' and bassins' published views): shared by the fiche detail and the toolbox search so both describe
 * a fiche the same way.
 */
export const FICHE_SUMMARY_COLUMNS = `f.id, f.title, f.status, f.reach, f.sectors, f.publics, f.themes, f.year,
  f.created_at AS "createdAt", f.updated_at AS "updatedAt",
  g.id AS "groupId", g.kind AS "groupKind", b.id AS "bassinId", b.name AS "bassinName",
  (SELECT json_agg(json_build_object('id', o.id, 'name', o.name, 'kind', o.kind) ORDER BY o.name)
     FROM fiche_organisations fo JOIN organisation_cards o ON o.id = fo.organisation_id
    WHERE fo.fiche_id = f.id) AS organisations`;

/** A row selected with FICHE_SUMMARY_COLUMNS. */
export interface FicheSummaryRow {
  id: string;
  title: string;
  status: FicheSummary['status'];
  reach: FicheSummary['reach'];
  sectors: string[];
  publics: string[];
  themes: string[];
  year: number | null;
  createdAt: Date;
  updatedAt: Date;
  groupId: string;
  groupKind: FicheSummary['group']['kind'];
  bassinId: string;
  bassinName: string;
  organisations: FicheSummary['organisations'] | null;
}

/** Maps a FICHE_SUMMARY_COLUMNS row to the shared FicheSummary. */
export function toFicheSummary(r: FicheSummaryRow): FicheSummary {
  return {
    id: r.id,
    title: r.title,
    status: r.status,
    reach: r.reach,
    group: { id: r.groupId, kind: r.groupKind, bassin: { id: r.bassinId, name: r.bassinName } },
    organisations: r.organisations ?? [],
    sectors: r.sectors,
    publics: r.publics,
    themes: r.themes,
    year: r.year,
    createdAt: toIso(r.createdAt),
    updatedAt: toIso(r.updatedAt),
  };
}

/** Summaries of the fiches `ids` (in no particular order). */
export async function selectFicheSummaries(manager: EntityManager, ids: string[]): Promise<FicheSummary[]> {
  const rows: FicheSummaryRow[] = await manager.query(
    `SELECT ${FICHE_SUMMARY_COLUMNS}
       FROM fiches f JOIN group_cards g ON g.id = f.group_id JOIN bassin_cards b ON b.id = g.bassin_id
      WHERE f.id = ANY($1)`,
    [ids],
  );
  return rows.map(toFicheSummary);
}

/** The two columns that decide who opens a fiche's document, by document name; null when no fiche has it. */
export async function selectDocumentAccessFacts(
  manager: EntityManager,
  docName: string,
): Promise<{ groupId: string; status: FicheSummary['status'] } | null> {
  // Runs on every document upgrade: two columns in plain SQL, not the whole entity through TypeORM.
  const [row]: Array<{ groupId: string; status: FicheSummary['status'] }> = await manager.query(
    'SELECT group_id AS "groupId", status FROM fiches WHERE doc_name = $1',
    [docName],
  );
  return row ?? null;
}

/** A fiche's authors in the order they first contributed. */
export async function selectFicheAuthors(
  manager: EntityManager,
  ficheId: string,
): Promise<FicheDetail['authors']> {
  return manager.query(
    `SELECT u.id, u.display_name AS "displayName" FROM fiche_authors a JOIN user_cards u ON u.id = a.user_id
      WHERE a.fiche_id = $1 ORDER BY a.first_contribution_at`,
    [ficheId],
  );
}

/** Ids of a fiche's authors. */
export async function selectFicheAuthorIds(manager: EntityManager, ficheId: string): Promise<string[]> {
  const rows: Array<{ userId: string }> = await manager.query(
    'SELECT user_id AS "userId" FROM fiche_authors WHERE fiche_id = $1',
    [ficheId],
  );
  return rows.map((r) => r.userId);
}

/** Makes `userId` an author of a fiche (the first contribution keeps its date). */
export async function insertFicheAuthor(
  manager: EntityManager,
  ficheId: string,
  userId: string,
): Promise<void> {
  await manager.query(
    'INSERT INTO fiche_authors (fiche_id, user_id) VALUES ($1, $2) ON CONFLICT (fiche_id, user_id) DO NOTHING',
    [ficheId, userId],
  );
}

/** Makes `userId` an author of the fiche owning `docName`, if any (the first contribution keeps its date). */
export async function insertFicheAuthorByDocName(
  manager: EntityManager,
  docName: string,
  userId: string,
): Promise<void> {
  await manager.query(
    `INSERT INTO fiche_authors (fiche_id, user_id) SELECT id, $2 FROM fiches WHERE doc_name = $1
     ON CONFLICT (fiche_id, user_id) DO NOTHING`,
    [docName, userId],
  );
}

/** Links a fiche to organisations, in the caller's transaction; `replace` drops the previous links first. */
export async function saveFicheOrganisations(
  manager: EntityManager,
  ficheId: string,
  organisationIds: string[],
  replace: boolean,
): Promise<void> {
  if (replace) await manager.query('DELETE FROM fiche_organisations WHERE fiche_id = $1', [ficheId]);
  for (const organisationId of new Set(organisationIds)) {
    await manager.query('INSERT INTO fiche_organisations (fiche_id, organisation_id) VALUES ($1, $2)', [
      ficheId,
      organisationId,
    ]);
  }
}
