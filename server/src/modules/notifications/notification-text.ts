import { BRUSSELS_TIME_ZONE } from '@affluents/contracts';

/** Length of the excerpt shown in a notification and its email. */
export const EXCERPT_LENGTH = 140;

/** The first ~140 characters of a text on one line, cut at a word and marked with an ellipsis. */
export function excerptOf(text: string, max = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** Application path of a message in its thread. */
export const messageLink = (threadId: string, seq: number) => `/discussions/${threadId}#m-${seq}`;

/** Application path of a comment on a fiche. */
export const commentLink = (ficheId: string, commentId: string) => `/fiches/${ficheId}?comment=${commentId}`;

/** Application path of a poll in its thread. */
export const pollLink = (threadId: string, pollId: string) => `/discussions/${threadId}#poll-${pollId}`;

/** Application path of a fiche. */
export const ficheLink = (ficheId: string) => `/fiches/${ficheId}`;

/** Application path of a meeting. */
export const meetingLink = (meetingId: string) => `/rencontres/${meetingId}`;

/** Application path of a meeting's minutes. */
export const minutesLink = (meetingId: string) => `/rencontres/${meetingId}/proces-verbal`;

/** A moment in French, Brussels time (« 12 mars 2027 à 14:00 »). */
export function frenchMoment(at: Date | string): string {
  return new Date(at).toLocaleString('fr-BE', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: BRUSSELS_TIME_ZONE,
  });
}

/** A day in French (« 12 mars 2027 »), from an ISO date (`2027-03-12`). */
export function frenchDay(isoDate: string): string {
  return new Date(`${isoDate}T12:00:00Z`).toLocaleDateString('fr-BE', {
    dateStyle: 'long',
    timeZone: BRUSSELS_TIME_ZONE,
  });
}
