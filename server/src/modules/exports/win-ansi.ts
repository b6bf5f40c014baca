/**
 * The standard PDF fonts (Helvetica, Courier) encode text in WinAnsi (Windows-1252): Latin-1 plus a few
 * typographic characters. pdfkit writes any other character as a wrong byte, so every string goes
 * through `toWinAnsi` before it reaches the page.
 */

/** The characters Windows-1252 adds to Latin-1 in 0x80-0x9F (’ “ ” … – — € œ Œ …). */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Readable stand-ins for characters French text often holds that Windows-1252 lacks. */
const REPLACEMENTS: Record<string, string> = {
  '\u202f': '\u00a0', // narrow no-break space, before ; : ! ? » in French typography
  '\u2009': ' ',
  '\u200b': '',
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u2190': '<-',
  '\u2192': '->',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2610': '[ ]',
  '\u2611': '[x]',
  '\u2612': '[x]',
  '\u2713': 'v',
  '\u2714': 'v',
};

const isWinAnsi = (ch: string) => {
  const code = ch.codePointAt(0) ?? 0;
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    WIN_ANSI_EXTRAS.has(ch)
  );
};

/**
 * `text` with every character the standard fonts can show: composed accents are joined (NFC), known
 * symbols get a stand-in, accented letters outside Latin-1 lose their accent (ł, ő -> o), and anything
 * else becomes '?'. Never throws.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (isWinAnsi(ch)) out += ch;
    else if (ch in REPLACEMENTS) out += REPLACEMENTS[ch];
    else if (ch === '\t') out += '    ';
    else if (ch === '\r') continue;
    else {
      const bare = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += bare.length > 0 && [...bare].every(isWinAnsi) ? bare : '?';
    }
  }
  return out;
}
