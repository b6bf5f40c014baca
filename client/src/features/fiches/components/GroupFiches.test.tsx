import type { CurrentUser, FicheDetail, FicheSearchPage, FicheSummary } from '@affluents/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { GroupFiches } from './GroupFiches';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const groupId = id(100);

const user = (role: 'member' | null): CurrentUser => ({
  id: id(1),
  email: 'sophie@affluents.test',
  displayName: 'Sophie Lambert',
  jobTitle: null,
  platformRole: role ? null : 'coordinator',
  organisation: null,
  memberships: role ? [{ groupId, role }] : [],
});

const summary: FicheSummary = {
  id: id(7),
  title: 'Un atelier vélo pour venir en formation',
  status: 'review',
  reach: null,
  group: { id: groupId, kind: 'social_workers', bassin: { id: id(90), name: 'Namur' } },
  organisations: [{ id: id(50), name: 'CISP Le Chenal', kind: 'cisp' }],
  sectors: [],
  publics: [],
  themes: [],
  year: 2025,
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-21T14:30:00.000Z',
};

const page = (items: FicheSummary[]): FicheSearchPage => ({
  items: items.map((f) => ({ ...f, matchedVersion: 'draft', snippet: [], rank: 0 })),
  total: items.length,
  page: 1,
  pageSize: 50,
});

function mockApi(route: (url: string, init: RequestInit) => Response | undefined) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const response = route(String(input), init);
    if (!response) throw new Error(`unexpected ${init.method ?? 'GET'} ${String(input)}`);
    return response;
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('GroupFiches', () => {
  it('shows the five most recent in the overview, with a link to all of them', async () => {
    const fetchMock = mockApi((url) =>
      url.startsWith('/api/fiches?') ? jsonResponse(200, { ...page([summary]), total: 12 }) : undefined,
    );
    renderWithProviders(<GroupFiches groupId={groupId} seeAllHref="?onglet=fiches" />, {
      user: user('member'),
    });
    const all = await screen.findByRole('link', { name: 'Voir les 12 fiches' });
    expect(all.getAttribute('href')).toContain('onglet=fiches');
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe(`/api/fiches?groupId=${groupId}&sort=date&pageSize=5`);
  });

  it('lists the group’s fiches with status, organisations and date of change', async () => {
    const fetchMock = mockApi((url) =>
      url.startsWith('/api/fiches?') ? jsonResponse(200, page([summary])) : undefined,
    );
    renderWithProviders(<GroupFiches groupId={groupId} />, { user: user('member') });
    const link = await screen.findByRole('link', { name: summary.title });
    expect(link.getAttribute('href')).toBe(`/fiches/${summary.id}`);
    const card = link.closest('li') as HTMLElement;
    expect(within(card).getByText('En relecture')).toBeTruthy();
    expect(within(card).getByText('CISP Le Chenal')).toBeTruthy();
    expect(card.textContent).toContain('Modifiée le 21 nov. 2026');
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe(
      `/api/fiches?groupId=${groupId}&sort=date&pageSize=20&page=1`,
    );
  });

  it('says plainly that there is no fiche yet; only members are offered to write one', async () => {
    mockApi(() => jsonResponse(200, page([])));
    const { unmount } = renderWithProviders(<GroupFiches groupId={groupId} />, { user: user('member') });
    expect(await screen.findByText('Pas encore de fiche action')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Nouvelle fiche' })).toBeTruthy();
    unmount();
    renderWithProviders(<GroupFiches groupId={groupId} />, { user: user(null) });
    expect(
      await screen.findByText('Les membres du groupe n’ont pas encore rédigé de fiche action.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Nouvelle fiche' })).toBeNull();
  });

  it('creates a fiche from its title and opens it', async () => {
    const created = { ...summary, id: id(8), title: 'Jardin partagé', status: 'draft' } as FicheDetail;
    const fetchMock = mockApi((url, init) => {
      if (url.startsWith('/api/fiches?')) return jsonResponse(200, page([]));
      if (url === '/api/organisations') return jsonResponse(200, []);
      if (url === '/api/fiches' && init.method === 'POST') return jsonResponse(201, created);
      return undefined;
    });
    const { router } = renderWithProviders(<GroupFiches groupId={groupId} />, { user: user('member') });
    fireEvent.click(await screen.findByRole('button', { name: 'Nouvelle fiche' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouvelle fiche action' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Créer la fiche' }));
    // The title is required: nothing is sent without it.
    await waitFor(() => expect(within(dialog).getByText('Ce champ est obligatoire.')).toBeTruthy());
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByLabelText(/Titre de la fiche/), {
      target: { value: '  Jardin partagé ' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Créer la fiche' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/fiches/${id(8)}`));
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      title: 'Jardin partagé',
      groupId,
      organisationIds: [],
    });
  });
});
