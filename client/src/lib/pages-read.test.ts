import { describe, expect, it } from 'vitest';
import { clearPagesRead, PAGES_READ_CACHE, PAGES_READ_URL } from './pages-read';

describe('the pages read kept for offline', () => {
  it('keeps the API’s answers, not file downloads nor the app’s own files', () => {
    const kept = (path: string) => PAGES_READ_URL.test(new URL(path, 'https://affluents.example').href);
    expect(kept('/api/groups/1')).toBe(true);
    expect(kept('/api/fiches?q=accueil')).toBe(true);
    expect(kept('/api/files/abc/download')).toBe(false);
    expect(kept('/assets/index-abc.js')).toBe(false);
    expect(kept('/groupes/1?from=/api/x')).toBe(false);
  });

  it('deletes only its own cache', async () => {
    const deleted: string[] = [];
    const remove = async (name: string) => {
      deleted.push(name);
      return true;
    };
    const storage = { delete: remove } as unknown as CacheStorage;
    expect(await clearPagesRead(storage)).toBe(true);
    expect(deleted).toEqual([PAGES_READ_CACHE]);
    expect(await clearPagesRead(undefined)).toBe(false);
  });
});
