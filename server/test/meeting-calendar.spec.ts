import ICAL from 'ical.js';
import { DomainEventBus } from '../src/common/events/domain-event-bus';
import { MeetingMailer } from '../src/modules/meetings/calendar/meeting-mailer';
import { MeetingReminders } from '../src/modules/meetings/calendar/meeting-reminders';
import { type Factories, factories, type TestUser } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

// Meetings are written with SQL, as the planning stores them, so these tests exercise the calendar
// module alone: the mailer is called the way the planning's events call it.
describe('meeting calendars, invitations and reminders', () => {
  let t: TestApp;
  let make: Factories;
  let people: Record<'ines' | 'amina' | 'thomas' | 'sophie' | 'claire' | 'nadia', TestUser>;
  const ids: Record<string, string> = {};
  let hainaut: string;
  let namur: string;
  const HOUR = 60 * 60 * 1000;
  const DAY = 24 * HOUR;

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    t.dataSource.query(sql, params) as Promise<T[]>;

  async function createMeeting(groupId: string, title: string, startsAt: string, hours = 2): Promise<string> {
    const start = new Date(startsAt);
    const [row] = await q<{ id: string }>(
      `INSERT INTO meetings (group_id, title, starts_at, ends_at, agenda_doc_name, notes_doc_name, created_by_id)
       VALUES ($1, $2, $3, $4, 'meeting-agenda:' || gen_random_uuid(), 'meeting-notes:' || gen_random_uuid(), $5)
       RETURNING id`,
      [groupId, title, start, new Date(start.getTime() + hours * HOUR), ids.sophie],
    );
    return row.id;
  }

  /** The VEVENTs of an iCalendar text, with the time zones it defines registered for conversion. */
  function parseEvents(text: string): ICAL.Event[] {
    const calendar = new ICAL.Component(ICAL.parse(text));
    for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
      ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
    }
    return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  }

  const feedPath = (url: string) => url.replace(t.config.publicUrl, '');

  beforeAll(async () => {
    t = await startTestApp({ seed: false });
    make = factories(t);
    // The social workers of Hainaut Sud (Inès facilitator, Amina and Thomas members) and of Namur (Sophie
    // facilitator, Claire member); Nadia is in no group.
    const socialWorkers = async (name: string) =>
      (await make.bassin({ name, groupKinds: ['social_workers'] })).groups[0].id;
    hainaut = await socialWorkers('Hainaut Sud');
    namur = await socialWorkers('Namur');
    const horizon = await make.organisation({ name: 'CISP Horizon Emploi', kind: 'cisp' });
    people = {
      ines: await make.user({ displayName: 'Inès Moreau', organisationId: horizon.id }),
      amina: await make.user({ displayName: 'Amina Lahlou', organisationId: horizon.id }),
      thomas: await make.user({ displayName: 'Thomas Dubois' }),
      sophie: await make.user({ displayName: 'Sophie Lambert' }),
      claire: await make.user({ displayName: 'Claire Renard' }),
      nadia: await make.user({ displayName: 'Nadia Vandenbergh' }),
    };
    await make.membership(people.ines, { id: hainaut }, 'facilitator');
    await make.membership(people.amina, { id: hainaut });
    await make.membership(people.thomas, { id: hainaut });
    await make.membership(people.sophie, { id: namur }, 'facilitator');
    await make.membership(people.claire, { id: namur });
    for (const [name, user] of Object.entries(people)) ids[name] = user.id;
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('the .ics of a meeting', () => {
    it.each([
      ['winter', '2027-01-14T13:00:00Z', '20270114T140000'],
      ['summer (DST)', '2027-07-15T12:00:00Z', '20270715T140000'],
    ])(
      'carries Europe/Brussels wall time and the right instant in %s',
      async (_season, instant, wallTime) => {
        const id = await createMeeting(hainaut, 'Rencontre de saison', instant);
        const amina = await make.signIn(people.amina);
        const res = await amina.get(`/api/meetings/${id}/calendar.ics`).expect(200);
        expect(res.headers['content-type']).toMatch(/^text\/calendar/);
        expect(res.headers['content-disposition']).toMatch(
          /^attachment; filename="?rencontre-2027-\d\d-\d\d\.ics"?$/,
        );
        const text = res.text;
        expect(text).toContain(`DTSTART;TZID=Europe/Brussels:${wallTime}`);
        expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels');
        expect(text).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);

        const [event] = parseEvents(text);
        expect(event.uid).toBe(`${id}@affluents`);
        expect(event.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Brussels');
        expect(event.startDate.zone.tzid).toBe('Europe/Brussels');
        expect(event.startDate.toJSDate().toISOString()).toBe(new Date(instant).toISOString());
        expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe(2 * HOUR);
        expect(event.component.getFirstPropertyValue('sequence')).toBe(0);
        expect(event.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
        expect(event.component.getFirstPropertyValue('url')).toBe(`http://localhost:3000/rencontres/${id}`);
        expect(event.description).toContain('Travailleurs sociaux — Hainaut Sud');
      },
    );

    it('follows the sequence, the status and the place of the meeting', async () => {
      const id = await createMeeting(hainaut, 'Rencontre annulée', '2027-03-04T09:30:00Z');
      const [host] = await q<{ id: string; name: string }>(
        'SELECT o.id, o.name FROM organisations o JOIN users u ON u.organisation_id = o.id WHERE u.id = $1',
        [ids.amina],
      );
      await q(
        `UPDATE meetings SET ical_sequence = 3, status = 'cancelled', place_type = 'host',
                host_organisation_id = $2 WHERE id = $1`,
        [id, host.id],
      );
      const amina = await make.signIn(people.amina);
      const [event] = parseEvents((await amina.get(`/api/meetings/${id}/calendar.ics`).expect(200)).text);
      expect(event.sequence).toBe(3);
      expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(event.location).toContain(host.name);

      await q(
        `UPDATE meetings SET place_type = 'online', place_url = 'https://visio.example/abc' WHERE id = $1`,
        [id],
      );
      const [online] = parseEvents((await amina.get(`/api/meetings/${id}/calendar.ics`).expect(200)).text);
      expect(online.location).toBe('https://visio.example/abc');
    });

    it('is refused to whoever may not see the meeting, and needs a date', async () => {
      const id = await createMeeting(hainaut, 'Rencontre privée', '2027-02-01T09:00:00Z');
      const claire = await make.signIn(people.claire);
      await claire.get(`/api/meetings/${id}/calendar.ics`).expect(404);
      await t.agent().get(`/api/meetings/${id}/calendar.ics`).expect(401);
      const [undated] = await q<{ id: string }>(
        `INSERT INTO meetings (group_id, title, agenda_doc_name, notes_doc_name, created_by_id)
         VALUES ($1, 'Sans date', 'meeting-agenda:x1', 'meeting-notes:x1', $2) RETURNING id`,
        [hainaut, ids.ines],
      );
      const ines = await make.signIn(people.ines);
      await ines.get(`/api/meetings/${undated.id}/calendar.ics`).expect(409);
      await ines.get('/api/meetings/not-an-id/calendar.ics').expect(400);
    });
  });

  describe('the personal feed', () => {
    it('lists my groups’ meetings and those I am a guest of, and a new token kills the old URL', async () => {
      const mine = await createMeeting(namur, 'Rencontre de Namur', '2027-04-08T07:00:00Z');
      const cancelled = await createMeeting(namur, 'Rencontre annulée de Namur', '2027-05-06T07:00:00Z');
      await q(`UPDATE meetings SET status = 'cancelled', ical_sequence = 1 WHERE id = $1`, [cancelled]);
      const old = await createMeeting(
        namur,
        'Rencontre ancienne',
        new Date(Date.now() - 120 * DAY).toISOString(),
      );
      const other = await createMeeting(hainaut, 'Rencontre du Hainaut', '2027-04-09T07:00:00Z');

      const claire = await make.signIn(people.claire);
      const { url } = (await claire.get('/api/me/calendar-feed').expect(200)).body as { url: string };
      expect(url).toMatch(/^http:\/\/localhost:3000\/api\/calendar\/[A-Za-z0-9_-]+\.ics$/);
      // Only the token's hash is kept: an existing URL cannot be shown again.
      await claire.get('/api/me/calendar-feed').expect(409);
      const [{ tokenHash }] = await q<{ tokenHash: string }>(
        'SELECT token_hash AS "tokenHash" FROM calendar_feed_tokens WHERE user_id = $1',
        [ids.claire],
      );
      expect(url).not.toContain(tokenHash);

      // Calendar apps bring no cookie: the token is the credential.
      const feed = await t.agent().get(feedPath(url)).expect(200);
      expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
      const events = parseEvents(feed.text);
      const uids = events.map((e) => e.uid);
      expect(uids).toContain(`${mine}@affluents`);
      expect(uids).toContain(`${cancelled}@affluents`);
      expect(uids).not.toContain(`${old}@affluents`);
      expect(uids).not.toContain(`${other}@affluents`);
      const cancelledEvent = events.find((e) => e.uid === `${cancelled}@affluents`);
      expect(cancelledEvent?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(cancelledEvent?.sequence).toBe(1);

      // A guest sees the one meeting they are invited to.
      await q('INSERT INTO meeting_guests (meeting_id, user_id, invited_by_id) VALUES ($1, $2, $3)', [
        other,
        ids.nadia,
        ids.ines,
      ]);
      const nadia = await make.signIn(people.nadia);
      const nadiaFeed = (await nadia.get('/api/me/calendar-feed').expect(200)).body as { url: string };
      const nadiaUids = parseEvents((await t.agent().get(feedPath(nadiaFeed.url)).expect(200)).text).map(
        (e) => e.uid,
      );
      expect(nadiaUids).toEqual([`${other}@affluents`]);

      const rotated = (await claire.post('/api/me/calendar-feed/rotate').expect(200)).body as { url: string };
      expect(rotated.url).not.toBe(url);
      await t.agent().get(feedPath(url)).expect(404);
      await t.agent().get(feedPath(rotated.url)).expect(200);
      await t.agent().get('/api/calendar/unknown-token-of-some-length.ics').expect(404);
      await t.agent().get('/api/calendar/x.ics').expect(404);
      await t.agent().post('/api/me/calendar-feed/rotate').expect(401);
    });
  });

  describe('invitation and change mails', () => {
    it('invites every member and guest with the .ics attached, then announces a move and a cancellation', async () => {
      const id = await createMeeting(hainaut, 'Rencontre invitée', '2027-06-10T07:30:00Z');
      await q('INSERT INTO meeting_guests (meeting_id, user_id, invited_by_id) VALUES ($1, $2, $3)', [
        id,
        ids.nadia,
        ids.ines,
      ]);
      const mailer = t.app.get(MeetingMailer);
      expect(await mailer.invitationSent(id)).toBe(4); // ines, amina, thomas and the guest nadia

      const outbox = () =>
        q<{
          to: string;
          template: string;
          attachments: Array<{ filename: string; contentType: string; content: string }>;
        }>(
          `SELECT to_address AS "to", template, attachments FROM mail_outbox
            WHERE template LIKE 'meeting_%' AND attachments::text LIKE '%' || $1 || '%' ORDER BY created_at`,
          [id],
        );
      const invitations = await outbox();
      expect(invitations.map((m) => m.to).sort()).toEqual(
        [people.ines, people.amina, people.thomas, people.nadia].map((p) => p.email).sort(),
      );
      const [file] = invitations[0].attachments;
      expect(file.filename).toBe('rencontre-2027-06-10.ics');
      expect(file.contentType).toMatch(/^text\/calendar/);
      const [event] = parseEvents(file.content);
      expect(event.uid).toBe(`${id}@affluents`);
      expect(event.startDate.toJSDate().toISOString()).toBe('2027-06-10T07:30:00.000Z');

      const [mail] = await t.mailsTo(people.nadia.email);
      expect(mail.template).toBe('meeting_invitation');
      expect(mail.subject).toContain('Rencontre invitée');
      expect(mail.textBody).toContain('jeudi 10 juin 2027 de 09:30 à 11:30');
      expect(mail.textBody).toContain(`/rencontres/${id}`);
      const [{ status }] = await q<{ status: string }>(
        `SELECT status FROM mail_outbox WHERE to_address = $1 AND template = 'meeting_invitation'`,
        [people.nadia.email],
      );
      expect(status).toBe('logged');

      await q(
        `UPDATE meetings SET starts_at = '2027-06-17T07:30:00Z', ends_at = '2027-06-17T09:30:00Z',
                ical_sequence = ical_sequence + 1 WHERE id = $1`,
        [id],
      );
      expect(await mailer.meetingChanged(id, 'moved')).toBe(4);
      const [moved] = await t.mailsTo(people.amina.email);
      expect(moved.template).toBe('meeting_changed');
      expect(moved.textBody).toContain('jeudi 17 juin 2027 de 09:30 à 11:30');

      await q(`UPDATE meetings SET status = 'cancelled', ical_sequence = ical_sequence + 1 WHERE id = $1`, [
        id,
      ]);
      expect(await mailer.meetingChanged(id, 'cancelled')).toBe(4);
      const cancelledMails = (await outbox()).filter((m) => m.template === 'meeting_cancelled');
      expect(cancelledMails).toHaveLength(4);
      const [cancelledEvent] = parseEvents(cancelledMails[0].attachments[0].content);
      expect(cancelledEvent.component.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(cancelledEvent.sequence).toBe(2);
      // A cancelled meeting is not invited to any more.
      expect(await mailer.invitationSent(id)).toBe(0);
    });
  });

  describe('following the planning’s events', () => {
    it('sends the invitations when a meeting is dated and the news when it is cancelled', async () => {
      const id = await createMeeting(namur, 'Rencontre planifiée', '2027-10-07T07:00:00Z');
      const events = t.app.get(DomainEventBus);
      const mails = (template: string) =>
        q<{ to: string }>(
          `SELECT to_address AS "to" FROM mail_outbox WHERE template = $1 AND text_body LIKE '%' || $2 || '%'`,
          [template, id],
        );
      void events.emit('meeting.scheduled', { meetingId: id });
      await events.settled();
      const invited = (await mails('meeting_invitation')).map((m) => m.to);
      expect(invited).toEqual(expect.arrayContaining([people.claire.email, people.sophie.email]));
      expect(invited).not.toContain(people.amina.email);

      await q(`UPDATE meetings SET status = 'cancelled', ical_sequence = ical_sequence + 1 WHERE id = $1`, [
        id,
      ]);
      void events.emit('meeting.changed', { meetingId: id, change: 'cancelled' });
      await events.settled();
      expect(await mails('meeting_cancelled')).toHaveLength(invited.length);

      await q('INSERT INTO meeting_guests (meeting_id, user_id, invited_by_id) VALUES ($1, $2, $3)', [
        id,
        ids.nadia,
        ids.sophie,
      ]);
      await q(`UPDATE meetings SET status = 'planned' WHERE id = $1`, [id]);
      void events.emit('meeting.guest-invited', { meetingId: id, userId: ids.nadia });
      await events.settled();
      expect((await mails('meeting_invitation')).map((m) => m.to)).toEqual(
        expect.arrayContaining([...invited, people.nadia.email]),
      );
      expect(await mails('meeting_invitation')).toHaveLength(invited.length + 1);
    });
  });

  describe('reminders', () => {
    it('are queued a week and a day before, once, and again for a new date', async () => {
      const start = new Date('2027-09-16T12:00:00Z');
      const id = await createMeeting(namur, 'Rencontre rappelée', start.toISOString());
      // A member who answered "no" gets no reminder.
      await q(`INSERT INTO meeting_rsvps (meeting_id, user_id, answer) VALUES ($1, $2, 'no')`, [
        id,
        ids.claire,
      ]);
      const reminders = t.app.get(MeetingReminders);
      const reminderMails = (kind: string) =>
        q<{ to: string }>(
          `SELECT to_address AS "to" FROM mail_outbox WHERE template = $1 AND text_body LIKE '%' || $2 || '%'`,
          [`meeting_reminder_${kind}`, id],
        );

      expect(await reminders.runDue(new Date(start.getTime() - 8 * DAY))).toBe(0);
      expect(await reminderMails('week')).toHaveLength(0);

      const sent = await reminders.runDue(new Date(start.getTime() - 6 * DAY));
      expect(sent).toBeGreaterThan(0);
      const week = (await reminderMails('week')).map((m) => m.to);
      expect(week).toContain(people.sophie.email);
      expect(week).not.toContain(people.claire.email);
      expect(week).not.toContain(people.amina.email);
      expect(await reminders.runDue(new Date(start.getTime() - 6 * DAY + HOUR))).toBe(0);
      expect(await reminderMails('week')).toHaveLength(week.length);

      expect(await reminders.runDue(new Date(start.getTime() - 20 * HOUR))).toBe(week.length);
      expect(await reminders.runDue(new Date(start.getTime() - 19 * HOUR))).toBe(0);
      expect(await reminderMails('day')).toHaveLength(week.length);
      const [mail] = await t.mailsTo(people.sophie.email);
      expect(mail.subject).toBe('Rappel : Rencontre rappelée demain');

      // Moved two weeks later: reminded again for the new date.
      const moved = new Date(start.getTime() + 14 * DAY);
      await q('UPDATE meetings SET starts_at = $2, ends_at = $3 WHERE id = $1', [
        id,
        moved,
        new Date(moved.getTime() + 2 * HOUR),
      ]);
      expect(await reminders.runDue(new Date(moved.getTime() - 6 * DAY))).toBe(week.length);
      expect(await reminderMails('week')).toHaveLength(2 * week.length);

      // A cancelled meeting is not reminded.
      await q(`UPDATE meetings SET status = 'cancelled' WHERE id = $1`, [id]);
      expect(await reminders.runDue(new Date(moved.getTime() - 20 * HOUR))).toBe(0);
    });
  });
});
