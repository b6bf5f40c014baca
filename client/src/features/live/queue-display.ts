import type { LiveState, PersonRef } from '@affluents/contracts';

/** Who speaks and who comes next, as the queue panel says it: "Parole : Amina", "Ensuite : Thomas, Inès". */
export interface QueueDisplay {
  speaker: PersonRef | null;
  /** Raised hands in order, without the person who has the floor. */
  waiting: PersonRef[];
  /** "Thomas, Inès", or null when nobody waits. */
  nextNames: string | null;
}

export function queueDisplay(state: Pick<LiveState, 'queue' | 'speaker'>): QueueDisplay {
  const speaker = state.speaker;
  const waiting = [...state.queue]
    .sort((a, b) => Date.parse(a.raisedAt) - Date.parse(b.raisedAt))
    .map((entry) => entry.person)
    .filter((person) => person.id !== speaker?.id);
  return {
    speaker,
    waiting,
    nextNames: waiting.length > 0 ? waiting.map((p) => p.displayName).join(', ') : null,
  };
}

/** Whether `userId` has a raised hand (the speaker's hand is lowered by the server when given the floor). */
export function hasRaisedHand(state: Pick<LiveState, 'queue'>, userId: string | undefined): boolean {
  return !!userId && state.queue.some((entry) => entry.person.id === userId);
}

/**
 * What the polite live region should announce when the state moves from `before` to `after`: the new item
 * and the new speaker, in the interface's words (`itemText`, `speakerText` build the sentences).
 */
export function liveAnnouncement(
  before: Pick<LiveState, 'currentItem' | 'item' | 'speaker' | 'status'> | null,
  after: Pick<LiveState, 'currentItem' | 'item' | 'speaker' | 'status'>,
  words: { item: (title: string) => string; speaker: (name: string) => string; ended: string },
): string | null {
  const parts: string[] = [];
  if (before && before.status !== 'done' && after.status === 'done') parts.push(words.ended);
  if (after.item && (before?.currentItem !== after.currentItem || before?.item?.id !== after.item.id))
    parts.push(words.item(after.item.title));
  if (after.speaker && after.speaker.id !== before?.speaker?.id)
    parts.push(words.speaker(after.speaker.displayName));
  return parts.length > 0 ? parts.join(' ') : null;
}
