import { describe, expect, it } from 'vitest';
import { parseSnippet } from './snippet';

describe('parseSnippet', () => {
  it('turns marked words into matches and keeps the rest as text', () => {
    expect(parseSnippet('les [ateliers] du [mardi] soir')).toEqual([
      { text: 'les ', match: false },
      { text: 'ateliers', match: true },
      { text: ' du ', match: false },
      { text: 'mardi', match: true },
      { text: ' soir', match: false },
    ]);
  });

  it('keeps markup as plain text, never as HTML', () => {
    expect(parseSnippet('<img src=x onerror=alert(1)> [script]')).toEqual([
      { text: '<img src=x onerror=alert(1)> ', match: false },
      { text: 'script', match: true },
    ]);
  });

  it('leaves unpaired or empty brackets as text', () => {
    expect(parseSnippet('voir [note] ] et [ et []')).toEqual([
      { text: 'voir ', match: false },
      { text: 'note', match: true },
      { text: ' ] et [ et []', match: false },
    ]);
  });

  it('handles a snippet without any match and an empty snippet', () => {
    expect(parseSnippet('rien à signaler')).toEqual([{ text: 'rien à signaler', match: false }]);
    expect(parseSnippet('')).toEqual([]);
  });
});
