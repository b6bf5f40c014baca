import { mentionPattern } from '@affluents/contracts';
import { describe, expect, it } from 'vitest';
import { mentionQueryAt, mentionToken } from './mentions';

describe('mentions', () => {
  it('finds the query typed after @', () => {
    expect(mentionQueryAt('Bonjour @Tho', 12)).toEqual({ start: 8, query: 'Tho' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('mail@exemple', 12)).toBeNull();
    expect(mentionQueryAt('Bonjour @Thomas et', 18)).toBeNull();
  });

  it('writes tokens the server recognises', () => {
    const id = '0b6f2c3e-8a51-4c1e-9d7b-3f2a1b0c9d8e';
    const text = `${mentionToken({ id, label: 'Thomas Dubois' })} ${mentionToken({ id: null, label: 'groupe' })}`;
    expect([...text.matchAll(mentionPattern)].map((m) => m[2])).toEqual([`user:${id}`, 'group']);
  });
});
