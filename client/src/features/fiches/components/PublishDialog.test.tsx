import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ficheDetail, ficheId } from '../../../test/fixtures';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { PublishDialog } from './PublishDialog';

const fiche = ficheDetail({ status: 'review' });

afterEach(() => {
  vi.unstubAllGlobals();
});

function stubPublish(response: () => Response) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    if (String(input) === `/api/fiches/${ficheId}/publish` && init.method === 'POST') return response();
    throw new Error(`unexpected ${init.method ?? 'GET'} ${String(input)}`);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('PublishDialog', () => {
  it('lists, by their titles, the required sections the server found empty (409)', async () => {
    stubPublish(() =>
      jsonResponse(409, {
        status: 409,
        code: 'conflict',
        message: 'Complétez d’abord ces rubriques obligatoires : Résultats, Contact.',
        fieldErrors: [
          { path: 'sections.contact', message: 'Rubrique vide' },
          { path: 'sections.resultats', message: 'Rubrique vide' },
        ],
      }),
    );
    const onOpenChange = vi.fn();
    renderWithProviders(<PublishDialog fiche={fiche} isOpen onOpenChange={onOpenChange} />);
    const dialog = screen.getByRole('dialog', { name: 'Publier la fiche' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Publier' }));

    const alert = await within(dialog).findByRole('alert', {
      name: 'La fiche ne peut pas encore être publiée',
    });
    expect(alert.textContent).toContain('Ces rubriques obligatoires sont encore vides :');
    // Template order, with the titles the writers see in the text.
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Résultats', 'Pour en savoir plus']);
    expect(onOpenChange).not.toHaveBeenCalledWith(false);
  });

  it('publishes with the chosen reach and the optional label, then closes', async () => {
    const fetchMock = stubPublish(() =>
      jsonResponse(200, { ...fiche, status: 'published', reach: 'network' }),
    );
    const onOpenChange = vi.fn();
    const onPublished = vi.fn();
    renderWithProviders(
      <PublishDialog fiche={fiche} isOpen onOpenChange={onOpenChange} onPublished={onPublished} />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Publier la fiche' });
    const group = within(dialog).getByRole('radiogroup', {
      name: 'Qui pourra la lire dans la boîte à outils ?',
    });
    expect(within(group).getAllByRole('radio')).toHaveLength(4);
    expect((within(group).getByRole('radio', { name: /^Mon groupe/ }) as HTMLInputElement).checked).toBe(
      true,
    );
    // "Tout le réseau" says whether it includes the outside guests: two choices, the guests named in each.
    const network = within(group).getByRole('radio', {
      name: /^Tout le réseau \(membres des groupes, sans les invité·es extérieur·es\)/,
    });
    within(group).getByRole('radio', { name: /^Tout le réseau et les invité·es extérieur·es/ });
    fireEvent.click(network);
    fireEvent.change(within(dialog).getByLabelText('Nom de la version (facultatif)'), {
      target: { value: 'Version de printemps' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Publier' }));

    await waitFor(() => expect(onOpenChange).toHaveBeenCalledWith(false));
    expect(onPublished).toHaveBeenCalled();
    const init = fetchMock.mock.calls[0]?.[1] as RequestInit;
    expect(JSON.parse(String(init.body))).toEqual({ reach: 'network', label: 'Version de printemps' });
  });
});
