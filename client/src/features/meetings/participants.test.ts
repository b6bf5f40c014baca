import type { Participant } from '@affluents/contracts';
import { describe, expect, it } from 'vitest';
import { groupByAnswer } from './participants';

const person = (displayName: string, rsvp: Participant['rsvp'], role: Participant['role'] = 'member') =>
  ({
    person: { id: crypto.randomUUID(), displayName },
    role,
    organisation: null,
    rsvp,
    attendance: null,
  }) satisfies Participant;

describe('groupByAnswer', () => {
  it('sorts people by their answer, those who have not answered apart, alphabetically', () => {
    const groups = groupByAnswer([
      person('Thomas', 'yes'),
      person('Amina', 'yes'),
      person('Élise', null),
      person('Ines', 'no', 'facilitator'),
      person('Nadia', 'maybe', 'guest'),
      person('bruno', null),
    ]);
    expect(groups.yes.map((p) => p.person.displayName)).toEqual(['Amina', 'Thomas']);
    expect(groups.no.map((p) => p.person.displayName)).toEqual(['Ines']);
    expect(groups.maybe.map((p) => p.person.displayName)).toEqual(['Nadia']);
    expect(groups.pending.map((p) => p.person.displayName)).toEqual(['bruno', 'Élise']);
  });

  it('gives empty lists for nobody', () => {
    expect(groupByAnswer([])).toEqual({ yes: [], maybe: [], no: [], pending: [] });
  });
});
