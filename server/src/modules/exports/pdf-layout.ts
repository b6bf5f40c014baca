import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatDateAs } from '@affluents/contracts';
import PDFDocument from 'pdfkit';

/** The fonts, sizes and colours of every exported PDF, in one place. */
export const pdfStyle = {
  margin: 56,
  footerHeight: 28,
  /** Names registered on every document by `createPdf` (see `fontFiles`). */
  font: {
    regular: 'Affluents-Regular',
    bold: 'Affluents-Bold',
    italic: 'Affluents-Italic',
    boldItalic: 'Affluents-BoldItalic',
    mono: 'Affluents-Mono',
  },
  size: { body: 10.5, small: 8.5, meta: 9.5, h1: 20, h2: 14, h3: 11.5, h4: 10.5 },
  color: {
    text: '#1f2933',
    muted: '#5f6b7a',
    accent: '#0b5e7e',
    link: '#0b5394',
    rule: '#c5ccd6',
    box: '#3e4c59',
  },
} as const;

export type Pdf = PDFKit.PDFDocument;

/**
 * DejaVu (package dejavu-fonts-ttf, Bitstream Vera licence, see docs/EXPORTS.md): the standard PDF fonts only
 * know WinAnsi, and names such as "Łukasz" or "Nguyễn Thị Hoa", or "≥" and "→", need glyphs beyond it. pdfkit
 * embeds only the glyphs a document uses, so a fiche stays small.
 */
const fontFiles: Record<keyof typeof pdfStyle.font, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
  mono: 'DejaVuSansMono.ttf',
};

const structureRoots = new WeakMap<Pdf, PDFKit.PDFStructureElement>();

/**
 * Draws `draw` as one structure element (`H1`, `H2`, `P`…) of the document, so a screen reader finds headings
 * and paragraphs in reading order. `draw` must not start a page itself (call `ensureSpace` before): pdfkit
 * carries a marked passage over only the page breaks its text wrapping makes.
 */
export function tagged(
  doc: Pdf,
  type: string,
  draw: () => void,
  parent: PDFKit.PDFStructureElement | undefined = structureRoots.get(doc),
): void {
  if (parent) parent.add(doc.struct(type, {}, draw));
  else draw();
}

/**
 * Draws an image as a `Figure` of the structure with its text alternative (`/Alt`), read by screen
 * readers instead of the picture; an image without one (decorative) is page furniture (an artifact).
 */
export function figure(doc: Pdf, alt: string, draw: () => void): void {
  const root = structureRoots.get(doc);
  if (alt.trim() && root) {
    root.add(doc.struct('Figure', { alt: alt.trim() }, draw));
    return;
  }
  doc.markContent('Artifact', { type: 'Layout' });
  draw();
  doc.endMarkedContent();
}

/**
 * The one heading of every PDF (fiches, booklets, minutes): `H1` is the document's title; `H2` is a
 * section, in the accent colour over a thin rule; deeper levels are plain bold. Kept with at least two
 * lines of what follows, tagged for screen readers, and the body font restored after it.
 */
export function heading(doc: Pdf, level: number, text: string): void {
  const tag = Math.min(Math.max(level, 1), 6);
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const size =
    [pdfStyle.size.h1, pdfStyle.size.h1, pdfStyle.size.h2, pdfStyle.size.h3][tag] ?? pdfStyle.size.h4;
  if (tag > 1) {
    doc.moveDown(tag === 2 ? 0.9 : 0.5);
    ensureSpace(doc, size * 1.4 + pdfStyle.size.body * 3);
  }
  tagged(doc, `H${tag}`, () =>
    doc
      .font(pdfStyle.font.bold)
      .fontSize(size)
      .fillColor(tag === 2 ? pdfStyle.color.accent : pdfStyle.color.text)
      .text(text, left, doc.y, { width }),
  );
  if (tag === 2) {
    const y = doc.y + 2;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.6)
      .strokeColor(pdfStyle.color.rule)
      .stroke();
    doc.y = y + 4;
  }
  doc.moveDown(tag === 1 ? 0.3 : 0.2);
  doc.font(pdfStyle.font.regular).fontSize(pdfStyle.size.body).fillColor(pdfStyle.color.text);
}

/** An element placed in the reading order now and filled later with `tagged(…, parent)` (a booklet's contents). */
export function structureSlot(doc: Pdf, type: string): PDFKit.PDFStructureElement | undefined {
  const element = doc.struct(type);
  structureRoots.get(doc)?.add(element);
  return element;
}

let fontBytes: Array<[string, Buffer]> | undefined;

