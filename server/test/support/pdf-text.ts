import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { inflateSync } from 'node:zlib';
import type TestAgent from 'supertest/lib/agent';

/** Windows-1252 0x80-0x9F (Node's TextDecoder may treat this range as Latin-1 control characters). */
const WIN_ANSI_HIGH = '€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ';
const decodeWinAnsi = (bytes: Buffer) =>
  [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? WIN_ANSI_HIGH[b - 0x80] : String.fromCharCode(b))).join('');

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

/** Every `n 0 obj` of the file, with its stream inflated; streams are skipped by their /Length, not searched. */
export function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const head = /(\d+) 0 obj\b/g;
  for (let m = head.exec(raw); m; m = head.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endobj', start);
    const streamAt = raw.indexOf('stream', start);
    if (streamAt < 0 || streamAt > end) {
      objects.set(Number(m[1]), { dict: raw.slice(start, end) });
      head.lastIndex = end;
      continue;
    }
    const dict = raw.slice(start, streamAt);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const dataStart = streamAt + 'stream'.length + (raw[streamAt + 6] === '\r' ? 2 : 1);
    const data = pdf.subarray(dataStart, dataStart + length);
    objects.set(Number(m[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(data) : data });
    head.lastIndex = dataStart + length;
  }
  return objects;
}

/** A /ToUnicode CMap (bfchar and bfrange, as PDF 32000 9.10.3 writes them): glyph code -> text. */
function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => Buffer.from(hex.replace(/\s/g, ''), 'hex').swap16().toString('utf16le');
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, code, text] of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g))
      map.set(Number.parseInt(code, 16), utf16(text));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, lo, hi, list, first] of block[1].matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:\[([^\]]*)\]|<([0-9a-fA-F\s]+)>)/g,
    )) {
      const from = Number.parseInt(lo, 16);
      const to = Number.parseInt(hi, 16);
      if (list !== undefined) {
        let code = from;
        for (const [, text] of list.matchAll(/<([0-9a-fA-F\s]+)>/g)) map.set(code++, utf16(text));
      } else {
        const base = utf16(first);
        const lastUnit = base.charCodeAt(base.length - 1);
        for (let code = from; code <= to; code++)
          map.set(code, base.slice(0, -1) + String.fromCharCode(lastUnit + code - from));
      }
    }
  return map;
}

/** How a font's string bytes become text: through its /ToUnicode CMap (2-byte codes), else as WinAnsi. */
type Decoder = (bytes: Buffer) => string;

function fontDecoders(objects: Map<number, PdfObject>): Map<string, Decoder> {
  const decoders = new Map<string, Decoder>();
  for (const { dict } of objects.values())
    for (const fonts of dict.matchAll(/\/Font\s*<<([^<>]*)>>/g))
      for (const [, name, ref] of fonts[1].matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)) {
        const font = objects.get(Number(ref))?.dict ?? '';
        const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(font);
        const cmap = toUnicode && objects.get(Number(toUnicode[1]))?.stream;
        if (!cmap) {
          decoders.set(name, decodeWinAnsi);
          continue;
        }
        const map = parseToUnicode(cmap.toString('latin1'));
        decoders.set(name, (bytes) => {
          let text = '';
          for (let i = 0; i + 1 < bytes.length; i += 2) text += map.get(bytes.readUInt16BE(i)) ?? '\ufffd';
          return text;
        });
      }
  return decoders;
}

/**
 * The text a PDF shows, line by line: each page's content stream is read, and the strings of its `TJ`/`Tj`
 * operators (pdfkit writes them in hex) are decoded with the font chosen by the last `Tf`: an embedded font
 * through its /ToUnicode CMap, a standard font as Windows-1252.
 */
export function pdfText(pdf: Buffer): string {
  const objects = pdfObjects(pdf);
  const decoders = fontDecoders(objects);
  const lines: string[] = [];
  for (const { dict } of objects.values()) {
    const contents = /\/Type \/Page\b[\s\S]*\/Contents (\d+) 0 R/.exec(dict);
    const stream = contents && objects.get(Number(contents[1]))?.stream;
    if (!stream) continue;
    let decode: Decoder = decodeWinAnsi;
    const ops = /\/([\w.+-]+)\s+[\d.]+\s+Tf|\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g;
    for (const op of stream.toString('latin1').matchAll(ops)) {
      if (op[1]) {
        decode = decoders.get(op[1]) ?? decodeWinAnsi;
        continue;
      }
      const hex =
        op[2] !== undefined ? [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('') : op[3];
      lines.push(decode(Buffer.from(hex, 'hex')));
    }
  }
  return lines.join('\n');
}

/**
 * The document catalog's dictionary (where /Lang, /MarkInfo and /StructTreeRoot sit), with each entry that
 * points to another object (`/MarkInfo 5 0 R`) replaced by that object's dictionary.
 */
export function pdfCatalog(pdf: Buffer): string {
  const objects = pdfObjects(pdf);
  const root = /\/Root (\d+) 0 R/.exec(pdf.toString('latin1'));
  const catalog = (root && objects.get(Number(root[1]))?.dict) ?? '';
  return catalog.replace(/(\d+) 0 R/g, (ref, id) => objects.get(Number(id))?.dict.trim() ?? ref);
}

/** The types of the document's structure elements (`H1`, `P`…), in file order, for tagged PDFs. */
export function pdfStructureTypes(pdf: Buffer): string[] {
  return [...pdfObjects(pdf).values()].flatMap(({ dict }) => /^\s*<<\s*\/S \/(\w+)\s/.exec(dict)?.[1] ?? []);
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

/** GET `url` as the holder of `agent`, the body kept as bytes (`res.body` is a Buffer). */
export const getBytes = (agent: TestAgent, url: string) =>
  agent
    .get(url)
    .buffer(true)
    .parse(binary as never);

/**
 * GETs a PDF (expecting 200, `application/pdf` and the `%PDF-` header) and reads its text.
 * PDF_DUMP_DIR=/tmp/pdfs keeps every PDF fetched, to look at them (e.g. in Chromium).
 */
export async function getPdf(
  agent: TestAgent,
  url: string,
): Promise<{ text: string; pdf: Buffer; filename: string }> {
  const res = await getBytes(agent, url).expect(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  const pdf = res.body as Buffer;
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const dumpDir = process.env.PDF_DUMP_DIR;
  if (dumpDir)
    writeFileSync(path.join(dumpDir, `${Date.now()}-${url.replace(/[^a-z0-9]+/gi, '-')}.pdf`), pdf);
  return { text: pdfText(pdf), pdf, filename: String(res.headers['content-disposition']) };
}
