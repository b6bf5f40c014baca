import { inflateSync } from 'node:zlib';

/** Windows-1252 0x80-0x9F (Node's TextDecoder may treat this range as Latin-1 control characters). */
const WIN_ANSI_HIGH = '€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ';
const decodeWinAnsi = (bytes: Buffer) =>
  [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? WIN_ANSI_HIGH[b - 0x80] : String.fromCharCode(b))).join('');

/**
 * The text a PDF shows, line by line: every content stream is inflated, and the strings of its
 * `TJ`/`Tj` operators (pdfkit writes them as hex of WinAnsi codes) are decoded as Windows-1252.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  const streams = /<<([^<>]*)>>\s*stream\r?\n/g;
  for (let match = streams.exec(raw); match; match = streams.exec(raw)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    let bytes = pdf.subarray(start, end);
    if (match[1].includes('/FlateDecode')) {
      try {
        bytes = inflateSync(bytes);
      } catch {
        continue; // Not a content stream pdfkit compressed (fonts are not embedded anyway).
      }
    }
    const content = bytes.toString('latin1');
    for (const op of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const hex = op[1] ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('') : op[2];
      lines.push(decodeWinAnsi(Buffer.from(hex, 'hex')));
    }
  }
  return lines.join('\n');
}

/** A supertest parser that keeps the body as bytes (`.buffer(true).parse(binary)`). */
export const binary = (
  res: import('node:stream').Readable,
  done: (err: Error | null, body: Buffer) => void,
) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
