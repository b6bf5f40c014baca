import type { FicheDetail, FicheSearchPage } from '@affluents/contracts';
import { FICHE_FRAGMENT, ficheSections } from '@affluents/editor/template';
import type TestAgent from 'supertest/lib/agent';
import * as Y from 'yjs';
import { FicheTextWithoutTemplateHeadings1764300000300 } from '../src/infra/database/migrations/1764300000300-fiche-text-without-template-headings';
import { searchVectorSql } from '../src/modules/fiches/fiche-search-rows';
import { connectClient, listenForDocuments, type TestClient, waitFor } from './support/collab-client';
import { factories } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

/** Types `text` into the paragraph under the heading of `section`, as the editor would. */
function writeSection(doc: Y.Doc, section: string, text: string): void {
  const nodes = doc.getXmlFragment(FICHE_FRAGMENT).toArray() as Y.XmlElement[];
  const index = nodes.findIndex((n) => n.getAttribute('section') === section);
  if (index < 0) throw new Error(`no section ${section}`);
  nodes[index + 1].insert(0, [new Y.XmlText(text)]);
}

/** Every title the template writes into a new fiche: none of them is anybody's text. */
const templateTitles = ficheSections.flatMap((s) => [s.title, ...(s.parts ?? []).map((p) => p.title)]);

