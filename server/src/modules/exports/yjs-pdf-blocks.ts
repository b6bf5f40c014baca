import { formatByteSize, linkTarget } from '@affluents/contracts';
import {
  FILE_NODE,
  ficheSections,
  fileReferenceOf,
  flattenedText,
  IMAGE_NODE,
  MAX_DOCUMENT_DEPTH,
  MENTION_NODE,
  mentionText,
  writtenBlocks,
} from '@affluents/editor/template';
import * as Y from 'yjs';
import type { ExportFiles } from '../files/files.service';
import {
  contentWidth,
  ensureSpace,
  figure,
  heading,
  type Pdf,
  pageBottom,
  pdfStyle,
  printable,
  tagged,
} from './pdf-layout';

type Marks = { bold?: boolean; italic?: boolean; strike?: boolean; code?: boolean; link?: { href?: string } };
type Delta = Array<{ insert?: unknown; attributes?: Marks }>;
/** A piece of inline text with its marks; `note` marks a note call such as "[2]". */
interface Run {
  text: string;
  marks: Marks;
  note?: boolean;
}

const sectionTitle = new Map<string, string>(ficheSections.map((s) => [s.key, s.title]));
for (const s of ficheSections) for (const p of s.parts ?? []) sectionTitle.set(`${s.key}.${p.key}`, p.title);

const children = (node: Y.XmlElement | Y.XmlFragment) =>
  node
    .toArray()
    .filter((c): c is Y.XmlElement | Y.XmlText => c instanceof Y.XmlElement || c instanceof Y.XmlText);

/**
 * Where note calls go: for a text node, the offsets after which a commented passage ends. `callFor`
 * gives the note's number (numbered in reading order, the first time the text reaches it).
 */
export interface NoteCalls {
  at(text: Y.XmlText): Array<{ offset: number; commentId: string }>;
  callFor(commentId: string): number;
}

const noCalls: NoteCalls = { at: () => [], callFor: () => 0 };
const noFiles: ExportFiles = { images: new Map(), files: new Map() };
/** Points per pixel of an image's screen version (96 pixels to the inch); wider ones fit the column. */
const POINTS_PER_PIXEL = 0.75;
/** Highest share of a page an image may take, so a tall one leaves room for its context. */
const IMAGE_MAX_PAGE_SHARE = 0.6;

/** Renders a fiche's Yjs document (Tiptap's XmlFragment) as PDF blocks. */
export class YjsPdfBlocks {
  constructor(
    private readonly doc: Pdf,
    private readonly calls: NoteCalls = noCalls,
    private readonly files: ExportFiles = noFiles,
  ) {}

  /**
   * Every top-level block of the fiche's text, template headings included, except the optional sections
   * nobody wrote: from such a heading to the next level-2 heading, only hints and empty parts would print.
   */
  renderDocument(ydoc: Y.Doc): void {
    for (const node of writtenBlocks(ydoc)) this.block(node, 0, 1);
  }

  /** One block at `depth`; content nested beyond MAX_DOCUMENT_DEPTH is printed as plain paragraphs. */
  private block(node: Y.XmlElement | Y.XmlText, at: number, depth: number): void {
    // Nested lists and quotes indent further; past half the width they stop, so text keeps room.
    const indent = Math.min(at, contentWidth(this.doc) / 2);
    if (node instanceof Y.XmlText) {
      this.paragraph(this.runsOf(node), indent);
      return;
    }
    if (depth >= MAX_DOCUMENT_DEPTH) {
      for (const line of flattenedText(node).split('\n')) this.paragraph([{ text: line, marks: {} }], indent);
      return;
    }
    const render: Record<string, () => void> = {
      heading: () => this.heading(node, depth),
      paragraph: () => this.paragraph(this.inline(node, depth), indent),
      bulletList: () => this.list(node, indent, depth),
      orderedList: () => this.list(node, indent, depth),
      taskList: () => this.list(node, indent, depth),
      blockquote: () => this.quote(node, indent, depth),
      codeBlock: () => this.code(node, indent),
      horizontalRule: () => this.rule(),
      table: () => this.table(node, indent, depth),
      [IMAGE_NODE]: () => this.image(node, indent),
      [FILE_NODE]: () => this.attachment(node, indent),
    };
    const known = render[node.nodeName];
    if (known) known();
    else for (const child of children(node)) this.block(child, indent, depth + 1);
  }

