import type { CurrentUser, GroupDetail, UserAdminView } from '@affluents/contracts';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { notify } from '../../../components/ui/toast';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { AddMemberDialog } from './AddMemberDialog';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const groupId = id(100);

const admin: CurrentUser = {
  id: id(9),
  email: 'admin@affluents.test',
  displayName: 'Équipe Affluents',
  jobTitle: null,
  platformRole: 'admin',
  organisation: null,
  memberships: [],
};

function account(n: number, displayName: string, email: string): UserAdminView {
  return {
    id: id(n),
    email,
    displayName,
    jobTitle: null,
    platformRole: null,
    organisation: { id: id(50), name: 'CPAS de Namur', kind: 'cpas' },
    memberships: [],
    disabledAt: null,
    createdAt: '2025-01-15T09:00:00.000Z',
  };
}

const nadia = account(5, 'Nadia Vandenbergh', 'nadia@affluents.test');
const nathan = account(6, 'Nathan Claes', 'nathan@affluents.test');

const group: GroupDetail = {
  id: groupId,
  kind: 'social_workers',
  bassin: { id: id(90), name: 'Namur' },
  archivedAt: null,
  memberCount: 1,
  myRole: null,
  members: [
    {
      userId: nathan.id,
      displayName: nathan.displayName,
      jobTitle: null,
      email: nathan.email,
      role: 'member',
      organisation: null,
      joinedAt: '2025-01-15T09:00:00.000Z',
    },
  ],
};

function mockApi() {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    if (url.startsWith('/api/users')) {
      const q = new URL(url, 'http://x').searchParams.get('q') ?? '';
      const found = [nadia, nathan].filter((u) => u.displayName.toLowerCase().includes(q.toLowerCase()));
      return jsonResponse(200, found);
    }
    if (url === `/api/groups/${groupId}/members` && init.method === 'POST') {
      return jsonResponse(201, { ...group.members[0], userId: nadia.id, displayName: nadia.displayName });
    }
    throw new Error(`unexpected ${init.method} ${url}`);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('AddMemberDialog', () => {
  it('searches accounts as one types, marks current members, and adds the chosen one', async () => {
    const fetchMock = mockApi();
    const success = vi.spyOn(notify, 'success');
    const onClose = vi.fn();
    renderWithProviders(<AddMemberDialog group={group} onClose={onClose} />, { user: admin });

    const dialog = screen.getByRole('dialog', { name: 'Ajouter un compte existant' });
    expect(dialog.textContent).toContain('groupe « Travailleurs sociaux » du bassin Namur');
    const input = within(dialog).getByRole('combobox', { name: /Compte/ });
    act(() => input.focus());
    fireEvent.change(input, { target: { value: 'N' } });
    fireEvent.change(input, { target: { value: 'Na' } });

    // The search waits for typing to pause, then asks the server once.
    const searched = () => fetchMock.mock.calls.map(([url]) => String(url));
    await waitFor(() => expect(searched()).toContain('/api/users?q=Na'));
    expect(searched()).not.toContain('/api/users?q=N');
    const nadiaOption = await screen.findByRole('option', { name: /Nadia Vandenbergh/ });
    const nathanOption = screen.getByRole('option', { name: /Nathan Claes/ });
    expect(nathanOption.getAttribute('aria-disabled')).toBe('true');
    expect(nathanOption.textContent).toContain('Déjà membre du groupe');
    expect(nadiaOption.textContent).toContain('nadia@affluents.test · CPAS de Namur');

    fireEvent.click(nadiaOption);
    await waitFor(() => expect((input as HTMLInputElement).value).toBe('Nadia Vandenbergh'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ajouter au groupe' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST') as unknown as [
      string,
      RequestInit,
    ];
    expect(JSON.parse(String(post[1].body))).toEqual({ userId: nadia.id, role: 'member' });
    expect(success).toHaveBeenCalledWith(
      'Nadia Vandenbergh fait désormais partie du groupe « Travailleurs sociaux ».',
    );
  });

  it('offers the facilitator role to the coordination', async () => {
    mockApi();
    renderWithProviders(<AddMemberDialog group={group} onClose={vi.fn()} />, { user: admin });
    fireEvent.click(screen.getByRole('button', { name: /Rôle dans le groupe/ }));
    const options = (await screen.findAllByRole('option')).map((o) => o.textContent);
    expect(options).toEqual(['Membre', 'Animateur·rice']);
  });

  it('asks for an account before sending anything', async () => {
    const fetchMock = mockApi();
    renderWithProviders(<AddMemberDialog group={group} onClose={vi.fn()} />, { user: admin });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter au groupe' }));
    await screen.findByText('Ce champ est obligatoire.');
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });
});
