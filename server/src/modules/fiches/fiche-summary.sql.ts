import type { FicheSummary } from '@affluents/contracts';

/**
 * The columns of a fiche summary, for queries over `fiches f JOIN groups g JOIN bassins b`: shared by
 * the fiche detail and the toolbox search so both describe a fiche the same way.
 */
export const FICHE_SUMMARY_COLUMNS = `f.id, f.title, f.status, f.reach, f.sectors, f.publics, f.themes, f.year,
  f.created_at AS "createdAt", f.updated_at AS "updatedAt",
  g.id AS "groupId", g.kind AS "groupKind", b.id AS "bassinId", b.name AS "bassinName",
  (SELECT json_agg(json_build_object('id', o.id, 'name', o.name, 'kind', o.kind) ORDER BY o.name)
     FROM fiche_organisations fo JOIN organisations o ON o.id = fo.organisation_id
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
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}
