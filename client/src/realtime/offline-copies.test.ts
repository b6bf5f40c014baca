import { describe, expect, it, vi } from 'vitest';
import { clearOfflineCopies, offlineCopyName, rememberOfflineCopy } from './offline-copies';

/** An IndexedDB factory that only lists and deletes, each deletion succeeding at once. */
function fakeIndexedDB(names: string[], { withList = true } = {}) {
  const deleteDatabase = vi.fn((_name: string) => {
    const request = {} as IDBOpenDBRequest;
    queueMicrotask(() => request.onsuccess?.call(request, new Event('success')));
    return request;
  });
  const factory = {
    deleteDatabase,
    ...(withList ? { databases: async () => names.map((name) => ({ name, version: 1 })) } : {}),
  } as unknown as IDBFactory;
  return { factory, deleteDatabase };
}

describe('clearOfflineCopies', () => {
  it('deletes the copy of every shared document (fiches, meeting agendas and notes), and no other database', async () => {
    const { factory, deleteDatabase } = fakeIndexedDB([
      offlineCopyName('fiche:00000000-0000-4000-8000-000000000001'),
      offlineCopyName('fiche:00000000-0000-4000-8000-000000000002'),
      offlineCopyName('meeting-agenda:00000000-0000-4000-8000-000000000004'),
      offlineCopyName('meeting-notes:00000000-0000-4000-8000-000000000005'),
      'affluents:preferences',
      'other-app:fiche:00000000-0000-4000-8000-000000000006',
    ]);
    const deleted = await clearOfflineCopies(factory);
    expect(deleteDatabase.mock.calls.map(([name]) => name).sort()).toEqual([
      'affluents:fiche:00000000-0000-4000-8000-000000000001',
      'affluents:fiche:00000000-0000-4000-8000-000000000002',
      'affluents:meeting-agenda:00000000-0000-4000-8000-000000000004',
      'affluents:meeting-notes:00000000-0000-4000-8000-000000000005',
    ]);
    expect(deleted).toHaveLength(4);
  });

  it('without databases(), deletes the copies opened in this tab', async () => {
    rememberOfflineCopy('affluents:fiche:00000000-0000-4000-8000-000000000003');
    rememberOfflineCopy('something-else');
    const { factory, deleteDatabase } = fakeIndexedDB([], { withList: false });
    await clearOfflineCopies(factory);
    expect(deleteDatabase.mock.calls.map(([name]) => name)).toEqual([
      'affluents:fiche:00000000-0000-4000-8000-000000000003',
    ]);
    // Forgotten once deleted.
    deleteDatabase.mockClear();
    await clearOfflineCopies(factory);
    expect(deleteDatabase).not.toHaveBeenCalled();
  });
});
