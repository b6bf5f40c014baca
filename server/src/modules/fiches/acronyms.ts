/**
 * The sector's acronyms and their expansions (docs/GLOSSARY.md, plus the FOREm, the Walloon employment and
 * training office every fiche deals with), so that searching "CPAS" also finds "centre public d'action
 * sociale" and the other way round. An acronym may have several expansions (feminine forms).
 */
export const sectorAcronyms: Readonly<Record<string, readonly string[]>> = {
  AS: ['assistant social', 'assistante sociale'],
  CISP: ["centre d'insertion socioprofessionnelle"],
  CPAS: ["centre public d'action sociale"],
  EES: ["entreprise d'économie sociale"],
  EFT: ['entreprise de formation par le travail'],
  EI: ["entreprise d'insertion"],
  ETA: ['entreprise de travail adapté'],
  FOREm: ["Office wallon de la formation professionnelle et de l'emploi"],
  FSE: ['Fonds social européen'],
  IBEFE: ['instance bassin enseignement qualifiant formation emploi'],
  ILDE: ["initiative locale de développement de l'emploi"],
  ISP: ['insertion socioprofessionnelle'],
  MIRE: ["mission régionale pour l'insertion et l'emploi"],
  OISP: ["organisme d'insertion socioprofessionnelle"],
  PV: ['procès-verbal'],
  RAC: ['reconnaissance des acquis de compétences'],
};

const normalise = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const expansionToAcronym = new Map(
  Object.entries(sectorAcronyms).flatMap(([acronym, expansions]) =>
    expansions.map((e) => [normalise(e), acronym] as const),
  ),
);
const acronymByCapitals = new Map(Object.keys(sectorAcronyms).map((a) => [a.toUpperCase(), a]));
/** Words in the longest expansion: a query never needs a longer run of words looked up. */
const longestExpansion = Math.max(...[...expansionToAcronym.keys()].map((e) => e.split(' ').length));

/** One search term and the alternatives it also matches. */
export interface SearchTerm {
  text: string;
  /** True for a quoted phrase: its words must follow each other. */
  phrase: boolean;
  alternatives: string[];
}

/**
 * The acronym a word stands for, when written as the acronym is (or in capitals): "as" or "ei" in lower
 * case are ordinary French words.
 */
function acronymOf(word: string): string | undefined {
  const acronym = acronymByCapitals.get(word.toUpperCase());
  return acronym && (word === acronym || word === word.toUpperCase()) ? acronym : undefined;
}

/**
 * Splits a query into terms (quoted phrases kept whole, a leading "-" ignored) and attaches the
 * acronym or expansions each one stands for. An expansion typed without quotes ("centre public
 * d'action sociale") is recognised as the run of words it is, and becomes one term that also matches
 * its acronym: searching either way finds the same fiches. Every term must match (AND); a term
 * matches through any of its alternatives (OR).
 */
export function parseSearchQuery(query: string): SearchTerm[] {
  const words: Array<{ text: string; phrase: boolean }> = [];
  for (const match of query.matchAll(/"([^"]+)"|(\S+)/g)) {
    const phrase = match[1] !== undefined;
    const text = (match[1] ?? match[2]).replace(/^-+/, '').trim();
    if (text) words.push({ text, phrase });
  }
  const terms: SearchTerm[] = [];
  for (let i = 0; i < words.length; ) {
    const expansion = expansionAt(words, i);
    if (expansion) {
      terms.push(expansion.term);
      i += expansion.length;
      continue;
    }
    const { text, phrase } = words[i];
    const alternatives: string[] = [];
    const acronym = phrase ? undefined : acronymOf(text);
    if (acronym) alternatives.push(...sectorAcronyms[acronym]);
    const expanded = expansionToAcronym.get(normalise(text));
    if (expanded) alternatives.push(expanded);
    terms.push({ text, phrase, alternatives });
    i += 1;
  }
  return terms;
}

/** The longest run of unquoted words from `start` that spells an expansion, as one phrase term. */
function expansionAt(
  words: ReadonlyArray<{ text: string; phrase: boolean }>,
  start: number,
): { term: SearchTerm; length: number } | undefined {
  for (let length = Math.min(longestExpansion, words.length - start); length >= 2; length--) {
    const run = words.slice(start, start + length);
    if (run.some((w) => w.phrase)) continue;
    const text = run.map((w) => w.text).join(' ');
    const acronym = expansionToAcronym.get(normalise(text));
    if (acronym) return { term: { text, phrase: true, alternatives: [acronym] }, length };
  }
  return undefined;
}
