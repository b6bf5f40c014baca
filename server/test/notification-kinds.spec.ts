import {
  type MeetingDetail,
  type NotificationKind,
  type NotificationKindChoice,
  type NotificationPage,
  notificationKinds,
} from '@affluents/contracts';
import type TestAgent from 'supertest/lib/agent';
import { DomainEventBus } from '../src/common/events/domain-event-bus';
import type { DeliveredNotification } from '../src/common/events/domain-events';
import { ActionNotices } from '../src/modules/notifications/action-notices';
import { NotificationEmailJob } from '../src/modules/notifications/notification-email.job';
import { PollClosingNotices } from '../src/modules/notifications/poll-closing-notices';
import { factories, type TestUser } from './support/factories';
import { type NotificationCauses, notificationCauses } from './support/notification-causes';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Each kind of notification: who hears of it in the app (the bell) and in the outbox (its email, or the
 * meeting's own mail with its calendar file), and who does not: the actor, someone outside the group,
 * someone who chose 'none' (nothing stored), someone who chose 'app' (no mail).
 *
 * The cast, in one group: Sophie (facilitator, who acts), Amina (member, the defaults), Thomas (member,
 * every kind in the app only, no phone), Inès (member, every kind 'none'); Marc is in another group;
 * Nadia is a guest of some meetings.
 */
describe('notification kinds: who is told, in the app and by email', () => {
  let t: TestApp;
  let bus: DomainEventBus;
  let causes: NotificationCauses;
  let groupId: string;
  let people: Record<'sophie' | 'amina' | 'thomas' | 'ines' | 'marc' | 'nadia', TestUser>;
  let sophie: TestAgent;
  const delivered: DeliveredNotification[] = [];
  const MINUTE = 60_000;

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    t.dataSource.query(sql, params) as Promise<T[]>;
  const settled = () => bus.settled();

  /** Who holds a notification of `kind` (about `about`: a meeting, a fiche), by first name. */
  async function told(kind: NotificationKind, about: string): Promise<string[]> {
    const rows = await q<{ userId: string }>(
      `SELECT user_id AS "userId" FROM notifications
        WHERE kind = $1 AND (meeting_id = $2 OR fiche_id = $2) ORDER BY user_id`,
      [kind, about],
    );
    return namesOf(rows.map((r) => r.userId));
  }

  function namesOf(userIds: string[]): string[] {
    const byId = new Map(Object.entries(people).map(([name, user]) => [user.id, name]));
    return userIds.map((id) => byId.get(id) ?? id).sort();
  }

  /** Sends what is due (the generic emails, ten minutes on) and returns who got a mail of `template`. */
  async function mailed(template: string): Promise<string[]> {
    await t.app.get(NotificationEmailJob).runDueEmails(new Date(Date.now() + 10 * MINUTE));
    const rows = await q<{ to: string }>(
      'SELECT DISTINCT to_address AS "to" FROM mail_outbox WHERE template = $1',
      [template],
    );
    const byEmail = new Map(Object.entries(people).map(([name, user]) => [user.email, name]));
    return rows.map((r) => byEmail.get(r.to) ?? r.to).sort();
  }

  async function createMeeting(title: string, dated: boolean): Promise<MeetingDetail> {
    const times = dated ? { startsAt: '2027-03-12T08:30:00.000Z', endsAt: '2027-03-12T11:30:00.000Z' } : {};
    const res = await sophie
      .post(`/api/groups/${groupId}/meetings`)
      .send({ title, place: { type: 'address', address: 'Rue de Fer 12, Namur' }, ...times })
      .expect(201);
    await settled();
    return res.body;
  }

  async function inviteNadia(meetingId: string): Promise<void> {
    await sophie
      .post(`/api/meetings/${meetingId}/guests`)
      .send({ email: people.nadia.email, displayName: 'Nadia Benali' })
      .expect(201);
    await settled();
  }

  const everyKind = (choice: NotificationKindChoice) =>
    Object.fromEntries(notificationKinds.map((kind) => [kind, choice]));

  beforeAll(async () => {
    t = await startTestApp({ seed: false, env: { NOTIFY_JOB_INTERVAL_MS: '3600000' } });
    bus = t.app.get(DomainEventBus);
    causes = notificationCauses(t.dataSource, bus);
    bus.on('notifications.delivered', ({ notifications }) => {
      delivered.push(...notifications);
    });
    const make = factories(t);
    const group = await make.group('social_workers');
    const other = await make.group('managers');
    groupId = group.id;
    people = {
      sophie: await make.user({ displayName: 'Sophie Lambert' }),
      amina: await make.user({ displayName: 'Amina Lahlou' }),
      thomas: await make.user({ displayName: 'Thomas Dubois' }),
      ines: await make.user({ displayName: 'Inès Moreau' }),
      marc: await make.user({ displayName: 'Marc Delvaux' }),
      nadia: await make.user({ displayName: 'Nadia Benali' }),
    };
    await make.membership(people.sophie, group, 'facilitator');
    await make.membership(people.amina, group);
    await make.membership(people.thomas, group);
    await make.membership(people.ines, group);
    await make.membership(people.marc, other);
    sophie = await make.signIn(people.sophie);
    await (await make.signIn(people.thomas))
      .put('/api/me/notification-preferences')
      .send({ kinds: everyKind({ delivery: 'app', push: false }) })
      .expect(200);
    await (await make.signIn(people.ines))
      .put('/api/me/notification-preferences')
      .send({ kinds: everyKind({ delivery: 'none', push: false }) })
      .expect(200);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('meeting_guest_invited and meeting_date_poll: the guest, then everyone invited', async () => {
    const meeting = await createMeeting('Rencontre de printemps', false);
    await inviteNadia(meeting.id);
    expect(await told('meeting_guest_invited', meeting.id)).toEqual(['nadia']);

    await sophie
      .post(`/api/meetings/${meeting.id}/date-poll`)
      .send({
        slots: [{ startsAt: '2027-04-01T08:00:00.000Z', endsAt: '2027-04-01T10:00:00.000Z' }],
        closesAt: '2027-03-20T17:00:00.000Z',
      })
      .expect(201);
    await settled();
    expect(await told('meeting_date_poll', meeting.id)).toEqual(['amina', 'nadia', 'thomas']);
    const [poll] = await q<{ excerpt: string; link: string }>(
      `SELECT excerpt, link FROM notifications WHERE kind = 'meeting_date_poll' AND user_id = $1`,
      [people.amina.id],
    );
    expect(poll.link).toBe(`/rencontres/${meeting.id}`);
    expect(poll.excerpt).toContain('20 mars 2027');

    // An undated meeting has no calendar mail: the guest's invitation is emailed like any other kind.
    expect(await mailed('notification_meeting_guest_invited')).toEqual(['nadia']);
    expect(await mailed('notification_meeting_date_poll')).toEqual(['amina', 'nadia']);
    // The phone: Amina's defaults ring it for the date poll, Thomas chose not.
    const pushOf = (name: 'amina' | 'thomas') =>
      delivered.find((n) => n.kind === 'meeting_date_poll' && n.userId === people[name].id)?.push;
    expect(pushOf('amina')).toBe(true);
    expect(pushOf('thomas')).toBe(false);
  });

  it('meeting_planned, meeting_moved, meeting_cancelled: everyone invited, mailed once with the calendar file', async () => {
    const meeting = await createMeeting('Rencontre d’été', true);
    expect(await told('meeting_planned', meeting.id)).toEqual(['amina', 'thomas']);
    // The calendar mail goes to who chose email for the kind (the actor is invited too, she comes).
    expect(await mailed('meeting_invitation')).toEqual(['amina', 'sophie']);
    // A dated meeting's guest invitation comes by its calendar mail.
    await inviteNadia(meeting.id);
    expect(await told('meeting_guest_invited', meeting.id)).toEqual(['nadia']);
    expect(await mailed('meeting_invitation')).toEqual(['amina', 'nadia', 'sophie']);
    expect(await mailed('notification_meeting_guest_invited')).toEqual(['nadia']); // the undated one's, only

    await sophie
      .patch(`/api/meetings/${meeting.id}`)
      .send({ startsAt: '2027-03-19T08:30:00.000Z', endsAt: '2027-03-19T11:30:00.000Z' })
      .expect(200);
    await settled();
    expect(await told('meeting_moved', meeting.id)).toEqual(['amina', 'nadia', 'thomas']);
    expect(await mailed('meeting_changed')).toEqual(['amina', 'nadia', 'sophie']);

    await sophie.patch(`/api/meetings/${meeting.id}`).send({ status: 'cancelled' }).expect(200);
    await settled();
    expect(await told('meeting_cancelled', meeting.id)).toEqual(['amina', 'nadia', 'thomas']);
    expect(await mailed('meeting_cancelled')).toEqual(['amina', 'nadia', 'sophie']);

    // The calendar mails are their email: no generic one follows.
    expect(await mailed('notification_meeting_planned')).toEqual([]);
    expect(await mailed('notification_meeting_moved')).toEqual([]);
    expect(await mailed('notification_meeting_cancelled')).toEqual([]);
  });

  it('minutes_review: those who took part, with the closing date; minutes_published: the group (guests if shown)', async () => {
    const meeting = await createMeeting('Rencontre d’automne', true);
    await inviteNadia(meeting.id);
    for (const name of ['amina', 'thomas', 'ines'] as const) {
      await sophie
        .put(`/api/meetings/${meeting.id}/attendance`)
        .send({ userId: people[name].id, state: 'present' })
        .expect(204);
    }
    await sophie.post(`/api/meetings/${meeting.id}/minutes/review`).send({ reviewDays: 7 }).expect(200);
    await settled();
    // Nadia was invited but not recorded present.
    expect(await told('minutes_review', meeting.id)).toEqual(['amina', 'thomas']);
    const [review] = await q<{ excerpt: string; link: string }>(
      `SELECT excerpt, link FROM notifications WHERE kind = 'minutes_review' AND user_id = $1`,
      [people.amina.id],
    );
    expect(review.excerpt).toMatch(/jusqu’au \d{1,2} \S+ \d{4}/);
    expect(review.link).toBe(`/rencontres/${meeting.id}/proces-verbal`);
    expect(await mailed('notification_minutes_review')).toEqual(['amina']);

    await sophie
      .post(`/api/meetings/${meeting.id}/minutes/publish`)
      .send({ visibleToGuests: false })
      .expect(200);
    await settled();
    expect(await told('minutes_published', meeting.id)).toEqual(['amina', 'thomas']);
    expect(await mailed('notification_minutes_published')).toEqual(['amina']);
  });

  it('action_assigned: the new owner, never who gave it to themselves', async () => {
    const meeting = await createMeeting('Rencontre d’hiver', true);
    const action = (
      await sophie
        .post(`/api/meetings/${meeting.id}/actions`)
        .send({ title: 'Envoyer la convention', ownerId: people.amina.id, dueOn: '2027-03-30' })
        .expect(201)
    ).body;
    await sophie
      .post(`/api/meetings/${meeting.id}/actions`)
      .send({ title: 'Réserver la salle', ownerId: people.sophie.id })
      .expect(201);
    await settled();
    expect(await told('action_assigned', meeting.id)).toEqual(['amina']);
    await sophie.patch(`/api/actions/${action.id}`).send({ ownerId: people.thomas.id }).expect(200);
    await sophie
      .patch(`/api/actions/${action.id}`)
      .send({ title: 'Envoyer la convention signée' })
      .expect(200);
    await settled();
    expect(await told('action_assigned', meeting.id)).toEqual(['amina', 'thomas']);
    const [assigned] = await q<{ excerpt: string }>(
      `SELECT excerpt FROM notifications WHERE kind = 'action_assigned' AND user_id = $1`,
      [people.amina.id],
    );
    expect(assigned.excerpt).toContain('30 mars 2027');
    expect(await mailed('notification_action_assigned')).toEqual(['amina']);
  });

  it('action_due: the owner of an open action due within two days, once', async () => {
    const meeting = await createMeeting('Rencontre de suivi', true);
    const day = (days: number) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(
        new Date(Date.now() + days * 86_400_000),
      );
    for (const [title, ownerId, dueOn] of [
      ['Relancer le CPAS', people.amina.id, day(1)],
      ['Préparer le bilan', people.thomas.id, day(10)],
      ['Clôturer le budget', people.ines.id, day(1)],
    ] as const) {
      await sophie.post(`/api/meetings/${meeting.id}/actions`).send({ title, ownerId, dueOn }).expect(201);
    }
    await settled();
    const job = t.app.get(ActionNotices);
    expect(await job.notifyDue()).toBe(1);
    expect(await job.notifyDue()).toBe(0);
    // Thomas's is due in ten days; Inès chose 'none'.
    expect(await told('action_due', meeting.id)).toEqual(['amina']);
    expect(await mailed('notification_action_due')).toEqual(['amina']);
  });

  it('poll_closing: the members who may vote and have not, once, about a day before it closes', async () => {
    const meeting = await createMeeting('Rencontre à voter', true);
    const closesAt = new Date(Date.now() + 12 * 3_600_000).toISOString();
    const poll = (
      await sophie
        .post(`/api/threads/${meeting.threadId}/polls`)
        .send({
          kind: 'single',
          question: 'Quel lieu ?',
          options: [{ label: 'Namur' }, { label: 'Liège' }],
          closesAt,
        })
        .expect(201)
    ).body;
    await (await factories(t).signIn(people.thomas))
      .post(`/api/polls/${poll.id}/votes`)
      .send({ optionIds: [poll.options[0].id] })
      .expect(200);
    await settled();
    const job = t.app.get(PollClosingNotices);
    expect(await job.notifyClosing()).toBe(2);
    expect(await job.notifyClosing()).toBe(0);
    const rows = await q<{ userId: string }>(
      `SELECT user_id AS "userId" FROM notifications WHERE kind = 'poll_closing' AND link LIKE $1`,
      [`%${poll.id}`],
    );
    // Thomas voted; Inès chose 'none'; Marc is not in the group.
    expect(namesOf(rows.map((r) => r.userId))).toEqual(['amina', 'sophie']);
    expect(await mailed('notification_poll_closing')).toEqual([]);
  });

  it('fiche_review and fiche_published: the group and the authors; mailed to who chose email', async () => {
    const fiche = (
      await (
        await factories(t).signIn(people.amina)
      )
        .post('/api/fiches')
        .send({ title: 'Atelier budget', groupId })
        .expect(201)
    ).body;
    await (await factories(t).signIn(people.amina))
      .put('/api/me/notification-preferences')
      .send({ kinds: { fiche_published: { delivery: 'email', push: true } } })
      .expect(200);
    const notice = {
      groupId,
      title: fiche.title,
      actor: { id: people.sophie.id, displayName: 'Sophie Lambert' },
      link: `/fiches/${fiche.id}`,
      ficheId: fiche.id,
      authorIds: [people.amina.id, people.marc.id],
    };
    await bus.emit('fiche.review-requested', notice);
    await bus.emit('fiche.published', notice);
    await settled();
    // Marc is listed as an author but is not in the group: he may not comment it, so he is not told.
    expect(await told('fiche_review', fiche.id)).toEqual(['amina', 'thomas']);
    expect(await told('fiche_published', fiche.id)).toEqual(['amina', 'thomas']);
    expect(await mailed('notification_fiche_review')).toEqual([]);
    expect(await mailed('notification_fiche_published')).toEqual(['amina']);
  });

  it('fiche_comment: the fiche’s authors and the thread’s participants; a mention keeps its stronger kind', async () => {
    const fiche = (
      await (
        await factories(t).signIn(people.amina)
      )
        .post('/api/fiches')
        .send({ title: 'Potager partagé', groupId })
        .expect(201)
    ).body;
    const [comment] = await q<{ id: string }>(
      `INSERT INTO fiche_comments (fiche_id, anchor_start, anchor_end, author_id, body, mentions)
       VALUES ($1, 'a', 'b', $2, 'Préciser la surface ?', '{}') RETURNING id`,
      [fiche.id, people.thomas.id],
    );
    await causes.commentPosted({ commentId: comment.id, replyId: null });
    expect(await told('fiche_comment', fiche.id)).toEqual(['amina']);

    const [reply] = await q<{ id: string }>(
      `INSERT INTO fiche_comment_replies (comment_id, author_id, body, mentions)
       VALUES ($1, $2, 'Oui, et Amina ?', ARRAY[$3]::uuid[]) RETURNING id`,
      [comment.id, people.sophie.id, people.amina.id],
    );
    await causes.commentPosted({ commentId: comment.id, replyId: reply.id });
    // Thomas took part in the thread; Amina is mentioned (the stronger kind); Sophie wrote it.
    expect(await told('fiche_comment', fiche.id)).toEqual(['amina', 'thomas']);
    expect(await told('comment_mention', fiche.id)).toEqual(['amina']);
    expect(await mailed('notification_fiche_comment')).toEqual([]);
  });

  it('hides meeting notifications from someone who left the group, and keeps them for the guest', async () => {
    const thomasAgent = await factories(t).signIn(people.thomas);
    const before: NotificationPage = (await thomasAgent.get('/api/notifications?limit=100').expect(200)).body;
    expect(before.items.some((n) => n.kind === 'meeting_moved')).toBe(true);
    await q('DELETE FROM memberships WHERE user_id = $1 AND group_id = $2', [people.thomas.id, groupId]);
    const after: NotificationPage = (await thomasAgent.get('/api/notifications?limit=100').expect(200)).body;
    expect(after.items.filter((n) => n.kind.startsWith('meeting_') || n.kind.startsWith('minutes_'))).toEqual(
      [],
    );
    const nadia = await factories(t).signIn(people.nadia);
    const hers: NotificationPage = (await nadia.get('/api/notifications?limit=100').expect(200)).body;
    expect(hers.items.map((n) => n.kind)).toEqual(
      expect.arrayContaining(['meeting_guest_invited', 'meeting_moved']),
    );
    // Inès chose 'none' for everything: nothing was stored for her.
    expect(await q('SELECT 1 FROM notifications WHERE user_id = $1', [people.ines.id])).toEqual([]);
    // Marc is outside the group: nothing either.
    expect(await q('SELECT 1 FROM notifications WHERE user_id = $1', [people.marc.id])).toEqual([]);
  });
});
