import { z } from 'zod';
import { Id } from '../common';
import { route } from '../http-route';
import { CalendarFeed } from '../meetings';

/** HTTP routes of the calendar files and feeds of meetings. */
export const meetingCalendarRoutes = {
  meetingFile: route({
    method: 'get',
    path: '/api/meetings/:id/calendar.ics',
    tag: 'Rencontres',
    summary:
      'Fichier iCalendar (text/calendar, en pièce jointe) d’une rencontre datée, heures de Europe/Brussels ; 409 tant qu’elle n’a pas de date',
    access: 'signed-in',
    params: z.object({ id: Id }),
    response: { kind: 'file', mediaType: 'text/calendar' },
    errors: [400, 401, 404, 409],
  }),
  feed: route({
    method: 'get',
    path: '/api/me/calendar-feed',
    tag: 'Rencontres',
    summary:
      'Crée mon lien d’agenda personnel et le renvoie ; seul son hachage est gardé, donc 409 s’il existe déjà (en générer un nouveau)',
    access: 'signed-in',
    response: CalendarFeed,
    errors: [401, 409],
  }),
  rotate: route({
    method: 'post',
    path: '/api/me/calendar-feed/rotate',
    tag: 'Rencontres',
    summary: 'Nouveau lien d’agenda personnel : l’ancien cesse aussitôt de fonctionner',
    access: 'signed-in',
    response: CalendarFeed,
    errors: [401],
  }),
  publicFeed: route({
    method: 'get',
    path: '/api/calendar/:token.ics',
    tag: 'Rencontres',
    summary:
      'Agenda personnel (text/calendar) : les rencontres de mes groupes et celles où je suis invité·e, depuis 90 jours, annulées comprises (STATUS:CANCELLED)',
    access: 'public',
    params: z.object({ token: z.string() }),
    response: { kind: 'file', mediaType: 'text/calendar' },
    errors: [404],
  }),
};
