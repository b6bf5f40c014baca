import { parseSearchQuery, sectorAcronyms } from './acronyms';

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

  it('recognises an expansion typed without quotes, among other words, as one term with its acronym', () => {
    expect(parseSearchQuery('jardin Centre Public d’Action Sociale Jambes')).toEqual([
      { text: 'jardin', phrase: false, alternatives: [] },
      { text: 'Centre Public d’Action Sociale', phrase: true, alternatives: ['CPAS'] },
      { text: 'Jambes', phrase: false, alternatives: [] },
    ]);
    expect(parseSearchQuery('une entreprise de formation par le travail')[1]).toEqual({
      text: 'entreprise de formation par le travail',
      phrase: true,
      alternatives: ['EFT'],
    });
  });

  it('is symmetric for every acronym of the sector list', () => {
    for (const [acronym, expansions] of Object.entries(sectorAcronyms)) {
      expect(parseSearchQuery(acronym)).toEqual([{ text: acronym, phrase: false, alternatives: expansions }]);
      for (const expansion of expansions) {
        const [term, ...rest] = parseSearchQuery(expansion);
        expect(rest).toEqual([]);
        expect(term.alternatives).toEqual([acronym]);
      }
    }
  });

  it('reads the FOREm as written or in capitals, and a partial expansion as plain words', () => {
    expect(parseSearchQuery('FOREM')[0].alternatives).toEqual(sectorAcronyms.FOREm);
    expect(parseSearchQuery('centre public').map((t) => t.alternatives)).toEqual([[], []]);
  });
});
