import type { FicheDetail, GroupKind, Notification, ThreadDetail, ThreadSummary } from '@affluents/contracts';
import type TestAgent from 'supertest/lib/agent';
import { QUESTIONS_PER_WINDOW } from '../src/modules/fiche-questions/fiche-questions.service';
import { connectClient, listenForDocuments, type TestClient, waitFor } from './support/collab-client';
import { factories, type TestUser } from './support/factories';
import { typeInSection } from './support/fiche-blocks';
import { startTestApp, type TestApp } from './support/test-app';

const question = {
  title: 'Combien de vélos au départ ?',
  body: 'Bonjour, avec combien de vélos avez-vous commencé ?',
};

describe('questions of readers to the authors of a published fiche', () => {
  let t: TestApp;
  let wsUrl: string;
  const clients: TestClient[] = [];
  const cookies = new Map<string, string>();
  const agents = new Map<string, TestAgent>();
  let namurSocial: string;

  const people = new Map<string, TestUser>();

  /** A signed-in client of the person `name` made in beforeAll (its cookie kept for the collab socket). */
  async function as(name: string): Promise<TestAgent> {
    const known = agents.get(name);
    if (known) return known;
    const user = people.get(name);
    if (!user) throw new Error(`no such person: ${name}`);
    const { agent, cookie } = await factories(t).session(user);
    cookies.set(name, cookie);
    agents.set(name, agent);
    return agent;
  }

  /** A fiche of Namur's social workers with its required sections written by Claire, published if `reach`. */
  async function fiche(title: string, reach: 'bassin' | 'network' | null): Promise<FicheDetail> {
    const sophie = await as('sophie');
    const claire = await as('claire');
    const created = (await sophie.post('/api/fiches').send({ title, groupId: namurSocial }).expect(201))
      .body as FicheDetail;
    const client = connectClient(wsUrl, created.docName, cookies.get('claire') ?? null);
    clients.push(client);
    await waitFor(() => client.provider.synced, 'synced');
    for (const key of ['objectifs', 'contexte', 'dispositif', 'public', 'resultats.quantitatifs', 'contact'])
      typeInSection(client.doc, key, `Texte de la rubrique ${key}.`);
    await waitFor(async () => {
      const detail = (await claire.get(`/api/fiches/${created.id}`).expect(200)).body as FicheDetail;
      return detail.missingRequiredSections.length === 0 && detail.authors.length === 2;
    }, 'sections stored and Claire an author');
    if (!reach) return created;
    return (await sophie.post(`/api/fiches/${created.id}/publish`).send({ reach }).expect(200))
      .body as FicheDetail;
  }

  async function notificationsOf(name: string): Promise<Notification[]> {
    return ((await (await as(name)).get('/api/notifications').expect(200)).body as { items: Notification[] })
      .items;
  }

  beforeAll(async () => {
    t = await startTestApp({ seed: false });
    wsUrl = await listenForDocuments(t.app);
    const make = factories(t);
    // The fiches' bassin: Sophie facilitates its three groups; Claire writes in its social workers' group,
    // Olivier sits in its encadrants' group. Amina and Julie read from two other bassins.
    const namur = await make.bassin();
    const groupOf = (kind: GroupKind) => namur.groups.find((g) => g.kind === kind) as { id: string };
    namurSocial = groupOf('social_workers').id;
    const person = async (name: string, displayName?: string) => {
      const user = await make.user({ displayName });
      people.set(name, user);
      return user;
    };
    const sophie = await person('sophie', 'Sophie Lambert');
    for (const group of namur.groups) await make.membership(sophie, group, 'facilitator');
    await make.membership(await person('claire', 'Claire Renard'), groupOf('social_workers'));
    await make.membership(await person('olivier', 'Olivier Lejeune'), groupOf('encadrants'));
    await make.membership(await person('amina', 'Amina Lahlou'), await make.group('social_workers'));
    await make.membership(await person('julie', 'Julie Mertens'), await make.group('encadrants'));
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await t.close();
  });

  let published: FicheDetail;
  let asked: ThreadDetail;

  it('lets a reader of another bassin ask: a question thread about the fiche, in its group, that she may answer', async () => {
    published = await fiche('Un atelier vélo', 'network');
    const sophie = await as('sophie');
    // A discussion of the group that the reader must never see.
    const inside = (
      await sophie
        .post(`/api/groups/${namurSocial}/threads`)
        .send({ title: 'Entre nous', body: 'Une affaire du groupe.' })
        .expect(201)
    ).body as ThreadDetail;

    const amina = await as('amina'); // another bassin
    asked = (await amina.post(`/api/fiches/${published.id}/questions`).send(question).expect(201))
      .body as ThreadDetail;
    expect(asked).toMatchObject({
      kind: 'question',
      status: 'open',
      title: question.title,
      groupId: namurSocial,
      author: { displayName: 'Amina Lahlou' },
      subject: { type: 'fiche', id: published.id, title: 'Un atelier vélo' },
      canPost: true,
      canModerate: false,
      messageCount: 1,
    });

    // The one thread is hers to read and answer; the rest of the group stays closed.
    const messages = (await amina.get(`/api/threads/${asked.id}/messages`).expect(200)).body.items;
    expect(messages.map((m: { body: string }) => m.body)).toEqual([question.body]);
    await amina
      .post(`/api/threads/${asked.id}/messages`)
      .send({ clientId: 'amina-0001', body: 'Précision : à Namur.' })
      .expect(201);
    await amina.get(`/api/threads/${inside.id}`).expect(404);
    const visible = (await amina.get(`/api/groups/${namurSocial}/threads`).expect(200)).body
      .items as ThreadSummary[];
    expect(visible.map((th) => th.id)).toEqual([asked.id]);
    await amina
      .post(`/api/groups/${namurSocial}/threads`)
      .send({ title: 'Intrusion', body: 'x' })
      .expect(403);
    await amina.get(`/api/fiches/${published.id}/thread`).expect(403);

    // The group sees it among its discussions, linked to the fiche; the fiche's own discussion is apart.
    const claire = await as('claire');
    const groupThreads = (await claire.get(`/api/groups/${namurSocial}/threads`).expect(200)).body
      .items as ThreadSummary[];
    expect(groupThreads.find((th) => th.id === asked.id)?.subject).toMatchObject({ id: published.id });
    const own = (await claire.get(`/api/fiches/${published.id}/thread`).expect(200)).body as ThreadDetail;
    expect(own.id).not.toBe(asked.id);
    expect(own.kind).toBe('discussion');
  });

  it('has the fiche’s authors follow the question and notifies them; the asker is notified of the answer', async () => {
    const claire = await as('claire');
    for (const author of ['sophie', 'claire']) {
      const seen = (await (await as(author)).get(`/api/threads/${asked.id}`).expect(200))
        .body as ThreadDetail;
      expect(seen.follow).toBe('following');
    }
    await waitFor(
      async () =>
        (await notificationsOf('claire')).some(
          (n) => n.kind === 'followed_thread' && n.title === question.title,
        ),
      'Claire notified of the question',
    );
    const note = (await notificationsOf('claire')).find((n) => n.title === question.title);
    expect(note).toMatchObject({ actor: { displayName: 'Amina Lahlou' }, groupId: namurSocial });
    expect(note?.link).toContain(`/discussions/${asked.id}`);

    await claire
      .post(`/api/threads/${asked.id}/messages`)
      .send({ clientId: 'claire-answer-01', body: 'Nous avons commencé avec six vélos.' })
      .expect(201);
    await waitFor(
      async () =>
        (await notificationsOf('amina')).some(
          (n) => n.kind === 'followed_thread' && n.excerpt.includes('six vélos'),
        ),
      'Amina notified of the answer',
    );
    const amina = await as('amina');
    const bodies = (await amina.get(`/api/threads/${asked.id}/messages`).expect(200)).body.items.map(
      (m: { body: string }) => m.body,
    );
    expect(bodies).toContain('Nous avons commencé avec six vélos.');
  });

  it('lists the questions on the fiche: all of them for its group, their own for other readers', async () => {
    const julie = await as('julie'); // a third bassin: another reader, another question
    const second = (
      await julie
        .post(`/api/fiches/${published.id}/questions`)
        .send({ title: 'Et l’assurance ?', body: 'Comment assurez-vous les vélos ?' })
        .expect(201)
    ).body as ThreadDetail;
    const list = async (name: string) =>
      (
        (await (await as(name)).get(`/api/fiches/${published.id}/questions`).expect(200))
          .body as ThreadSummary[]
      ).map((q) => q.id);
    expect(await list('claire')).toEqual([second.id, asked.id]);
    expect(await list('amina')).toEqual([asked.id]);
    expect(await list('julie')).toEqual([second.id]);
    expect(await list('olivier')).toEqual([]);
  });

  it('answers 404 for a fiche not published or out of the reader’s reach, whoever asks', async () => {
    const draft = await fiche('Un brouillon', null);
    for (const name of ['amina', 'claire']) {
      await (await as(name)).post(`/api/fiches/${draft.id}/questions`).send(question).expect(404);
      await (await as(name)).get(`/api/fiches/${draft.id}/questions`).expect(404);
    }
    const bassinOnly = await fiche('Pour le bassin', 'bassin');
    await (await as('amina')).post(`/api/fiches/${bassinOnly.id}/questions`).send(question).expect(404);
    // Olivier, another group of the same bassin, is within its reach.
    await (await as('olivier')).post(`/api/fiches/${bassinOnly.id}/questions`).send(question).expect(201);
    await (await as('amina'))
      .post('/api/fiches/00000000-0000-4000-8000-000000000000/questions')
      .send(question)
      .expect(404);
    await (await as('amina')).post('/api/fiches/pas-un-id/questions').send(question).expect(400);
    await t.agent().post(`/api/fiches/${published.id}/questions`).send(question).expect(401);
  });

  it('refuses bad input with a French message naming the field, and a reader who floods', async () => {
    const amina = await as('amina');
    const bad = async (body: unknown) =>
      (
        await amina
          .post(`/api/fiches/${published.id}/questions`)
          .send(body as object)
          .expect(400)
      ).body as {
        fieldErrors: Array<{ path: string; message: string }>;
      };
    expect((await bad({ title: '  ', body: 'Bonjour' })).fieldErrors).toEqual([
      { path: 'title', message: 'Le sujet de la question est obligatoire' },
    ]);
    expect((await bad({ title: 'Sujet', body: '' })).fieldErrors).toEqual([
      { path: 'body', message: 'Le message de la question est vide' },
    ]);
    expect((await bad({ title: 'x'.repeat(201), body: 'Bonjour' })).fieldErrors[0]).toMatchObject({
      path: 'title',
      message: 'Le sujet : 200 caractères au maximum',
    });
    await bad({ ...question, kind: 'announcement' });

    // Amina asked once already: the rest of her budget, then 429.
    for (let i = 1; i < QUESTIONS_PER_WINDOW; i++)
      await amina
        .post(`/api/fiches/${published.id}/questions`)
        .send({ ...question, title: `Question ${i}` })
        .expect(201);
    const refused = await amina.post(`/api/fiches/${published.id}/questions`).send(question).expect(429);
    expect(refused.body.message).toMatch(/Trop de questions/);
    const [{ count }] = await t.dataSource.query(
      'SELECT count(*)::int AS count FROM threads WHERE author_id = $1',
      [people.get('amina')?.id],
    );
    expect(count).toBe(QUESTIONS_PER_WINDOW);
  });
});
