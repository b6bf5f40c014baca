import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ficheDetail, ficheId } from '../../test/fixtures';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { useFiche, useFicheUpdates } from './hooks';

/** The page's one Socket.IO connection, played by the test: what the page sent, and server events to push. */
const fake = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const sent: Array<[string, unknown]> = [];
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
    timeout: () => ({
      emitWithAck: async (event: string, payload: unknown) => {
        sent.push([event, payload]);
        return { ok: true, data: null };
      },
    }),
    io: { on: () => undefined },
    disconnect: () => undefined,
  };
  const push = (event: string, ...args: unknown[]) => {
    for (const listener of [...(listeners.get(event) ?? [])]) listener(...args);
  };
  return { socket, sent, push };
});
vi.mock('socket.io-client', () => ({ io: () => fake.socket }));

function OpenFiche() {
  const { data } = useFiche(ficheId);
  useFicheUpdates(ficheId);
  return <h1>{data?.title ?? '…'}</h1>;
}

afterEach(() => {
  vi.unstubAllGlobals();
  fake.sent.length = 0;
});

describe('useFicheUpdates', () => {
  it('refetches the open fiche when the server says it changed, and only then', async () => {
    let version = 0;
    const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
      if (String(input) !== `/api/fiches/${ficheId}`) throw new Error(`unexpected ${String(input)}`);
      version++;
      return jsonResponse(200, ficheDetail({ title: `Version ${version}` }));
    });
    vi.stubGlobal('fetch', fetchMock);
    const { unmount } = renderWithProviders(<OpenFiche />);
    await screen.findByText('Version 1');
    expect(fake.sent).toContainEqual(['fiche:join', { ficheId }]);

    // A colleague saved the fiche: the server tells the fiche's room.
    fake.push('fiche:updated', { ficheId: '00000000-0000-4000-8000-000000000099' });
    fake.push('fiche:updated', { ficheId });
    await screen.findByText('Version 2');
    expect(fetchMock).toHaveBeenCalledTimes(2);

    // After a reconnection: the room is joined again and what was missed is fetched.
    fake.sent.length = 0;
    fake.push('connect');
    await screen.findByText('Version 3');
    expect(fake.sent).toEqual([['fiche:join', { ficheId }]]);

    unmount();
    await waitFor(() => expect(fake.sent).toContainEqual(['fiche:leave', { ficheId }]));
  });
});
