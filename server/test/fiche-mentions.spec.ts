import type { FicheDetail, GroupDetail, NotificationPage } from '@affluents/contracts';
import { FICHE_FRAGMENT } from '@affluents/editor/template';
import type TestAgent from 'supertest/lib/agent';
import * as Y from 'yjs';
import { DomainEventBus } from '../src/common/events/domain-event-bus';
import { connectClient, listenForDocuments, type TestClient, waitFor } from './support/collab-client';
import { factories, type TestUser } from './support/factories';
import { getPdf } from './support/pdf-text';
import { startTestApp, type TestApp } from './support/test-app';

/** Writes "<before><mention> " into the paragraph under `section`, as the Tiptap Mention node is stored. */
function writeMention(
  doc: Y.Doc,
  section: string,
  before: string,
  person: { id: string; label: string },
): void {
  const nodes = doc.getXmlFragment(FICHE_FRAGMENT).toArray() as Y.XmlElement[];
  const index = nodes.findIndex((n) => n.getAttribute('section') === section);
  if (index < 0) throw new Error(`no section ${section}`);
  const mention = new Y.XmlElement('mention');
  mention.setAttribute('id', person.id);
  mention.setAttribute('label', person.label);
  mention.setAttribute('mentionSuggestionChar', '@');
  const paragraph = nodes[index + 1];
  paragraph.insert(paragraph.length, [new Y.XmlText(before), mention, new Y.XmlText(' ')]);
}

/** Removes every mention of `userId` from the document. */
function removeMentions(doc: Y.Doc, userId: string): void {
  for (const node of doc.getXmlFragment(FICHE_FRAGMENT).toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    const children = node.toArray();
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (
        child instanceof Y.XmlElement &&
        child.nodeName === 'mention' &&
        child.getAttribute('id') === userId
      )
        node.delete(i, 1);
    }
  }
}

