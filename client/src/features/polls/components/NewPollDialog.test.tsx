import type { Poll } from '@affluents/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { NewPollDialog } from './NewPollDialog';

const threadId = '00000000-0000-4000-8000-000000000300';

const created: Poll = {
  id: '00000000-0000-4000-8000-000000000301',
  threadId,
  kind: 'single',
  question: 'Où se retrouver ?',
  details: null,
  options: [],
  closesAt: '2031-03-01T17:00:00.000Z',
  quorum: 3,
  closedAt: null,
  outcome: null,
  author: { id: '00000000-0000-4000-8000-000000000001', displayName: 'Amina' },
  createdAt: '2031-02-01T09:00:00.000Z',
  voterCount: 0,
  electorate: 3,
  quorumReached: false,
  tallies: [],
  votes: [],
  myVote: null,
  canClose: true,
};

afterEach(() => vi.unstubAllGlobals());

function stubCreate() {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    if (String(input) === `/api/threads/${threadId}/polls` && init.method === 'POST')
      return jsonResponse(201, created);
    throw new Error(`unexpected ${init.method ?? 'GET'} ${String(input)}`);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('NewPollDialog', () => {
  it('names what is missing before sending anything', async () => {
    const fetchMock = stubCreate();
    renderWithProviders(<NewPollDialog threadId={threadId} isOpen onOpenChange={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Ouvrir le sondage' }));
    expect(await screen.findByText('Écrivez la question.')).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: /^Choix unique/ }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Question' }), { target: { value: 'Où ?' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Choix 1' }), { target: { value: 'Charleroi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ouvrir le sondage' }));
    expect(await screen.findByText('Donnez au moins deux choix.')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends the kind, the choices, the closing time and the quorum typed in the kit fields', async () => {
    const fetchMock = stubCreate();
    const onOpenChange = vi.fn();
    renderWithProviders(<NewPollDialog threadId={threadId} isOpen onOpenChange={onOpenChange} />);
    expect((screen.getByRole('radio', { name: /^Proposition/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: /^Choix unique/ }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Question' }), {
      target: { value: ' Où se retrouver ? ' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Choix 1' }), { target: { value: 'Charleroi' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Choix 2' }), { target: { value: 'Thuin' } });
    fireEvent.change(screen.getByLabelText('Date'), { target: { value: '2031-03-01' } });
    fireEvent.change(screen.getByLabelText('Heure'), { target: { value: '18:00' } });
    const quorum = screen.getByRole('textbox', { name: 'Quorum (facultatif)' });
    fireEvent.change(quorum, { target: { value: '3' } });
    fireEvent.blur(quorum);
    fireEvent.click(screen.getByRole('button', { name: 'Ouvrir le sondage' }));

    await waitFor(() => expect(onOpenChange).toHaveBeenCalledWith(false));
    expect(JSON.parse(String(fetchMock.mock.calls[0][1]?.body))).toEqual({
      kind: 'single',
      question: 'Où se retrouver ?',
      options: [{ label: 'Charleroi' }, { label: 'Thuin' }],
      closesAt: '2031-03-01T17:00:00.000Z',
      quorum: 3,
    });
  });
});
