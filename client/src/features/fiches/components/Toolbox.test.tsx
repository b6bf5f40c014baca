import type { BassinSummary, FicheSearchHit, FicheSearchPage } from '@affluents/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { readToolboxSearch, toFicheQuery, writeToolboxSearch } from '../toolbox-params';
import { Toolbox } from './Toolbox';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const hit: FicheSearchHit = {
  id: id(7),
  title: 'Un atelier vélo pour venir en formation',
  status: 'published',
  reach: 'network',
  group: { id: id(100), kind: 'social_workers', bassin: { id: id(90), name: 'Namur' } },
  organisations: [],
  sectors: ['recyclage'],
  publics: [],
  themes: ['mobilité'],
  year: 2025,
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-21T14:30:00.000Z',
  matchedVersion: 'published',
  snippet: [
    { text: 'Une ', match: false },
    { text: 'équipe', match: true },
    { text: ' répare les vélos.', match: false },
  ],
  rank: 0.5,
};

const bassins = [
  { id: id(90), name: 'Namur', groups: [] },
  { id: id(91), name: 'Hainaut Sud', groups: [] },
] as unknown as BassinSummary[];

function mockApi(pageOf: (url: URL) => FicheSearchPage) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/bassins') return jsonResponse(200, bassins);
    if (url.pathname === '/api/fiches') return jsonResponse(200, pageOf(url));
    throw new Error(`unexpected GET ${String(input)}`);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const ficheCalls = (fetchMock: ReturnType<typeof mockApi>) =>
  fetchMock.mock.calls
    .map(([input]) => new URL(String(input), 'http://localhost'))
    .filter((url) => url.pathname === '/api/fiches');

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('toolbox parameters', () => {
  it('round-trip through the address and drop malformed values', () => {
    const search = readToolboxSearch(
      new URLSearchParams('q=equipe&groupKind=managers&year=2025&page=2&sort=date&organisationKind=nope'),
    );
    expect(search).toMatchObject({ q: 'equipe', groupKind: 'managers', year: 2025, page: 2, sort: 'date' });
    expect(search.organisationKind).toBeNull();
    expect(writeToolboxSearch(search).toString()).toBe(
      'q=equipe&groupKind=managers&year=2025&sort=date&page=2',
    );
    expect(readToolboxSearch(new URLSearchParams('year=20x5&page=-1'))).toMatchObject({
      year: null,
      page: 1,
    });
  });

  it('asks for the latest published fiches before any search', () => {
    expect(toFicheQuery(readToolboxSearch(new URLSearchParams()))).toEqual({
      page: 1,
      pageSize: 10,
      status: 'published',
      sort: 'date',
    });
  });
});

describe('Toolbox', () => {
  it('lists the latest publications before any search, then searches on Enter and keeps the query in the address', async () => {
    const fetchMock = mockApi((url) => ({
      items: [hit],
      total: 1,
      page: Number(url.searchParams.get('page') ?? 1),
      pageSize: 10,
    }));
    const { router } = renderWithProviders(<Toolbox />, { path: '/boite-a-outils' });
    expect(await screen.findByRole('heading', { name: 'Dernières fiches publiées' })).toBeTruthy();
    expect(ficheCalls(fetchMock)[0]?.searchParams.get('status')).toBe('published');

    const field = screen.getByRole('searchbox', { name: 'Rechercher dans les fiches' });
    fireEvent.change(field, { target: { value: 'equipe' } });
    fireEvent.submit(field.closest('form') as HTMLFormElement);

    await waitFor(() => expect(router.state.location.search).toBe('?q=equipe'));
    expect(await screen.findByRole('heading', { name: 'Résultats' })).toBeTruthy();
    await screen.findByText('1 fiche trouvée pour « equipe »');
    const last = ficheCalls(fetchMock).at(-1);
    expect(last?.searchParams.get('q')).toBe('equipe');
    expect(last?.searchParams.get('status')).toBeNull();
    const card = screen.getByRole('link', { name: hit.title }).closest('li') as HTMLElement;
    expect(card.querySelector('mark')?.textContent).toBe('équipe');
    expect(within(card).getByText('Publiée')).toBeTruthy();
  });

  it('writes each filter into the address and starts again from the first page', async () => {
    const fetchMock = mockApi(() => ({ items: [hit], total: 25, page: 3, pageSize: 10 }));
    const { router } = renderWithProviders(<Toolbox />, { path: '/boite-a-outils?q=velo&page=3' });
    await screen.findByRole('link', { name: hit.title });
    // Pages are links, the current one marked.
    const pages = screen.getByRole('navigation', { name: 'Pages de résultats' });
    expect(within(pages).getByText('3').closest('[aria-current="page"]')).toBeTruthy();
    expect(
      within(pages)
        .getByRole('link', { name: /Précédente/ })
        .getAttribute('href'),
    ).toBe('/boite-a-outils?q=velo&page=2');

    fireEvent.click(screen.getByRole('button', { name: /Type de groupe/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Responsables d’entreprises' }));
    await waitFor(() => expect(router.state.location.search).toBe('?q=velo&groupKind=managers'));

    fireEvent.click(screen.getByRole('button', { name: /Bassin$/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Hainaut Sud' }));
    await waitFor(() =>
      expect(router.state.location.search).toBe(`?q=velo&bassinId=${id(91)}&groupKind=managers`),
    );
    await waitFor(() => {
      const last = ficheCalls(fetchMock).at(-1);
      expect(last?.searchParams.get('bassinId')).toBe(id(91));
      expect(last?.searchParams.get('groupKind')).toBe('managers');
      expect(last?.searchParams.get('page')).toBe('1');
    });

    fireEvent.click(screen.getAllByRole('button', { name: 'Effacer les filtres' })[0] as HTMLElement);
    await waitFor(() => expect(router.state.location.search).toBe('?q=velo'));
  });

  it('says honestly that nothing matches, with ways forward', async () => {
    mockApi(() => ({ items: [], total: 0, page: 1, pageSize: 10 }));
    renderWithProviders(<Toolbox />, { path: '/boite-a-outils?q=zzz&theme=mobilit%C3%A9' });
    expect(await screen.findByRole('heading', { name: 'Aucune fiche ne correspond à « zzz »' })).toBeTruthy();
    expect(screen.getByText(/retirez un filtre/)).toBeTruthy();
    expect(screen.getByText(/« CPAS » trouve aussi/)).toBeTruthy();
  });
});
