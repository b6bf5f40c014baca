import { describe, expect, it } from 'vitest';
import { readDiscussionSearch, writeDiscussionSearch } from './search-params';

const group = '00000000-0000-4000-8000-0000000000a1';

describe('discussion search params', () => {
  it('reads and writes the same search', () => {
    const search = { q: 'atelier cv', groupId: group, page: 3 };
    expect(readDiscussionSearch(writeDiscussionSearch(search))).toEqual(search);
    expect(writeDiscussionSearch({ q: ' ', groupId: null, page: 1 }).toString()).toBe('');
  });

  it('falls back to defaults on bad values', () => {
    expect(readDiscussionSearch(new URLSearchParams('groupe=x&page=-2'))).toEqual({
      q: '',
      groupId: null,
      page: 1,
    });
  });
});
