import { describe, expect, it } from 'vitest';
import { draftFromPlace, placeFromDraft } from './meeting-form';

describe('placeFromDraft', () => {
  it('sends the host organisation for a meeting at the host', () => {
    expect(placeFromDraft({ type: 'host', hostId: 'org-1', address: 'x', url: '' })).toEqual({
      place: { type: 'host' },
      hostOrganisationId: 'org-1',
    });
  });

  it('asks for an address or a web link', () => {
    expect(placeFromDraft({ type: 'address', hostId: null, address: '  ', url: '' })).toEqual({
      problem: 'address',
    });
    expect(placeFromDraft({ type: 'online', hostId: null, address: '', url: 'teams' })).toEqual({
      problem: 'url',
    });
    expect(
      placeFromDraft({ type: 'online', hostId: null, address: '', url: ' https://meet.example.be/abc ' }),
    ).toEqual({
      place: { type: 'online', url: 'https://meet.example.be/abc' },
      hostOrganisationId: null,
    });
  });

  it('round-trips a meeting place through the form', () => {
    const draft = draftFromPlace({ type: 'address', address: 'Rue de Fer 12, Namur' }, 'org-2');
    expect(placeFromDraft(draft)).toEqual({
      place: { type: 'address', address: 'Rue de Fer 12, Namur' },
      hostOrganisationId: 'org-2',
    });
  });
});
