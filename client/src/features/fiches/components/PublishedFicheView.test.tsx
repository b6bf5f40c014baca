import type { FicheVersionContent } from '@affluents/contracts';
import { ficheTemplateUpdate } from '@affluents/editor/template';
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { ficheDetail, ficheId } from '../../../test/fixtures';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { PublishedFicheView } from './PublishedFicheView';

const versionId = '00000000-0000-4000-8000-000000000077';

/** The template with a sentence under its first section, as the API sends it: one update, base64. */
function versionUpdate(text: string): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, ficheTemplateUpdate());
  (doc.getXmlFragment('default').get(1) as Y.XmlElement).insert(0, [new Y.XmlText(text)]);
  const bytes = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return btoa(String.fromCharCode(...bytes));
}

// A reader from another bassin: the fiche reaches them through its publication only.
const fiche = ficheDetail({
  status: 'published',
  reach: 'network',
  access: 'read',
  liveDocument: false,
  publishedAt: '2026-11-21T10:00:00.000Z',
  publishedVersionId: versionId,
  authors: [
    { id: '00000000-0000-4000-8000-000000000005', displayName: 'Sophie Lambert' },
    { id: '00000000-0000-4000-8000-000000000006', displayName: 'Claire Dubois' },
  ],
  organisations: [{ id: '00000000-0000-4000-8000-000000000200', name: 'CISP Le Tremplin', kind: 'cisp' }],
  themes: ['remobilisation'],
  sectors: ['maraîchage'],
  publics: ['demandeurs d’emploi'],
  year: 2025,
});

const version: FicheVersionContent = {
  id: versionId,
  number: 3,
  label: 'Publication du 21 novembre',
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

describe('PublishedFicheView', () => {
  it('tells a reader outside the group who wrote the fiche and what it is about, without version jargon', async () => {
    // The reader has asked nothing yet.
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        if (String(input) === `/api/fiches/${ficheId}/questions`) return jsonResponse(200, []);
        throw new Error(`unexpected ${String(input)}`);
      }),
    );
    renderWithProviders(<PublishedFicheView fiche={fiche} version={version} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Un atelier vélo (printemps)' })).toBeTruthy();
    const about = screen.getByRole('region', { name: 'À propos de cette fiche' });
    const facts = [...about.querySelectorAll('dt')].map((dt) => [
      dt.textContent,
      dt.nextSibling?.textContent,
    ]);
    expect(facts).toEqual([
      ['Rédigée par', 'Sophie Lambert, Claire Dubois'],
      ['Structures', 'CISP Le Tremplin'],
      ['Groupe', 'Travailleurs sociaux'],
      ['Bassin', 'Namur'],
      ['Thèmes', 'remobilisation'],
      ['Secteurs', 'maraîchage'],
      ['Publics', 'demandeurs d’emploi'],
      ['Année', '2025'],
    ]);
    expect(screen.getByText('Publiée le samedi 21 novembre 2026')).toBeTruthy();
    const text = screen.getByRole('article', { name: 'Texte de la fiche « Un atelier vélo (printemps) »' });
    await waitFor(() => expect(text.textContent).toContain('Remettre le pied à l’étrier'));
    // The template's required sections stay (empty, they say what is missing); its optional ones nobody
    // wrote are left out, as in the PDF.
    const headings = [...text.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings).toEqual([
      'Objectifs',
      'Contexte',
      'Dispositif / action mis en place',
      'Public bénéficiaire',
      'Résultats',
      'Pour en savoir plus',
    ]);
    expect(text.textContent).not.toContain('Rôle des partenaires');
    const page = document.body.textContent ?? '';
    for (const jargon of ['Version', 'version', 'lecture seule', 'Restaurer', 'Enregistrée par'])
      expect(page).not.toContain(jargon);
    // A way to ask the authors.
    expect(screen.getByRole('button', { name: 'Poser une question aux auteur·ices' })).toBeTruthy();
    expect(await screen.findByText('Aucune question pour l’instant.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Télécharger (Markdown)' }).getAttribute('href')).toBe(
      `/api/fiches/${ficheId}/export.md?versionId=${versionId}`,
    );
  });
});
