import type {
  GroupKind,
  HostProposal,
  MeetingDetail,
  MeetingSummary,
  PlannedMeeting,
} from '@affluents/contracts';
import ICAL from 'ical.js';
import type TestAgent from 'supertest/lib/agent';
import { DomainEventBus } from '../src/common/events/domain-event-bus';
import { type Factories, factories } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

/** Adds member structures (with one member each) to a group. */
async function addMemberOrganisations(
  make: Factories,
  group: { id: string },
  names: string[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const name of names) {
    const organisation = await make.organisation({ name, kind: 'cisp' });
    const member = await make.user({ displayName: `Membre ${name}`, organisationId: organisation.id });
    await make.membership(member, group);
    ids.set(name, organisation.id);
  }
  return ids;
}

describe('meetings: hosting rotation', () => {
  let t: TestApp;
  let sophie: TestAgent;
  let olivier: TestAgent;
  let namurManagers: string;
  let namurEncadrants: string;
  let make: Factories;
  let recyclerie: string;
  let sophieEmail: string;

  beforeAll(async () => {
    t = await startTestApp({ seed: false });
    make = factories(t);
    const namur = await make.bassin();
    const groupOf = (kind: GroupKind) => namur.groups.find((g) => g.kind === kind) as { id: string };
    namurManagers = groupOf('managers').id;
    namurEncadrants = groupOf('encadrants').id;
    const federation = await make.organisation({
      name: 'Fédération des Initiatives Solidaires',
      kind: 'federation',
      bassinId: namur.id,
    });
    const sophieUser = await make.user({ displayName: 'Sophie Lambert', organisationId: federation.id });
    for (const group of namur.groups) await make.membership(sophieUser, group, 'facilitator');
    recyclerie = (
      await make.organisation({ name: 'La Recyclerie namuroise', kind: 'ressourcerie', bassinId: namur.id })
    ).id;
    const olivierUser = await make.user({ displayName: 'Olivier Lejeune', organisationId: recyclerie });
    await make.membership(olivierUser, groupOf('encadrants'));
    sophie = await make.signIn(sophieUser);
    sophieEmail = sophieUser.email;
    olivier = await make.signIn(olivierUser);
  });
  afterAll(() => t.close());

  it('plans a year of six meetings every two months: every organisation hosts before any hosts twice', async () => {
    await addMemberOrganisations(make, { id: namurManagers }, [
      'EFT Delta',
      'CISP Alpha',
      'EI Charlie',
      'ETA Bravo',
    ]);
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

    // One invitation per member lists the six dates, with one calendar file holding all six; no mail per meeting.
    await t.app.get(DomainEventBus).settled();
    const invitations = await t.dataSource.query(
      `SELECT template, subject, text_body AS "text", attachments FROM mail_outbox
        WHERE to_address = $1 AND template LIKE 'meeting_%'`,
      [sophieEmail],
    );
    expect(invitations.map((m: { template: string }) => m.template)).toEqual(['meeting_year_invitation']);
    const [invitation] = invitations;
    expect(invitation.subject).toMatch(
      /^Invitation : les 6 prochaines rencontres du groupe Responsables d’entreprises — /,
    );
    for (const title of created.map((s) => s.title)) expect(invitation.text).toContain(`${title} : `);
    expect(invitation.text).toContain('jeudi 14 janvier 2027 de 10:00 à 13:00, ');
    expect(invitation.text).toContain(`/groupes/${namurManagers}`);
    const [file] = invitation.attachments;
    const events = new ICAL.Component(ICAL.parse(file.content)).getAllSubcomponents('vevent');
    expect(events.map((event) => String(event.getFirstPropertyValue('summary')).split(' — ')[0])).toEqual(
      created.map((s) => s.title),
    );

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
    const orgs = await addMemberOrganisations(make, { id: namurEncadrants }, ['CISP Aulne', 'EFT Bouleau']);
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
    await olivier
      .post(`/api/meetings/${next.id}/host-decline`)
      .send({ organisationId: recyclerie })
      .expect(200);
    const rehosted: MeetingDetail = (await sophie.get(`/api/meetings/${next.id}`).expect(200)).body;
    expect(rehosted.host?.name).toBe('CISP Aulne');
  });
});
