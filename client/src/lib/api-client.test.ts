import { routes } from '@affluents/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../test/render';
import { ApiRequestError, apiRequest, call, hrefOf, isApiError } from './api-client';

function mockFetch(response: Response | Error) {
  const fn = vi.fn(async () => {
    if (response instanceof Error) throw response;
    return response;
  });
  vi.stubGlobal('fetch', fn);
  return fn;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiRequest', () => {
  it('sends JSON with the session cookie and returns the parsed body', async () => {
    const fetchMock = mockFetch(jsonResponse(201, { id: 'b1', name: 'Bruxelles' }));
    const result = await apiRequest<{ id: string; name: string }>('/api/bassins', {
      method: 'POST',
      body: { name: 'Bruxelles' },
    });

    expect(result).toEqual({ id: 'b1', name: 'Bruxelles' });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/bassins');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBe(JSON.stringify({ name: 'Bruxelles' }));
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('drops empty query parameters', async () => {
    const fetchMock = mockFetch(jsonResponse(200, []));
    await call(routes.organisations.list, { query: { q: '', kind: 'cisp', bassinId: undefined } });
    expect((fetchMock.mock.calls[0] as unknown as [string])[0]).toBe('/api/organisations?kind=cisp');
  });

  it('resolves to undefined on 204', async () => {
    mockFetch(new Response(null, { status: 204 }));
    await expect(call(routes.invitations.revoke, { params: { id: '1' } })).resolves.toBeUndefined();
  });

  it('maps an ApiError body, field errors included, to a typed error', async () => {
    mockFetch(
      jsonResponse(400, {
        status: 400,
        code: 'validation_failed',
        message: 'Données invalides',
        fieldErrors: [
          { path: 'address.postalCode', message: 'Code postal belge à 4 chiffres' },
          { path: 'name', message: 'Ce champ est obligatoire' },
          { path: 'name', message: '160 caractères au maximum' },
        ],
        requestId: 'req-42',
      }),
    );

    const error = await apiRequest('/api/organisations', { method: 'POST', body: {} }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(isApiError(error, 'validation_failed')).toBe(true);
    const apiError = error as ApiRequestError;
    expect(apiError.status).toBe(400);
    expect(apiError.message).toBe('Données invalides');
    expect(apiError.requestId).toBe('req-42');
    expect(apiError.fieldErrorMap).toEqual({
      'address.postalCode': ['Code postal belge à 4 chiffres'],
      name: ['Ce champ est obligatoire', '160 caractères au maximum'],
    });
  });

  it('derives the code from the status when the body is not an ApiError', async () => {
    mockFetch(
      new Response('<html>Bad gateway</html>', {
        status: 410,
        statusText: 'Gone',
        headers: { 'Content-Type': 'text/html' },
      }),
    );
    const error = await call(routes.invitations.preview, { params: { token: 'x' } }).catch((e: unknown) => e);
    expect(isApiError(error, 'gone')).toBe(true);
    expect((error as ApiRequestError).fieldErrors).toEqual([]);
  });

  it('reports a network failure as network_error', async () => {
    mockFetch(new TypeError('Failed to fetch'));
    const error = await call(routes.health.health).catch((e: unknown) => e);
    expect(isApiError(error, 'network_error')).toBe(true);
    expect((error as ApiRequestError).status).toBe(0);
  });
});

describe('call', () => {
  it('calls a declared route with its method, filled-in path and JSON body', async () => {
    const fetchMock = mockFetch(jsonResponse(200, { id: 'p1' }));
    await call(routes.polls.vote, { params: { id: 'p 1' }, body: { optionIds: ['o1'] } });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/polls/p%201/votes');
    expect(init.method).toBe('POST');
    expect(init.body).toBe(JSON.stringify({ optionIds: ['o1'] }));
  });

  it('builds the link of a declared route', () => {
    expect(hrefOf(routes.polls.get, { params: { id: 'p1' } })).toBe('/api/polls/p1');
  });
});
