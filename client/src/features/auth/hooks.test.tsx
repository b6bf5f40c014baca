import type { CurrentUser } from '@affluents/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PAGES_READ_CACHE } from '../../lib/pages-read';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { useAccessChanges, useCan, useLogout } from './hooks';

/** The page's one Socket.IO connection, played by the test: server events to push. */
const fake = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const socket = {
    on(event: string, listener: (...args: unknown[]) => void) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)?.add(listener);
      return socket;
    },
    off(event: string, listener: (...args: unknown[]) => void) {
      listeners.get(event)?.delete(listener);
      return socket;
    },
    io: { on: () => undefined },
    disconnect: () => undefined,
  };
  const push = (event: string, ...args: unknown[]) => {
    for (const listener of [...(listeners.get(event) ?? [])]) listener(...args);
  };
  return { socket, push };
});
vi.mock('socket.io-client', () => ({ io: () => fake.socket }));

function stubIndexedDB() {
  const deleteDatabase = vi.fn((_name: string) => {
    const request = {} as IDBOpenDBRequest;
    queueMicrotask(() => request.onsuccess?.call(request, new Event('success')));
    return request;
  });
  vi.stubGlobal('indexedDB', {
    deleteDatabase,
    databases: async () => [{ name: 'affluents:fiche:00000000-0000-4000-8000-000000000001' }, { name: 'x' }],
  });
  return deleteDatabase;
}

function renderLogout() {
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  return renderHook(() => useLogout(), { wrapper });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useLogout', () => {
  it('deletes the offline fiche copies and the pages read once the server has signed out', async () => {
    const deleteDatabase = stubIndexedDB();
    const deleteCache = vi.fn(async (_name: string) => true);
    vi.stubGlobal('caches', { delete: deleteCache });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 204 })),
    );
    const { result } = renderLogout();
    await act(() => result.current.mutateAsync());
    await vi.waitFor(() =>
      expect(deleteDatabase.mock.calls.map(([name]) => name)).toEqual([
        'affluents:fiche:00000000-0000-4000-8000-000000000001',
      ]),
    );
    expect(deleteCache.mock.calls.map(([name]) => name)).toEqual([PAGES_READ_CACHE]);
  });

  it('keeps them when the sign-out failed (the session is still open)', async () => {
    const deleteDatabase = stubIndexedDB();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(503, { status: 503, code: 'unavailable', message: 'Indisponible' })),
    );
    const { result } = renderLogout();
    await act(() => result.current.mutateAsync().catch(() => undefined));
    expect(deleteDatabase).not.toHaveBeenCalled();
    // Sentinel: a later sign-out that succeeds deletes the copy. A deletion started by the failed one
    // would have come before it, so exactly one deletion means the failure deleted nothing.
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 204 })),
    );
    await act(() => result.current.mutateAsync());
    await vi.waitFor(() => expect(deleteDatabase).toHaveBeenCalled());
    expect(deleteDatabase).toHaveBeenCalledTimes(1);
  });
});

const groupId = '00000000-0000-4000-8000-000000000100';

function LiveControls() {
  useAccessChanges();
  const can = useCan();
  return <p>{can('meeting.manage', { groupId }) ? 'Animer la rencontre' : 'Participer'}</p>;
}

describe('useAccessChanges', () => {
  const ines = (role: 'facilitator' | 'member'): CurrentUser => ({
    id: '00000000-0000-4000-8000-000000000007',
    email: 'ines@affluents.test',
    displayName: 'Inès',
    jobTitle: null,
    platformRole: null,
    organisation: null,
    memberships: [{ groupId, role }],
  });

  it('refetches who I am when the server says my rights changed, so refused controls go', async () => {
    let role: 'facilitator' | 'member' = 'facilitator';
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(200, ines(role))),
    );
    renderWithProviders(<LiveControls />, { user: ines('facilitator') });
    expect(screen.getByText('Animer la rencontre')).toBeTruthy();
    role = 'member';
    act(() => fake.push('access:changed'));
    expect(await screen.findByText('Participer')).toBeTruthy();
  });
});
