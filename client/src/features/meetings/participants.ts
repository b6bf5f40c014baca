import type { Participant, RsvpAnswer } from '@affluents/contracts';

export interface AnswerGroups {
  yes: Participant[];
  maybe: Participant[];
  no: Participant[];
  /** Invited people who have not answered yet. */
  pending: Participant[];
}

const byName = (a: Participant, b: Participant) =>
  a.person.displayName.localeCompare(b.person.displayName, 'fr', { sensitivity: 'base' });

/** The participants by their answer, each list in alphabetical order, for the facilitator's overview. */
export function groupByAnswer(participants: readonly Participant[]): AnswerGroups {
  const groups: AnswerGroups = { yes: [], maybe: [], no: [], pending: [] };
  for (const participant of participants) {
    const key: RsvpAnswer | 'pending' = participant.rsvp ?? 'pending';
    groups[key].push(participant);
  }
  for (const list of Object.values(groups)) list.sort(byName);
  return groups;
}
