import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../test/render';
import { useLogout } from './hooks';

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
  it('deletes the offline fiche copies once the server has signed out', async () => {
    const deleteDatabase = stubIndexedDB();
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
  });

  it('keeps them when the sign-out failed (the session is still open)', async () => {
    const deleteDatabase = stubIndexedDB();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(503, { status: 503, code: 'unavailable', message: 'Indisponible' })),
    );
    const { result } = renderLogout();
    await act(() => result.current.mutateAsync().catch(() => undefined));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(deleteDatabase).not.toHaveBeenCalled();
  });
});
