import type { Poll } from '@affluents/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { PollVoteForm } from './PollVoteForm';

const pollId = '00000000-0000-4000-8000-000000000301';
const slotA = '00000000-0000-4000-8000-000000000311';
const slotB = '00000000-0000-4000-8000-000000000312';

function poll(overrides: Partial<Poll> = {}): Poll {
  return {
    id: pollId,
    threadId: '00000000-0000-4000-8000-000000000300',
    kind: 'proposal',
    question: 'Adopter la charte ?',
    details: null,
    options: [],
    closesAt: '2031-03-01T17:00:00.000Z',
    quorum: null,
    closedAt: null,
    outcome: null,
    author: { id: '00000000-0000-4000-8000-000000000001', displayName: 'Amina' },
    createdAt: '2031-02-01T09:00:00.000Z',
    voterCount: 0,
    electorate: 3,
    quorumReached: true,
    tallies: [],
    votes: [],
    myVote: null,
    canClose: false,
    ...overrides,
  };
}

afterEach(() => vi.unstubAllGlobals());

function stubVote() {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    if (String(input) === `/api/polls/${pollId}/votes` && init.method === 'POST')
      return jsonResponse(200, poll());
    throw new Error(`unexpected ${init.method ?? 'GET'} ${String(input)}`);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const sentBody = (fetchMock: ReturnType<typeof stubVote>) =>
  JSON.parse(String(fetchMock.mock.calls[0][1]?.body));

describe('PollVoteForm', () => {
  it('requires a reason for an objection before sending anything', async () => {
    const fetchMock = stubVote();
    const onDone = vi.fn();
    renderWithProviders(<PollVoteForm poll={poll()} onDone={onDone} />);

    fireEvent.click(screen.getByRole('button', { name: 'Voter' }));
    expect(await screen.findByText('Choisissez votre position sur la proposition.')).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: 'Objection' }));
    const reason = screen.getByRole('textbox', { name: 'Raison de l’objection (obligatoire)' });
    expect(reason.getAttribute('aria-required')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Voter' }));
    expect(await screen.findByText('Une objection doit être accompagnée d’une raison.')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();

    fireEvent.change(reason, { target: { value: 'Le point 3 exclut les CPAS' } });
    fireEvent.click(screen.getByRole('button', { name: 'Voter' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(sentBody(fetchMock)).toEqual({ position: 'block', reason: 'Le point 3 exclut les CPAS' });
  });

  it('answers a date poll slot by slot with real radio buttons, starting from my previous vote', async () => {
    const fetchMock = stubVote();
    const dates = poll({
      kind: 'dates',
      options: [
        { id: slotA, label: 'a', startsAt: '2031-03-03T08:30:00.000Z', endsAt: '2031-03-03T11:00:00.000Z' },
        { id: slotB, label: 'b', startsAt: '2031-03-05T12:00:00.000Z', endsAt: null },
      ],
      myVote: {
        voter: { id: '00000000-0000-4000-8000-000000000002', displayName: 'Thomas' },
        position: null,
        optionIds: [],
        dateAnswers: { [slotA]: 'maybe' },
        reason: null,
        votedAt: '2031-02-02T09:00:00.000Z',
      },
    });
    const onDone = vi.fn();
    renderWithProviders(<PollVoteForm poll={dates} onDone={onDone} />);

    const table = screen.getByRole('table', { name: 'Vos disponibilités (heure de Bruxelles)' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    // Brussels time, French formatting, in the row header.
    expect(within(rows[0]).getByRole('rowheader').textContent).toBe('lundi 3 mars 2031 à 09:30 – 12:00');
    const maybeA = within(rows[0]).getByRole('radio', { name: /^Si nécessaire pour lundi 3 mars 2031/ });
    expect((maybeA as HTMLInputElement).checked).toBe(true);

    fireEvent.click(within(rows[0]).getByRole('radio', { name: /^Oui pour/ }));
    fireEvent.click(within(rows[1]).getByRole('radio', { name: /^Non pour/ }));
    expect((maybeA as HTMLInputElement).checked).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer mon vote' }));

    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(sentBody(fetchMock)).toEqual({ dateAnswers: { [slotA]: 'yes', [slotB]: 'no' } });
  });

  it('sends exactly one option for a single choice', async () => {
    const fetchMock = stubVote();
    const single = poll({
      kind: 'single',
      options: [
        { id: slotA, label: 'Charleroi', startsAt: null, endsAt: null },
        { id: slotB, label: 'Thuin', startsAt: null, endsAt: null },
      ],
    });
    renderWithProviders(<PollVoteForm poll={single} />);
    fireEvent.click(screen.getByRole('button', { name: 'Voter' }));
    expect(await screen.findByText('Choisissez une option.')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Charleroi' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Thuin' }));
    fireEvent.click(screen.getByRole('button', { name: 'Voter' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    expect(sentBody(fetchMock)).toEqual({ optionIds: [slotB] });
  });
});
