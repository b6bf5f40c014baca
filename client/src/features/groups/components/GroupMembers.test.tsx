import type { CurrentUser, GroupDetail, GroupMember } from '@affluents/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { notify } from '../../../components/ui/toast';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { useGroup } from '../hooks';
import { GroupMembers } from './GroupMembers';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const groupId = id(100);

function member(n: number, displayName: string, role: GroupMember['role']): GroupMember {
  return {
    userId: id(n),
    displayName,
    jobTitle: null,
    email: `${displayName.split(' ')[0]?.toLowerCase()}@affluents.test`,
    role,
    organisation: null,
    joinedAt: '2025-01-15T09:00:00.000Z',
  };
}

const sophie = member(1, 'Sophie Lambert', 'facilitator');
const ines = member(2, 'Inès Moreau', 'facilitator');
const claire = member(3, 'Claire Renard', 'member');
const thomas = member(4, 'Thomas Dubois', 'member');

function group(members: GroupMember[]): GroupDetail {
  return {
    id: groupId,
    kind: 'social_workers',
    bassin: { id: id(90), name: 'Namur' },
    archivedAt: null,
    memberCount: members.length,
    myRole: null,
    members,
  };
}

function user(
  who: GroupMember | null,
  platformRole: CurrentUser['platformRole'] = null,
  role: GroupMember['role'] | null = who?.role ?? null,
): CurrentUser {
  return {
    id: who?.userId ?? id(9),
    email: who?.email ?? 'admin@affluents.test',
    displayName: who?.displayName ?? 'Équipe Affluents',
    jobTitle: null,
    platformRole,
    organisation: null,
    memberships: role ? [{ groupId, role }] : [],
  };
}

const everyone = [sophie, ines, claire, thomas];

/** The group as the group page shows it: loaded from the API, so that invalidation refreshes it. */
function LoadedGroupMembers() {
  const { data } = useGroup(groupId);
  return data ? <GroupMembers group={data} title="Membres" /> : null;
}

type Route = (url: string, init: RequestInit) => Response | undefined;

function mockApi(route: Route) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const response = route(String(input), init);
    if (!response) throw new Error(`unexpected ${init.method ?? 'GET'} ${String(input)}`);
    return response;
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const calls = (fetchMock: ReturnType<typeof mockApi>) =>
  fetchMock.mock.calls.map(([input, init]) => `${init?.method ?? 'GET'} ${String(input)}`);

function openMenuOf(name: string) {
  fireEvent.click(screen.getByRole('button', { name: `Actions pour ${name}` }));
  return screen.getByRole('menu');
}

