import type { FicheVersion } from '@affluents/contracts';
import type { EntityManager } from 'typeorm';
import { toIso } from '../../infra/database/timestamps';
import { lockFiche } from './fiche-rows';
import { FICHE_TAGS_SQL, searchVectorSql } from './fiche-search-rows';

interface VersionRow {
  id: string;
  number: number;
  label: string;
  kind: FicheVersion['kind'];
  reach: FicheVersion['reach'];
  createdAt: Date;
  createdById: string;
  createdByName: string;
}

function versionFromRow(r: VersionRow): FicheVersion {
  return {
    id: r.id,
    number: r.number,
    label: r.label,
    kind: r.kind,
    reach: r.reach,
    createdBy: { id: r.createdById, displayName: r.createdByName },
    createdAt: toIso(r.createdAt),
  };
}

/** Versions of a fiche, newest first. */
export async function selectVersions(manager: EntityManager, ficheId: string): Promise<FicheVersion[]> {
  const rows: VersionRow[] = await manager.query(
    `SELECT v.id, v.number, v.label, v.kind, v.reach, v.created_at AS "createdAt",
            u.id AS "createdById", u.display_name AS "createdByName"
       FROM fiche_versions v JOIN user_cards u ON u.id = v.created_by_id
      WHERE v.fiche_id = $1 ORDER BY v.number DESC`,
    [ficheId],
  );
  return rows.map(versionFromRow);
}

/** A version's frozen document with what describes it (number, label, date, author, title). */
export interface FrozenVersion {
  number: number;
  label: string;
  createdAt: string;
  createdBy: string;
  title: string;
  snapshot: Buffer;
}

/** The frozen document of a fiche's version, or null. */
export async function selectFrozenVersion(
  manager: EntityManager,
  ficheId: string,
  versionId: string,
): Promise<FrozenVersion | null> {
  const [row]: Array<Omit<FrozenVersion, 'createdAt'> & { createdAt: Date }> = await manager.query(
    `SELECT v.number, v.label, v.created_at AS "createdAt", u.display_name AS "createdBy", v.title, v.snapshot
       FROM fiche_versions v JOIN user_cards u ON u.id = v.created_by_id
      WHERE v.id = $1 AND v.fiche_id = $2`,
    [versionId, ficheId],
  );
  return row ? { ...row, createdAt: toIso(row.createdAt) } : null;
}

/** A new version of a fiche, numbered after the last, in the caller's transaction; its id. */
export async function insertVersion(
  manager: EntityManager,
  version: {
    ficheId: string;
    label: string;
    kind: FicheVersion['kind'];
    reach: FicheVersion['reach'];
    title: string;
    snapshot: Uint8Array;
    text: string;
    createdById: string;
  },
): Promise<string> {
  // Numbering under a row lock on the fiche, so two versions taken at once get distinct numbers.
  await lockFiche(manager, version.ficheId);
  const [{ id }]: Array<{ id: string }> = await manager.query(
    `INSERT INTO fiche_versions (fiche_id, number, label, kind, reach, title, snapshot, plain_text, created_by_id)
     VALUES ($1, (SELECT coalesce(max(number), 0) + 1 FROM fiche_versions WHERE fiche_id = $1), $2, $3, $4, $5, $6, $7, $8)
     RETURNING id`,
    [
      version.ficheId,
      version.label,
      version.kind,
      version.reach,
      version.title,
      Buffer.from(version.snapshot),
      version.text,
      version.createdById,
    ],
  );
  return id;
}

/** Marks a fiche published with `versionId` for `reach`, indexing that version's text for the toolbox. */
export async function markPublished(
  manager: EntityManager,
  ficheId: string,
  publication: { reach: FicheVersion['reach']; versionId: string; text: string },
): Promise<void> {
  await manager.query(
    `UPDATE fiches SET status = 'published', reach = $2, published_version_id = $3, published_at = now(),
       updated_at = now(), published_vector = ${searchVectorSql('title', FICHE_TAGS_SQL, '$4')}
     WHERE id = $1`,
    [ficheId, publication.reach, publication.versionId, publication.text],
  );
}
