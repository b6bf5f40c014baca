import type { FicheVersionContent } from '@affluents/contracts';
import { ficheTemplateUpdate } from '@affluents/editor/template';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { ficheDetail, ficheId } from '../../../test/fixtures';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { FicheVersionView } from './FicheVersionView';

const versionId = '00000000-0000-4000-8000-000000000077';
const fiche = ficheDetail({ status: 'published', reach: 'network', publishedAt: '2026-11-21T10:00:00.000Z' });

/** The template with a sentence under its first section, as the API sends it: one update, base64. */
function versionUpdate(text: string): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, ficheTemplateUpdate());
  const paragraph = doc.getXmlFragment('default').get(1) as Y.XmlElement;
  paragraph.insert(0, [new Y.XmlText(text)]);
  const bytes = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return btoa(String.fromCharCode(...bytes));
}

const version: FicheVersionContent = {
  id: versionId,
  number: 1,
  label: 'Première publication',
  kind: 'publication',
  reach: 'network',
  createdBy: { id: '00000000-0000-4000-8000-000000000005', displayName: 'Sophie Lambert' },
  createdAt: '2026-11-21T10:00:00.000Z',
  title: 'Un atelier vélo (printemps)',
  update: versionUpdate('Remettre le pied à l’étrier'),
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('FicheVersionView', () => {
  it('renders the version’s own text read-only, with its banner and its Markdown download', async () => {
    renderWithProviders(<FicheVersionView fiche={fiche} version={version} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Un atelier vélo (printemps)' })).toBeTruthy();
    expect(screen.getByText('Version en lecture seule')).toBeTruthy();
    expect(screen.getByText(/^Enregistrée par Sophie Lambert/)).toBeTruthy();
    const text = screen.getByRole('article', {
      name: 'Texte de la version 1 de la fiche « Un atelier vélo (printemps) »',
    });
    await waitFor(() => expect(text.textContent).toContain('Remettre le pied à l’étrier'));
    expect(text.querySelectorAll('h2')).toHaveLength(10);
    expect(text.getAttribute('contenteditable')).toBe('false');
    expect(screen.getByRole('link', { name: 'Télécharger (Markdown)' }).getAttribute('href')).toBe(
      `/api/fiches/${ficheId}/export.md?versionId=${versionId}`,
    );
  });

  it('restores the version after the confirmation, then goes back to the live fiche', async () => {
    const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      if (String(input) === `/api/fiches/${ficheId}/versions/${versionId}/restore` && init.method === 'POST')
        return jsonResponse(200, fiche);
      throw new Error(`unexpected ${init.method ?? 'GET'} ${String(input)}`);
    });
    vi.stubGlobal('fetch', fetchMock);
    const { router } = renderWithProviders(<FicheVersionView fiche={fiche} version={version} />, {
      path: `/fiches/${ficheId}/versions/${versionId}`,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Restaurer cette version' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Restaurer la version 1 ?' });
    expect(dialog.textContent).toContain('Le texte actuel de la fiche sera remplacé');
    expect(dialog.textContent).toContain('Rien n’est perdu');
    expect(fetchMock).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Restaurer cette version' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/fiches/${ficheId}`));
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('offers no restore to someone who only reads the fiche', () => {
    renderWithProviders(<FicheVersionView fiche={{ ...fiche, access: 'read' }} version={version} />);
    expect(screen.queryByRole('button', { name: 'Restaurer cette version' })).toBeNull();
  });
});
