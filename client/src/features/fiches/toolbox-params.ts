import {
  type FicheSort,
  type GroupKind,
  groupKinds,
  type OrganisationKind,
  organisationKinds,
} from '@affluents/contracts';
import type { FicheQuery } from './api/fiches-api';

/** A toolbox search as the page keeps it in its address, so that it can be shared, bookmarked and restored. */
export interface ToolboxSearch {
  q: string;
  bassinId: string | null;
  groupKind: GroupKind | null;
  organisationKind: OrganisationKind | null;
  sector: string | null;
  public: string | null;
  theme: string | null;
  year: number | null;
  sort: FicheSort;
  page: number;
}

/** The filters of a toolbox search, each written in the address under the API's own parameter name. */
export type ToolboxFilter =
  | 'bassinId'
  | 'groupKind'
  | 'organisationKind'
  | 'sector'
  | 'public'
  | 'theme'
  | 'year';
export const toolboxFilters: readonly ToolboxFilter[] = [
  'bassinId',
  'groupKind',
  'organisationKind',
  'sector',
  'public',
  'theme',
  'year',
];

export const TOOLBOX_PAGE_SIZE = 10;

const text = (params: URLSearchParams, key: string, max: number) => {
  const value = params.get(key)?.trim();
  return value ? value.slice(0, max) : null;
};

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;

const integer = (value: string | null, min: number, max: number): number | null => {
  if (value === null || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
};

/** Reads a search from the address; anything malformed is dropped rather than sent to the server. */
export function readToolboxSearch(params: URLSearchParams): ToolboxSearch {
  return {
    q: text(params, 'q', 200) ?? '',
    bassinId: text(params, 'bassinId', 64),
    groupKind: oneOf(groupKinds, params.get('groupKind')),
    organisationKind: oneOf(organisationKinds, params.get('organisationKind')),
    sector: text(params, 'sector', 60),
    public: text(params, 'public', 60),
    theme: text(params, 'theme', 60),
    year: integer(params.get('year'), 1990, 2100),
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
    page: integer(params.get('page'), 1, 1000) ?? 1,
  };
}

/** Writes a search into address parameters, leaving out the defaults so that links stay short. */
export function writeToolboxSearch(search: ToolboxSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q.trim()) params.set('q', search.q.trim());
  for (const key of toolboxFilters) {
    const value = search[key];
    if (value !== null && value !== '') params.set(key, String(value));
  }
  if (search.sort !== 'relevance') params.set('sort', search.sort);
  if (search.page > 1) params.set('page', String(search.page));
  return params;
}

/** True when the person has searched or filtered; otherwise the toolbox shows the latest publications. */
export function isSearching(search: ToolboxSearch): boolean {
  return search.q.trim() !== '' || toolboxFilters.some((key) => search[key] !== null);
}

/** The API query for a search; before any search, the latest published fiches by date. */
export function toFicheQuery(search: ToolboxSearch): FicheQuery {
  const query: FicheQuery = { page: search.page, pageSize: TOOLBOX_PAGE_SIZE };
  if (!isSearching(search)) return { ...query, status: 'published', sort: 'date' };
  if (search.q.trim()) query.q = search.q.trim();
  for (const key of toolboxFilters) {
    const value = search[key];
    if (value !== null) Object.assign(query, { [key]: value });
  }
  query.sort = search.sort;
  return query;
}
