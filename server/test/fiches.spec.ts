import type { FicheDetail, GroupKind } from '@affluents/contracts';
import { FICHE_FRAGMENT } from '@affluents/editor/template';
import type TestAgent from 'supertest/lib/agent';
import * as Y from 'yjs';
import { connectClient, listenForDocuments, type TestClient, waitFor } from './support/collab-client';
import { factories, type TestUser } from './support/factories';
import { typeInSection } from './support/fiche-blocks';
import { startTestApp, type TestApp } from './support/test-app';

describe('fiches actions: template, access, lifecycle, publication and toolbox search', () => {
  let t: TestApp;
  let wsUrl: string;
  let sophie: TestAgent;
  let claire: TestAgent;
  let namurSocial: string;
  const clients: TestClient[] = [];
  const cookies = new Map<string, string>();

  const people = new Map<string, TestUser>();

  /** Signs in the person `name` made in beforeAll, keeping the cookie for the collab socket. */
  async function signIn(name: string): Promise<TestAgent> {
    const user = people.get(name);
    if (!user) throw new Error(`no such person: ${name}`);
    const { agent, cookie } = await factories(t).session(user);
    cookies.set(name, cookie);
    return agent;
  }

  beforeAll(async () => {
    t = await startTestApp({ seed: false });
    wsUrl = await listenForDocuments(t.app);
    const make = factories(t);
    // Namur: Sophie facilitates its groups, Claire is a social worker, Olivier an encadrant (same bassin,
    // other group); Amina is in another bassin.
    const namur = await make.bassin({ name: 'Namur' });
    const group = (kind: GroupKind) => namur.groups.find((g) => g.kind === kind) as { id: string };
    namurSocial = group('social_workers').id;
    const person = async (name: string, displayName?: string, platformRole?: 'admin') => {
      const user = await make.user({ displayName, platformRole });
      people.set(name, user);
      return user;
    };
    const sophieUser = await person('sophie', 'Sophie Lambert');
    for (const g of namur.groups) await make.membership(sophieUser, g, 'facilitator');
    await make.membership(await person('claire', 'Claire Renard'), group('social_workers'));
    await make.membership(await person('olivier', 'Olivier Lejeune'), group('encadrants'));
    await make.membership(await person('amina', 'Amina Lahlou'), await make.group('social_workers'));
    await person('admin', undefined, 'admin');
    sophie = await signIn('sophie');
    claire = await signIn('claire');
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await t.close();
  });

  let fiche: FicheDetail;

  it('creates a draft whose document starts from the template, once', async () => {
    const res = await sophie
      .post('/api/fiches')
      .send({
        title: 'Potager partagé et remobilisation',
        groupId: namurSocial,
        sectors: ['maraîchage'],
        year: 2026,
      })
      .expect(201);
    fiche = res.body;
    expect(fiche).toMatchObject({
      status: 'draft',
      access: 'write',
      docName: `fiche:${fiche.id}`,
      versions: [],
    });
    expect(fiche.emptySections).toHaveLength(10);
    expect(fiche.missingRequiredSections).toEqual([
      'objectifs',
      'contexte',
      'dispositif',
      'public',
      'resultats',
      'contact',
    ]);
    expect(fiche.authors.map((a) => a.displayName)).toEqual(['Sophie Lambert']);
  });

  it('keeps a draft inside its group: others get 403, coordinators read', async () => {
    const amina = await signIn('amina');
    await amina.get(`/api/fiches/${fiche.id}`).expect(403);
    await amina.get('/api/fiches/00000000-0000-4000-8000-000000000000').expect(403);
    await amina.post('/api/fiches').send({ title: 'Intrusion', groupId: namurSocial }).expect(403);
    await amina.patch(`/api/fiches/${fiche.id}`).send({ title: 'Piraté' }).expect(403);
    const admin = await signIn('admin');
    expect((await admin.get(`/api/fiches/${fiche.id}`).expect(200)).body.access).toBe('read');
    await admin.post('/api/fiches').send({ title: 'Pas membre', groupId: namurSocial }).expect(403);
    await sophie.post('/api/fiches').send({ title: '', groupId: namurSocial }).expect(400);
  });

  it('lets two members write the document together; its empty sections follow the text', async () => {
    const a = connectClient(wsUrl, fiche.docName, cookies.get('sophie') ?? null, {
      origin: 'http://localhost:3000',
    });
    const b = connectClient(wsUrl, fiche.docName, cookies.get('claire') ?? null);
    clients.push(a, b);
    const headings = (doc: Y.Doc) => doc.getXmlFragment(FICHE_FRAGMENT).length;
    await waitFor(() => a.provider.synced && b.provider.synced, 'both clients synced');
    // The template arrived from the server: nobody seeded it again.
    expect(headings(a.doc)).toBe(headings(b.doc));
    expect(headings(a.doc)).toBeGreaterThan(10);
    typeInSection(a.doc, 'objectifs', 'Remobiliser des stagiaires par le maraîchage et la formation.');
    typeInSection(
      b.doc,
      'contexte',
      'Une équipe du CPAS, le centre public d’action sociale, oriente les participants.',
    );
    await waitFor(
      () =>
        a.doc.getXmlFragment(FICHE_FRAGMENT).toString() === b.doc.getXmlFragment(FICHE_FRAGMENT).toString(),
      'convergence',
    );
    await waitFor(async () => {
      const detail = (await claire.get(`/api/fiches/${fiche.id}`).expect(200)).body as FicheDetail;
      return !detail.emptySections.includes('objectifs') && !detail.emptySections.includes('contexte');
    }, 'stored sections');
  });

  it('refuses review while required sections are empty, then accepts', async () => {
    const refused = await claire
      .post(`/api/fiches/${fiche.id}/status`)
      .send({ status: 'review' })
      .expect(409);
    expect(refused.body.fieldErrors.map((e: { path: string }) => e.path)).toEqual([
      'sections.dispositif',
      'sections.public',
      'sections.resultats',
      'sections.contact',
    ]);
    const [client] = clients;
    typeInSection(client.doc, 'dispositif', 'Deux demi-journées par semaine au potager.');
    typeInSection(client.doc, 'public', 'Douze demandeurs d’emploi peu qualifiés.');
    typeInSection(
      client.doc,
      'resultats.quantitatifs',
      'Neuf personnes en formation qualifiante après six mois.',
    );
    typeInSection(client.doc, 'contact', 'Sophie Lambert, animatrice.');
    await waitFor(async () => {
      const detail = (await claire.get(`/api/fiches/${fiche.id}`)).body as FicheDetail;
      return detail.missingRequiredSections.length === 0;
    }, 'required sections stored');
    const review = await claire.post(`/api/fiches/${fiche.id}/status`).send({ status: 'review' }).expect(200);
    expect(review.body.status).toBe('review');
    expect(review.body.authors.map((a: { displayName: string }) => a.displayName)).toContain(
      'Sophie Lambert',
    );
  });

  it('publishes through a facilitator only, as a frozen version', async () => {
    await claire.post(`/api/fiches/${fiche.id}/publish`).send({ reach: 'bassin' }).expect(403);
    const published = await sophie
      .post(`/api/fiches/${fiche.id}/publish`)
      .send({ reach: 'bassin' })
      .expect(200);
    expect(published.body).toMatchObject({ status: 'published', reach: 'bassin' });
    expect(published.body.versions).toHaveLength(1);
    expect(published.body.versions[0]).toMatchObject({ number: 1, kind: 'publication', reach: 'bassin' });
    const named = await claire
      .post(`/api/fiches/${fiche.id}/versions`)
      .send({ label: 'Avant relecture CPAS' })
      .expect(201);
    expect(named.body.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
  });

  it('opens a version read-only, exports Markdown and restores a version as a new change', async () => {
    const detail = (await claire.get(`/api/fiches/${fiche.id}`).expect(200)).body as FicheDetail;
    const published = detail.versions.find((v) => v.kind === 'publication');
    if (!published) throw new Error('no publication version');
    const content = (await claire.get(`/api/fiches/${fiche.id}/versions/${published.id}`).expect(200)).body;
    const frozen = new Y.Doc();
    Y.applyUpdate(frozen, Buffer.from(content.update, 'base64'));
    expect(frozen.getXmlFragment(FICHE_FRAGMENT).toString()).toContain('Remobiliser des stagiaires');
    frozen.destroy();

    const [writer, other] = clients;
    typeInSection(writer.doc, 'specificites', 'Texte ajouté après la publication.');
    await waitFor(async () => {
      const md = await claire.get(`/api/fiches/${fiche.id}/export.md`);
      return md.text.includes('Texte ajouté après la publication.');
    }, 'live export');
    const md = await claire.get(`/api/fiches/${fiche.id}/export.md?versionId=${published.id}`).expect(200);
    expect(md.headers['content-type']).toContain('text/markdown');
    expect(md.headers['content-disposition']).toContain('fiche-potager-partage-et-remobilisation.md');
    expect(md.text).toContain('# Potager partagé et remobilisation');
    expect(md.text).toContain('- **Bassin** : Namur');
    expect(md.text).toContain('## Objectifs\n\nRemobiliser des stagiaires');
    expect(md.text).not.toContain('Texte ajouté après la publication.');

    const amina = await signIn('amina');
    await amina.get(`/api/fiches/${fiche.id}/export.md`).expect(403);
    await amina.post(`/api/fiches/${fiche.id}/versions/${published.id}/restore`).expect(403);
    await claire.post(`/api/fiches/${fiche.id}/versions/${published.id}/restore`).expect(200);
    // Both open editors receive the restored text, and it is stored.
    const hasAddition = (c: TestClient) =>
      c.doc.getXmlFragment(FICHE_FRAGMENT).toString().includes('Texte ajouté');
    await waitFor(() => !hasAddition(writer) && !hasAddition(other), 'restored text in both editors');
    await waitFor(async () => {
      const live = await claire.get(`/api/fiches/${fiche.id}/export.md`);
      return !live.text.includes('Texte ajouté') && live.text.includes('Remobiliser des stagiaires');
    }, 'restored text stored');
    await claire.get(`/api/fiches/${fiche.id}/versions/00000000-0000-4000-8000-000000000000`).expect(404);
  });

  it('lets readers within the reach of a publication read the published version only', async () => {
    const [writer] = clients;
    typeInSection(writer.doc, 'resultats', 'Brouillon interne au groupe.');
    await waitFor(async () => {
      const live = await claire.get(`/api/fiches/${fiche.id}/export.md`);
      return live.text.includes('Brouillon interne au groupe.');
    }, 'draft edit stored');

    const olivier = await signIn('olivier'); // encadrants: same bassin, other group
    const detail = (await olivier.get(`/api/fiches/${fiche.id}`).expect(200)).body as FicheDetail;
    expect(detail).toMatchObject({ liveDocument: false, access: 'read', reach: 'bassin' });
    expect(detail.publishedVersionId).toBeTruthy();
    expect(detail.versions.map((v) => v.id)).toEqual([detail.publishedVersionId]);
    await olivier.get(`/api/fiches/${fiche.id}/versions/${detail.publishedVersionId}`).expect(200);
    const manual = ((await claire.get(`/api/fiches/${fiche.id}`)).body as FicheDetail).versions.find(
      (v) => v.kind === 'manual',
    );
    await olivier.get(`/api/fiches/${fiche.id}/versions/${manual?.id}`).expect(404);
    const md = await olivier.get(`/api/fiches/${fiche.id}/export.md`).expect(200);
    expect(md.text).toContain('Remobiliser des stagiaires');
    expect(md.text).not.toContain('Brouillon interne au groupe.');
    await olivier.get(`/api/fiches/${fiche.id}/export.md?versionId=${manual?.id}`).expect(404);

    // The group's own members keep the live fiche; another bassin is outside a 'bassin' reach.
    expect((await claire.get(`/api/fiches/${fiche.id}`)).body).toMatchObject({ liveDocument: true });
    const amina = await signIn('amina');
    await amina.get(`/api/fiches/${fiche.id}`).expect(403);
  });

  it('finds published fiches within their reach, with French stemming, accents and acronyms', async () => {
    const search = async (agent: TestAgent, q: string, extra = '') =>
      (await agent.get(`/api/fiches?q=${encodeURIComponent(q)}${extra}`).expect(200)).body;
    const olivier = await signIn('olivier'); // encadrants: same bassin
    const amina = await signIn('amina'); // another bassin
    const sameBassin = await search(olivier, 'formations');
    expect(sameBassin.items.map((i: { id: string }) => i.id)).toEqual([fiche.id]);
    expect(sameBassin.items[0].matchedVersion).toBe('published');
    expect(
      sameBassin.items[0].snippet.some(
        (p: { match: boolean; text: string }) => p.match && /formation/i.test(p.text),
      ),
    ).toBe(true);
    expect((await search(amina, 'formations')).total).toBe(0);

    await sophie.post(`/api/fiches/${fiche.id}/publish`).send({ reach: 'network' }).expect(200);
    expect((await search(amina, 'equipe')).total).toBe(1);
    expect((await search(amina, 'maraichage')).total).toBe(1);
    expect((await search(amina, 'CPAS')).total).toBe(1);
    expect((await search(amina, 'centre public d’action sociale')).total).toBe(1);
    expect((await search(amina, 'formation', '&groupKind=managers')).total).toBe(0);
    expect((await search(amina, 'formation', '&sector=MARAÎCHAGE')).total).toBe(1);
    expect((await search(amina, 'formation', '&year=2025')).total).toBe(0);
    expect((await search(amina, 'hélicoptère')).total).toBe(0);
  });

  it('keeps a fiche for the whole network from outside guests, unless published for them too', async () => {
    const search = async (agent: TestAgent, q: string) =>
      (await agent.get(`/api/fiches?q=${encodeURIComponent(q)}`).expect(200)).body;
    // A partner from outside the sector, in no group (as a guest invited to one meeting or thread).
    people.set('nadia', await factories(t).user({ displayName: 'Nadia Vandenbergh' }));
    const nadia = await signIn('nadia');
    const amina = await signIn('amina');
    await sophie.post(`/api/fiches/${fiche.id}/publish`).send({ reach: 'network' }).expect(200);
    expect((await search(amina, 'formations')).total).toBe(1);
    await amina.get(`/api/fiches/${fiche.id}`).expect(200);
    expect((await search(nadia, 'formations')).total).toBe(0);
    expect((await nadia.get(`/api/fiches/${fiche.id}`)).status).toBeGreaterThanOrEqual(403);

    const wider = await sophie
      .post(`/api/fiches/${fiche.id}/publish`)
      .send({ reach: 'network_and_guests' })
      .expect(200);
    expect(wider.body.reach).toBe('network_and_guests');
    expect((await search(nadia, 'formations')).items.map((i: { id: string }) => i.id)).toEqual([fiche.id]);
    await nadia.get(`/api/fiches/${fiche.id}`).expect(200);
  });

  it('lets members search their own group’s drafts, never others', async () => {
    const draft = (
      await claire
        .post('/api/fiches')
        .send({ title: 'Atelier vélo solidaire', groupId: namurSocial })
        .expect(201)
    ).body;
    const amina = await signIn('amina');
    const mine = (await claire.get('/api/fiches?q=velo').expect(200)).body;
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(draft.id);
    expect(mine.items.find((i: { id: string }) => i.id === draft.id).matchedVersion).toBe('draft');
    expect((await amina.get('/api/fiches?q=velo').expect(200)).body.total).toBe(0);
    const list = (await claire.get(`/api/fiches?groupId=${namurSocial}&pageSize=1`).expect(200)).body;
    expect(list.total).toBe(2);
    expect(list.items).toHaveLength(1);
    await claire.get('/api/fiches?pageSize=500').expect(400);
  });

  it('indexes and versions a fiche whose text holds control characters (Yjs takes them, PostgreSQL no NUL)', async () => {
    const draft = (
      await claire.post('/api/fiches').send({ title: 'Potager partagé', groupId: namurSocial }).expect(201)
    ).body as FicheDetail;
    const client = connectClient(wsUrl, draft.docName, cookies.get('claire') ?? null);
    clients.push(client);
    await waitFor(() => client.provider.synced, 'synced');
    typeInSection(client.doc, 'contexte', 'Des bacs\u0000 surélevés\u0007 à Jambes.');
    await waitFor(async () => {
      const found = (await claire.get('/api/fiches?q=sureleves').expect(200)).body;
      return found.items.some((i: { id: string }) => i.id === draft.id);
    }, 'the draft indexed with its text');
    await claire.post(`/api/fiches/${draft.id}/versions`).send({ label: 'Premier jet' }).expect(201);
  });

  it('archives through a facilitator; an archived fiche is read-only', async () => {
    await claire.post(`/api/fiches/${fiche.id}/status`).send({ status: 'archived' }).expect(403);
    const archived = await sophie
      .post(`/api/fiches/${fiche.id}/status`)
      .send({ status: 'archived' })
      .expect(200);
    expect(archived.body.status).toBe('archived');
    expect((await claire.get(`/api/fiches/${fiche.id}`).expect(200)).body.access).toBe('read');
    await claire.patch(`/api/fiches/${fiche.id}`).send({ title: 'Encore' }).expect(409);
    const amina = await signIn('amina');
    expect((await amina.get('/api/fiches?q=equipe').expect(200)).body.total).toBe(0);
    await sophie.post(`/api/fiches/${fiche.id}/status`).send({ status: 'draft' }).expect(200);
  });

  it('closes a removed member’s document connection at once', async () => {
    const claireClient = clients[1];
    const users = (
      await (
        await signIn('admin')
      )
        .get('/api/users')
        .query({ q: people.get('claire')?.email })
        .expect(200)
    ).body;
    await sophie.delete(`/api/groups/${namurSocial}/members/${users[0].id}`).expect(204);
    await waitFor(() => claireClient.closes.some((c) => c.code === 4403), 'access revoked close', 5000);
    // She keeps what any reader within the publication's reach has (the network and its guests: she is in
    // no group any more): the published version, not the draft.
    const after = (await claire.get(`/api/fiches/${fiche.id}`).expect(200)).body as FicheDetail;
    expect(after).toMatchObject({ liveDocument: false, access: 'read' });
    expect(after.versions.map((v) => v.id)).toEqual([after.publishedVersionId]);
  });

  it('links a fiche to organisations that exist only', async () => {
    const make = factories(t);
    const partner = await make.organisation({ name: 'CPAS de Namur' });
    const unknown = '00000000-0000-4000-8000-000000000000';
    const created = await sophie
      .post('/api/fiches')
      .send({ title: 'Avec un partenaire', groupId: namurSocial, organisationIds: [partner.id, partner.id] })
      .expect(201);
    expect(created.body.organisations).toEqual([{ id: partner.id, name: partner.name, kind: partner.kind }]);
    const refused = await sophie
      .post('/api/fiches')
      .send({ title: 'Partenaire inconnu', groupId: namurSocial, organisationIds: [partner.id, unknown] })
      .expect(400);
    expect(refused.body.fieldErrors).toEqual([
      { path: 'organisationIds', message: 'Organisation introuvable' },
    ]);
    await sophie
      .patch(`/api/fiches/${created.body.id}`)
      .send({ organisationIds: [unknown] })
      .expect(400);
    const kept = (await sophie.get(`/api/fiches/${created.body.id}`).expect(200)).body as FicheDetail;
    expect(kept.organisations.map((o) => o.id)).toEqual([partner.id]);
  });
});
