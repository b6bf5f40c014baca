import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ficheDetail, ficheId } from '../../../test/fixtures';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { FicheMetadataForm, metadataChanges } from './FicheMetadataForm';

const fiche = ficheDetail({ sectors: ['recyclage'] });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('FicheMetadataForm', () => {
  it('sends only what changed', () => {
    const base = { title: 'A', organisationIds: [], sectors: ['x'], publics: [], themes: [], year: '' };
    expect(metadataChanges(base, base)).toEqual({});
    expect(metadataChanges(base, { ...base, title: ' B ', year: '2025', themes: ['mobilité'] })).toEqual({
      title: 'B',
      year: 2025,
      themes: ['mobilité'],
    });
    expect(metadataChanges({ ...base, year: '2024' }, base)).toEqual({ year: null });
  });

  it('saves the year through PATCH', async () => {
    const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      if (String(input) === '/api/organisations') return jsonResponse(200, []);
      if (String(input) === `/api/fiches/${ficheId}` && init.method === 'PATCH')
        return jsonResponse(200, { ...fiche, year: 2025 });
      throw new Error(`unexpected ${init.method ?? 'GET'} ${String(input)}`);
    });
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<FicheMetadataForm fiche={fiche} mayEdit />);
    const save = screen.getByRole('button', { name: 'Enregistrer les informations' });
    expect(save.hasAttribute('disabled')).toBe(true);

    fireEvent.change(screen.getByLabelText(/Année/), { target: { value: '1850' } });
    fireEvent.click(save);
    await waitFor(() =>
      expect(screen.getByText('Indiquez une année à 4 chiffres, entre 1990 et 2100.')).toBeTruthy(),
    );
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PATCH')).toBe(false);

    fireEvent.change(screen.getByLabelText(/Année/), { target: { value: '2025' } });
    fireEvent.click(save);
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Enregistrer les informations' }).hasAttribute('disabled'),
      ).toBe(true),
    );
    const patch = fetchMock.mock.calls.find(([, init]) => init?.method === 'PATCH');
    expect(JSON.parse(String(patch?.[1]?.body))).toEqual({ year: 2025 });
    expect(
      screen.getByRole('button', { name: 'Enregistrer les informations' }).hasAttribute('disabled'),
    ).toBe(true);
  });

  it('shows the information as text to readers', () => {
    renderWithProviders(<FicheMetadataForm fiche={{ ...fiche, access: 'read' }} mayEdit={false} />);
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByText('recyclage')).toBeTruthy();
  });
});
