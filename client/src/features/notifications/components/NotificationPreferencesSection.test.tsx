import { defaultNotificationChoices, type NotificationPreferences } from '@affluents/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { NotificationPreferencesSection } from './NotificationPreferencesSection';

afterEach(() => {
  vi.unstubAllGlobals();
});

const stored: NotificationPreferences = { kinds: defaultNotificationChoices(), dailyDigest: true };

describe('NotificationPreferencesSection', () => {
  it('lists each kind in its section with where to get it and the phone, and saves only the kind changed', async () => {
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
      if (init?.method === 'PUT') {
        const sent = JSON.parse(String(init.body));
        return jsonResponse(200, { ...stored, kinds: { ...stored.kinds, ...sent.kinds } });
      }
      return jsonResponse(200, stored);
    });
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<NotificationPreferencesSection />);

    const rencontres = await screen.findByRole('group', { name: 'Rencontres' });
    const datePoll = within(rencontres).getByRole('button', {
      name: /Sondage de dates d’une rencontre : où la recevoir/,
    });
    expect(datePoll.textContent).toContain('Application et e-mail');
    expect(screen.getByRole('group', { name: 'Discussions' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Fiches' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Actions' })).toBeTruthy();
    const fichePhone = screen.getByRole('checkbox', {
      name: 'Une fiche de mon groupe est publiée : sur mon téléphone',
    }) as HTMLInputElement;
    expect(fichePhone.checked).toBe(false);
    const pollPhone = screen.getByRole('checkbox', {
      name: 'Sondage de dates d’une rencontre : sur mon téléphone',
    }) as HTMLInputElement;
    expect(pollPhone.checked).toBe(true);

    fireEvent.click(fichePhone);
    await waitFor(() => expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(true));
    const [url, init] = fetchMock.mock.calls.find(([, i]) => i?.method === 'PUT') as [string, RequestInit];
    expect(url).toBe('/api/me/notification-preferences');
    expect(JSON.parse(String(init.body))).toEqual({
      kinds: { fiche_published: { delivery: 'app', push: true } },
    });
  }, 30_000);
});
