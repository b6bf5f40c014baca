import type { BassinSummary } from '@affluents/contracts';
import type TestAgent from 'supertest/lib/agent';
import { type Factories, factories } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

const byName = (list: BassinSummary[], name: string) => {
  const found = list.find((b) => b.name === name);
  if (!found) throw new Error(`no bassin ${name}`);
  return found;
};

describe('bassins and groups: data, not code', () => {
  let t: TestApp;
  let make: Factories;
  /** A platform administrator, signed in. */
  let admin: TestAgent;
  beforeAll(async () => {
    t = await startTestApp({ seed: false });
    make = factories(t);
    admin = await make.signIn(await make.user({ platformRole: 'admin' }));
  });
  afterAll(() => t.close());

  it('lists the bassins, three groups each, with counts and my groups', async () => {
    const home = await make.bassin();
    const other = await make.bassin();
    const amina = await make.member(home.groups[0]);
    await make.member(home.groups[0]);
    await make.member(home.groups[0], 'facilitator');
    await make.member(other.groups[0]);
    const res = await amina.agent.get('/api/bassins').expect(200);
    expect(res.body.map((b: BassinSummary) => b.id)).toEqual(expect.arrayContaining([home.id, other.id]));
    for (const bassin of res.body)
      expect(bassin.groups.map((g: { kind: string }) => g.kind)).toEqual([
        'social_workers',
        'managers',
        'encadrants',
      ]);
    const socialWorkers = byName(res.body, home.name).groups[0];
    expect(socialWorkers).toMatchObject({ isMember: true, myRole: 'member' });
    expect(socialWorkers.memberCount).toBe(3);
    expect(
      res.body.flatMap((b: BassinSummary) => b.groups).filter((g: { isMember: boolean }) => g.isMember),
    ).toHaveLength(1);
  });

  it('lets only an admin create a bassin, with its three groups, and refuses a duplicate name', async () => {
    const facilitator = await make.member(await make.group(), 'facilitator');
    await facilitator.agent.post('/api/bassins').send({ name: 'Bruxelles' }).expect(403);
    const created = await admin.post('/api/bassins').send({ name: 'Bruxelles' }).expect(201);
    expect(created.body.slug).toBe('bruxelles');
    expect(created.body.groups).toHaveLength(3);
    const [{ count: groupsBefore }] = await t.dataSource.query('SELECT count(*)::int AS count FROM groups');
    const dup = await admin.post('/api/bassins').send({ name: 'bruxelles' }).expect(409);
    expect(dup.body.fieldErrors[0].path).toBe('name');
    const [{ count: groupsAfter }] = await t.dataSource.query('SELECT count(*)::int AS count FROM groups');
    expect(groupsAfter).toBe(groupsBefore);
  });

  it('renames, archives and restores a bassin; archived ones are hidden from members', async () => {
    const lux = await make.bassin();
    // A member of a group of another bassin.
    const marc = await make.member(await make.group('managers'));
    const renamed = await admin
      .patch(`/api/bassins/${lux.id}`)
      .send({ name: 'Province de Luxembourg' })
      .expect(200);
    expect(renamed.body.name).toBe('Province de Luxembourg');
    await admin.patch(`/api/bassins/${lux.id}`).send({ archived: true }).expect(200);
    const seenByMarc = (await marc.agent.get('/api/bassins?includeArchived=true').expect(200)).body;
    expect(seenByMarc.map((b: BassinSummary) => b.id)).not.toContain(lux.id);
    const seenByAdmin = (await admin.get('/api/bassins?includeArchived=true').expect(200)).body;
    expect(byName(seenByAdmin, 'Province de Luxembourg').archivedAt).not.toBeNull();
    await admin.patch(`/api/bassins/${lux.id}`).send({ archived: false }).expect(200);
    await admin.patch(`/api/bassins/${lux.id}`).send({}).expect(400);
    await admin.patch('/api/bassins/00000000-0000-4000-8000-000000000000').send({ name: 'X' }).expect(404);
  });

  it('merges a bassin into another without losing a membership', async () => {
    const source = await make.bassin();
    const target = await make.bassin();
    const amina = await make.member(source.groups[0]);
    await make.member(source.groups[0], 'facilitator');
    await make.member(source.groups[1]);
    await make.member(target.groups[0]);
    await make.member(target.groups[1], 'facilitator');
    for (let i = 0; i < 2; i++) await make.organisation({ bassinId: source.id });
    // Amina is in both social workers' groups before the merge: she must end with one membership.
    await admin
      .post(`/api/groups/${target.groups[0].id}/members`)
      .send({ userId: amina.id, role: 'member' })
      .expect(201);
    const members = async (groupId: string) =>
      (await admin.get(`/api/groups/${groupId}`).expect(200)).body.members
        .map((m: { email: string }) => m.email)
        .sort();
    const expectedSocialWorkers = [
      ...new Set([...(await members(source.groups[0].id)), ...(await members(target.groups[0].id))]),
    ].sort();
    const expectedManagers = [
      ...new Set([...(await members(source.groups[1].id)), ...(await members(target.groups[1].id))]),
    ].sort();

    const merged = await admin
      .post(`/api/bassins/${source.id}/merge`)
      .send({ targetBassinId: target.id })
      .expect(200);
    expect(merged.body.source.archivedAt).not.toBeNull();
    expect(merged.body.source.mergedIntoId).toBe(target.id);
    expect(merged.body.mergedGroups).toBe(3);
    expect(merged.body.movedOrganisations).toBe(2);
    expect(await members(target.groups[0].id)).toEqual(expectedSocialWorkers);
    expect(await members(target.groups[1].id)).toEqual(expectedManagers);
    const me = (await amina.agent.get('/api/auth/me').expect(200)).body;
    expect(me.memberships).toEqual([{ groupId: target.groups[0].id, role: 'member' }]);
    await admin.post(`/api/bassins/${source.id}/merge`).send({ targetBassinId: target.id }).expect(409);
    await admin.post(`/api/bassins/${target.id}/merge`).send({ targetBassinId: target.id }).expect(400);
  });

  it('moves a group to another bassin only where that kind is free, keeping its members', async () => {
    const namur = await make.bassin();
    const liege = await make.bassin();
    const socialWorkers = namur.groups[0];
    // The group's facilitator, who may not move it.
    const sophie = await make.member(socialWorkers, 'facilitator');
    await make.member(socialWorkers);
    const conflict = await admin
      .post(`/api/groups/${socialWorkers.id}/move`)
      .send({ bassinId: liege.id })
      .expect(409);
    expect(conflict.body.code).toBe('conflict');
    // Regrouping around a city: a new bassin created without groups receives existing ones.
    const city = (await admin.post('/api/bassins').send({ name: 'Grand Namur', groupKinds: [] }).expect(201))
      .body;
    expect(city.groups).toEqual([]);
    await sophie.agent.post(`/api/groups/${socialWorkers.id}/move`).send({ bassinId: city.id }).expect(403);
    const before = (await admin.get(`/api/groups/${socialWorkers.id}`).expect(200)).body.members;
    const moved = await admin
      .post(`/api/groups/${socialWorkers.id}/move`)
      .send({ bassinId: city.id })
      .expect(200);
    expect(moved.body.bassin).toEqual({ id: city.id, name: 'Grand Namur' });
    expect(moved.body.members).toEqual(before);
    const after = (await sophie.agent.get('/api/bassins').expect(200)).body;
    expect(byName(after, 'Grand Namur').groups.map((g: { id: string }) => g.id)).toEqual([socialWorkers.id]);
    expect(byName(after, namur.name).groups).toHaveLength(2);
  });
});