  private heading(node: Y.XmlElement, depth: number): void {
    const level = Number(node.getAttribute('level')) || 2;
    const key = node.getAttribute('section');
    // The template's French title, whatever the heading's text became; free headings keep their text.
    const title =
      (typeof key === 'string' && sectionTitle.get(key)) ||
      this.inline(node, depth)
        .map((r) => r.text)
        .join('');
    // The fiche's title is the H1: its level-2 sections are H2, and so on.
    heading(this.doc, Math.max(level, 2), title);
    this.resetFont();
  }

  /** Inline content of a block: text runs with marks, hard breaks as new lines. */
  private inline(node: Y.XmlElement, depth: number): Run[] {
    if (depth >= MAX_DOCUMENT_DEPTH) return [{ text: flattenedText(node), marks: {} }];
    return children(node).flatMap((child) => {
      if (child instanceof Y.XmlText) return this.runsOf(child);
      if (child.nodeName === 'hardBreak') return [{ text: '\n', marks: {} }];
      if (child.nodeName === MENTION_NODE) return [{ text: mentionText(child), marks: {} }];
      return this.inline(child, depth + 1);
    });
  }

  /** The runs of one text node, with the note calls of the passages that end inside it. */
  private runsOf(text: Y.XmlText): Run[] {
    const calls = [...this.calls.at(text)].sort((a, b) => a.offset - b.offset);
    const runs: Run[] = [];
    let offset = 0;
    for (const { insert, attributes = {} } of text.toDelta() as Delta) {
      if (typeof insert !== 'string') continue;
      let rest = insert;
      while (calls.length && calls[0].offset <= offset + rest.length) {
        const call = calls.shift() as { offset: number; commentId: string };
        const cut = Math.max(0, call.offset - offset);
        if (cut > 0) runs.push({ text: rest.slice(0, cut), marks: attributes });
        runs.push({ text: `[${this.calls.callFor(call.commentId)}]`, marks: { bold: true }, note: true });
        rest = rest.slice(cut);
        offset += cut;
      }
      if (rest) runs.push({ text: rest, marks: attributes });
      offset += rest.length;
    }
    for (const call of calls)
      runs.push({ text: `[${this.calls.callFor(call.commentId)}]`, marks: { bold: true }, note: true });
    return runs;
  }

  /** One paragraph of rich text at `indent` points from the left margin. */
  paragraph(runs: Run[], indent: number, options: { color?: string; gap?: number } = {}): void {
    const doc = this.doc;
    const shown = runs.filter((r) => r.text.length > 0);
    if (shown.every((r) => r.text.trim() === '')) return;
    const x = doc.page.margins.left + indent;
    const width = contentWidth(doc) - indent;
    ensureSpace(doc, pdfStyle.size.body * 1.3);
    doc.x = x;
    tagged(doc, 'P', () =>
      shown.forEach((run, i) => {
        const last = i === shown.length - 1;
        const href = run.marks.link?.href;
        // The shared link rule; app paths stay text too, a PDF has no address to resolve them against.
        const safeHref = href && linkTarget(href) === 'external' ? href : undefined;
        doc
          .font(this.fontOf(run.marks))
          .fontSize(run.note ? pdfStyle.size.small : pdfStyle.size.body)
          .fillColor(
            safeHref
              ? pdfStyle.color.link
              : run.note
                ? pdfStyle.color.accent
                : (options.color ?? pdfStyle.color.text),
          );
        const textOptions: PDFKit.Mixins.TextOptions = {
          continued: !last,
          link: safeHref ?? null,
          underline: Boolean(safeHref),
          strike: Boolean(run.marks.strike),
          lineGap: 1.5,
        };
        if (i === 0) doc.text(printable(run.text), x, doc.y, { ...textOptions, width });
        else doc.text(printable(run.text), textOptions);
      }),
    );
    doc.x = doc.page.margins.left;
    doc.moveDown(options.gap ?? 0.45);
    this.resetFont();
  }