describe('mentions in the text of a fiche', () => {
  let t: TestApp;
  let wsUrl: string;
  let sophie: TestAgent;
  let claire: TestAgent;
  let amina: TestAgent;
  let group: GroupDetail;
  let fiche: FicheDetail;
  let writer: TestClient;
  const cookies = new Map<string, string>();
  let sophieCookie: string | null;
  let aminaId: string;

  async function signIn(user: TestUser): Promise<TestAgent> {
    const { agent, cookie } = await factories(t).session(user);
    cookies.set(user.email, cookie);
    return agent;
  }

  const ficheMentions = async (agent: TestAgent) =>
    ((await agent.get('/api/notifications?limit=100').expect(200)).body as NotificationPage).items.filter(
      (n) => n.kind === 'fiche_mention',
    );
  const memberId = (name: string) => {
    const member = group.members.find((m) => m.displayName.startsWith(name));
    if (!member) throw new Error(`no member ${name}`);
    return member.userId;
  };
  const mentionRows = async () =>
    (await t.dataSource.query('SELECT user_id AS "userId" FROM fiche_text_mentions WHERE fiche_id = $1', [
      fiche.id,
    ])) as Array<{ userId: string }>;

  beforeAll(async () => {
    t = await startTestApp({ seed: false });
    wsUrl = await listenForDocuments(t.app);
    const make = factories(t);
    const social = await make.group('social_workers');
    const elsewhere = await make.group('social_workers');
    const sophieUser = await make.user({ displayName: 'Sophie Lambert' });
    await make.membership(sophieUser, social, 'facilitator');
    const claireUser = await make.user({ displayName: 'Claire Renard' });
    await make.membership(claireUser, social);
    // Mentioned only to show that a store was announced (see "does not notify again").
    await make.membership(await make.user({ displayName: 'Théo Témoin' }), social);
    const aminaUser = await make.user({ displayName: 'Amina Lahlou' });
    await make.membership(aminaUser, elsewhere);
    aminaId = aminaUser.id;
    sophie = await signIn(sophieUser);
    claire = await signIn(claireUser);
    amina = await signIn(aminaUser);
    sophieCookie = cookies.get(sophieUser.email) ?? null;
    group = (await sophie.get(`/api/groups/${social.id}`).expect(200)).body;
    fiche = (
      await sophie.post('/api/fiches').send({ title: 'Jardin solidaire', groupId: social.id }).expect(201)
    ).body;
    writer = connectClient(wsUrl, fiche.docName, sophieCookie);
    await waitFor(() => writer.provider.synced, 'writer synced');
  });
  afterAll(async () => {
    writer?.destroy();
    await t.close();
  });

  it('notifies a member of the group mentioned in a section, once, with a link to the fiche', async () => {
    const claireId = memberId('Claire');
    writeMention(writer.doc, 'contact', 'Contact : ', { id: claireId, label: 'Claire Renard' });
    await waitFor(async () => (await ficheMentions(claire)).length > 0, 'the mention notification', 8000);
    const [notification] = await ficheMentions(claire);
    expect(notification).toMatchObject({
      kind: 'fiche_mention',
      link: `/fiches/${fiche.id}`,
      title: 'Jardin solidaire',
      groupId: group.id,
      actor: { displayName: 'Sophie Lambert' },
    });
    expect(notification.excerpt).toContain('Jardin solidaire');
    // The author of the mention hears nothing of it.
    expect(await ficheMentions(sophie)).toHaveLength(0);
  });

  it('does not notify again on a later store, nor when the mention is removed and written again', async () => {
    const claireId = memberId('Claire');
    writeMention(writer.doc, 'objectifs', 'Avancer vite. ', { id: claireId, label: 'Claire Renard' });
    await waitFor(async () => {
      const detail = (await sophie.get(`/api/fiches/${fiche.id}`).expect(200)).body as FicheDetail;
      return !detail.emptySections.includes('objectifs');
    }, 'the second store');
    removeMentions(writer.doc, claireId);
    writeMention(writer.doc, 'public', 'Pour ', { id: claireId, label: 'Claire Renard' });
    await waitFor(async () => {
      const detail = (await sophie.get(`/api/fiches/${fiche.id}`).expect(200)).body as FicheDetail;
      return !detail.emptySections.includes('public');
    }, 'the third store');
    // Sentinel: a first mention of someone else, written after, is announced in the same store or a later
    // one; once it is notified and the listeners settled, a second notice to Claire would be there too.
    const witnessId = memberId('Théo');
    writeMention(writer.doc, 'contexte', 'Voir ', { id: witnessId, label: 'Théo Témoin' });
    await waitFor(
      async () => (await mentionRows()).some((r) => r.userId === witnessId),
      'the later mention announced',
      8000,
    );
    await t.app.get(DomainEventBus).settled();
    expect(await ficheMentions(claire)).toHaveLength(1);
  });

  it('notifies nobody for a mention of someone outside the group, or of an id that is no user', async () => {
    const id = aminaId;
    expect(group.members.some((m) => m.userId === id)).toBe(false);
    writeMention(writer.doc, 'dispositif', 'Avec ', { id, label: 'Amina' });
    writeMention(writer.doc, 'dispositif', ' et ', { id: 'pas-un-identifiant', label: 'Personne' });
    await waitFor(async () => (await mentionRows()).some((r) => r.userId === id), 'the mention recorded');
    // The mention is recorded by the listener of the store that announces it: once the bus has settled,
    // any notification it caused has been written.
    await t.app.get(DomainEventBus).settled();
    expect(await ficheMentions(amina)).toHaveLength(0);
    expect((await mentionRows()).map((r) => r.userId)).not.toContain('pas-un-identifiant');
  });

  it('writes mentions as @Name in the Markdown and PDF exports', async () => {
    const md = (await claire.get(`/api/fiches/${fiche.id}/export.md`).expect(200)).text;
    expect(md).toContain('## Public bénéficiaire\n\nPour @Claire Renard');
    const { text } = await getPdf(claire, `/api/fiches/${fiche.id}/export.pdf`);
    expect(text).toContain('@Claire Renard');
  });
});
