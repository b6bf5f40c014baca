import type { HostProposal, MeetingDetail, MeetingSummary, PlannedMeeting } from '@affluents/contracts';
import type TestAgent from 'supertest/lib/agent';
import { startTestApp, type TestApp } from './support/test-app';

/** Adds member structures (with one member each) to a group, straight in the database. */
async function addMemberOrganisations(
  t: TestApp,
  groupId: string,
  names: string[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [i, name] of names.entries()) {
    const [o] = await t.dataSource.query(
      `INSERT INTO organisations (name, kind) VALUES ($1, 'cisp') RETURNING id`,
      [name],
    );
    const [u] = await t.dataSource.query(
      `INSERT INTO users (email, display_name, password_hash, organisation_id) VALUES ($1, $2, 'x', $3) RETURNING id`,
      [`rotation-${i}-${groupId.slice(0, 8)}@affluents.test`, `Membre ${name}`, o.id],
    );
    await t.dataSource.query(`INSERT INTO memberships (user_id, group_id, role) VALUES ($1, $2, 'member')`, [
      u.id,
      groupId,
    ]);
    ids.set(name, o.id);
  }
  return ids;
}

describe('meetings: hosting rotation', () => {
  let t: TestApp;
  let sophie: TestAgent;
  let olivier: TestAgent;
  let namurManagers: string;
  let namurEncadrants: string;

  beforeAll(async () => {
    t = await startTestApp();
    sophie = await t.signIn('sophie@affluents.test');
    olivier = await t.signIn('olivier@affluents.test');
    const [groups] = [
      await t.dataSource.query(
        `SELECT g.id, g.kind FROM groups g JOIN bassins b ON b.id = g.bassin_id WHERE b.name = 'Namur'`,
      ),
    ];
    namurManagers = groups.find((g: { kind: string }) => g.kind === 'managers').id;
    namurEncadrants = groups.find((g: { kind: string }) => g.kind === 'encadrants').id;
  });
  afterAll(() => t.close());

  it('plans a year of six meetings every two months: every organisation hosts before any hosts twice', async () => {
    await addMemberOrganisations(t, namurManagers, ['EFT Delta', 'CISP Alpha', 'EI Charlie', 'ETA Bravo']);
    // The facilitator's federation is a partner, not a member structure: it is not in the rotation.
    const proposals: HostProposal[] = (
      await sophie.get(`/api/groups/${namurManagers}/meetings/next-host`).expect(200)
    ).body;
    expect(proposals.map((p) => p.organisation.name)).toEqual([
      'CISP Alpha',
      'EFT Delta',
      'EI Charlie',
      'ETA Bravo',
    ]);
    expect(proposals.every((p) => p.hostedCount === 0 && p.lastHostedAt === null)).toBe(true);

    const body = {
      firstStartsAt: '2027-01-14T09:00:00.000Z',
      everyMonths: 2,
      count: 6,
      durationMinutes: 180,
    };
    const dry: PlannedMeeting[] = (
      await sophie
        .post(`/api/groups/${namurManagers}/meetings/plan`)
        .send({ ...body, dryRun: true })
        .expect(200)
    ).body;
    // Always 10:00 in Brussels (09:00 UTC in winter, 08:00 in summer); Sundays 14 March and 14 November
    // 2027 move to the Monday.
    expect(dry.map((s) => s.startsAt)).toEqual([
      '2027-01-14T09:00:00.000Z',
      '2027-03-15T09:00:00.000Z',
      '2027-05-14T08:00:00.000Z',
      '2027-07-14T08:00:00.000Z',
      '2027-09-14T08:00:00.000Z',
      '2027-11-15T09:00:00.000Z',
    ]);
    expect(dry[0].endsAt).toBe('2027-01-14T12:00:00.000Z');
    const hosts = dry.map((s) => s.host?.name);
    expect(new Set(hosts.slice(0, 4)).size).toBe(4);
    expect(hosts).toEqual(['CISP Alpha', 'EFT Delta', 'EI Charlie', 'ETA Bravo', 'CISP Alpha', 'EFT Delta']);
    // A dry run creates nothing.
    expect((await sophie.get(`/api/groups/${namurManagers}/meetings?when=all`).expect(200)).body).toEqual([]);

    const created: PlannedMeeting[] = (
      await sophie
        .post(`/api/groups/${namurManagers}/meetings/plan`)
        .send({ ...body, dryRun: false })
        .expect(200)
    ).body;
    expect(created.map((s) => s.host?.name)).toEqual(hosts);
    const listed: MeetingSummary[] = (await sophie.get(`/api/groups/${namurManagers}/meetings`).expect(200))
      .body;
    expect(listed.map((s) => [s.title, s.host?.name, s.status])).toEqual(
      created.map((s) => [s.title, s.host?.name, 'planned']),
    );
    expect(listed[0].title).toBe('Rencontre 1');

    // After the year, the two who hosted once come first, the least recent first.
    const after: HostProposal[] = (
      await sophie.get(`/api/groups/${namurManagers}/meetings/next-host`).expect(200)
    ).body;
    expect(after.map((p) => [p.organisation.name, p.hostedCount])).toEqual([
      ['EI Charlie', 1],
      ['ETA Bravo', 1],
      ['CISP Alpha', 2],
      ['EFT Delta', 2],
    ]);
    expect(after[0].lastHostedAt).toBe('2027-05-14T08:00:00.000Z');
  });

  it('a declined organisation is skipped for that turn and comes back in the next round', async () => {
    const orgs = await addMemberOrganisations(t, namurEncadrants, ['CISP Aulne', 'EFT Bouleau']);
    // Olivier's ressourcerie is a member structure of the group too.
    const ranking: HostProposal[] = (
      await sophie.get(`/api/groups/${namurEncadrants}/meetings/next-host`).expect(200)
    ).body;
    expect(ranking.map((p) => p.organisation.name)).toEqual([
      'CISP Aulne',
      'EFT Bouleau',
      'La Recyclerie namuroise',
    ]);

    const meeting: MeetingDetail = (
      await sophie
        .post(`/api/groups/${namurEncadrants}/meetings`)
        .send({
          title: 'Rencontre de printemps',
          startsAt: '2027-04-01T08:00:00Z',
          endsAt: '2027-04-01T11:00:00Z',
        })
        .expect(201)
    ).body;
    expect(meeting.host?.id).toBe(orgs.get('CISP Aulne'));

    // A member may decline only for their own organisation.
    await olivier
      .post(`/api/meetings/${meeting.id}/host-decline`)
      .send({ organisationId: orgs.get('CISP Aulne') })
      .expect(403);

    const proposals: HostProposal[] = (
      await sophie
        .post(`/api/meetings/${meeting.id}/host-decline`)
        .send({ organisationId: orgs.get('CISP Aulne') })
        .expect(200)
    ).body;
    const detail: MeetingDetail = (await sophie.get(`/api/meetings/${meeting.id}`).expect(200)).body;
    expect(detail.host?.name).toBe('EFT Bouleau');
    const [{ seq }] = await t.dataSource.query('SELECT ical_sequence AS seq FROM meetings WHERE id = $1', [
      meeting.id,
    ]);
    expect(seq).toBe(1);
    // The one who never hosted comes first; the decliner had its turn (declined) and waits for the next round,
    // but before the one that just hosted more.
    expect(proposals.map((p) => p.organisation.name)).toEqual([
      'La Recyclerie namuroise',
      'CISP Aulne',
      'EFT Bouleau',
    ]);
    expect(proposals[1].reason).toMatch(/A décliné/);

    // Olivier's organisation declines its own turn on the next meeting: it may.
    const next: MeetingDetail = (
      await sophie
        .post(`/api/groups/${namurEncadrants}/meetings`)
        .send({ title: 'Rencontre d’été', startsAt: '2027-06-01T08:00:00Z', endsAt: '2027-06-01T11:00:00Z' })
        .expect(201)
    ).body;
    expect(next.host?.name).toBe('La Recyclerie namuroise');
    const [{ organisation_id: recyclerie }] = await t.dataSource.query(
      `SELECT organisation_id FROM users WHERE email = 'olivier@affluents.test'`,
    );
    await olivier
      .post(`/api/meetings/${next.id}/host-decline`)
      .send({ organisationId: recyclerie })
      .expect(200);
    const rehosted: MeetingDetail = (await sophie.get(`/api/meetings/${next.id}`).expect(200)).body;
    expect(rehosted.host?.name).toBe('CISP Aulne');
  });
});
