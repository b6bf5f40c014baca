import type { MeetingPlace } from '@affluents/contracts';

export type PlaceType = MeetingPlace['type'];

export interface PlaceDraft {
  type: PlaceType;
  hostId: string | null;
  address: string;
  url: string;
}

export type PlaceProblem = 'address' | 'url';

/** The place and host a form sends, or which field is wrong. The host is kept for any place: it still hosts. */
export function placeFromDraft(
  draft: PlaceDraft,
): { place: MeetingPlace; hostOrganisationId: string | null } | { problem: PlaceProblem } {
  const hostOrganisationId = draft.hostId;
  if (draft.type === 'address') {
    const address = draft.address.trim();
    if (!address) return { problem: 'address' };
    return { place: { type: 'address', address }, hostOrganisationId };
  }
  if (draft.type === 'online') {
    const url = draft.url.trim();
    if (!/^https?:\/\/[^\s]+\.[^\s]+/i.test(url)) return { problem: 'url' };
    return { place: { type: 'online', url }, hostOrganisationId };
  }
  return { place: { type: 'host' }, hostOrganisationId };
}

/** The form's starting point from a meeting's place (editing) or nothing (a new meeting). */
export function draftFromPlace(place: MeetingPlace | null, hostId: string | null): PlaceDraft {
  return {
    type: place?.type ?? 'host',
    hostId,
    address: place?.type === 'address' ? place.address : '',
    url: place?.type === 'online' ? place.url : '',
  };
}
