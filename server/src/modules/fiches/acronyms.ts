/**
 * The sector's acronyms and their expansions (DOMAIN.md), so that searching "CPAS" also finds
 * "centre public d'action sociale" and the other way round.
 */
export const sectorAcronyms: Readonly<Record<string, string>> = {
  AS: 'assistant social',
  CISP: "centre d'insertion socioprofessionnelle",
  CPAS: "centre public d'action sociale",
  EES: "entreprise d'économie sociale",
  EFT: 'entreprise de formation par le travail',
  EI: "entreprise d'insertion",
  ETA: 'entreprise de travail adapté',
  FSE: 'Fonds social européen',
  IBEFE: 'instance bassin enseignement qualifiant formation emploi',
  ILDE: "initiative locale de développement de l'emploi",
  ISP: 'insertion socioprofessionnelle',
  MIRE: "mission régionale pour l'insertion et l'emploi",
  OISP: "organisme d'insertion socioprofessionnelle",
  PV: 'procès-verbal',
  RAC: 'reconnaissance des acquis de compétences',
};

const normalise = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const expansionToAcronym = new Map(Object.entries(sectorAcronyms).map(([a, e]) => [normalise(e), a]));

/** One search term and the alternatives it also matches. */
export interface SearchTerm {
  text: string;
  /** True for a quoted phrase: its words must follow each other. */
  phrase: boolean;
  alternatives: string[];
}

/**
 * Splits a query into terms (quoted phrases kept whole, a leading "-" ignored) and attaches the
 * acronym or expansion each one stands for. Every term must match (AND); a term matches through any
 * of its alternatives (OR).
 */
export function parseSearchQuery(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const match of query.matchAll(/"([^"]+)"|(\S+)/g)) {
    const phrase = match[1] !== undefined;
    const text = (match[1] ?? match[2]).replace(/^-+/, '').trim();
    if (!text) continue;
    const alternatives: string[] = [];
    const acronymExpansion = sectorAcronyms[text.toUpperCase()];
    if (!phrase && acronymExpansion && text === text.toUpperCase()) alternatives.push(acronymExpansion);
    const acronym = expansionToAcronym.get(normalise(text));
    if (acronym) alternatives.push(acronym);
    terms.push({ text, phrase, alternatives });
  }
  return terms;
}
