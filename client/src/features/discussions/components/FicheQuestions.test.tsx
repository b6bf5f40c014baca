import type { ThreadDetail, ThreadSummary } from '@affluents/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ficheId } from '../../../test/fixtures';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { FicheQuestions } from './FicheQuestions';

afterEach(() => {
  vi.unstubAllGlobals();
});

const questionsUrl = `/api/fiches/${ficheId}/questions`;

function question(overrides: Partial<ThreadSummary> = {}): ThreadSummary {
  return {
    id: '00000000-0000-4000-8000-000000000901',
    groupId: '00000000-0000-4000-8000-000000000010',
    kind: 'question',
    title: 'Combien de vélos au départ ?',
    author: { id: '00000000-0000-4000-8000-000000000001', displayName: 'Amina Lahlou' },
    status: 'open',
    solvedMessageId: null,
    subject: { type: 'fiche', id: ficheId, title: 'Un atelier vélo' },
    pinned: false,
    locked: false,
    lastSeq: 2,
    messageCount: 2,
    lastMessageAt: '2026-11-22T09:00:00.000Z',
    lastMessageExcerpt: 'Six vélos.',
    createdAt: '2026-11-22T08:00:00.000Z',
    unreadCount: 0,
    lastReadSeq: 2,
    follow: 'following',
    hasPoll: false,
    ...overrides,
  };
}

/** The API as the component meets it: the list, and the answer to a question sent. */
function stubApi(answer: () => Response, listed: ThreadSummary[] = []) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    if (String(input) === questionsUrl && (init.method ?? 'GET') === 'GET') return jsonResponse(200, listed);
    if (String(input) === questionsUrl && init.method === 'POST') return answer();
    throw new Error(`unexpected ${init.method ?? 'GET'} ${String(input)}`);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('FicheQuestions', () => {
  it('lists the questions the reader may see, with links to their threads', async () => {
    stubApi(() => jsonResponse(500, {}), [question()]);
    renderWithProviders(<FicheQuestions ficheId={ficheId} />);
    const section = screen.getByRole('region', { name: 'Questions et réponses' });
    const link = await within(section).findByRole('link', { name: 'Combien de vélos au départ ?' });
    expect(link.getAttribute('href')).toBe('/discussions/00000000-0000-4000-8000-000000000901');
    expect(section.textContent).toContain('Posée par Amina Lahlou, le dimanche 22 novembre 2026');
    expect(section.textContent).toContain('2 messages');
    // Every thread here is a question to the authors: the badge says only whether it is answered.
    expect(section.textContent).toContain('Ouverte');
    expect(section.textContent).not.toContain('Problématique');
  });

  it('lists every question for the group in its own fiche page, without a form to ask', async () => {
    stubApi(
      () => jsonResponse(500, {}),
      [question(), question({ id: '00000000-0000-4000-8000-000000000903', title: 'Et l’assurance ?' })],
    );
    renderWithProviders(<FicheQuestions ficheId={ficheId} forGroup />);
    const section = screen.getByRole('region', { name: 'Questions et réponses' });
    await within(section).findByRole('link', { name: 'Et l’assurance ?' });
    expect(within(section).getAllByRole('link')).toHaveLength(2);
    expect(section.textContent).toContain('le groupe y répond');
    expect(within(section).queryByRole('button', { name: 'Poser une question aux auteur·ices' })).toBeNull();
  });

  it('sends the subject and the message, then opens the question’s thread', async () => {
    const thread = { ...question({ id: '00000000-0000-4000-8000-000000000902' }) } as ThreadDetail;
    const fetchMock = stubApi(() => jsonResponse(201, thread));
    const { router } = renderWithProviders(<FicheQuestions ficheId={ficheId} />);
    expect(await screen.findByText('Aucune question pour l’instant.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Poser une question aux auteur·ices' }));
    const dialog = screen.getByRole('dialog', { name: 'Poser une question aux auteur·ices' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Sujet' }), {
      target: { value: '  Et l’assurance ? ' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Votre question' }), {
      target: { value: 'Comment assurez-vous les vélos ?' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Envoyer la question' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/discussions/${thread.id}`));
    const [, init] = fetchMock.mock.calls.find(([, i]) => i?.method === 'POST') ?? [];
    expect(JSON.parse(String(init?.body))).toMatchObject({
      title: 'Et l’assurance ?',
      body: 'Comment assurez-vous les vélos ?',
    });
  });

  it('shows the server’s refusal on the field it names, and stays open', async () => {
    stubApi(() =>
      jsonResponse(400, {
        status: 400,
        code: 'validation_failed',
        message: 'Données invalides',
        fieldErrors: [{ path: 'title', message: 'Le sujet : 200 caractères au maximum' }],
      }),
    );
    renderWithProviders(<FicheQuestions ficheId={ficheId} />);
    fireEvent.click(screen.getByRole('button', { name: 'Poser une question aux auteur·ices' }));
    const dialog = screen.getByRole('dialog', { name: 'Poser une question aux auteur·ices' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Sujet' }), { target: { value: 'Sujet' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Votre question' }), {
      target: { value: 'Bonjour' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Envoyer la question' }));
    expect(await within(dialog).findByText('Le sujet : 200 caractères au maximum')).toBeTruthy();
    expect(screen.getByRole('dialog', { name: 'Poser une question aux auteur·ices' })).toBeTruthy();
  });
});
