import { parseSearchQuery } from './acronyms';

describe('parseSearchQuery', () => {
  it('expands an acronym written in capitals', () => {
    expect(parseSearchQuery('CPAS logement')).toEqual([
      { text: 'CPAS', phrase: false, alternatives: ["centre public d'action sociale"] },
      { text: 'logement', phrase: false, alternatives: [] },
    ]);
  });

  it('does not expand ordinary words that look like acronyms in lower case', () => {
    expect(parseSearchQuery('as ei')[0].alternatives).toEqual([]);
  });

  it('keeps quoted phrases whole and maps an expansion back to its acronym', () => {
    expect(parseSearchQuery('"Centre public d’action sociale"')).toEqual([
      { text: 'Centre public d’action sociale', phrase: true, alternatives: ['CPAS'] },
    ]);
  });
});
