import type { FicheSearchPage, SearchFichesQuery, SnippetPart } from '@affluents/contracts';
import type { EntityManager } from 'typeorm';
import { parseSearchQuery } from './acronyms';
import { FICHE_SUMMARY_COLUMNS, type FicheSummaryRow, toFicheSummary } from './fiche-rows';

/** The text search configuration created by the migration: French stemming after accent folding. */
export const SEARCH_CONFIG = 'affluents_fr';

/** SQL of a weighted search vector: title first, then tags, then the body text. */
export const searchVectorSql = (title: string, tags: string, body: string) =>
  `setweight(to_tsvector('${SEARCH_CONFIG}', ${title}), 'A') ||
   setweight(to_tsvector('${SEARCH_CONFIG}', ${tags}), 'B') ||
   setweight(to_tsvector('${SEARCH_CONFIG}', ${body}), 'C')`;

/** A fiche's tags as one text, for its search vectors. */
export const FICHE_TAGS_SQL = "array_to_string(sectors || publics || themes, ' ')";

/** Stores the draft text of the fiche owning `docName` and refreshes its draft vector. */
export async function updateDraftText(manager: EntityManager, docName: string, text: string): Promise<void> {
  await manager.query(
    `UPDATE fiches SET draft_text = $2, draft_vector = ${searchVectorSql('title', FICHE_TAGS_SQL, '$2')} WHERE doc_name = $1`,
    [docName, text],
  );
}

/** Refreshes a fiche's draft vector from its stored text and current metadata. */
export async function refreshDraftVector(manager: EntityManager, ficheId: string): Promise<void> {
  await manager.query(
    `UPDATE fiches SET draft_vector = ${searchVectorSql('title', FICHE_TAGS_SQL, 'draft_text')} WHERE id = $1`,
    [ficheId],
  );
}

// Control characters cannot occur in stored text, so they delimit matches safely inside ts_headline output.
const START = '\u0001';
const STOP = '\u0002';
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxFragments=2, MaxWords=28, MinWords=10, FragmentDelimiter=" … "`;

/** Splits ts_headline output into plain and matched parts (the client renders them without HTML). */
export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, chunk] of headline.split(START).entries()) {
    if (i === 0) {
      if (chunk) parts.push({ text: chunk, match: false });
      continue;
    }
    const [matched, rest = ''] = chunk.split(STOP);
    if (matched) parts.push({ text: matched, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return parts;
}

interface HitRow extends FicheSummaryRow {
  matchedVersion: 'draft' | 'published';
  headline: string;
  rank: number;
  total: number;
}

/** Who searches: the groups they belong to, and whether they see every published fiche. */
export interface SearchReader {
  groupIds: string[];
  seesAllPublished: boolean;
}

/**
 * One search page: published fiches within the reader's reach and the drafts of the reader's own groups
 * (never anyone else's), with the query's terms and their acronyms, filters, snippets, order and page.
 */
export async function selectSearchPage(
  manager: EntityManager,
  query: SearchFichesQuery,
  reader: SearchReader,
): Promise<FicheSearchPage> {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const myGroups = param(reader.groupIds);
  const myBassins = `(SELECT bassin_id FROM group_cards WHERE id = ANY(${myGroups}))`;

  const terms = parseSearchQuery(query.q ?? '');
  const tsquery = terms.length
    ? terms
        .map((term) => {
          const own = `${term.phrase ? 'phraseto_tsquery' : 'plainto_tsquery'}('${SEARCH_CONFIG}', ${param(term.text)})`;
          const alternatives = term.alternatives.map(
            (alt) => `phraseto_tsquery('${SEARCH_CONFIG}', ${param(alt)})`,
          );
          return `(${[own, ...alternatives].join(' || ')})`;
        })
        .join(' && ')
    : null;

  const filters: string[] = [];
  if (query.groupId) filters.push(`f.group_id = ${param(query.groupId)}`);
  if (query.bassinId) filters.push(`g.bassin_id = ${param(query.bassinId)}`);
  if (query.groupKind) filters.push(`g.kind = ${param(query.groupKind)}`);
  if (query.year) filters.push(`f.year = ${param(query.year)}`);
  if (query.status) filters.push(`f.status = ${param(query.status)}`);
  if (query.organisationKind) {
    filters.push(`EXISTS (SELECT 1 FROM fiche_organisations fo JOIN organisation_cards o ON o.id = fo.organisation_id
                    WHERE fo.fiche_id = f.id AND o.kind = ${param(query.organisationKind)})`);
  }
  for (const [column, value] of [
    ['sectors', query.sector],
    ['publics', query.public],
    ['themes', query.theme],
  ] as const) {
    if (value)
      filters.push(`EXISTS (SELECT 1 FROM unnest(f.${column}) t WHERE lower(t) = lower(${param(value)}))`);
  }

  // Members see their group's live draft; everyone else only a published version within its reach.
  const reach = reader.seesAllPublished
    ? 'TRUE'
    : reader.groupIds.length > 0
      ? `(f.reach IN ('network', 'network_and_guests') OR (f.reach = 'bassin' AND g.bassin_id IN ${myBassins}))`
      : // An outside guest (no group): only what was published for the network and its guests.
        `f.reach = 'network_and_guests'`;
  const visible = `(f.group_id = ANY(${myGroups})
      OR (f.published_version_id IS NOT NULL AND f.status <> 'archived' AND ${reach}))`;
  const vector = `CASE WHEN f.group_id = ANY(${myGroups}) THEN f.draft_vector ELSE f.published_vector END`;
  const text = `CASE WHEN f.group_id = ANY(${myGroups}) THEN f.draft_text ELSE pv.plain_text END`;
  const headline = tsquery
    ? `ts_headline('${SEARCH_CONFIG}', ${text}, (${tsquery}), ${param(HEADLINE_OPTIONS)})`
    : `left(${text}, 240)`;
  const rank = tsquery ? `ts_rank_cd(${vector}, (${tsquery}))` : '0';
  const match = tsquery ? `AND ${vector} @@ (${tsquery})` : '';
  const order =
    tsquery && query.sort !== 'date'
      ? 'rank DESC, f.updated_at DESC'
      : 'coalesce(f.published_at, f.updated_at) DESC';
  const limit = param(query.pageSize);
  const offset = param((query.page - 1) * query.pageSize);

  const rows: HitRow[] = await manager.query(
    `SELECT ${FICHE_SUMMARY_COLUMNS},
              CASE WHEN f.group_id = ANY(${myGroups}) THEN 'draft' ELSE 'published' END AS "matchedVersion",
              coalesce(${headline}, '') AS headline,
              ${rank} AS rank,
              count(*) OVER ()::int AS total
       FROM fiches f
       JOIN group_cards g ON g.id = f.group_id
       JOIN bassin_cards b ON b.id = g.bassin_id
       LEFT JOIN fiche_versions pv ON pv.id = f.published_version_id
       WHERE ${visible} ${match} ${filters.map((f) => `AND ${f}`).join(' ')}
       ORDER BY ${order}
       LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
  return {
    items: rows.map((r) => ({
      ...toFicheSummary(r),
      matchedVersion: r.matchedVersion,
      snippet: tsquery ? snippetParts(r.headline) : r.headline ? [{ text: r.headline, match: false }] : [],
      rank: Number(r.rank),
    })),
    total: rows[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
