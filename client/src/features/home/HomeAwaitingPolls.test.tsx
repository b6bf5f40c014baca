import type { AwaitingPoll, CurrentUser, MeetingSummary, Poll } from '@affluents/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { HomeAwaitingPolls } from './HomeAwaitingPolls';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const groupId = id(100);
const claire: CurrentUser = {
  id: id(1),
  email: 'claire@affluents.test',
  displayName: 'Claire Renard',
  jobTitle: null,
  platformRole: null,
  organisation: null,
  memberships: [{ groupId, role: 'member' }],
};

const poll: Poll = {
  id: id(20),
  threadId: id(30),
  kind: 'dates',
  question: 'Quelle date pour la rencontre ?',
  details: null,
  options: [{ id: id(21), label: 'mercredi 3 mars', startsAt: '2027-03-03T08:00:00.000Z', endsAt: null }],
  closesAt: '2027-02-01T17:00:00.000Z',
  quorum: null,
  closedAt: null,
  outcome: null,
  author: { id: id(2), displayName: 'Sophie Lambert' },
  createdAt: '2027-01-10T09:00:00.000Z',
  voterCount: 0,
  electorate: 5,
  quorumReached: false,
  tallies: [],
  votes: [],
  myVote: null,
  canClose: false,
};
const awaiting: AwaitingPoll = { poll, groupId, threadTitle: 'Rencontre de janvier' };
const meeting = {
  id: id(40),
  groupId,
  title: 'Rencontre de janvier',
  datePollId: poll.id,
} as MeetingSummary;

afterEach(() => vi.unstubAllGlobals());

describe('HomeAwaitingPolls', () => {
  it('names a date poll after its meeting, votes in place, and lets go of it once voted', async () => {
    let voted = false;
    const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = String(input);
      if (url === '/api/me/polls') return jsonResponse(200, voted ? [] : [awaiting]);
      if (url === `/api/polls/${poll.id}/votes` && init.method === 'POST') {
        voted = true;
        return jsonResponse(200, { ...poll, voterCount: 1 });
      }
      throw new Error(`unexpected ${init.method ?? 'GET'} ${url}`);
    });
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<HomeAwaitingPolls meetings={[meeting]} />, { user: claire });

    const item = await screen.findByRole('listitem', {
      name: 'Date de la rencontre « Rencontre de janvier »',
    });
    expect(within(item).getByRole('link', { name: 'Ouvrir la rencontre' }).getAttribute('href')).toBe(
      `/rencontres/${meeting.id}`,
    );
    fireEvent.click(within(item).getByRole('button', { name: /Voter ici/ }));
    const form = await within(item).findByRole('form');
    fireEvent.click(within(form).getByRole('radio', { name: /^Oui pour/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Voter' }));
    await waitFor(() => expect(screen.queryByRole('listitem')).toBeNull());
    const sent = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/votes'));
    expect(JSON.parse(String(sent?.[1]?.body))).toEqual({ dateAnswers: { [poll.options[0].id]: 'yes' } });
  });
});
