import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { LoginForm } from './LoginForm';

afterEach(() => {
  vi.unstubAllGlobals();
});

function fillAndSubmit(email: string, password: string) {
  fireEvent.change(screen.getByLabelText(/Adresse e-mail/), { target: { value: email } });
  fireEvent.change(screen.getByLabelText(/Mot de passe/), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
}

describe('LoginForm', () => {
  it('shows and announces the refusal of wrong credentials', async () => {
    const fetchMock = vi.fn(async () =>
      jsonResponse(401, {
        status: 401,
        code: 'unauthenticated',
        message: 'Invalid credentials',
        requestId: 'r1',
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const onSuccess = vi.fn();
    renderWithProviders(<LoginForm onSuccess={onSuccess} />);

    fillAndSubmit('amina@affluents.test', 'mauvais-mot-de-passe');

    await waitFor(() => {
      const alerts = screen.getAllByRole('alert').map((el) => el.textContent);
      expect(alerts).toContain('Adresse e-mail ou mot de passe incorrect.');
    });
    expect(onSuccess).not.toHaveBeenCalled();
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/auth/login');
    expect(JSON.parse(String(init.body))).toEqual({
      email: 'amina@affluents.test',
      password: 'mauvais-mot-de-passe',
    });
  });

  it('tells the user to wait when the server rate-limits', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(429, { status: 429, code: 'rate_limited', message: 'Too many requests' }),
      ),
    );
    renderWithProviders(<LoginForm onSuccess={vi.fn()} />);
    fillAndSubmit('amina@affluents.test', 'x');
    expect(await screen.findByText(/Trop de tentatives de connexion/)).toBeTruthy();
  });

  it('says how long to wait when the server tells it (Retry-After)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ status: 429, code: 'rate_limited', message: 'Trop de tentatives' }), {
            status: 429,
            headers: { 'Content-Type': 'application/json', 'Retry-After': '120' },
          }),
      ),
    );
    renderWithProviders(<LoginForm onSuccess={vi.fn()} />);
    fillAndSubmit('amina@affluents.test', 'x');
    expect(
      await screen.findByText('Trop de tentatives de connexion. Réessayez dans 2 minutes.'),
    ).toBeTruthy();
  });

  it('shows a field error from the server under its field', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(400, {
          status: 400,
          code: 'validation_failed',
          message: 'Données invalides',
          fieldErrors: [{ path: 'email', message: 'Adresse e-mail invalide' }],
        }),
      ),
    );
    renderWithProviders(<LoginForm onSuccess={vi.fn()} />);
    fillAndSubmit('amina@affluents.test', 'secret');

    const input = screen.getByLabelText(/Adresse e-mail/);
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = (input.getAttribute('aria-describedby') ?? '').split(' ');
    const messages = describedBy.map((id) => document.getElementById(id)?.textContent ?? '');
    expect(messages).toContain('Adresse e-mail invalide');
  });

  it('hands the signed-in user over on success', async () => {
    const user = {
      id: '00000000-0000-4000-8000-000000000001',
      email: 'amina@affluents.test',
      displayName: 'Amina',
      jobTitle: null,
      platformRole: null,
      organisation: null,
      memberships: [],
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(200, user)),
    );
    const onSuccess = vi.fn();
    const { queryClient } = renderWithProviders(<LoginForm onSuccess={onSuccess} />);
    fillAndSubmit('Amina@affluents.test ', 'affluents-demo');

    await waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(queryClient.getQueryData(['auth', 'me'])).toEqual(user);
  });
});
