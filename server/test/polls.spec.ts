import type { Poll } from '@affluents/contracts';
import type TestAgent from 'supertest/lib/agent';
import { DomainEventBus } from '../src/common/events/domain-event-bus';
import type { PollNotice } from '../src/common/events/domain-events';
import { factories, type TestUser } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

const inOneWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();
const tally = (poll: Poll, key: string) => poll.tallies.find((t) => t.key === key);

describe('polls in a thread: kinds, votes, tallies, quorum, closing and access', () => {
  let t: TestApp;
  let amina: TestAgent; // member of a social workers' group
  let thomas: TestAgent; // member of the same group
  let ines: TestAgent; // facilitator of the same group
  let marc: TestAgent; // member of another group of the same bassin
  let nadia: TestAgent; // guest invited to the thread
  let julie: TestAgent; // former member allowed to keep reading
  let threadId: string;

  let people: Record<'amina' | 'thomas' | 'nadia', TestUser>;

  beforeAll(async () => {
    t = await startTestApp({ seed: false });
    const make = factories(t);
    const group = await make.group('social_workers');
    const managers = await make.group('managers', { bassinId: group.bassinId });
    const elsewhere = await make.group('encadrants');
    const a = await make.member(group);
    const th = await make.member(group);
    const i = await make.member(group, 'facilitator');
    const m = await make.member(managers);
    const j = await make.member(elsewhere);
    const n = await make.user();
    [amina, thomas, ines, marc, julie, nadia] = [
      a.agent,
      th.agent,
      i.agent,
      m.agent,
      j.agent,
      await make.signIn(n),
    ];
    people = { amina: a, thomas: th, nadia: n };
    [{ id: threadId }] = await t.dataSource.query(
      `INSERT INTO threads (group_id, kind, title, author_id) VALUES ($1, 'discussion', $2, $3) RETURNING id`,
      [group.id, 'Prochaine rencontre du groupe', a.id],
    );
    for (const [user, kind] of [
      [n, 'guest'],
      [j, 'former_member'],
    ] as const) {
      await t.dataSource.query(
        `INSERT INTO thread_access_grants (thread_id, user_id, kind, granted_by_id) VALUES ($1, $2, $3, $4)`,
        [threadId, user.id, kind, i.id],
      );
    }
  });
  afterAll(() => t.close());

  const create = (agent: TestAgent, body: object) => agent.post(`/api/threads/${threadId}/polls`).send(body);

  describe('creating', () => {
    it('opens each of the four kinds', async () => {
      const proposal: Poll = (
        await create(amina, {
          kind: 'proposal',
          question: 'Adopter la charte du groupe ?',
          details: 'Version discutée le 12 mars.',
          closesAt: inOneWeek(),
          quorum: 2,
        }).expect(201)
      ).body;
      expect(proposal).toMatchObject({
        kind: 'proposal',
        options: [],
        quorum: 2,
        closedAt: null,
        voterCount: 0,
        quorumReached: false,
        canClose: true,
        myVote: null,
        author: { displayName: expect.any(String) },
      });
      expect(proposal.electorate).toBe(3);
      expect(proposal.tallies.map((x) => x.key)).toEqual(['agree', 'abstain', 'disagree', 'block']);

      const single: Poll = (
        await create(thomas, {
          kind: 'single',
          question: 'Où se réunir ?',
          options: [{ label: 'Charleroi' }, { label: 'Thuin' }],
          closesAt: inOneWeek(),
        }).expect(201)
      ).body;
      expect(single.options.map((o) => o.label)).toEqual(['Charleroi', 'Thuin']);
      expect(single.quorum).toBeNull();
      expect(single.quorumReached).toBe(true);

      const multiple: Poll = (
        await create(amina, {
          kind: 'multiple',
          question: 'Quels thèmes ?',
          options: [{ label: 'Logement' }, { label: 'Mobilité' }, { label: 'Garde d’enfants' }],
          closesAt: inOneWeek(),
        }).expect(201)
      ).body;
      expect(multiple.options).toHaveLength(3);

      const dates: Poll = (
        await create(amina, {
          kind: 'dates',
          question: 'Quand se voir ?',
          options: [
            { startsAt: '2031-03-03T08:30:00Z', endsAt: '2031-03-03T11:00:00Z' },
            { startsAt: '2031-03-05T12:00:00Z' },
          ],
          closesAt: inOneWeek(),
        }).expect(201)
      ).body;
      // Slots get a French label in Brussels time.
      expect(dates.options[0]).toMatchObject({
        label: 'lundi 3 mars 2031 à 09:30 – 12:00',
        startsAt: '2031-03-03T08:30:00.000Z',
        endsAt: '2031-03-03T11:00:00.000Z',
      });

      const list: Poll[] = (await thomas.get(`/api/threads/${threadId}/polls`).expect(200)).body;
      expect(list.map((p) => p.kind)).toEqual(['dates', 'multiple', 'single', 'proposal']);
      // Only its author or a facilitator may close a poll.
      expect(list.map((p) => p.canClose)).toEqual([false, false, true, false]);
    });

    it('refuses invalid polls with French messages and stores nothing', async () => {
      const before = (await amina.get(`/api/threads/${threadId}/polls`).expect(200)).body.length;
      const past = await create(amina, {
        kind: 'proposal',
        question: 'Trop tard ?',
        closesAt: new Date(Date.now() - 60_000).toISOString(),
      }).expect(400);
      expect(past.body.fieldErrors).toEqual([
        { path: 'closesAt', message: 'La date de clôture doit être dans le futur' },
      ]);
      const oneChoice = await create(amina, {
        kind: 'single',
        question: 'Un seul choix ?',
        options: [{ label: 'Oui' }],
        closesAt: inOneWeek(),
      }).expect(400);
      expect(oneChoice.body.fieldErrors).toContainEqual({
        path: 'options',
        message: 'Au moins deux choix avec un libellé',
      });
      const backwards = await create(amina, {
        kind: 'dates',
        question: 'À l’envers ?',
        options: [{ startsAt: '2031-03-03T10:00:00Z', endsAt: '2031-03-03T09:00:00Z' }],
        closesAt: inOneWeek(),
      }).expect(400);
      expect(backwards.body.fieldErrors).toContainEqual({
        path: 'options.0.endsAt',
        message: 'La fin suit le début',
      });
      expect((await amina.get(`/api/threads/${threadId}/polls`).expect(200)).body).toHaveLength(before);
    });

    it('lets members create but not guests, former members or other groups', async () => {
      const body = { kind: 'proposal', question: 'Et moi ?', closesAt: inOneWeek() };
      await create(nadia, body).expect(403);
      await create(julie, body).expect(403);
      await create(marc, body).expect(404);
    });
  });

  describe('voting', () => {
    let polls: Record<Poll['kind'], Poll>;
    beforeAll(async () => {
      const list: Poll[] = (await amina.get(`/api/threads/${threadId}/polls`).expect(200)).body;
      polls = Object.fromEntries(list.map((p) => [p.kind, p])) as Record<Poll['kind'], Poll>;
    });
    const vote = (agent: TestAgent, poll: Poll, body: object) =>
      agent.post(`/api/polls/${poll.id}/votes`).send(body);

    it('validates a vote against the kind of poll', async () => {
      const { proposal, single, multiple, dates } = polls;
      const noPosition = await vote(amina, proposal, { reason: 'Je ne sais pas' }).expect(400);
      expect(noPosition.body.fieldErrors).toEqual([
        { path: 'position', message: 'Choisissez votre position sur la proposition' },
      ]);
      const silentBlock = await vote(amina, proposal, { position: 'block' }).expect(400);
      expect(silentBlock.body.message).toBe('Une objection doit être accompagnée d’une raison');
      const blankBlock = await vote(amina, proposal, { position: 'block', reason: '   ' }).expect(400);
      expect(blankBlock.body.fieldErrors[0].path).toBe('reason');

      const [a, b] = single.options.map((o) => o.id);
      expect((await vote(amina, single, { optionIds: [a, b] }).expect(400)).body.message).toBe(
        'Choisissez exactement une option',
      );
      expect((await vote(amina, single, { optionIds: [] }).expect(400)).body.message).toBe(
        'Choisissez exactement une option',
      );
      const foreign = multiple.options[0].id;
      expect((await vote(amina, single, { optionIds: [foreign] }).expect(400)).body.message).toBe(
        'Ce choix n’appartient pas à ce sondage',
      );
      expect((await vote(amina, multiple, { optionIds: [] }).expect(400)).body.message).toBe(
        'Choisissez au moins une option',
      );
      expect((await vote(amina, dates, { dateAnswers: { [a]: 'yes' } }).expect(400)).body.message).toBe(
        'Ce créneau n’appartient pas à ce sondage',
      );
      await vote(amina, dates, { dateAnswers: { [dates.options[0].id]: 'perhaps' } }).expect(400);
      await vote(amina, proposal, { position: 'agree', extra: true }).expect(400);

      const after: Poll[] = (await amina.get(`/api/threads/${threadId}/polls`).expect(200)).body;
      expect(after.every((p) => p.voterCount === 0)).toBe(true);
    });

    it('counts votes, lets people change them, and reaches the quorum', async () => {
      const { proposal } = polls;
      let seen: Poll = (await vote(amina, proposal, { position: 'disagree' }).expect(200)).body;
      expect(seen.myVote).toMatchObject({ position: 'disagree', reason: null });
      expect(seen.quorumReached).toBe(false);

      seen = (await vote(amina, proposal, { position: 'agree', reason: 'Après relecture' }).expect(200)).body;
      expect(seen.voterCount).toBe(1);
      expect(tally(seen, 'agree')?.yes).toBe(1);
      expect(tally(seen, 'disagree')?.yes).toBe(0);

      seen = (
        await vote(thomas, proposal, { position: 'block', reason: 'Le point 3 pose problème' }).expect(200)
      ).body;
      expect(seen.voterCount).toBe(2);
      expect(seen.quorumReached).toBe(true);
      expect(tally(seen, 'block')?.yes).toBe(1);
      // Votes are visible to the thread's readers, the caller's own one apart.
      expect(seen.votes.map((v) => [v.position, v.reason])).toEqual([
        ['agree', 'Après relecture'],
        ['block', 'Le point 3 pose problème'],
      ]);
      const asAmina: Poll = (await amina.get(`/api/polls/${proposal.id}`).expect(200)).body;
      expect(asAmina.myVote?.position).toBe('agree');

      // Withdrawing takes the vote out of the counts.
      seen = (await thomas.delete(`/api/polls/${proposal.id}/votes`).expect(200)).body;
      expect(seen).toMatchObject({ voterCount: 1, quorumReached: false, myVote: null });
    });

    it('tallies choices and date answers (yes and if needed)', async () => {
      const { multiple, dates, single } = polls;
      const [logement, mobilite, garde] = multiple.options.map((o) => o.id);
      await vote(amina, multiple, { optionIds: [logement, mobilite, logement] }).expect(200);
      const m: Poll = (await vote(thomas, multiple, { optionIds: [mobilite] }).expect(200)).body;
      expect(m.tallies.map((x) => x.yes)).toEqual([1, 2, 0]);
      expect(m.myVote?.optionIds).toEqual([mobilite]);
      expect(garde).toBeDefined();

      await vote(ines, single, { optionIds: [single.options[1].id] }).expect(200);

      const [monday, wednesday] = dates.options.map((o) => o.id);
      await vote(amina, dates, { dateAnswers: { [monday]: 'yes', [wednesday]: 'maybe' } }).expect(200);
      await vote(thomas, dates, { dateAnswers: { [monday]: 'maybe', [wednesday]: 'no' } }).expect(200);
      const d: Poll = (await vote(nadia, dates, { dateAnswers: { [monday]: 'yes' } }).expect(200)).body;
      expect(d.tallies).toEqual([
        { key: monday, yes: 2, maybe: 1 },
        { key: wednesday, yes: 0, maybe: 1 },
      ]);
      expect(d.voterCount).toBe(3);
    });

    it('lets an invited guest vote but not a former member or another group', async () => {
      const { proposal } = polls;
      await vote(nadia, proposal, { position: 'abstain' }).expect(200);
      const asJulie: Poll = (await julie.get(`/api/polls/${proposal.id}`).expect(200)).body;
      expect(asJulie.canClose).toBe(false);
      await vote(julie, proposal, { position: 'agree' }).expect(403);
      await marc.get(`/api/polls/${proposal.id}`).expect(404);
      await vote(marc, proposal, { position: 'agree' }).expect(404);
      await marc.get(`/api/threads/${threadId}/polls`).expect(404);
      await amina.get('/api/polls/00000000-0000-4000-8000-000000000000').expect(404);
    });

    it('lets only the author or a facilitator close, with an outcome, once', async () => {
      const { proposal, single } = polls;
      await thomas.post(`/api/polls/${proposal.id}/close`).send({ outcome: 'Adoptée' }).expect(403);
      await nadia.post(`/api/polls/${proposal.id}/close`).send({ outcome: 'Adoptée' }).expect(403);
      const empty = await amina.post(`/api/polls/${proposal.id}/close`).send({ outcome: ' ' }).expect(400);
      expect(empty.body.fieldErrors).toEqual([{ path: 'outcome', message: 'Ce champ est obligatoire' }]);

      const closed: Poll = (
        await amina.post(`/api/polls/${proposal.id}/close`).send({ outcome: 'Charte adoptée.' }).expect(200)
      ).body;
      expect(closed).toMatchObject({ outcome: 'Charte adoptée.', canClose: false });
      expect(closed.closedAt).not.toBeNull();
      await amina.post(`/api/polls/${proposal.id}/close`).send({ outcome: 'Encore' }).expect(409);

      // A facilitator closes a poll someone else opened.
      const byFacilitator: Poll = (
        await ines.post(`/api/polls/${single.id}/close`).send({ outcome: 'On se voit à Thuin.' }).expect(200)
      ).body;
      expect(byFacilitator.outcome).toBe('On se voit à Thuin.');
    });

    it('refuses votes once closed, and after the closing time even before the outcome', async () => {
      const { proposal, multiple } = polls;
      const late = await vote(thomas, proposal, { position: 'agree' }).expect(409);
      expect(late.body.message).toBe('Ce sondage est clos : les votes ne sont plus acceptés');
      await amina.delete(`/api/polls/${proposal.id}/votes`).expect(409);

      await t.dataSource.query(`UPDATE polls SET closes_at = now() - interval '1 minute' WHERE id = $1`, [
        multiple.id,
      ]);
      await vote(ines, multiple, { optionIds: [multiple.options[0].id] }).expect(409);
      await thomas.delete(`/api/polls/${multiple.id}/votes`).expect(409);
      const stillOpenForOutcome: Poll = (await amina.get(`/api/polls/${multiple.id}`).expect(200)).body;
      expect(stillOpenForOutcome).toMatchObject({ closedAt: null, canClose: true, voterCount: 2 });
      await amina
        .post(`/api/polls/${multiple.id}/close`)
        .send({ outcome: 'Logement et mobilité' })
        .expect(200);
    });
  });

  it('tells the domain of an opened and a closed poll with what their notifications need', async () => {
    const bus = t.app.get(DomainEventBus);
    const heard: Array<[string, PollNotice & { voterIds?: string[] }]> = [];
    const offs = [
      bus.on('poll.opened', (p) => void heard.push(['opened', p])),
      bus.on('poll.closed', (p) => void heard.push(['closed', p])),
    ];
    try {
      const poll: Poll = (
        await create(amina, {
          kind: 'single',
          question: 'Quel jour pour la visite ?',
          options: [{ label: 'Lundi' }, { label: 'Mardi' }],
          closesAt: inOneWeek(),
        }).expect(201)
      ).body;
      await thomas
        .post(`/api/polls/${poll.id}/votes`)
        .send({ optionIds: [poll.options[0].id] })
        .expect(200);
      await nadia
        .post(`/api/polls/${poll.id}/votes`)
        .send({ optionIds: [poll.options[1].id] })
        .expect(200);
      await amina.post(`/api/polls/${poll.id}/close`).send({ outcome: 'Lundi' }).expect(200);
      await bus.settled();
      const [{ groupId }] = await t.dataSource.query(
        'SELECT group_id AS "groupId" FROM threads WHERE id = $1',
        [threadId],
      );
      const notice = {
        pollId: poll.id,
        threadId,
        groupId,
        threadTitle: 'Prochaine rencontre du groupe',
        question: 'Quel jour pour la visite ?',
        author: { id: people.amina.id, displayName: poll.author.displayName },
      };
      expect(heard).toEqual([
        ['opened', notice],
        [
          'closed',
          {
            ...notice,
            voterIds: expect.arrayContaining([people.thomas.id, people.nadia.id]),
          },
        ],
      ]);
      expect(heard[1][1].voterIds).toHaveLength(2);
    } finally {
      for (const off of offs) off();
    }
  });
});