/** The font files, read from disk the first time a PDF is made, then kept for the life of the process. */
function fonts(): Array<[string, Buffer]> {
  if (!fontBytes) {
    const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    fontBytes = Object.entries(fontFiles).map(([style, file]) => [
      pdfStyle.font[style as keyof typeof pdfStyle.font],
      readFileSync(path.join(dir, file)),
    ]);
  }
  return fontBytes;
}

/**
 * A new A4 document. Pages stay buffered until the end so the footer can say "Page n / N" and a booklet
 * can fill its table of contents once every fiche has found its page: memory grows with the page count,
 * which the booklet caps.
 */
export function createPdf(title: string): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    bufferPages: true,
    margins: {
      top: pdfStyle.margin,
      left: pdfStyle.margin,
      right: pdfStyle.margin,
      bottom: pdfStyle.margin + pdfStyle.footerHeight,
    },
    info: { Title: title, Creator: 'Affluents', Producer: 'Affluents' },
    // Tagged, with its language, so a screen reader reads it in French (PDF/UA asks for 1.7).
    pdfVersion: '1.7',
    tagged: true,
    lang: 'fr-BE',
    displayTitle: true,
  });
  for (const [name, bytes] of fonts()) doc.registerFont(name, bytes);
  const root = doc.struct('Document');
  doc.addStructure(root);
  structureRoots.set(doc, root);
  doc.font(pdfStyle.font.regular).fontSize(pdfStyle.size.body).fillColor(pdfStyle.color.text);
  return doc;
}

/**
 * Text from the shared document as the fonts draw it: accents composed (DejaVu has the composed letters), tabs
 * as spaces and other control characters left out, since pdfkit would draw a missing-glyph box for them.
 */
export function printable(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\t') out += '    ';
    else if (ch === '\n' || (code >= 0x20 && code !== 0x7f)) out += ch;
  }
  return out;
}

/** Width of the text column. */
export const contentWidth = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** Lowest y the text may reach on the current page. */
export const pageBottom = (doc: Pdf) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` points still fit on this one. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > pageBottom(doc)) doc.addPage();
}

/** The export date, as written in footers and covers. */
export function exportDateLabel(date: Date): string {
  return formatDateAs('dayTime', date, 'fr-BE');
}

/** Writes "Page n / N" and the export date at the foot of every buffered page. Call once, before `end()`. */
export function stampFooters(doc: Pdf, exportedAt: Date): void {
  const range = doc.bufferedPageRange();
  const total = range.count;
  for (let i = range.start; i < range.start + total; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin: lift the margin meanwhile, or pdfkit would open a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - pdfStyle.margin;
    const width = contentWidth(doc);
    doc
      .moveTo(doc.page.margins.left, y - 6)
      .lineTo(doc.page.margins.left + width, y - 6)
      .lineWidth(0.5)
      .strokeColor(pdfStyle.color.rule)
      .stroke();
    // Footers are page furniture (artifacts), not text a screen reader should read on every page.
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font(pdfStyle.font.regular).fontSize(pdfStyle.size.small).fillColor(pdfStyle.color.muted);
    doc.text(`Affluents — exporté le ${exportDateLabel(exportedAt)}`, doc.page.margins.left, y, {
      width,
      align: 'left',
      lineBreak: false,
    });
    doc.text(`Page ${i - range.start + 1} / ${total}`, doc.page.margins.left, y, {
      width,
      align: 'right',
      lineBreak: false,
    });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}

/**
 * A framed box of label / value lines (the metadata under a title). Empty values are left out when
 * `skipEmpty` is set, so a fiche without sectors shows no empty "Secteurs" line.
 */
export function labelledBox(
  doc: Pdf,
  rows: Array<[string, string]>,
  options: { labelWidth: number; skipEmpty?: boolean },
): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const { labelWidth } = options;
  const top = doc.y;
  doc.y += 6;
  for (const [label, value] of rows) {
    if (options.skipEmpty && !value) continue;
    const y = doc.y;
    tagged(doc, 'P', () => {
      doc
        .font(pdfStyle.font.bold)
        .fontSize(pdfStyle.size.meta)
        .fillColor(pdfStyle.color.muted)
        .text(label, left + 8, y, { width: labelWidth, lineBreak: false });
      doc
        .font(pdfStyle.font.regular)
        .fillColor(pdfStyle.color.text)
        .text(value, left + 8 + labelWidth, y, { width: width - labelWidth - 16 });
    });
    doc.moveDown(0.15);
  }
  doc.y += 4;
  doc
    .rect(left, top, width, doc.y - top)
    .lineWidth(0.6)
    .strokeColor(pdfStyle.color.rule)
    .stroke();
  doc.x = left;
  doc.moveDown(0.5);
}
