import type { LiveState } from '@affluents/contracts';
import { describe, expect, it } from 'vitest';
import { hasRaisedHand, liveAnnouncement, queueDisplay } from './queue-display';

const amina = { id: '00000000-0000-4000-8000-000000000001', displayName: 'Amina' };
const thomas = { id: '00000000-0000-4000-8000-000000000002', displayName: 'Thomas' };
const ines = { id: '00000000-0000-4000-8000-000000000003', displayName: 'Inès' };
const hand = (person: typeof amina, raisedAt: string) => ({ person, raisedAt });

describe('queueDisplay', () => {
  it('lists the raised hands in the order they were raised, after the speaker', () => {
    const display = queueDisplay({
      speaker: amina,
      queue: [hand(ines, '2026-11-23T10:02:00Z'), hand(thomas, '2026-11-23T10:01:00Z')],
    });
    expect(display.speaker).toEqual(amina);
    expect(display.nextNames).toBe('Thomas, Inès');
  });

  it('does not list the speaker among those waiting', () => {
    const display = queueDisplay({ speaker: amina, queue: [hand(amina, '2026-11-23T10:00:00Z')] });
    expect(display.waiting).toEqual([]);
    expect(display.nextNames).toBeNull();
  });

  it('says nobody speaks and nobody waits on an empty queue', () => {
    expect(queueDisplay({ speaker: null, queue: [] })).toEqual({
      speaker: null,
      waiting: [],
      nextNames: null,
    });
  });
});

describe('hasRaisedHand', () => {
  it('finds the user in the queue', () => {
    const state = { queue: [hand(thomas, '2026-11-23T10:00:00Z')] };
    expect(hasRaisedHand(state, thomas.id)).toBe(true);
    expect(hasRaisedHand(state, amina.id)).toBe(false);
    expect(hasRaisedHand(state, undefined)).toBe(false);
  });
});

describe('liveAnnouncement', () => {
  const words = {
    item: (title: string) => `Point en cours : ${title}.`,
    speaker: (name: string) => `${name} a la parole.`,
    ended: 'La rencontre est terminée.',
  };
  const item = (id: string, title: string) => ({ id, title, durationMinutes: 10, ownerName: null });
  const state = (over: Partial<LiveState>) =>
    ({ status: 'live', currentItem: 0, item: item('a', 'Accueil'), speaker: null, ...over }) as LiveState;

  it('announces the item on the first state and when it changes', () => {
    expect(liveAnnouncement(null, state({}), words)).toBe('Point en cours : Accueil.');
    expect(
      liveAnnouncement(state({}), state({ currentItem: 1, item: item('b', 'Tour de table') }), words),
    ).toBe('Point en cours : Tour de table.');
  });

  it('announces a new speaker, and stays silent when nothing changed', () => {
    expect(liveAnnouncement(state({}), state({ speaker: amina }), words)).toBe('Amina a la parole.');
    expect(liveAnnouncement(state({ speaker: amina }), state({ speaker: amina }), words)).toBeNull();
  });

  it('announces the end', () => {
    expect(liveAnnouncement(state({}), state({ status: 'done', item: null, currentItem: null }), words)).toBe(
      'La rencontre est terminée.',
    );
  });
});
