import type { ActivityItem, ActivityKind, ActivityPage } from '@affluents/contracts';
import type TestAgent from 'supertest/lib/agent';
import { DomainEventBus } from '../src/common/events/domain-event-bus';
import { type Factories, factories, type SignedInUser } from './support/factories';
import { nextEvent, type SocketTestApp, startSocketTestApp } from './support/socket-client';

// « Nouveautés »: every listened domain event leaves one row in its group's activity. The events that the
// fiches and minutes modules do not emit yet are emitted here as they will be; the others come from real
// requests (a poll opened, a meeting planned, moved and cancelled).
describe('activity (« Nouveautés »)', () => {
  let t: SocketTestApp;
  let make: Factories;
  let bus: DomainEventBus;
  let groupId: string;
  let otherGroupId: string;
  let ines: SignedInUser; // facilitator of the group
  let amina: SignedInUser; // member
  let marc: SignedInUser; // member of another group only
  let ficheId: string;
  let meetingId: string;

  const news = async (agent: TestAgent, query = '') =>
    (await agent.get(`/api/activity${query}`).expect(200)).body as ActivityPage;
  const itemOf = (page: ActivityPage, kind: ActivityKind) => page.items.find((i) => i.kind === kind);
  const notice = (title: string, link: string, actor: SignedInUser | null = ines) => ({
    groupId,
    title,
    link,
    actor: actor ? { id: actor.id, displayName: actor.displayName } : null,
  });

  beforeAll(async () => {
    t = await startSocketTestApp({ seed: false });
    make = factories(t);
    bus = t.app.get(DomainEventBus);
    const bassin = await make.bassin({ name: 'Hainaut Sud', groupKinds: ['social_workers', 'managers'] });
    groupId = bassin.groups.find((g) => g.kind === 'social_workers')?.id as string;
    otherGroupId = bassin.groups.find((g) => g.kind === 'managers')?.id as string;
    ines = await make.member({ id: groupId }, 'facilitator', { displayName: 'Inès Moreau' });
    amina = await make.member({ id: groupId }, 'member', { displayName: 'Amina Lahlou' });
    marc = await make.member({ id: otherGroupId }, 'member', { displayName: 'Marc Delvaux' });
    ficheId = (await ines.agent.post('/api/fiches').send({ title: 'Atelier CV', groupId }).expect(201)).body
      .id;
    await bus.settled();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('records each listened event in the right group: unread for a member, read for its actor', async () => {
    const socket = await t.connectAs(amina);
    const live = nextEvent<{ groupId: string }>(socket, 'activity:new', (e) => e.groupId === groupId);
    // The fiche was created through its route (beforeAll); the other fiche and minutes events are
    // emitted here, as their services do once the content allows a review or a publication.
    void bus.emit('fiche.review-requested', {
      ...notice('Atelier CV', `/fiches/${ficheId}`),
      ficheId,
      authorIds: [ines.id],
    });
    await live;
    void bus.emit('fiche.published', {
      ...notice('Atelier CV', `/fiches/${ficheId}`),
      ficheId,
      authorIds: [ines.id],
    });
    void bus.emit('comment.posted', {
      commentId: '00000000-0000-4000-8000-000000000001',
      replyId: null,
      ficheId,
      groupId,
      ficheTitle: 'Atelier CV',
      author: { id: ines.id, displayName: ines.displayName },
      body: 'Ajouter   le public visé',
      mentions: [],
      participantIds: [],
    });
    // A meeting planned with a date, moved, then cancelled: through the meetings routes.
    meetingId = (
      await ines.agent
        .post(`/api/groups/${groupId}/meetings`)
        .send({
          title: 'Rencontre de mars',
          startsAt: '2027-03-10T08:00:00.000Z',
          endsAt: '2027-03-10T11:00:00.000Z',
          place: { type: 'address', address: 'Rue Haute 1, Mons' },
        })
        .expect(201)
    ).body.id;
    await bus.settled();
    await ines.agent
      .patch(`/api/meetings/${meetingId}`)
      .send({ startsAt: '2027-03-17T08:00:00.000Z', endsAt: '2027-03-17T11:00:00.000Z' })
      .expect(200);
    await bus.settled();
    await ines.agent.patch(`/api/meetings/${meetingId}`).send({ status: 'cancelled' }).expect(200);
    const meetingNotice = notice('Rencontre de mars', `/rencontres/${meetingId}`);
    void bus.emit('meeting.date-poll-opened', {
      ...meetingNotice,
      meetingId,
      closesAt: '2027-02-01T12:00:00Z',
    });
    void bus.emit('minutes.review-opened', {
      ...meetingNotice,
      meetingId,
      reviewEndsAt: '2027-03-24T12:00:00Z',
    });
    void bus.emit('minutes.published', { ...meetingNotice, meetingId });
    void bus.emit('action.assigned', {
      ...notice('Relancer le CPAS', `/rencontres/${meetingId}`, null),
      actionId: '00000000-0000-4000-8000-000000000002',
      meetingId,
      ownerId: amina.id,
      dueOn: null,
    });
    // A poll opened in a thread: through the discussions and polls routes.
    const threadId = (
      await amina.agent
        .post(`/api/groups/${groupId}/threads`)
        .send({ title: 'Calendrier', body: 'On vote ?' })
        .expect(201)
    ).body.id;
    await amina.agent
      .post(`/api/threads/${threadId}/polls`)
      .send({ kind: 'proposal', question: 'Garder le mardi ?', closesAt: '2027-01-01T12:00:00.000Z' })
      .expect(201);
    await bus.settled();

    const mine = await news(amina.agent);
    const kinds: ActivityKind[] = [
      'fiche_created',
      'fiche_review',
      'fiche_published',
      'fiche_comment',
      'meeting_planned',
      'meeting_moved',
      'meeting_cancelled',
      'meeting_date_poll',
      'minutes_review',
      'minutes_published',
      'action_assigned',
      'poll_opened',
    ];
    expect([...mine.items.map((i) => i.kind)].sort()).toEqual([...kinds].sort());
    expect(mine.items.every((i) => i.group.id === groupId)).toBe(true);
    // Newest first.
    const times = mine.items.map((i) => i.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    // Amina did only the poll: everything else is unread for her.
    expect(mine.items.filter((i) => !i.unread).map((i) => i.kind)).toEqual(['poll_opened']);
    expect(mine.totalUnread).toBe(kinds.length - 1);

    const comment = itemOf(mine, 'fiche_comment') as ActivityItem;
    expect(comment).toMatchObject({
      title: 'Atelier CV',
      excerpt: 'Ajouter le public visé',
      link: `/fiches/${ficheId}?comment=00000000-0000-4000-8000-000000000001`,
      actor: { id: ines.id, displayName: 'Inès Moreau' },
      group: { id: groupId, kind: 'social_workers', bassinName: 'Hainaut Sud' },
    });
    expect(itemOf(mine, 'meeting_moved')).toMatchObject({
      title: 'Rencontre de mars',
      link: `/rencontres/${meetingId}`,
      actor: { id: ines.id, displayName: 'Inès Moreau' },
    });
    expect(itemOf(mine, 'meeting_moved')?.excerpt).toMatch(/17 mars 2027/);
    expect(itemOf(mine, 'action_assigned')?.actor).toBeNull();

    // Inès did the fiche's, the meeting's, the minutes' and the date poll's: read for her; the action
    // (assigned here with no actor) and Amina's poll are not.
    const hers = await news(ines.agent);
    const unreadOfHers = hers.items.filter((i) => i.unread).map((i) => i.kind);
    expect(unreadOfHers.sort()).toEqual(['action_assigned', 'poll_opened']);
  });

  it('shows nothing of a group to a non-member, and refuses to list or mark it (403)', async () => {
    expect((await news(marc.agent)).items).toEqual([]);
    expect((await news(marc.agent)).totalUnread).toBe(0);
    await marc.agent.get(`/api/activity?groupId=${groupId}`).expect(403);
    await marc.agent.post('/api/activity/read').send({ groupId }).expect(403);
    await t.agent().get('/api/activity').expect(401);
    await amina.agent.get('/api/activity?cursor=nope').expect(400);
    await amina.agent.post('/api/activity/read').send({ groupId: 'pas-un-id' }).expect(400);
  });

  it('pages newest first with a cursor', async () => {
    const first = await news(amina.agent, '?limit=5');
    expect(first.items).toHaveLength(5);
    expect(first.nextCursor).not.toBeNull();
    const rest = await news(amina.agent, `?limit=50&cursor=${encodeURIComponent(first.nextCursor ?? '')}`);
    expect(rest.items).toHaveLength(7);
    expect(rest.nextCursor).toBeNull();
    expect(new Set([...first.items, ...rest.items].map((i) => i.id)).size).toBe(12);
  });

  it('marks read in one group or all, and what comes later is unread again', async () => {
    const other = await make.member({ id: otherGroupId }, 'member');
    await make.membership(amina, { id: otherGroupId });
    await other.agent
      .post('/api/fiches')
      .send({ title: 'Fiche des cadres', groupId: otherGroupId })
      .expect(201);
    await bus.settled();
    expect((await news(amina.agent)).totalUnread).toBe(12);

    const marked = await amina.agent.post('/api/activity/read').send({ groupId }).expect(200);
    expect(marked.body).toEqual({ totalUnread: 1 });
    const afterOne = await news(amina.agent);
    expect(afterOne.items.filter((i) => i.unread).map((i) => i.group.id)).toEqual([otherGroupId]);
    expect((await news(amina.agent, `?groupId=${groupId}`)).totalUnread).toBe(0);

    await amina.agent.post('/api/activity/read').send({}).expect(200, { totalUnread: 0 });
    // Ines's own reading is hers alone.
    expect((await news(ines.agent)).totalUnread).toBe(2);

    void bus.emit('minutes.published', {
      ...notice('Rencontre de mars', `/rencontres/${meetingId}`),
      meetingId,
    });
    await bus.settled();
    const later = await news(amina.agent);
    expect(later.totalUnread).toBe(1);
    expect(later.items[0]).toMatchObject({ kind: 'minutes_published', unread: true });
  });

  it('records a year planned at once as one entry leading to the group, read for its planner', async () => {
    await ines.agent
      .post(`/api/groups/${groupId}/meetings/plan`)
      .send({
        firstStartsAt: '2027-09-09T08:00:00.000Z',
        everyMonths: 2,
        count: 4,
        durationMinutes: 120,
        dryRun: false,
      })
      .expect(200);
    await bus.settled();
    const [year] = (await news(amina.agent)).items;
    expect(year).toMatchObject({
      kind: 'meeting_planned',
      title: '4 rencontres planifiées',
      link: `/groupes/${groupId}`,
      actor: { id: ines.id, displayName: 'Inès Moreau' },
      unread: true,
    });
    expect(year.excerpt).toMatch(/9 septembre 2027/);
    expect((await news(ines.agent)).items[0]).toMatchObject({ id: year.id, unread: false });
  });
});
