import { describe, expect, it } from 'vitest';
import { memberCandidates, rankMentionCandidates } from './mention-candidates';

const member = (userId: string, displayName: string, jobTitle: string | null = null) => ({
  userId,
  displayName,
  jobTitle,
  organisation: null,
});

const group = memberCandidates(
  [
    member('u-sophie', 'Sophie Lambert', 'Assistante sociale'),
    member('u-eloise', 'Éloïse Martin'),
    member('u-amina', 'Amina Lahlou'),
    member('u-lara', 'Lara Dupont'),
  ],
  'u-sophie',
);

describe('mention suggestions of the fiche editor', () => {
  it('offers the group members except the writer, with a detail to tell them apart', () => {
    expect(group.map((m) => m.id)).toEqual(['u-eloise', 'u-amina', 'u-lara']);
    expect(memberCandidates([member('u-sophie', 'Sophie Lambert', 'Assistante sociale')], null)).toEqual([
      { id: 'u-sophie', label: 'Sophie Lambert', detail: 'Assistante sociale' },
    ]);
  });

  it('matches the start of any word, ignoring case and accents', () => {
    expect(rankMentionCandidates(group, 'elo').map((m) => m.label)).toEqual(['Éloïse Martin']);
    expect(rankMentionCandidates(group, 'LAH').map((m) => m.label)).toEqual(['Amina Lahlou']);
    expect(rankMentionCandidates(group, 'mina')).toEqual([]);
  });

  it('puts names that start with the query first, and matches a full name with its space', () => {
    expect(rankMentionCandidates(group, 'la').map((m) => m.label)).toEqual(['Lara Dupont', 'Amina Lahlou']);
    expect(rankMentionCandidates(group, 'amina la').map((m) => m.label)).toEqual(['Amina Lahlou']);
  });

  it('lists everyone for an empty query, at most eight', () => {
    const many = memberCandidates(
      Array.from({ length: 12 }, (_, i) => member(`u${i}`, `Membre ${i}`)),
      null,
    );
    expect(rankMentionCandidates(many, '')).toHaveLength(8);
    expect(rankMentionCandidates(group, '  ')).toHaveLength(3);
  });
});
