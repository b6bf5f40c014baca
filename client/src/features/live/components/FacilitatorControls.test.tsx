import type { LiveState } from '@affluents/contracts';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import '../../../i18n';
import type { LiveMeeting } from '../use-live-meeting';
import { FacilitatorControls } from './FacilitatorControls';

const planned = { meetingId: '00000000-0000-4000-8000-0000000000aa', status: 'planned' } as LiveState;

function live(): LiveMeeting {
  return {
    state: null,
    offset: 0,
    joinError: null,
    pending: null,
    start: vi.fn(),
    goto: vi.fn(),
    end: vi.fn(),
    raiseHand: vi.fn(),
    lowerHand: vi.fn(),
    giveFloor: vi.fn(),
  };
}

function press(element: HTMLElement) {
  fireEvent.pointerDown(element, { pointerType: 'mouse', button: 0 });
  fireEvent.pointerUp(element, { pointerType: 'mouse', button: 0 });
  fireEvent.click(element);
}

const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString();

describe('FacilitatorControls: starting a planned meeting', () => {
  it('starts at once on the planned day', () => {
    const meeting = live();
    render(
      <FacilitatorControls
        state={planned}
        live={meeting}
        agendaLength={2}
        startsAt={new Date().toISOString()}
      />,
    );
    press(screen.getByRole('button', { name: 'Démarrer la rencontre' }));
    expect(meeting.start).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('asks first when the meeting is planned for a later day, and starts only once confirmed', async () => {
    const meeting = live();
    render(<FacilitatorControls state={planned} live={meeting} agendaLength={2} startsAt={inDays(3)} />);
    press(screen.getByRole('button', { name: 'Démarrer la rencontre' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Démarrer avant le jour prévu ?' });
    expect(dialog.textContent).toMatch(/Cette rencontre est prévue le \S+ \d+ \S+ \d{4}\./);
    expect(meeting.start).not.toHaveBeenCalled();
    press(within(dialog).getByRole('button', { name: 'Démarrer maintenant' }));
    expect(meeting.start).toHaveBeenCalledTimes(1);
  });
});
