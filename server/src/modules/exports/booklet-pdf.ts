import type { FicheSearchHit } from '@affluents/contracts';
import { contentWidth, exportDateLabel, type Pdf, pdfStyle, tagged } from './pdf-layout';

const filterLabels: Record<string, string> = {
  q: 'Recherche',
  groupKind: 'Groupe',
  organisationKind: 'Type d’organisation',
  sector: 'Secteur',
  public: 'Public',
  theme: 'Thème',
  year: 'Année',
  status: 'Statut',
  bassinId: 'Bassin',
  groupId: 'Groupe (identifiant)',
  sort: 'Tri',
};
const TOC_LINE = 17;

/** The booklet's first page: its name, the search and its filters, the date and how many fiches. */
export function renderCover(
  doc: Pdf,
  input: { filters: Array<[string, string]>; exportedAt: Date; shown: number; total: number },
): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.y = 200;
  doc.font(pdfStyle.font.bold).fontSize(28).fillColor(pdfStyle.color.accent);
  tagged(doc, 'H1', () => doc.text('Boîte à outils Affluents', left, doc.y, { width, align: 'center' }));
  doc.moveDown(0.3);
  doc.font(pdfStyle.font.regular).fontSize(14).fillColor(pdfStyle.color.muted);
  tagged(doc, 'P', () => doc.text('Livret de fiches actions', { width, align: 'center' }));
  doc.moveDown(2);
  doc.fontSize(pdfStyle.size.body + 1).fillColor(pdfStyle.color.text);
  const lines = input.filters.length
    ? input.filters.map(([key, value]) => `${filterLabels[key] ?? key} : ${value}`)
    : ['Toutes les fiches visibles, sans filtre'];
  for (const line of lines) tagged(doc, 'P', () => doc.text(line, left, doc.y, { width, align: 'center' }));
  doc.moveDown(1.5);
  tagged(doc, 'P', () =>
    doc.text(`Exporté le ${exportDateLabel(input.exportedAt)}`, { width, align: 'center' }),
  );
  const count =
    input.total > input.shown
      ? `${input.shown} fiches sur ${input.total} résultats : seules les ${input.shown} premières sont reprises. Affinez la recherche pour les autres.`
      : `${input.total} fiche${input.total > 1 ? 's' : ''}`;
  tagged(doc, 'P', () => doc.text(count, { width, align: 'center' }));
}

/** How many pages the table of contents of `entries` fiches takes, known before any fiche is drawn. */
export function tocPageCount(doc: Pdf, entries: number): number {
  const firstPageLines = Math.floor(
    (doc.page.height - doc.page.margins.bottom - doc.page.margins.top - 50) / TOC_LINE,
  );
  const otherLines = Math.floor(
    (doc.page.height - doc.page.margins.bottom - doc.page.margins.top) / TOC_LINE,
  );
  if (entries <= firstPageLines) return 1;
  return 1 + Math.ceil((entries - firstPageLines) / otherLines);
}

/**
 * Fills the reserved contents pages (`firstPage`, buffered): one line per fiche, its title cut to one
 * line, its page number, and a link to it.
 */
export function fillContents(
  doc: Pdf,
  firstPage: number,
  entries: Array<{ hit: FicheSearchHit; page: number; destination: string }>,
  toc: PDFKit.PDFStructureElement | undefined,
): void {
  let page = firstPage;
  doc.switchToPage(page);
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.y = doc.page.margins.top;
  doc.font(pdfStyle.font.bold).fontSize(pdfStyle.size.h1).fillColor(pdfStyle.color.text);
  tagged(doc, 'H1', () => doc.text('Sommaire', left, doc.y, { width }), toc);
  doc.moveDown(0.8);
  entries.forEach((entry, i) => {
    if (doc.y + TOC_LINE > doc.page.height - doc.page.margins.bottom) {
      page += 1;
      doc.switchToPage(page);
      doc.y = doc.page.margins.top;
    }
    const y = doc.y;
    const label = `${i + 1}. ${entry.hit.title}`;
    const suffix = entry.hit.matchedVersion === 'draft' ? ' (brouillon du groupe)' : '';
    doc.font(pdfStyle.font.regular).fontSize(pdfStyle.size.body).fillColor(pdfStyle.color.text);
    tagged(
      doc,
      'TOCI',
      () => {
        doc.text(label + suffix, left, y, {
          width: width - 40,
          lineBreak: false,
          ellipsis: true,
          height: TOC_LINE,
        });
        doc.text(String(entry.page), left + width - 40, y, { width: 40, align: 'right', lineBreak: false });
      },
      toc,
    );
    doc.goTo(left, y - 2, width, TOC_LINE - 2, entry.destination);
    doc.y = y + TOC_LINE;
  });
}