const menuItems = (menu: HTMLElement) =>
  within(menu)
    .getAllByRole('menuitem')
    .map((item) => item.textContent);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('GroupMembers', () => {
  it('shows no actions to a plain member', () => {
    renderWithProviders(<GroupMembers group={group(everyone)} title="Membres" />, { user: user(claire) });
    expect(screen.getByText('Claire Renard')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Actions pour/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ajouter un compte existant' })).toBeNull();
  });

  it('gives a facilitator a menu per member, without the coordination’s items', () => {
    renderWithProviders(<GroupMembers group={group(everyone)} title="Membres" />, { user: user(sophie) });

    expect(menuItems(openMenuOf('Claire Renard'))).toEqual(['Retirer du groupe']);
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });

    // Another facilitator is the coordination's business: nothing to offer, so no menu at all.
    expect(screen.queryByRole('button', { name: 'Actions pour Inès Moreau' })).toBeNull();
    // Her own entry offers to leave.
    expect(menuItems(openMenuOf('Sophie Lambert'))).toEqual(['Quitter le groupe']);
    // Adding existing accounts needs the accounts list: facilitators invite by email instead.
    expect(screen.queryByRole('button', { name: 'Ajouter un compte existant' })).toBeNull();
  });

  it('lets the coordination name and demote facilitators and add existing accounts', () => {
    renderWithProviders(<GroupMembers group={group(everyone)} title="Membres" />, {
      user: user(null, 'coordinator'),
    });
    expect(menuItems(openMenuOf('Claire Renard'))).toEqual(['Nommer animateur·rice', 'Retirer du groupe']);
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    expect(menuItems(openMenuOf('Inès Moreau'))).toEqual(['Repasser membre', 'Retirer du groupe']);
    expect(screen.getByRole('button', { name: 'Ajouter un compte existant' })).toBeTruthy();
  });

  it('asks, naming the person and the group, then removes and refreshes the list', async () => {
    let members = everyone;
    const fetchMock = mockApi((url, init) => {
      if (url === `/api/groups/${groupId}` && init.method === 'GET') return jsonResponse(200, group(members));
      if (url === `/api/groups/${groupId}/members/${claire.userId}` && init.method === 'DELETE') {
        members = members.filter((m) => m !== claire);
        return new Response(null, { status: 204 });
      }
      return undefined;
    });
    const success = vi.spyOn(notify, 'success');
    renderWithProviders(<LoadedGroupMembers />, { user: user(sophie) });
    await screen.findByText('Claire Renard');

    fireEvent.click(within(openMenuOf('Claire Renard')).getByRole('menuitem', { name: 'Retirer du groupe' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('Retirer Claire Renard du groupe ?');
    expect(dialog.textContent).toContain(
      'Claire Renard ne fera plus partie du groupe « Travailleurs sociaux » du bassin Namur',
    );
    expect(calls(fetchMock)).not.toContain(`DELETE /api/groups/${groupId}/members/${claire.userId}`);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Retirer du groupe' }));
    await waitFor(() => expect(screen.queryByText('Claire Renard')).toBeNull());
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(calls(fetchMock).filter((c) => c === `GET /api/groups/${groupId}`)).toHaveLength(2);
    expect(success).toHaveBeenCalledWith(
      'Claire Renard ne fait plus partie du groupe « Travailleurs sociaux ».',
    );
    expect(screen.getByRole('heading', { name: /Membres \(3\)/ })).toBeTruthy();
  });

  it('lets a facilitator leave, and hands over once she has left', async () => {
    const fetchMock = mockApi((url, init) =>
      url === `/api/groups/${groupId}/members/${sophie.userId}` && init.method === 'DELETE'
        ? new Response(null, { status: 204 })
        : url === '/api/auth/me'
          ? jsonResponse(200, user(sophie, null, null))
          : undefined,
    );
    const onLeft = vi.fn();
    renderWithProviders(<GroupMembers group={group(everyone)} title="Membres" onLeft={onLeft} />, {
      user: user(sophie),
    });
    fireEvent.click(
      within(openMenuOf('Sophie Lambert')).getByRole('menuitem', { name: 'Quitter le groupe' }),
    );
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Quitter le groupe « Travailleurs sociaux » ?',
    });
    expect(dialog.textContent).toContain('Vous ne ferez plus partie du groupe');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Quitter le groupe' }));
    await waitFor(() => expect(onLeft).toHaveBeenCalled());
    // Her own memberships changed: the policy's view of her is reloaded.
    await waitFor(() => expect(calls(fetchMock)).toContain('GET /api/auth/me'));
  });

  it('keeps the dialog open with the server’s refusal', async () => {
    mockApi((url, init) =>
      url.endsWith(`/members/${claire.userId}`) && init.method === 'DELETE'
        ? jsonResponse(403, { status: 403, code: 'forbidden', message: 'Forbidden' })
        : undefined,
    );
    renderWithProviders(<GroupMembers group={group(everyone)} title="Membres" />, { user: user(sophie) });
    fireEvent.click(within(openMenuOf('Claire Renard')).getByRole('menuitem', { name: 'Retirer du groupe' }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Retirer du groupe' }));
    await waitFor(() =>
      expect(within(dialog).getByRole('alert').textContent).toBe(
        'Vous n’avez pas l’autorisation de faire cette action.',
      ),
    );
  });

  it('changes a role from the menu and reports a failure in a toast', async () => {
    const fetchMock = mockApi((url, init) => {
      if (url !== `/api/groups/${groupId}/members/${claire.userId}` || init.method !== 'PATCH')
        return undefined;
      return jsonResponse(409, {
        status: 409,
        code: 'conflict',
        message: 'Le groupe a déjà trop d’animateurs',
      });
    });
    const error = vi.spyOn(notify, 'error');
    renderWithProviders(<GroupMembers group={group(everyone)} title="Membres" />, {
      user: user(null, 'admin'),
    });
    fireEvent.click(
      within(openMenuOf('Claire Renard')).getByRole('menuitem', { name: 'Nommer animateur·rice' }),
    );

    await waitFor(() =>
      expect(error).toHaveBeenCalledWith(
        'Le rôle de Claire Renard n’a pas pu être modifié',
        'Le groupe a déjà trop d’animateurs',
      ),
    );
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toEqual({ role: 'facilitator' });
  });
});
