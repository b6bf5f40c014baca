import type { BassinSummary, CurrentUser, GroupDetail } from '@affluents/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { GroupMembersAdmin } from './GroupMembersAdmin';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const coordinator: CurrentUser = {
  id: id(9),
  email: 'coordination@affluents.test',
  displayName: 'Coordination',
  jobTitle: null,
  platformRole: 'coordinator',
  organisation: null,
  memberships: [],
};

const namur: BassinSummary = {
  id: id(90),
  name: 'Namur',
  slug: 'namur',
  archivedAt: null,
  mergedIntoId: null,
  groups: (['social_workers', 'managers', 'encadrants'] as const).map((kind, i) => ({
    id: id(100 + i),
    kind,
    bassinId: id(90),
    memberCount: 1,
    isMember: false,
    myRole: null,
  })),
};

const managers: GroupDetail = {
  id: id(101),
  kind: 'managers',
  bassin: { id: namur.id, name: 'Namur' },
  archivedAt: null,
  memberCount: 1,
  myRole: null,
  members: [
    {
      userId: id(1),
      displayName: 'Sophie Lambert',
      jobTitle: null,
      email: 'sophie@affluents.test',
      role: 'facilitator',
      organisation: null,
      joinedAt: '2025-01-15T09:00:00.000Z',
    },
  ],
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('GroupMembersAdmin', () => {
  it('opens on the group named in the address and manages its members with the group-home components', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const url = String(input);
        if (url.startsWith('/api/bassins')) return jsonResponse(200, [namur]);
        if (url === `/api/groups/${managers.id}`) return jsonResponse(200, managers);
        throw new Error(`unexpected ${url}`);
      }),
    );
    renderWithProviders(<GroupMembersAdmin />, {
      path: `/admin?onglet=membres&groupe=${managers.id}`,
      user: coordinator,
    });

    const panel = await screen.findByRole('region', { name: /Namur – Responsables d’entreprises/ });
    expect(screen.getByRole('button', { name: /Bassin/ }).textContent).toContain('Namur');
    expect(screen.getByRole('button', { name: /^Responsables d’entreprises/ })).toBeTruthy();
    expect(within(panel).getByText('Sophie Lambert')).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'Ajouter un compte existant' })).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'Actions pour Sophie Lambert' }));
    const items = within(screen.getByRole('menu'))
      .getAllByRole('menuitem')
      .map((item) => item.textContent);
    expect(items).toEqual(['Repasser membre', 'Retirer du groupe']);
  });

  it('asks for a group before showing members', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(200, [namur])),
    );
    renderWithProviders(<GroupMembersAdmin />, { path: '/admin?onglet=membres', user: coordinator });
    expect(await screen.findByRole('heading', { name: 'Aucun groupe choisi' })).toBeTruthy();
    expect(screen.queryByRole('region')).toBeNull();
  });
});
