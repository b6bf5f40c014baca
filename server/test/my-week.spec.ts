import type { AwaitingPoll, MeetingDetail, MeetingSummary } from '@affluents/contracts';
import type TestAgent from 'supertest/lib/agent';
import { factories, type TestUser } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const slot = (days: number) => ({ startsAt: inDays(days), endsAt: inDays(days + 0.1) });

/** What the home page reads: polls awaiting my vote, my meetings (upcoming with their date poll, past with minutes). */
describe('my week: polls awaiting my vote, my upcoming and past meetings', () => {
  let t: TestApp;
  let sophie: TestAgent; // facilitator of the group
  let claire: TestAgent; // member of the group
  let marc: TestAgent; // member of another group
  let nadia: TestAgent; // in no group, guest of one meeting
  let nadiaUser: TestUser;
  let groupId: string;
  let undated: MeetingDetail;

  beforeAll(async () => {
    t = await startTestApp({ seed: false });
    const make = factories(t);
    const group = await make.group('social_workers');
    const other = await make.group('managers', { bassinId: group.bassinId });
    groupId = group.id;
    const s = await make.member(group, 'facilitator');
    const c = await make.member(group);
    const m = await make.member(other);
    const n = await make.user({ displayName: 'Nadia Vandenbergh' });
    [sophie, claire, marc, nadia] = [s.agent, c.agent, m.agent, await make.signIn(n)];
    nadiaUser = n;

    undated = (
      await sophie
        .post(`/api/groups/${groupId}/meetings`)
        .send({ title: 'Rencontre de printemps', kind: 'thematic' })
        .expect(201)
    ).body;
    await sophie
      .post(`/api/meetings/${undated.id}/guests`)
      .send({ email: n.email, displayName: 'Nadia', organisation: 'CPAS' })
      .expect(201);
    undated = (
      await sophie
        .post(`/api/meetings/${undated.id}/date-poll`)
        .send({ slots: [slot(20), slot(27)], closesAt: inDays(10) })
        .expect(201)
    ).body;
  });
  afterAll(() => t.close());

  const awaiting = async (agent: TestAgent): Promise<AwaitingPoll[]> =>
    (await agent.get('/api/me/polls').expect(200)).body;

  it('lists the date poll of my next meeting, with its meeting, to members and guests who have not voted', async () => {
    const upcoming: MeetingSummary[] = (await claire.get('/api/me/meetings').expect(200)).body;
    const mine = upcoming.find((s) => s.id === undated.id);
    expect(mine).toMatchObject({ startsAt: null, datePollId: undated.datePollId });

    for (const agent of [claire, sophie, nadia]) {
      const polls = await awaiting(agent);
      expect(polls).toEqual([
        expect.objectContaining({
          groupId,
          threadTitle: expect.any(String),
          poll: expect.objectContaining({ id: undated.datePollId, kind: 'dates', myVote: null }),
        }),
      ]);
    }
    // Another group's member neither sees nor may vote in this group's polls.
    expect(await awaiting(marc)).toEqual([]);
  });

  it('drops a poll once I voted, and polls that are closed', async () => {
    const [{ poll }] = await awaiting(claire);
    await claire
      .post(`/api/polls/${poll.id}/votes`)
      .send({ dateAnswers: { [poll.options[0].id]: 'yes' } })
      .expect(200);
    expect(await awaiting(claire)).toEqual([]);
    expect((await awaiting(nadia)).map((p) => p.poll.id)).toEqual([poll.id]);

    const thread = (
      await claire
        .post(`/api/groups/${groupId}/threads`)
        .send({ kind: 'discussion', title: 'La charte', body: 'On adopte ?' })
        .expect(201)
    ).body;
    const proposal = (
      await claire
        .post(`/api/threads/${thread.id}/polls`)
        .send({ kind: 'proposal', question: 'Adopter la charte ?', closesAt: inDays(3) })
        .expect(201)
    ).body;
    // Sorted by closing time: the charter closes before the date poll.
    expect((await awaiting(sophie)).map((p) => p.poll.id)).toEqual([proposal.id, poll.id]);
    // The guest sees only the meeting's thread.
    expect((await awaiting(nadia)).map((p) => p.poll.id)).toEqual([poll.id]);
    await claire.post(`/api/polls/${proposal.id}/close`).send({ outcome: 'Reportée' }).expect(200);
    expect((await awaiting(sophie)).map((p) => p.poll.id)).toEqual([poll.id]);
  });

  it('lists past meetings with their minutes, to a guest only when they are shown to guests', async () => {
    const held: MeetingDetail = (
      await sophie
        .post(`/api/groups/${groupId}/meetings`)
        .send({ title: 'Focus logement', kind: 'thematic', ...slot(5) })
        .expect(201)
    ).body;
    await sophie
      .post(`/api/meetings/${held.id}/guests`)
      .send({ email: nadiaUser.email, displayName: 'Nadia', organisation: 'CPAS' })
      .expect(201);
    // The meeting took place and its minutes were published (the minutes' own path is tested elsewhere).
    await t.dataSource.query(
      `UPDATE meetings SET status = 'done', starts_at = now() - interval '2 days',
              ends_at = now() - interval '2 days' + interval '3 hours' WHERE id = $1`,
      [held.id],
    );
    await t.dataSource.query(
      `INSERT INTO meeting_minutes (meeting_id, status, published_at, visible_to_guests)
       VALUES ($1, 'published', now(), false)`,
      [held.id],
    );
    const past = async (agent: TestAgent): Promise<MeetingSummary[]> =>
      (await agent.get('/api/me/meetings?when=past').expect(200)).body;

    expect((await past(claire)).map((s) => [s.id, s.minutesPublishedAt !== null])).toEqual([[held.id, true]]);
    expect((await past(nadia)).map((s) => [s.id, s.minutesPublishedAt])).toEqual([[held.id, null]]);
    await t.dataSource.query('UPDATE meeting_minutes SET visible_to_guests = true WHERE meeting_id = $1', [
      held.id,
    ]);
    expect((await past(nadia)).map((s) => s.minutesPublishedAt)).toEqual([expect.any(String)]);
    expect(await past(marc)).toEqual([]);
    // Upcoming stays the default, and the past meeting is not in it.
    const upcoming: MeetingSummary[] = (await nadia.get('/api/me/meetings').expect(200)).body;
    expect(upcoming.map((s) => s.id)).toEqual([undated.id]);
    const bad = await nadia.get('/api/me/meetings?when=demain').expect(400);
    expect(bad.body.fieldErrors?.[0]?.path).toBe('when');
  });

  it('asks for a session', async () => {
    await t.agent().get('/api/me/polls').expect(401);
  });
});