  /**
   * An image of the text: its screen version fitted to the column (never enlarged past its natural
   * size), a Figure with its alt text for screen readers. An image the export could not read prints as
   * a line naming it, so the reader knows something is missing.
   */
  private image(node: Y.XmlElement, indent: number): void {
    const doc = this.doc;
    const reference = fileReferenceOf(node);
    const image = reference ? this.files.images.get(reference.fileId) : undefined;
    if (!reference || !image) {
      const alt = reference?.text.trim();
      this.paragraph([{ text: alt ? `[Image : ${alt}]` : '[Image]', marks: { italic: true } }], indent, {
        color: pdfStyle.color.muted,
      });
      return;
    }
    const maxWidth = contentWidth(doc) - indent;
    const maxHeight = (pageBottom(doc) - doc.page.margins.top) * IMAGE_MAX_PAGE_SHARE;
    const scale = Math.min(POINTS_PER_PIXEL, maxWidth / image.width, maxHeight / image.height);
    const width = image.width * scale;
    const height = image.height * scale;
    doc.moveDown(0.2);
    ensureSpace(doc, height + 4);
    const x = doc.page.margins.left + indent;
    const y = doc.y;
    figure(doc, reference.text, () => doc.image(image.data, x, y, { width, height }));
    doc.x = doc.page.margins.left;
    doc.y = y + height;
    doc.moveDown(0.6);
    this.resetFont();
  }

  /** A file attached in the text: its name and size, its name linked to its download in the app. */
  private attachment(node: Y.XmlElement, indent: number): void {
    const reference = fileReferenceOf(node);
    if (!reference) return;
    const file = this.files.files.get(reference.fileId);
    const name = file?.name ?? (reference.text || 'Fichier');
    this.paragraph(
      [
        { text: 'Fichier joint : ', marks: { bold: true } },
        { text: name, marks: file ? { link: { href: file.url } } : {} },
        { text: file ? ` (${formatByteSize(file.byteSize)})` : ' (indisponible)', marks: {} },
      ],
      indent,
    );
  }

  private list(node: Y.XmlElement, indent: number, depth: number): void {
    const doc = this.doc;
    const step = 16;
    children(node).forEach((item, i) => {
      if (!(item instanceof Y.XmlElement)) return;
      ensureSpace(doc, pdfStyle.size.body * 1.4);
      const y = doc.y;
      const markerX = doc.page.margins.left + indent;
      if (node.nodeName === 'taskList') {
        // ☐ and ☑ are not in the standard fonts: draw the box, and a tick when done.
        const size = 7.5;
        const top = y + 1.5;
        doc.lineWidth(0.7).strokeColor(pdfStyle.color.box).rect(markerX, top, size, size).stroke();
        if (item.getAttribute('checked')) {
          doc
            .moveTo(markerX + 1.5, top + size / 2)
            .lineTo(markerX + size / 2.4, top + size - 1.5)
            .lineTo(markerX + size - 1, top + 1)
            .lineWidth(1.1)
            .stroke();
        }
      } else {
        const marker =
          node.nodeName === 'orderedList' ? `${Number(node.getAttribute('start')) + i || i + 1}.` : '•';
        doc
          .font(pdfStyle.font.regular)
          .fontSize(pdfStyle.size.body)
          .fillColor(pdfStyle.color.text)
          .text(marker, markerX, y, { width: step, lineBreak: false });
      }
      doc.y = y;
      const before = doc.y;
      for (const child of children(item)) this.block(child, indent + step, depth + 2);
      // An empty item still takes its line, so the marker never overlaps the next one.
      if (doc.y === before) doc.moveDown(1);
    });
    doc.moveDown(0.2);
  }

  private quote(node: Y.XmlElement, indent: number, depth: number): void {
    const doc = this.doc;
    const top = doc.y;
    const page = doc.page;
    for (const child of children(node)) {
      if (child instanceof Y.XmlElement && child.nodeName === 'paragraph')
        this.paragraph(this.inline(child, depth + 1), indent + 14, { color: pdfStyle.color.muted });
      else this.block(child, indent + 14, depth + 1);
    }
    if (doc.page === page) {
      const x = doc.page.margins.left + indent + 4;
      doc
        .moveTo(x, top)
        .lineTo(x, doc.y - 4)
        .lineWidth(2)
        .strokeColor(pdfStyle.color.rule)
        .stroke();
    }
  }

