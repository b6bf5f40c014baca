import { formatDateAs } from '@affluents/contracts';
import * as Y from 'yjs';
import { ficheStatusLabels, groupKindLabels } from '../../common/french-labels';
import type { CommentNote } from '../comments/comment-rows';
import type { FicheExportSource } from './fiche-export-source';
import { contentWidth, ensureSpace, heading, labelledBox, type Pdf, pdfStyle, tagged } from './pdf-layout';
import { type NoteCalls, YjsPdfBlocks } from './yjs-pdf-blocks';

const day = (iso: string) => formatDateAs('day', iso, 'fr-BE');

/**
 * Finds where each note's passage ends in the rendered document: its end anchor (a Yjs relative
 * position) resolved to an offset in a text node. A passage that is gone, or that ends between blocks,
 * gets no call in the text; its note still lists the quote.
 */
function noteCalls(ydoc: Y.Doc, notes: CommentNote[]): NoteCalls & { numbers: Map<string, number> } {
  const byText = new Map<Y.XmlText, Array<{ offset: number; commentId: string }>>();
  for (const note of notes) {
    try {
      const relative = Y.decodeRelativePosition(Buffer.from(note.anchorEnd, 'base64'));
      const absolute = Y.createAbsolutePositionFromRelativePosition(relative, ydoc);
      if (absolute && absolute.type instanceof Y.XmlText) {
        const list = byText.get(absolute.type) ?? [];
        list.push({ offset: absolute.index, commentId: note.id });
        byText.set(absolute.type, list);
      }
    } catch {
      // An anchor that does not decode is treated as a passage that is gone.
    }
  }
  const numbers = new Map<string, number>();
  return {
    numbers,
    at: (text) => byText.get(text) ?? [],
    callFor: (id) => {
      if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
      return numbers.get(id) as number;
    },
  };
}

/** One fiche: its title block with metadata, its text under the template headings, then its notes. */
export function renderFiche(doc: Pdf, source: FicheExportSource): void {
  renderTitleBlock(doc, source);
  const calls = noteCalls(source.doc, source.notes);
  const blocks = new YjsPdfBlocks(doc, calls, source.files);
  blocks.renderDocument(source.doc);
  if (source.notes.length > 0) {
    // Notes whose passage was not found are numbered after the others, in creation order.
    for (const note of source.notes) calls.callFor(note.id);
    const ordered = [...source.notes].sort(
      (a, b) => (calls.numbers.get(a.id) ?? 0) - (calls.numbers.get(b.id) ?? 0),
    );
    renderNotes(doc, blocks, ordered, calls.numbers);
  }
}

function renderTitleBlock(doc: Pdf, source: FicheExportSource): void {
  const { summary, version } = source;
  heading(doc, 1, summary.title);
  const versionLine = version
    ? `Version ${version.number} « ${version.label} » du ${day(version.createdAt)} (par ${version.createdBy})`
    : `Texte en cours, modifié le ${day(summary.updatedAt)}`;
  const rows: Array<[string, string]> = [
    ['Groupe', `${groupKindLabels[summary.group.kind]} — bassin ${summary.group.bassin.name}`],
    ['Organisations', summary.organisations.map((o) => o.name).join(', ')],
    ['Secteurs', summary.sectors.join(', ')],
    ['Publics', summary.publics.join(', ')],
    ['Thèmes', summary.themes.join(', ')],
    ['Année', summary.year ? String(summary.year) : ''],
    ['Statut', ficheStatusLabels[summary.status]],
    ['Version', versionLine],
    ['Auteurs', source.authors.join(', ')],
  ];
  labelledBox(doc, rows, { labelWidth: 82, skipEmpty: true });
  doc.font(pdfStyle.font.regular).fontSize(pdfStyle.size.body).fillColor(pdfStyle.color.text);
}

function renderNotes(
  doc: Pdf,
  blocks: YjsPdfBlocks,
  notes: CommentNote[],
  numbers: Map<string, number>,
): void {
  doc.moveDown(1);
  ensureSpace(doc, 80);
  tagged(doc, 'H2', () =>
    doc
      .font(pdfStyle.font.bold)
      .fontSize(pdfStyle.size.h2)
      .fillColor(pdfStyle.color.accent)
      .text('Notes (commentaires ouverts)', doc.page.margins.left, doc.y, { width: contentWidth(doc) }),
  );
  doc.moveDown(0.4);
  for (const note of notes) {
    ensureSpace(doc, 40);
    const quote = note.quote.trim();
    blocks.paragraph(
      [
        { text: `[${numbers.get(note.id)}] `, marks: { bold: true } },
        ...(quote
          ? [
              {
                text: `« ${quote.length > 300 ? `${quote.slice(0, 300)}…` : quote} »`,
                marks: { italic: true },
              },
            ]
          : []),
      ],
      0,
      { gap: 0.1 },
    );
    blocks.paragraph(
      [
        { text: `${note.author}, le ${day(note.createdAt)} : `, marks: { bold: true } },
        { text: note.body, marks: {} },
      ],
      16,
      { gap: 0.1 },
    );
    for (const reply of note.replies)
      blocks.paragraph(
        [
          { text: `${reply.author} : `, marks: { bold: true } },
          { text: reply.body, marks: {} },
        ],
        32,
        { gap: 0.1, color: pdfStyle.color.muted },
      );
    doc.moveDown(0.4);
  }
}