describe('the toolbox reads what people wrote', () => {
  let t: TestApp;
  let wsUrl: string;
  let sophie: TestAgent;
  let amina: TestAgent;
  let sophieCookie: string;
  const clients: TestClient[] = [];
  /** Its people-written text never says "public"; it names structures by their acronyms only. */
  let acronyms: FicheDetail;
  /** Its text speaks of a "public": the control that searching "public" works at all. */
  let control: FicheDetail;

  const search = async (agent: TestAgent, q: string, extra = ''): Promise<FicheSearchPage> =>
    (await agent.get(`/api/fiches?q=${encodeURIComponent(q)}${extra}`).expect(200)).body;
  const ids = (page: FicheSearchPage) => page.items.map((i) => i.id);
  const snippetOf = (page: FicheSearchPage, id: string) =>
    (page.items.find((i) => i.id === id)?.snippet ?? []).map((p) => p.text).join('');

  /** Creates a fiche in Sophie's group, writes its sections through a document client, publishes it. */
  async function publishedFiche(groupId: string, title: string, sections: Record<string, string>) {
    const created = (await sophie.post('/api/fiches').send({ title, groupId }).expect(201))
      .body as FicheDetail;
    const client = connectClient(wsUrl, created.docName, sophieCookie);
    clients.push(client);
    await waitFor(() => client.provider.synced, 'synced');
    for (const [section, text] of Object.entries(sections)) writeSection(client.doc, section, text);
    await waitFor(async () => {
      const detail = (await sophie.get(`/api/fiches/${created.id}`)).body as FicheDetail;
      return detail.missingRequiredSections.length === 0;
    }, 'sections stored');
    await sophie.post(`/api/fiches/${created.id}/publish`).send({ reach: 'network' }).expect(200);
    // The draft index follows the document a moment after the writing: wait for it.
    await waitFor(
      async () => ids(await search(sophie, 'animatrice')).includes(created.id),
      'the draft indexed with its text',
    );
    return created;
  }

  beforeAll(async () => {
    t = await startTestApp({ seed: false });
    wsUrl = await listenForDocuments(t.app);
    const make = factories(t);
    const social = await make.group('social_workers');
    const sophieUser = await make.user({ displayName: 'Sophie Lambert' });
    await make.membership(sophieUser, social, 'facilitator');
    ({ agent: sophie, cookie: sophieCookie } = await make.session(sophieUser));
    // Another bassin: sees only what is published for the network.
    amina = (await make.member(await make.group('social_workers'))).agent;
    const namurSocial = social.id;

    acronyms = await publishedFiche(namurSocial, 'Jardin solidaire à Jambes', {
      objectifs: 'Remettre des stagiaires en mouvement par le jardinage.',
      contexte: 'Le CPAS de Jambes et un CISP voisin orientent les stagiaires.',
      dispositif: 'Une EFT encadre deux demi-journées par semaine ; le FOREm prend le relais ensuite.',
      public: 'Douze demandeurs d’emploi peu qualifiés.',
      resultats: 'Neuf stagiaires en formation qualifiante après six mois.',
      contact: 'Sophie Lambert, animatrice.',
    });
    control = await publishedFiche(namurSocial, 'Atelier cuisine', {
      objectifs: 'Cuisiner ensemble pour reprendre confiance.',
      contexte: 'Une cuisine de quartier à Namur.',
      dispositif: 'Un repas préparé chaque jeudi.',
      public: 'Un public de jeunes adultes sans diplôme.',
      resultats: 'Huit jeunes inscrits en formation.',
      contact: 'Sophie Lambert, animatrice.',
    });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await t.close();
  });

  it('does not find a fiche by a word of the template headings, in drafts or published versions', async () => {
    // Sophie's search reads her group's drafts, Amina's the published versions.
    for (const agent of [sophie, amina]) {
      const found = ids(await search(agent, 'public'));
      expect(found).toContain(control.id);
      expect(found).not.toContain(acronyms.id);
      expect(ids(await search(agent, 'objectifs'))).toEqual([]);
    }
  });

  it('builds snippets from what people wrote, never from a template heading', async () => {
    for (const agent of [sophie, amina]) {
      const matched = snippetOf(await search(agent, 'stagiaires'), acronyms.id);
      expect(matched).toContain('stagiaires');
      for (const title of templateTitles) expect(matched).not.toContain(title);
      // Without words to match, the snippet is the start of the fiche's text.
      const listed = await agent.get('/api/fiches?pageSize=50').expect(200);
      const start = snippetOf(listed.body, acronyms.id);
      expect(start.startsWith('Remettre des stagiaires en mouvement')).toBe(true);
      for (const title of templateTitles) expect(start).not.toContain(title);
    }
  });

  it('finds a fiche that writes only the acronym when searching its expansion, as the reverse', async () => {
    const expansions = [
      'centre public d’action sociale',
      "Centre d'insertion socioprofessionnelle",
      'entreprise de formation par le travail',
      "office wallon de la formation professionnelle et de l'emploi",
      'jardinage centre public d’action sociale Jambes',
    ];
    for (const agent of [sophie, amina]) {
      for (const q of expansions)
        expect({ q, found: ids(await search(agent, q)) }).toEqual({ q, found: [acronyms.id] });
      for (const q of ['CPAS', 'CISP', 'EFT', 'FOREm'])
        expect(ids(await search(agent, q))).toEqual([acronyms.id]);
      // The acronym found through its expansion is the highlighted match.
      const hit = (await search(agent, 'centre public d’action sociale')).items[0];
      expect(hit.snippet.filter((p) => p.match).map((p) => p.text)).toContain('CPAS');
    }
  });

  it('re-extracts the text stored before this change, drafts and published versions, once at migration', async () => {
    // The text as earlier versions stored it: the template's headings written before each section.
    const tags = "array_to_string(f.sectors || f.publics || f.themes, ' ')";
    const withHeadings = "'Objectifs' || E'\\n' || plain_text || E'\\n\\nPublic bénéficiaire'";
    await t.dataSource.query(`UPDATE fiche_versions SET plain_text = ${withHeadings}`);
    await t.dataSource.query(
      `UPDATE fiches f SET draft_text = pv.plain_text,
         draft_vector = ${searchVectorSql('f.title', tags, 'pv.plain_text')},
         published_vector = ${searchVectorSql('f.title', tags, 'pv.plain_text')}
       FROM fiche_versions pv WHERE pv.id = f.published_version_id`,
    );
    for (const agent of [sophie, amina]) expect(ids(await search(agent, 'public'))).toContain(acronyms.id);

    const runner = t.dataSource.createQueryRunner();
    try {
      await new FicheTextWithoutTemplateHeadings1764300000300().up(runner);
    } finally {
      await runner.release();
    }
    for (const agent of [sophie, amina]) {
      const found = await search(agent, 'public');
      expect(ids(found)).toContain(control.id);
      expect(ids(found)).not.toContain(acronyms.id);
      const listed = await agent.get('/api/fiches?pageSize=50').expect(200);
      expect(snippetOf(listed.body, acronyms.id).startsWith('Remettre des stagiaires')).toBe(true);
    }
  });
});
