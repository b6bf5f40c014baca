import type { BassinSummary } from '@affluents/contracts';
import type TestAgent from 'supertest/lib/agent';
import { factories, type TestUser } from './support/factories';
import { linkToken, startTestApp, type TestApp } from './support/test-app';

describe('group homes, members and invitations', () => {
  let t: TestApp;
  let bassins: BassinSummary[];
  let sophie: TestAgent;
  let namurSocial: string;
  let namurManagers: string;
  let hainautSudSocial: string;
  let people: Record<'sophie' | 'claire' | 'amina' | 'admin' | 'marc' | 'julie' | 'nadia', TestUser>;
  beforeAll(async () => {
    t = await startTestApp({ seed: false });
    const make = factories(t);
    const namur = await make.bassin({ name: 'Namur' });
    bassins = [namur];
    [namurSocial, namurManagers] = [namur.groups[0].id, namur.groups[1].id];
    hainautSudSocial = (await make.group('social_workers')).id;
    const federation = await make.organisation({
      name: 'Fédération des Initiatives Solidaires',
      kind: 'federation',
    });
    await make.organisation({ name: 'La Recyclerie namuroise', kind: 'ressourcerie', bassinId: namur.id });
    people = {
      sophie: await make.user({ displayName: 'Sophie Lambert', organisationId: federation.id }),
      claire: await make.user({ displayName: 'Claire Renard' }),
      amina: await make.user(),
      admin: await make.user({ platformRole: 'admin' }),
      marc: await make.user(),
      julie: await make.user(),
      nadia: await make.user(),
    };
    for (const group of namur.groups) await make.membership(people.sophie, group, 'facilitator');
    await make.membership(people.claire, { id: namurSocial });
    await make.membership(people.amina, { id: hainautSudSocial });
    await make.membership(people.marc, await make.group('managers'));
    await make.membership(people.julie, await make.group('encadrants'));
    sophie = await make.signIn(people.sophie);
  });
  afterAll(() => t.close());
  const signIn = (user: TestUser) => t.signIn(user.email, user.password);
  const findUser = async (agent: TestAgent, user: TestUser) =>
    (await agent.get('/api/users').query({ q: user.email }).expect(200)).body[0];

  it('shows a group to its members, facilitators first, with organisations', async () => {
    const claire = await signIn(people.claire);
    const res = await claire.get(`/api/groups/${namurSocial}`).expect(200);
    expect(res.body.bassin.name).toBe('Namur');
    expect(res.body.myRole).toBe('member');
    expect(res.body.members.map((m: { displayName: string }) => m.displayName)).toEqual([
      'Sophie Lambert',
      'Claire Renard',
    ]);
    expect(res.body.members[0]).toMatchObject({ role: 'facilitator', organisation: { kind: 'federation' } });
  });

  it('answers 403 to non-members whether or not the group exists; 404 only to coordinators', async () => {
    const amina = await signIn(people.amina);
    const other = await amina.get(`/api/groups/${namurSocial}`).expect(403);
    const missing = await amina.get('/api/groups/00000000-0000-4000-8000-000000000000').expect(403);
    expect(missing.body.message).toBe(other.body.message);
    const admin = await signIn(people.admin);
    await admin.get('/api/groups/00000000-0000-4000-8000-000000000000').expect(404);
    await admin.get(`/api/groups/${hainautSudSocial}`).expect(200);
  });

  it('invites a newcomer by email; the link creates the account and joins the group', async () => {
    const organisations = (await sophie.get('/api/organisations?q=Recyclerie').expect(200)).body;
    const invited = await sophie
      .post('/api/invitations')
      .send({
        email: 'Lea@Exemple.be',
        groupId: namurSocial,
        organisationId: organisations[0].id,
        message: 'Bienvenue !',
      })
      .expect(201);
    expect(invited.body).toMatchObject({ email: 'lea@exemple.be', status: 'pending', role: 'member' });
    const [mail] = await t.mailsTo('lea@exemple.be');
    expect(mail.template).toBe('invitation');
    expect(mail.subject).toBe('Invitation au groupe Travailleurs sociaux (Namur)');
    expect(mail.textBody).toContain('Sophie Lambert');
    const token = linkToken(mail.textBody, 'invitation');

    const preview = await t.agent().get(`/api/invitations/by-token/${token}`).expect(200);
    expect(preview.body).toMatchObject({
      email: 'lea@exemple.be',
      accountExists: false,
      invitedByName: 'Sophie Lambert',
    });

    const lea = t.agent();
    const missingFields = await lea.post(`/api/invitations/by-token/${token}/accept`).send({}).expect(400);
    expect(missingFields.body.fieldErrors.map((e: { path: string }) => e.path).sort()).toEqual([
      'displayName',
      'password',
    ]);
    const accepted = await lea
      .post(`/api/invitations/by-token/${token}/accept`)
      .send({ displayName: 'Léa Simon', password: 'un-mot-de-passe-solide' })
      .expect(200);
    expect(accepted.body.memberships).toEqual([{ groupId: namurSocial, role: 'member' }]);
    expect(accepted.body.organisation.name).toBe('La Recyclerie namuroise');
    await lea.get(`/api/groups/${namurSocial}`).expect(200);
    const reused = await t.agent().get(`/api/invitations/by-token/${token}`).expect(410);
    expect(reused.body.code).toBe('gone');
    const list = (await sophie.get(`/api/invitations?groupId=${namurSocial}`).expect(200)).body;
    expect(list.find((i: { email: string }) => i.email === 'lea@exemple.be').status).toBe('accepted');
  });

  it('asks an existing account to sign in as the invited email before joining', async () => {
    await sophie
      .post('/api/invitations')
      .send({ email: people.marc.email, groupId: namurManagers })
      .expect(201);
    const token = linkToken((await t.mailsTo(people.marc.email))[0].textBody, 'invitation');
    expect((await t.agent().get(`/api/invitations/by-token/${token}`).expect(200)).body.accountExists).toBe(
      true,
    );
    await t.agent().post(`/api/invitations/by-token/${token}/accept`).send({}).expect(401);
    const julie = await signIn(people.julie);
    await julie.post(`/api/invitations/by-token/${token}/accept`).send({}).expect(403);
    const marc = await signIn(people.marc);
    const res = await marc.post(`/api/invitations/by-token/${token}/accept`).send({}).expect(200);
    expect(res.body.memberships.map((m: { groupId: string }) => m.groupId)).toContain(namurManagers);
  });

  it('revokes an invitation; its link then says so', async () => {
    const inv = (
      await sophie
        .post('/api/invitations')
        .send({ email: 'revoque@exemple.be', groupId: namurSocial })
        .expect(201)
    ).body;
    const token = linkToken((await t.mailsTo('revoque@exemple.be'))[0].textBody, 'invitation');
    await sophie.delete(`/api/invitations/${inv.id}`).expect(204);
    const res = await t.agent().get(`/api/invitations/by-token/${token}`).expect(410);
    expect(res.body.message).toContain('annulée');
  });

  it('lets a facilitator invite only into their own groups, and never name a facilitator', async () => {
    await sophie
      .post('/api/invitations')
      .send({ email: 'x@exemple.be', groupId: hainautSudSocial })
      .expect(403);
    await sophie
      .post('/api/invitations')
      .send({ email: 'x@exemple.be', groupId: namurSocial, role: 'facilitator' })
      .expect(403);
    const claire = await signIn(people.claire);
    await claire.post('/api/invitations').send({ email: 'x@exemple.be', groupId: namurSocial }).expect(403);
    await claire.get(`/api/invitations?groupId=${namurSocial}`).expect(403);
    const dup = await sophie
      .post('/api/invitations')
      .send({ email: people.claire.email, groupId: namurSocial })
      .expect(409);
    expect(dup.body.fieldErrors[0].path).toBe('email');
  });

  it('lets a facilitator manage members of their group but not other facilitators', async () => {
    const admin = await signIn(people.admin);
    const nadia = await findUser(admin, people.nadia);
    await sophie.post(`/api/groups/${namurSocial}/members`).send({ userId: nadia.id }).expect(201);
    await sophie.post(`/api/groups/${namurSocial}/members`).send({ userId: nadia.id }).expect(409);
    await sophie
      .patch(`/api/groups/${namurSocial}/members/${nadia.id}`)
      .send({ role: 'facilitator' })
      .expect(403);
    await admin
      .patch(`/api/groups/${namurSocial}/members/${nadia.id}`)
      .send({ role: 'facilitator' })
      .expect(200);
    await sophie.delete(`/api/groups/${namurSocial}/members/${nadia.id}`).expect(403);
    await admin.delete(`/api/groups/${namurSocial}/members/${nadia.id}`).expect(204);
    await sophie.post(`/api/groups/${hainautSudSocial}/members`).send({ userId: nadia.id }).expect(403);
  });

  it('manages organisations: coordinators write, everyone reads, names are unique', async () => {
    const admin = await signIn(people.admin);
    const namur = bassins.find((b) => b.name === 'Namur');
    const created = await admin
      .post('/api/organisations')
      .send({
        name: 'EFT Les Saveurs du Sillon',
        kind: 'eft',
        bassinId: namur?.id,
        address: { street: 'Rue du Moulin 2', postalCode: '5020', city: 'Malonne' },
        sectors: ['HORECA', 'horeca'],
      })
      .expect(201);
    expect(created.body.sectors).toEqual(['horeca']);
    await admin
      .post('/api/organisations')
      .send({ name: 'eft les saveurs du sillon', kind: 'eft' })
      .expect(409);
    await admin.post('/api/organisations').send({ name: 'Sans type' }).expect(400);
    await admin
      .post('/api/organisations')
      .send({ name: 'Code', kind: 'eft', address: { postalCode: '50' } })
      .expect(400);
    await sophie.post('/api/organisations').send({ name: 'Pas le droit', kind: 'cisp' }).expect(403);
    const list = (await sophie.get(`/api/organisations?bassinId=${namur?.id}`).expect(200)).body;
    expect(list.map((o: { name: string }) => o.name)).toContain('EFT Les Saveurs du Sillon');
  });

  it('keeps platform roles for admins only', async () => {
    const admin = await signIn(people.admin);
    const julie = await findUser(admin, people.julie);
    await admin.patch(`/api/users/${julie.id}`).send({ platformRole: 'coordinator' }).expect(200);
    const coordinator = await signIn(people.julie);
    const marc = await findUser(coordinator, people.marc);
    await coordinator.patch(`/api/users/${marc.id}`).send({ platformRole: 'admin' }).expect(403);
    const adminUser = await findUser(coordinator, people.admin);
    await coordinator.patch(`/api/users/${adminUser.id}`).send({ disabled: true }).expect(403);
    await sophie.get('/api/users').expect(403);
  });
});
