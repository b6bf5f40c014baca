import type { LiveState } from '@affluents/contracts';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../../i18n';
import type { LiveMeeting } from '../use-live-meeting';
import { CurrentItemPanel } from './CurrentItemPanel';
import { SpeakingQueue } from './SpeakingQueue';

const amina = { id: '00000000-0000-4000-8000-000000000001', displayName: 'Amina' };
const thomas = { id: '00000000-0000-4000-8000-000000000002', displayName: 'Thomas' };
const ines = { id: '00000000-0000-4000-8000-000000000003', displayName: 'Inès' };

function liveState(over: Partial<LiveState> = {}): LiveState {
  return {
    meetingId: '00000000-0000-4000-8000-0000000000aa',
    status: 'live',
    currentItem: 0,
    item: { id: 'a', title: 'Tour de table', durationMinutes: 20, ownerName: 'Inès' },
    itemStartedAt: '2026-11-23T10:00:00.000Z',
    startedAt: '2026-11-23T10:00:00.000Z',
    queue: [],
    speaker: null,
    serverTime: '2026-11-23T10:00:00.000Z',
    ...over,
  };
}

const noop = () => {};
const meeting: LiveMeeting = {
  state: null,
  offset: 0,
  joinError: null,
  pending: null,
  start: noop,
  goto: noop,
  end: noop,
  raiseHand: noop,
  lowerHand: noop,
  giveFloor: noop,
};

afterEach(() => vi.useRealTimers());

describe('CurrentItemPanel', () => {
  it('shows the elapsed and planned time, and the next item', () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-23T10:12:30Z') });
    render(
      <CurrentItemPanel
        state={liveState()}
        offset={0}
        next={{ id: 'b', title: 'Cas pratique', durationMinutes: 30, ownerName: null }}
      />,
    );
    expect(screen.getByTestId('live-timer').textContent).toBe('12:30 / 20:00');
    expect(screen.getByText('Porté par Inès')).toBeTruthy();
    expect(screen.getByText('Ensuite : Cas pratique')).toBeTruthy();
    expect(screen.queryByText(/Temps dépassé/)).toBeNull();
  });

  it('says in words when the item runs over time', () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-23T10:21:05Z') });
    render(<CurrentItemPanel state={liveState()} offset={0} next={null} />);
    expect(screen.getByText('Temps dépassé de 01:05')).toBeTruthy();
    expect(screen.getByText('C’est le dernier point de l’ordre du jour.')).toBeTruthy();
  });
});

describe('SpeakingQueue', () => {
  const state = liveState({
    speaker: amina,
    queue: [
      { person: thomas, raisedAt: '2026-11-23T10:01:00Z' },
      { person: ines, raisedAt: '2026-11-23T10:02:00Z' },
    ],
  });

  it('shows the speaker and the queue in order; a participant raises a hand', () => {
    render(<SpeakingQueue state={state} live={meeting} userId={amina.id} canManage={false} />);
    expect(screen.getByText('Parole : Amina')).toBeTruthy();
    expect(screen.getByText('Ensuite : Thomas, Inès')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Lever la main' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Donner la parole/ })).toBeNull();
  });

  it('offers the facilitator the floor to give, person by person, and a lowered hand to one who raised it', () => {
    render(<SpeakingQueue state={state} live={meeting} userId={thomas.id} canManage />);
    expect(screen.getByRole('button', { name: 'Donner la parole à Thomas' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Donner la parole à Inès' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Baisser la main' })).toBeTruthy();
  });
});
