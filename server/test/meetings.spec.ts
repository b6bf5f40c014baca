import type {
  GroupKind,
  MeetingDetail,
  MeetingSummary,
  OrganisationKind,
  Poll,
  Subject,
} from '@affluents/contracts';
import { addAgendaItem } from '@affluents/editor/template';
import type { Socket } from 'socket.io-client';
import type TestAgent from 'supertest/lib/agent';
import { CollabDocuments } from '../src/collab/collab-documents';
import { DocAccessRegistry } from '../src/collab/doc-access-registry';
import { DomainEventBus } from '../src/common/events/domain-event-bus';
import { factories, type TestUser } from './support/factories';
import {
  ack,
  connectSocket,
  type SocketTestApp,
  signInCookie,
  startSocketTestApp,
} from './support/socket-client';
import { linkToken } from './support/test-app';

const slot = (day: string) => ({ startsAt: `${day}T08:00:00.000Z`, endsAt: `${day}T11:00:00.000Z` });

describe('meetings: planning, answers, date polls, guests and their isolation', () => {
  let t: SocketTestApp;
  let sophie: TestAgent;
  let claire: TestAgent;
  let olivier: TestAgent;
  let amina: TestAgent;
  let nadia: TestAgent;
  let namurSocial: string;
  let people: Record<'sophie' | 'claire' | 'olivier' | 'amina' | 'nadia', TestUser>;
  let meeting: MeetingDetail;
  const events: string[] = [];

  const sequence = async (id: string) =>
    (await t.dataSource.query('SELECT ical_sequence AS seq FROM meetings WHERE id = $1', [id]))[0]
      .seq as number;

  async function subjectOf(user: TestUser): Promise<Subject> {
    const memberships = await t.dataSource.query(
      'SELECT group_id AS "groupId", role FROM memberships WHERE user_id = $1',
      [user.id],
    );
    return { userId: user.id, platformRole: null, memberships };
  }

  beforeAll(async () => {
    t = await startSocketTestApp({ seed: false });
    const bus = t.app.get(DomainEventBus);
    bus.on('meeting.scheduled', ({ meetingId }) => void events.push(`scheduled:${meetingId}`));
    bus.on('meeting.changed', ({ meetingId, change }) => void events.push(`${change}:${meetingId}`));
    bus.on(
      'meeting.guest-invited',
      ({ meetingId, userId }) => void events.push(`guest:${meetingId}:${userId}`),
    );
    // Namur's social workers: Sophie (facilitator, from a federation, a partner) and Claire (member, from a
    // CISP); Olivier is in Namur's encadrants, Amina in another bassin, Nadia in no group.
    const make = factories(t);
    const namur = await make.bassin({ name: 'Namur' });
    const groupOf = (kind: GroupKind) => namur.groups.find((g) => g.kind === kind) as { id: string };
    namurSocial = groupOf('social_workers').id;
    const organisation = (name: string, kind: OrganisationKind) =>
      make.organisation({ name, kind, bassinId: namur.id });
    const federation = await organisation('Fédération des Initiatives Solidaires', 'federation');
    const possibles = await organisation("CISP L'Atelier des Possibles", 'cisp');
    const cpas = await organisation('CPAS de Val-des-Meuses', 'cpas');
    people = {
      sophie: await make.user({ displayName: 'Sophie Lambert', organisationId: federation.id }),
      claire: await make.user({ displayName: 'Claire Renard', organisationId: possibles.id }),
      olivier: await make.user({ displayName: 'Olivier Lejeune' }),
      amina: await make.user({ displayName: 'Amina Lahlou' }),
      nadia: await make.user({ displayName: 'Nadia Vandenbergh', organisationId: cpas.id }),
    };
    await make.membership(people.sophie, groupOf('social_workers'), 'facilitator');
    await make.membership(people.claire, groupOf('social_workers'));
    await make.membership(people.olivier, groupOf('encadrants'));
    await make.membership(people.amina, await make.group('social_workers'));
    [sophie, claire, olivier, amina, nadia] = await Promise.all(
      [people.sophie, people.claire, people.olivier, people.amina, people.nadia].map(make.signIn),
    );
  });
  afterAll(() => t.close());

  it('creates a meeting with its thread, documents and the rotation’s host (facilitators only)', async () => {
    const body = { title: 'Le logement des stagiaires', ...slot('2027-02-10') };
    await claire.post(`/api/groups/${namurSocial}/meetings`).send(body).expect(403);
    await olivier.post(`/api/groups/${namurSocial}/meetings`).send(body).expect(404);
    await amina.post(`/api/groups/${namurSocial}/meetings`).send(body).expect(404);
    await t.agent().post(`/api/groups/${namurSocial}/meetings`).send(body).expect(401);
    await sophie
      .post(`/api/groups/${namurSocial}/meetings`)
      .send({ title: 'X', startsAt: body.startsAt })
      .expect(400);
    const unknownHost = await sophie
      .post(`/api/groups/${namurSocial}/meetings`)
      .send({ ...body, hostOrganisationId: '00000000-0000-4000-8000-000000000000' })
      .expect(400);
    expect(unknownHost.body.fieldErrors).toEqual([
      { path: 'hostOrganisationId', message: 'Organisation inconnue' },
    ]);

    meeting = (await sophie.post(`/api/groups/${namurSocial}/meetings`).send(body).expect(201)).body;
    expect(meeting).toMatchObject({
      title: 'Le logement des stagiaires',
      status: 'planned',
      kind: 'regular',
      place: { type: 'host' },
      agendaDocName: `meeting-agenda:${meeting.id}`,
      notesDocName: `meeting-notes:${meeting.id}`,
      canManage: true,
      isGuest: false,
      datePollId: null,
      agenda: [],
    });
    // Claire's CISP is the only member structure (Sophie's federation is a partner).
    expect(meeting.host?.name).toBe("CISP L'Atelier des Possibles");
    expect(meeting.facilitators.map((f) => f.displayName)).toEqual([expect.stringMatching(/Sophie/)]);
    expect(meeting.participants.map((p) => p.role)).toEqual(['facilitator', 'member']);
    const [thread] = await t.dataSource.query('SELECT title, subject_type FROM threads WHERE id = $1', [
      meeting.threadId,
    ]);
    expect(thread).toEqual({ title: 'Rencontre : Le logement des stagiaires', subject_type: 'meeting' });
    expect(await sequence(meeting.id)).toBe(0);
    await t.app.get(DomainEventBus).settled();
    expect(events).toContain(`scheduled:${meeting.id}`);

    const listed: MeetingSummary[] = (await claire.get(`/api/groups/${namurSocial}/meetings`).expect(200))
      .body;
    expect(listed.map((s) => s.id)).toEqual([meeting.id]);
    expect((await claire.get(`/api/groups/${namurSocial}/meetings?when=past`).expect(200)).body).toEqual([]);
    await claire.get(`/api/groups/${namurSocial}/meetings?when=later`).expect(400);
  });

  it('reads the agenda from its shared document, and opens the documents to members only', async () => {
    await t.app
      .get(CollabDocuments)
      .change(meeting.agendaDocName, (doc) =>
        addAgendaItem(doc, { id: 'a1', title: 'Tour de table', durationMinutes: 20, ownerName: 'Sophie' }),
      );
    const detail: MeetingDetail = (await claire.get(`/api/meetings/${meeting.id}`).expect(200)).body;
    expect(detail.agenda).toEqual([
      { id: 'a1', title: 'Tour de table', durationMinutes: 20, ownerName: 'Sophie' },
    ]);
    const registry = t.app.get(DocAccessRegistry);
    expect(await registry.resolve(meeting.agendaDocName, await subjectOf(people.claire))).toBe('write');
    expect(await registry.resolve(meeting.notesDocName, await subjectOf(people.claire))).toBe('write');
    expect(await registry.resolve(meeting.agendaDocName, await subjectOf(people.olivier))).toBeNull();
    expect(await registry.resolve(meeting.notesDocName, await subjectOf(people.nadia))).toBeNull();
  });

  it('moves and cancels with a sequence bump each time; a title change alone does not bump', async () => {
    await claire.patch(`/api/meetings/${meeting.id}`).send({ title: 'Autre' }).expect(403);
    await olivier.patch(`/api/meetings/${meeting.id}`).send({ title: 'Autre' }).expect(404);
    await sophie
      .patch(`/api/meetings/${meeting.id}`)
      .send({ endsAt: '2027-02-10T07:00:00.000Z' })
      .expect(400);

    await sophie.patch(`/api/meetings/${meeting.id}`).send({ title: 'Le logement, suite' }).expect(200);
    expect(await sequence(meeting.id)).toBe(0);
    const moved: MeetingDetail = (
      await sophie.patch(`/api/meetings/${meeting.id}`).send(slot('2027-02-17')).expect(200)
    ).body;
    expect(moved.startsAt).toBe('2027-02-17T08:00:00.000Z');
    expect(await sequence(meeting.id)).toBe(1);
    await sophie
      .patch(`/api/meetings/${meeting.id}`)
      .send({ place: { type: 'online', url: 'https://visio.example.org/namur' } })
      .expect(200);
    expect(await sequence(meeting.id)).toBe(2);
    const cancelled: MeetingDetail = (
      await sophie.patch(`/api/meetings/${meeting.id}`).send({ status: 'cancelled' }).expect(200)
    ).body;
    expect(cancelled.status).toBe('cancelled');
    expect(await sequence(meeting.id)).toBe(3);
    await claire.post(`/api/meetings/${meeting.id}/rsvp`).send({ answer: 'yes' }).expect(409);
    await sophie.patch(`/api/meetings/${meeting.id}`).send({ status: 'planned' }).expect(200);
    expect(await sequence(meeting.id)).toBe(4);
    await t.app.get(DomainEventBus).settled();
    expect(events.filter((e) => e.endsWith(meeting.id))).toEqual([
      `scheduled:${meeting.id}`,
      `moved:${meeting.id}`,
      `moved:${meeting.id}`,
      `cancelled:${meeting.id}`,
      `reinstated:${meeting.id}`,
    ]);
  });

  it('takes answers from members; the facilitator sees them and who has not answered', async () => {
    await claire.post(`/api/meetings/${meeting.id}/rsvp`).send({ answer: 'perhaps' }).expect(400);
    await olivier.post(`/api/meetings/${meeting.id}/rsvp`).send({ answer: 'yes' }).expect(404);
    const mine: MeetingDetail = (
      await claire.post(`/api/meetings/${meeting.id}/rsvp`).send({ answer: 'yes' }).expect(200)
    ).body;
    expect(mine.myRsvp).toBe('yes');
    const seen: MeetingDetail = (await sophie.get(`/api/meetings/${meeting.id}`).expect(200)).body;
    const byName = Object.fromEntries(seen.participants.map((p) => [p.person.displayName, p.rsvp]));
    expect(Object.values(byName).sort()).toEqual([null, 'yes'].sort());
    expect(seen.participants.filter((p) => p.rsvp === null).map((p) => p.role)).toEqual(['facilitator']);
    const upcoming: MeetingSummary[] = (await claire.get('/api/me/meetings').expect(200)).body;
    expect(upcoming.find((s) => s.id === meeting.id)?.myRsvp).toBe('yes');
  });

  it('finds a date by poll: open, votes, close on a slot fixes the date and sends the invitations', async () => {
    const undated: MeetingDetail = (
      await sophie
        .post(`/api/groups/${namurSocial}/meetings`)
        .send({ title: 'Focus CPAS', kind: 'thematic' })
        .expect(201)
    ).body;
    expect(undated.startsAt).toBeNull();
    const request = { slots: [slot('2027-03-03'), slot('2027-03-10')], closesAt: '2027-02-01T12:00:00.000Z' };
    await claire.post(`/api/meetings/${undated.id}/date-poll`).send(request).expect(403);
    const opened: MeetingDetail = (
      await sophie.post(`/api/meetings/${undated.id}/date-poll`).send(request).expect(201)
    ).body;
    expect(opened.datePollId).toEqual(expect.any(String));
    await sophie.post(`/api/meetings/${undated.id}/date-poll`).send(request).expect(409);
    const poll: Poll = (await claire.get(`/api/polls/${opened.datePollId}`).expect(200)).body;
    expect(poll).toMatchObject({ kind: 'dates', threadId: undated.threadId });
    const [first, second] = poll.options;
    await claire
      .post(`/api/polls/${poll.id}/votes`)
      .send({ dateAnswers: { [first.id]: 'no', [second.id]: 'yes' } })
      .expect(200);
    await sophie
      .post(`/api/polls/${poll.id}/votes`)
      .send({ dateAnswers: { [first.id]: 'maybe', [second.id]: 'yes' } })
      .expect(200);

    await claire
      .post(`/api/meetings/${undated.id}/date-poll/close`)
      .send({ optionId: second.id })
      .expect(403);
    await sophie
      .post(`/api/meetings/${undated.id}/date-poll/close`)
      .send({ optionId: meeting.id })
      .expect(400);
    const fixed: MeetingDetail = (
      await sophie
        .post(`/api/meetings/${undated.id}/date-poll/close`)
        .send({ optionId: second.id })
        .expect(200)
    ).body;
    expect(fixed).toMatchObject({ ...slot('2027-03-10'), datePollId: null });
    const closed: Poll = (await claire.get(`/api/polls/${poll.id}`).expect(200)).body;
    expect(closed.closedAt).not.toBeNull();
    expect(closed.outcome).toMatch(/^Date retenue : mercredi 10 mars 2027/);
    expect(await sequence(undated.id)).toBe(1);
    await sophie
      .post(`/api/meetings/${undated.id}/date-poll/close`)
      .send({ optionId: second.id })
      .expect(409);
    await t.app.get(DomainEventBus).settled();
    expect(events).toContain(`scheduled:${undated.id}`);
  });

  describe('guests', () => {
    let focus: MeetingDetail;
    let nadiaId: string;
    let otherThread: string;
    let fiche: string;

    beforeAll(async () => {
      focus = (
        await sophie
          .post(`/api/groups/${namurSocial}/meetings`)
          .send({ title: 'Focus avec le CPAS', kind: 'thematic', ...slot('2027-04-07') })
          .expect(201)
      ).body;
      otherThread = (
        await sophie
          .post(`/api/groups/${namurSocial}/threads`)
          .send({ kind: 'discussion', title: 'Entre nous', body: 'Réservé au groupe' })
          .expect(201)
      ).body.id;
      fiche = (
        await sophie
          .post('/api/fiches')
          .send({ title: 'Fiche du groupe', groupId: namurSocial, year: 2027 })
          .expect(201)
      ).body.id;
      nadiaId = people.nadia.id;
    });

    it('invites an existing account (facilitators only), idempotently', async () => {
      const invite = {
        // The same address with a capital: invitations ignore case.
        email: people.nadia.email.charAt(0).toUpperCase() + people.nadia.email.slice(1),
        displayName: 'Nadia',
        organisation: 'CPAS de Val-des-Meuses',
      };
      await claire.post(`/api/meetings/${focus.id}/guests`).send(invite).expect(403);
      await sophie
        .post(`/api/meetings/${focus.id}/guests`)
        .send({ ...invite, email: people.claire.email })
        .expect(409);
      const detail: MeetingDetail = (
        await sophie.post(`/api/meetings/${focus.id}/guests`).send(invite).expect(201)
      ).body;
      await sophie.post(`/api/meetings/${focus.id}/guests`).send(invite).expect(201);
      const guests = detail.participants.filter((p) => p.role === 'guest');
      expect(guests).toEqual([
        {
          person: { id: nadiaId, displayName: expect.any(String) },
          role: 'guest',
          organisation: 'CPAS de Val-des-Meuses',
          rsvp: null,
          attendance: null,
        },
      ]);
      await t.app.get(DomainEventBus).settled();
      expect(events.filter((e) => e === `guest:${focus.id}:${nadiaId}`)).toHaveLength(1);
      // An existing account gets no password mail.
      expect(
        (await t.mailsTo(people.nadia.email)).filter((m) => m.template === 'meeting_guest_account'),
      ).toEqual([]);
    });

    it('lets the guest see that meeting, its agenda and thread, answer and vote, and nothing else', async () => {
      const seen: MeetingDetail = (await nadia.get(`/api/meetings/${focus.id}`).expect(200)).body;
      expect(seen).toMatchObject({ isGuest: true, canManage: false, openActions: [] });
      // A guest sees the participants but only their own answer.
      await claire.post(`/api/meetings/${focus.id}/rsvp`).send({ answer: 'no' }).expect(200);
      const answered: MeetingDetail = (
        await nadia.post(`/api/meetings/${focus.id}/rsvp`).send({ answer: 'maybe' }).expect(200)
      ).body;
      expect(answered.participants.map((p) => p.rsvp).filter(Boolean)).toEqual(['maybe']);
      const forSophie: MeetingDetail = (await sophie.get(`/api/meetings/${focus.id}`).expect(200)).body;
      expect(forSophie.participants.find((p) => p.role === 'guest')?.rsvp).toBe('maybe');

      await nadia.get(`/api/threads/${focus.threadId}`).expect(200);
      const registry = t.app.get(DocAccessRegistry);
      expect(await registry.resolve(focus.agendaDocName, await subjectOf(people.nadia))).toBe('read');
      expect(await registry.resolve(focus.notesDocName, await subjectOf(people.nadia))).toBeNull();
      expect(await registry.resolve(meeting.agendaDocName, await subjectOf(people.nadia))).toBeNull();
      const mine: MeetingSummary[] = (await nadia.get('/api/me/meetings').expect(200)).body;
      expect(mine.map((s) => s.id)).toEqual([focus.id]);

      // Everything else of the group stays closed.
      await nadia.get(`/api/groups/${namurSocial}`).expect(403);
      await nadia.get(`/api/meetings/${meeting.id}`).expect(404);
      await nadia.get(`/api/groups/${namurSocial}/meetings`).expect(404);
      await nadia.post(`/api/groups/${namurSocial}/meetings`).send({ title: 'x' }).expect(404);
      await nadia.get(`/api/groups/${namurSocial}/meetings/next-host`).expect(404);
      await nadia
        .post(`/api/groups/${namurSocial}/meetings/plan`)
        .send({ firstStartsAt: slot('2027-05-05').startsAt })
        .expect(404);
      await nadia.get(`/api/groups/${namurSocial}/actions`).expect(404);
      await nadia.post(`/api/meetings/${meeting.id}/rsvp`).send({ answer: 'yes' }).expect(404);
      await nadia.get(`/api/threads/${otherThread}`).expect(404);
      const threads = (await nadia.get(`/api/groups/${namurSocial}/threads`).expect(200)).body;
      expect(threads.items.map((th: { id: string }) => th.id)).toEqual([focus.threadId]);
      expect((await nadia.get(`/api/fiches/${fiche}`)).status).toBeGreaterThanOrEqual(403);
      // And the meeting itself is read-only for them.
      await nadia.patch(`/api/meetings/${focus.id}`).send({ title: 'Pris' }).expect(403);
      await nadia
        .post(`/api/meetings/${focus.id}/guests`)
        .send({ email: 'x@example.org', displayName: 'X' })
        .expect(403);
      await nadia
        .post(`/api/meetings/${focus.id}/date-poll`)
        .send({ slots: [slot('2027-05-05')], closesAt: '2027-04-01T00:00:00Z' })
        .expect(403);
      await nadia.delete(`/api/meetings/${focus.id}/guests/${nadiaId}`).expect(403);
    });

    it('lets the guest join the meeting’s thread room and no other thread of the group', async () => {
      const socket: Socket = await connectSocket(
        t.baseUrl,
        await signInCookie(t.baseUrl, people.nadia.email, people.nadia.password),
      );
      t.sockets.push(socket);
      const own = await ack(socket, 'thread:join', { threadId: focus.threadId, afterSeq: 0, afterChange: 0 });
      expect(own.ok).toBe(true);
      const other = await ack(socket, 'thread:join', { threadId: otherThread, afterSeq: 0, afterChange: 0 });
      expect(other.ok).toBe(false);
      const previous = await ack(socket, 'thread:join', {
        threadId: meeting.threadId,
        afterSeq: 0,
        afterChange: 0,
      });
      expect(previous.ok).toBe(false);
    });

    it('creates an account for a new guest with a link to choose a password', async () => {
      const email = 'mire.agent@example.org';
      const detail: MeetingDetail = (
        await sophie
          .post(`/api/meetings/${focus.id}/guests`)
          .send({ email, displayName: 'Agent MIRE', organisation: 'MIRE Namur' })
          .expect(201)
      ).body;
      expect(
        detail.participants.filter((p) => p.role === 'guest').map((p) => p.person.displayName),
      ).toContain('Agent MIRE');
      const mails = await t.mailsTo(email);
      // The calendar module sends the meeting's invitation too; the account mail is ours.
      const mail = mails.find((m) => m.template === 'meeting_guest_account');
      if (!mail) throw new Error(`no account mail among ${mails.map((m) => m.template)}`);
      expect(mail).toMatchObject({
        template: 'meeting_guest_account',
        subject: expect.stringContaining('Focus avec le CPAS'),
      });
      await t.agent().post('/api/auth/login').send({ email, password: 'pas-encore-choisi' }).expect(401);
      const token = linkToken(mail.textBody, 'reinitialiser');
      await t
        .agent()
        .post('/api/auth/password-reset/confirm')
        .send({ token, password: 'un-mot-de-passe-sur' })
        .expect(204);
      const guest = await t.signIn(email, 'un-mot-de-passe-sur');
      await guest.get(`/api/meetings/${focus.id}`).expect(200);
      await guest.get(`/api/meetings/${meeting.id}`).expect(404);
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1`,
        [email],
      );
      expect(count).toBe(0);
    });

    it('withdraws an invitation: the meeting and its thread disappear for the guest', async () => {
      await sophie.delete(`/api/meetings/${focus.id}/guests/${nadiaId}`).expect(200);
      await sophie.delete(`/api/meetings/${focus.id}/guests/${nadiaId}`).expect(404);
      await nadia.get(`/api/meetings/${focus.id}`).expect(404);
      await nadia.get(`/api/threads/${focus.threadId}`).expect(404);
      expect((await nadia.get('/api/me/meetings').expect(200)).body).toEqual([]);
    });
  });

  it('lists follow-up actions: the group’s, mine, and the open ones of earlier meetings in a detail', async () => {
    const claireId = people.claire.id;
    const earlier: MeetingDetail = (
      await sophie
        .post(`/api/groups/${namurSocial}/meetings`)
        .send({ title: 'Janvier', ...slot('2027-01-06') })
        .expect(201)
    ).body;
    await t.dataSource.query(
      `INSERT INTO follow_up_actions (meeting_id, group_id, title, owner_id, due_on, status, created_by_id)
       VALUES ($1, $2, 'Contacter la MIRE', $3, '2027-01-31', 'open', $3),
              ($1, $2, 'Envoyer le PV', $3, NULL, 'done', $3)`,
      [earlier.id, namurSocial, claireId],
    );
    const later: MeetingDetail = (await claire.get(`/api/meetings/${meeting.id}`).expect(200)).body;
    expect(later.openActions.map((a) => [a.title, a.owner?.id, a.dueOn])).toEqual([
      ['Contacter la MIRE', claireId, '2027-01-31'],
    ]);
    const own: MeetingDetail = (await claire.get(`/api/meetings/${earlier.id}`).expect(200)).body;
    expect(own.actions.map((a) => a.title).sort()).toEqual(['Contacter la MIRE', 'Envoyer le PV']);
    expect(own.openActions).toEqual([]);
    expect((await claire.get(`/api/groups/${namurSocial}/actions`).expect(200)).body).toHaveLength(1);
    expect((await claire.get(`/api/groups/${namurSocial}/actions?status=all`).expect(200)).body).toHaveLength(
      2,
    );
    expect(
      (await claire.get('/api/me/actions?status=done').expect(200)).body.map(
        (a: { title: string }) => a.title,
      ),
    ).toEqual(['Envoyer le PV']);
    await olivier.get(`/api/groups/${namurSocial}/actions`).expect(404);
    expect((await olivier.get('/api/me/actions').expect(200)).body).toEqual([]);
    await t.agent().get('/api/me/actions').expect(401);
    await t.agent().get(`/api/meetings/${meeting.id}`).expect(401);
  });
});
