import { describe, expect, it } from 'vitest';
import {
  isSearching,
  readToolboxSearch,
  TOOLBOX_PAGE_SIZE,
  type ToolboxSearch,
  toFicheQuery,
  writeToolboxSearch,
} from './toolbox-params';

const blank: ToolboxSearch = readToolboxSearch(new URLSearchParams());

describe('toolbox search in the address', () => {
  it('reads an empty address as no search, first page, by relevance', () => {
    expect(blank).toEqual({
      q: '',
      bassinId: null,
      groupKind: null,
      organisationKind: null,
      sector: null,
      public: null,
      theme: null,
      year: null,
      sort: 'relevance',
      page: 1,
    });
    expect(isSearching(blank)).toBe(false);
  });

  it('reads every filter under the API’s parameter name, trimmed', () => {
    const search = readToolboxSearch(
      new URLSearchParams(
        'q=+potager+&bassinId=b1&groupKind=managers&organisationKind=cisp&sector=horticulture&public=jeunes&theme=%C3%A9cologie&year=2024&sort=date&page=3',
      ),
    );
    expect(search).toEqual({
      q: 'potager',
      bassinId: 'b1',
      groupKind: 'managers',
      organisationKind: 'cisp',
      sector: 'horticulture',
      public: 'jeunes',
      theme: 'écologie',
      year: 2024,
      sort: 'date',
      page: 3,
    });
  });

  it('drops what is malformed rather than sending it to the server', () => {
    const search = readToolboxSearch(
      new URLSearchParams('groupKind=chefs&organisationKind=&year=24x&sort=popular&page=0&sector=+++'),
    );
    expect(search).toMatchObject({
      groupKind: null,
      organisationKind: null,
      year: null,
      sort: 'relevance',
      page: 1,
      sector: null,
    });
    expect(readToolboxSearch(new URLSearchParams('year=1989&page=1001'))).toMatchObject({
      year: null,
      page: 1,
    });
    expect(readToolboxSearch(new URLSearchParams('year=2100&page=1000'))).toMatchObject({
      year: 2100,
      page: 1000,
    });
  });

  it('caps the length of free text', () => {
    const search = readToolboxSearch(new URLSearchParams({ q: 'a'.repeat(300), theme: 't'.repeat(100) }));
    expect(search.q).toHaveLength(200);
    expect(search.theme).toHaveLength(60);
  });

  it('writes short links: the defaults are left out', () => {
    expect(writeToolboxSearch(blank).toString()).toBe('');
    expect(writeToolboxSearch({ ...blank, q: '  ', sort: 'relevance', page: 1 }).toString()).toBe('');
    expect(writeToolboxSearch({ ...blank, q: ' vélo ', year: 2023, sort: 'date', page: 2 }).toString()).toBe(
      'q=v%C3%A9lo&year=2023&sort=date&page=2',
    );
  });

  it('reads back what it wrote', () => {
    const search: ToolboxSearch = {
      ...blank,
      q: 'atelier vélo',
      bassinId: 'b2',
      groupKind: 'encadrants',
      theme: 'mobilité',
      year: 2025,
      sort: 'date',
      page: 4,
    };
    expect(readToolboxSearch(writeToolboxSearch(search))).toEqual(search);
  });
});

describe('the API query of a toolbox search', () => {
  it('asks for the latest publications before any search, whatever the sort chosen', () => {
    expect(toFicheQuery({ ...blank, sort: 'relevance', page: 2 })).toEqual({
      page: 2,
      pageSize: TOOLBOX_PAGE_SIZE,
      status: 'published',
      sort: 'date',
    });
  });

  it('counts a filter alone as a search, but not blank words', () => {
    expect(isSearching({ ...blank, q: '   ' })).toBe(false);
    expect(isSearching({ ...blank, year: 2024 })).toBe(true);
    expect(isSearching({ ...blank, q: 'vélo' })).toBe(true);
  });

  it('sends the words, the filters set and the sort, and no status', () => {
    expect(toFicheQuery({ ...blank, q: ' vélo ', sector: 'mobilité', sort: 'relevance' })).toEqual({
      page: 1,
      pageSize: TOOLBOX_PAGE_SIZE,
      q: 'vélo',
      sector: 'mobilité',
      sort: 'relevance',
    });
  });
});