  private code(node: Y.XmlElement, indent: number): void {
    const doc = this.doc;
    const text = children(node)
      .map((c) => (c instanceof Y.XmlText ? c.toString() : ''))
      .join('');
    ensureSpace(doc, pdfStyle.size.body * 2);
    tagged(doc, 'Code', () =>
      doc
        .font(pdfStyle.font.mono)
        .fontSize(pdfStyle.size.body - 1)
        .fillColor(pdfStyle.color.text)
        .text(printable(text), doc.page.margins.left + indent + 8, doc.y, {
          width: contentWidth(doc) - indent - 16,
        }),
    );
    doc.moveDown(0.5);
    this.resetFont();
  }

  private rule(): void {
    const doc = this.doc;
    ensureSpace(doc, 12);
    const y = doc.y + 4;
    doc
      .moveTo(doc.page.margins.left, y)
      .lineTo(doc.page.margins.left + contentWidth(doc), y)
      .lineWidth(0.5)
      .strokeColor(pdfStyle.color.rule)
      .stroke();
    doc.y = y + 8;
  }

  /** A simple grid: equal columns, header cells in bold, rows kept whole (a new page when needed). */
  private table(node: Y.XmlElement, indent: number, depth: number): void {
    const doc = this.doc;
    const rows = children(node)
      .filter((r): r is Y.XmlElement => r instanceof Y.XmlElement)
      .map((row) =>
        children(row)
          .filter((c): c is Y.XmlElement => c instanceof Y.XmlElement)
          .map((cell) => ({
            header: cell.nodeName === 'tableHeader',
            text: printable(
              children(cell)
                .map((block) =>
                  block instanceof Y.XmlElement
                    ? this.inline(block, depth + 3)
                        .map((r) => r.text)
                        .join('')
                    : block.toString(),
                )
                .join('\n'),
            ),
          })),
      );
    const columns = Math.max(0, ...rows.map((r) => r.length));
    if (columns === 0) return;
    const left = doc.page.margins.left + indent;
    const width = (contentWidth(doc) - indent) / columns;
    const pad = 4;
    doc.moveDown(0.2);
    for (const row of rows) {
      const heights = row.map((cell) =>
        doc
          .font(cell.header ? pdfStyle.font.bold : pdfStyle.font.regular)
          .fontSize(pdfStyle.size.body - 0.5)
          .heightOfString(cell.text || ' ', { width: width - 2 * pad }),
      );
      const height = Math.max(...heights, pdfStyle.size.body) + 2 * pad;
      if (doc.y + height > pageBottom(doc)) doc.addPage();
      const top = doc.y;
      for (let c = 0; c < columns; c++) {
        const cell = row[c] ?? { header: false, text: '' };
        const x = left + c * width;
        if (cell.header) doc.rect(x, top, width, height).fillColor('#eef1f5').fill();
        doc.rect(x, top, width, height).lineWidth(0.5).strokeColor(pdfStyle.color.rule).stroke();
        tagged(doc, 'P', () =>
          doc
            .font(cell.header ? pdfStyle.font.bold : pdfStyle.font.regular)
            .fontSize(pdfStyle.size.body - 0.5)
            .fillColor(pdfStyle.color.text)
            .text(cell.text, x + pad, top + pad, { width: width - 2 * pad }),
        );
      }
      doc.y = top + height;
    }
    doc.x = doc.page.margins.left;
    doc.moveDown(0.6);
    this.resetFont();
  }

  private fontOf(marks: Marks): string {
    if (marks.code) return pdfStyle.font.mono;
    if (marks.bold && marks.italic) return pdfStyle.font.boldItalic;
    if (marks.bold) return pdfStyle.font.bold;
    if (marks.italic) return pdfStyle.font.italic;
    return pdfStyle.font.regular;
  }

  private resetFont(): void {
    this.doc.font(pdfStyle.font.regular).fontSize(pdfStyle.size.body).fillColor(pdfStyle.color.text);
  }
}
