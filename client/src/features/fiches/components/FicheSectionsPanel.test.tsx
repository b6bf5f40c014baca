import { FICHE_FRAGMENT, ficheTemplateUpdate } from '@affluents/editor/template';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { ficheDetail, ficheId } from '../../../test/fixtures';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { useEmptySections } from '../document-hooks';
import { FicheReview } from './FicheReview';
import { FicheSectionsPanel } from './FicheSectionsPanel';

function templateDoc(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, ficheTemplateUpdate());
  return doc;
}

/** Types into the paragraph under a section's heading, as an editor would. */
function writeIn(doc: Y.Doc, sectionKey: string, text: string) {
  const nodes = doc.getXmlFragment(FICHE_FRAGMENT).toArray() as Y.XmlElement[];
  const index = nodes.findIndex((n) => n.getAttribute('section') === sectionKey);
  (nodes[index + 1] as Y.XmlElement).insert(0, [new Y.XmlText(text)]);
}

/** The side panel as the fiche page wires it: sections and review fed by one live computation. */
function LivePanel({ doc }: { doc: Y.Doc }) {
  const empty = useEmptySections(doc, 20);
  return (
    <>
      <FicheSectionsPanel emptySections={empty} />
      <FicheReview fiche={ficheDetail()} emptySections={empty} mayEdit />
    </>
  );
}

const stateOf = (title: string) => {
  const item = screen.getByRole('button', { name: new RegExp(`^${title}`) });
  return item.textContent ?? '';
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('FicheSectionsPanel', () => {
  it('marks the sections filled or empty from the shared document, required ones marked', async () => {
    const doc = templateDoc();
    renderWithProviders(<LivePanel doc={doc} />);

    // French counts 0 and 1 in the singular.
    expect(screen.getByText('0 rubrique complétée sur 10')).toBeTruthy();
    expect(stateOf('Objectifs')).toContain('À compléter');
    expect(stateOf('Objectifs')).toContain('obligatoire');
    expect(stateOf('Partenariat')).not.toContain('obligatoire');

    act(() => {
      writeIn(doc, 'objectifs', 'Permettre aux stagiaires de venir en formation à vélo');
      writeIn(doc, 'partenariat.roles', 'Le CPAS prête les vélos');
    });
    await waitFor(() => expect(screen.getByText('2 rubriques complétées sur 10')).toBeTruthy());
    expect(stateOf('Objectifs')).toContain('Complétée');
    // Text under a sub-heading fills its section.
    expect(stateOf('Partenariat')).toContain('Complétée');
    expect(stateOf('Contexte')).toContain('À compléter');
  });

  it('tells which section was chosen', () => {
    const onSelect = vi.fn();
    renderWithProviders(<FicheSectionsPanel emptySections={[]} onSelect={onSelect} />);
    fireEvent.click(screen.getByRole('button', { name: /^Contexte/ }));
    expect(onSelect).toHaveBeenCalledWith('contexte');
  });
});

describe('FicheReview', () => {
  it('keeps "Soumettre à relecture" disabled, with the reason, until every required section is filled', async () => {
    const doc = templateDoc();
    renderWithProviders(<LivePanel doc={doc} />);
    const submit = screen.getByRole('button', { name: 'Soumettre à relecture' });
    expect(submit.hasAttribute('disabled')).toBe(true);
    const explanation = document.getElementById(submit.getAttribute('aria-describedby') ?? '');
    expect(explanation?.textContent).toBe(
      'Complétez d’abord les rubriques obligatoires : Objectifs, Contexte, Dispositif / action mis en place, Public bénéficiaire, Résultats, Pour en savoir plus.',
    );

    act(() => {
      for (const key of ['objectifs', 'contexte', 'dispositif', 'public', 'resultats.quantitatifs'])
        writeIn(doc, key, 'Du texte');
    });
    await waitFor(() =>
      expect(explanation?.textContent).toBe(
        'Complétez d’abord la rubrique obligatoire : Pour en savoir plus.',
      ),
    );
    expect(submit.hasAttribute('disabled')).toBe(true);

    act(() => writeIn(doc, 'contact', 'Claire Renard, assistante sociale'));
    await waitFor(() => expect(submit.hasAttribute('disabled')).toBe(false));
    expect(explanation?.textContent).toBe('Toutes les rubriques obligatoires sont complétées.');
  });

  it('shows the server’s refusal when it still finds a required section empty', async () => {
    const fetchMock = vi.fn(async () =>
      jsonResponse(409, {
        status: 409,
        code: 'conflict',
        message: 'Complétez d’abord ces rubriques obligatoires : Contexte.',
        fieldErrors: [{ path: 'sections.contexte', message: 'Rubrique vide' }],
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<FicheReview fiche={ficheDetail()} emptySections={[]} mayEdit />);
    fireEvent.click(screen.getByRole('button', { name: 'Soumettre à relecture' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Complétez d’abord ces rubriques obligatoires : Contexte.',
      ),
    );
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`/api/fiches/${ficheId}/status`);
    expect(JSON.parse(String(init.body))).toEqual({ status: 'review' });
  });

  it('offers nothing to readers, and a way back to draft once in review', () => {
    const { unmount } = renderWithProviders(
      <FicheReview fiche={ficheDetail()} emptySections={[]} mayEdit={false} />,
    );
    expect(screen.queryByRole('button')).toBeNull();
    unmount();
    renderWithProviders(<FicheReview fiche={ficheDetail({ status: 'review' })} emptySections={[]} mayEdit />);
    const region = screen.getByText(/La fiche est en relecture/).parentElement as HTMLElement;
    expect(within(region).getByRole('button', { name: 'Repasser en brouillon' })).toBeTruthy();
  });
});
