import * as c from '@affluents/contracts';
import { z } from 'zod';
import type { Route } from '../route';

const tag = 'Rencontres';
const id = z.object({ id: c.Id });

/** HTTP routes of the meetings feature (calendar), for the OpenAPI document. */
export const meetingCalendarRoutes: Route[] = [
  {
    method: 'get',
    path: '/api/meetings/{id}/calendar.ics',
    tag,
    summary:
      'Fichier iCalendar (text/calendar, en pièce jointe) d’une rencontre datée, heures de Europe/Brussels ; 409 tant qu’elle n’a pas de date',
    params: id,
    errors: [400, 401, 404, 409],
  },
  {
    method: 'get',
    path: '/api/me/calendar-feed',
    tag,
    summary:
      'Crée mon lien d’agenda personnel et le renvoie ; seul son hachage est gardé, donc 409 s’il existe déjà (en générer un nouveau)',
    response: c.CalendarFeed,
    errors: [401, 409],
  },
  {
    method: 'post',
    path: '/api/me/calendar-feed/rotate',
    tag,
    summary: 'Nouveau lien d’agenda personnel : l’ancien cesse aussitôt de fonctionner',
    response: c.CalendarFeed,
    errors: [401],
  },
  {
    method: 'get',
    path: '/api/calendar/{token}.ics',
    tag,
    public: true,
    summary:
      'Agenda personnel (text/calendar) : les rencontres de mes groupes et celles où je suis invité·e, depuis 90 jours, annulées comprises (STATUS:CANCELLED)',
    params: z.object({ token: z.string() }),
    errors: [404],
  },
];
