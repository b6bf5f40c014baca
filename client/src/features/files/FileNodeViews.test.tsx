import { FICHE_FRAGMENT, ficheExtensions } from '@affluents/editor';
import { screen, waitFor, within } from '@testing-library/react';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { renderWithProviders } from '../../test/render';
import { FicheVersionText } from '../fiches/components/FicheVersionText';
import { fileTypeOf } from './FileNodeViews';
import { storedPdf, storedPhoto } from './test/stored-files';

const odsId = '00000000-0000-4000-8000-0000000000f2';

/** A version's text with a described image, an image never described and two attached files, base64. */
function versionWithFiles(): string {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(
    getSchema(ficheExtensions()),
    {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Le programme de l’atelier :' }] },
        {
          type: 'image',
          attrs: {
            fileId: storedPhoto.id,
            alt: 'Trois stagiaires réparent un vélo',
            width: 1200,
            height: 800,
          },
        },
        {
          type: 'image',
          attrs: { fileId: storedPhoto.id.replace('e1', 'e2'), alt: null, width: null, height: null },
        },
        {
          type: 'file',
          attrs: {
            fileId: storedPdf.id,
            name: 'programme.pdf',
            mediaType: 'application/pdf',
            byteSize: 2048,
          },
        },
        {
          type: 'file',
          attrs: {
            fileId: odsId,
            name: 'budget.ods',
            mediaType: 'application/vnd.oasis.opendocument.spreadsheet',
            byteSize: 3 * 1024 * 1024,
          },
        },
      ],
    },
    doc.getXmlFragment(FICHE_FRAGMENT),
  );
  const bytes = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return btoa(String.fromCharCode(...bytes));
}

describe('images and files in a read-only text (versions, published fiches)', () => {
  it('shows the images with their description and the files as download cards, with nothing to edit', async () => {
    renderWithProviders(<FicheVersionText update={versionWithFiles()} label="Texte publié" />);
    const text = screen.getByRole('article', { name: 'Texte publié' });
    const described = await within(text).findByRole('img', { name: 'Trois stagiaires réparent un vélo' });
    expect(described.getAttribute('src')).toBe(`/api/files/${storedPhoto.id}/display`);
    expect(described.getAttribute('width')).toBe('1200');
    const images = text.querySelectorAll('img');
    expect(images).toHaveLength(2);
    // Never described: shown with an empty alternative, not with its address.
    expect(images[1]?.getAttribute('alt')).toBe('');

    const pdf = within(text).getByRole('link', { name: 'Télécharger « programme.pdf » (2 ko)' });
    expect(pdf.getAttribute('href')).toBe(`/api/files/${storedPdf.id}`);
    const ods = within(text).getByRole('link', { name: 'Télécharger « budget.ods » (3 Mo)' });
    expect(ods.getAttribute('href')).toBe(`/api/files/${odsId}`);
    const cards = [...text.querySelectorAll('.fiche-file-card')].map((card) => card.textContent);
    expect(cards).toEqual([
      'PDFprogramme.pdfDocument PDF, 2 koTélécharger',
      'ODSbudget.odsClasseur OpenDocument, 3 MoTélécharger',
    ]);
    await waitFor(() => expect(within(text).queryAllByRole('button')).toHaveLength(0));
  });

  it('names each accepted document type', () => {
    expect(fileTypeOf('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(
      'word',
    );
    expect(fileTypeOf('application/vnd.ms-excel')).toBe('excel');
    expect(fileTypeOf('application/vnd.oasis.opendocument.presentation')).toBe('odp');
    expect(fileTypeOf('application/zip')).toBe('other');
    expect(fileTypeOf(undefined)).toBe('other');
  });
});
