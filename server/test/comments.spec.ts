import type { AddressInfo } from 'node:net';
import type { FicheComment, FicheDetail } from '@affluents/contracts';
import { FICHE_FRAGMENT } from '@affluents/editor/template';
import type TestAgent from 'supertest/lib/agent';
import * as Y from 'yjs';
import { CollabDocuments } from '../src/collab/collab-documents';
import { DomainEventBus } from '../src/common/events/domain-event-bus';
import type { PostedComment } from '../src/common/events/domain-events';
import { AnchorResolver } from '../src/modules/comments/comment-anchors';
import { FicheCommentsService } from '../src/modules/comments/fiche-comments.service';
import { connectClient, listenForDocuments, type TestClient, waitFor } from './support/collab-client';
import { factories, type TestUser } from './support/factories';
import { ack, connectSocket, nextEvent } from './support/socket-client';
import { startTestApp, type TestApp } from './support/test-app';

const PASSAGE = 'potager partagé';
const SENTENCE = `Le ${PASSAGE} remobilise les stagiaires.`;

/** The paragraph under the heading of `section`. */
function sectionParagraph(doc: Y.Doc, section: string): Y.XmlElement {
  const nodes = doc.getXmlFragment(FICHE_FRAGMENT).toArray() as Y.XmlElement[];
  const index = nodes.findIndex((n) => n.getAttribute('section') === section);
  if (index < 0) throw new Error(`no section ${section}`);
  return nodes[index + 1];
}

/** Anchors as the editor makes them (y-prosemirror binds text positions to the character before). */
function anchorsOf(text: Y.XmlText, from: number, to: number): { anchorStart: string; anchorEnd: string } {
  const encode = (index: number) =>
    Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, -1))).toString(
      'base64',
    );
  return { anchorStart: encode(from), anchorEnd: encode(to) };
}

describe('comments on fiches: anchors, threads, resolution and access', () => {
  let t: TestApp;
  let wsUrl: string;
  const agents = new Map<string, TestAgent>();
  const cookies = new Map<string, string>();
  const clients: TestClient[] = [];
  let fiche: FicheDetail;
  let writer: TestClient;
  let comment: FicheComment;

  const as = (name: string) => {
    const agent = agents.get(name);
    if (!agent) throw new Error(`not signed in: ${name}`);
    return agent;
  };
  const people = new Map<string, TestUser>();
  const userId = (name: string) => {
    const user = people.get(name);
    if (!user) throw new Error(`no such person: ${name}`);
    return user.id;
  };
  const comments = async (name = 'amina', status = 'all') =>
    (await as(name).get(`/api/fiches/${fiche.id}/comments?status=${status}`).expect(200))
      .body as FicheComment[];

  beforeAll(async () => {
    t = await startTestApp({ seed: false });
    wsUrl = await listenForDocuments(t.app);
    const make = factories(t);
    const group = await make.group('social_workers');
    const elsewhere = await make.group('social_workers');
    const cast = [
      ['amina', group, 'member', 'Amina Lahlou'],
      ['thomas', group, 'member', 'Thomas Dubois'],
      ['ines', group, 'facilitator', 'Inès Moreau'],
      ['claire', elsewhere, 'member', 'Claire Renard'],
    ] as const;
    for (const [name, of, role, displayName] of cast) {
      const user = await make.user({ displayName });
      await make.membership(user, of, role);
      people.set(name, user);
    }
    people.set('admin', await make.user({ platformRole: 'admin' }));
    for (const [name, user] of people) {
      const { agent, cookie } = await make.session(user);
      agents.set(name, agent);
      cookies.set(name, cookie);
    }
    const groupId = group.id;
    fiche = (await as('amina').post('/api/fiches').send({ title: 'Potager', groupId }).expect(201)).body;
    writer = connectClient(wsUrl, fiche.docName, cookies.get('amina') ?? null);
    clients.push(writer);
    await waitFor(() => writer.provider.synced, 'writer synced');
    sectionParagraph(writer.doc, 'objectifs').insert(0, [new Y.XmlText(SENTENCE)]);
    const documents = t.app.get(CollabDocuments);
    await waitFor(async () => {
      const doc = await documents.readDocument(fiche.docName);
      const done = doc.getXmlFragment(FICHE_FRAGMENT).toString().includes(SENTENCE);
      doc.destroy();
      return done;
    }, 'sentence on the server');
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await t.close();
  });

  const paragraphText = (doc: Y.Doc) => sectionParagraph(doc, 'objectifs').get(0) as Y.XmlText;

  it('comments a passage, with mentions kept to the group’s members', async () => {
    const start = SENTENCE.indexOf(PASSAGE);
    const [thomasId, claireId] = [userId('thomas'), userId('claire')];
    const res = await as('amina')
      .post(`/api/fiches/${fiche.id}/comments`)
      .send({
        ...anchorsOf(paragraphText(writer.doc), start, start + PASSAGE.length),
        quote: PASSAGE,
        body: `Préciser la surface, @[Thomas Dubois](user:${thomasId}) ? (pas @[Claire](user:${claireId}))`,
      })
      .expect(201);
    comment = res.body;
    expect(comment).toMatchObject({
      ficheId: fiche.id,
      quote: PASSAGE,
      author: { displayName: 'Amina Lahlou' },
      mentions: [thomasId],
      replies: [],
      resolvedAt: null,
      orphaned: false,
    });
    expect((await comments('thomas')).map((c) => c.id)).toEqual([comment.id]);
  });

  it('keeps comments inside the group: coordinators 403, other groups 404, signed-out 401', async () => {
    await as('admin').get(`/api/fiches/${fiche.id}/comments`).expect(403);
    await as('admin')
      .post(`/api/fiches/${fiche.id}/comments/${comment.id}/replies`)
      .send({ body: 'Non' })
      .expect(403);
    await as('claire').get(`/api/fiches/${fiche.id}/comments`).expect(404);
    await as('claire')
      .post(`/api/fiches/${fiche.id}/comments/${comment.id}/resolve`)
      .send({ resolved: true })
      .expect(404);
    await as('amina').get('/api/fiches/00000000-0000-4000-8000-000000000000/comments').expect(404);
    await t.agent().get(`/api/fiches/${fiche.id}/comments`).expect(401);
  });

  it('refuses anchors that are not Yjs relative positions, and changes nothing', async () => {
    for (const bad of ['////', 'Zm9vYmFy', 'pas une ancre']) {
      await as('amina')
        .post(`/api/fiches/${fiche.id}/comments`)
        .send({ anchorStart: bad, anchorEnd: comment.anchorEnd, quote: 'x', body: 'Ancre cassée' })
        .expect(400);
    }
    await as('amina')
      .post(`/api/fiches/${fiche.id}/comments`)
      .send({ ...comment, body: '' })
      .expect(400);
    expect(await comments()).toHaveLength(1);
  });

  it('threads replies, and lets only the author and facilitators resolve or reopen', async () => {
    const reply = await as('thomas')
      .post(`/api/fiches/${fiche.id}/comments/${comment.id}/replies`)
      .send({ body: 'Environ 200 m².' })
      .expect(201);
    expect(reply.body.replies).toMatchObject([
      { author: { displayName: 'Thomas Dubois' }, body: 'Environ 200 m².' },
    ]);
    const resolve = (name: string, resolved: boolean) =>
      as(name).post(`/api/fiches/${fiche.id}/comments/${comment.id}/resolve`).send({ resolved });
    await resolve('thomas', true).expect(403);
    const resolved = (await resolve('amina', true).expect(200)).body as FicheComment;
    expect(resolved.resolvedBy?.displayName).toBe('Amina Lahlou');
    expect(resolved.resolvedAt).not.toBeNull();
    expect(await comments('amina', 'open')).toHaveLength(0);
    expect((await comments('amina', 'resolved')).map((c) => c.id)).toEqual([comment.id]);
    await resolve('thomas', false).expect(403);
    expect((await resolve('ines', false).expect(200)).body.resolvedAt).toBeNull();
    expect((await resolve('ines', true).expect(200)).body.resolvedBy.displayName).toBe('Inès Moreau');
    await resolve('amina', false).expect(200);
    await as('amina').post(`/api/fiches/${fiche.id}/comments/${comment.id}/resolve`).send({}).expect(400);
  });

  it('tells the group’s members live, never a coordinator in the fiche’s room', async () => {
    const baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const member = await connectSocket(baseUrl, cookies.get('amina') ?? null);
    const coordinator = await connectSocket(baseUrl, cookies.get('admin') ?? null);
    try {
      expect((await ack(member, 'fiche:join', { ficheId: fiche.id })).ok).toBe(true);
      // A coordinator may follow the fiche (its metadata), not its comments.
      expect((await ack(coordinator, 'fiche:join', { ficheId: fiche.id })).ok).toBe(true);
      const leaked: unknown[] = [];
      coordinator.on('comment:updated', (c) => leaked.push(c));
      const heard = nextEvent<FicheComment>(member, 'comment:updated', (c) => c.id === comment.id);
      await as('thomas')
        .post(`/api/fiches/${fiche.id}/comments/${comment.id}/replies`)
        .send({ body: 'En direct' })
        .expect(201);
      expect((await heard).replies.map((r) => r.body)).toContain('En direct');
      // Sentinel: a later event of the fiche's room, which the coordinator does receive, comes after any
      // leaked comment would have.
      const sentinel = nextEvent<{ ficheId: string }>(
        coordinator,
        'fiche:updated',
        (e) => e.ficheId === fiche.id,
      );
      await as('amina').patch(`/api/fiches/${fiche.id}`).send({ title: 'Potager' }).expect(200);
      await sentinel;
      expect(leaked).toEqual([]);
    } finally {
      member.close();
      coordinator.close();
    }
  });

  it('lets authors edit or delete only their own comment and replies', async () => {
    const [current] = await comments();
    const replyId = current.replies[0].id;
    const base = `/api/fiches/${fiche.id}/comments/${comment.id}`;
    await as('amina').patch(`${base}/replies/${replyId}`).send({ body: 'Non' }).expect(403);
    const edited = await as('thomas')
      .patch(`${base}/replies/${replyId}`)
      .send({ body: 'Plutôt 250 m².' })
      .expect(200);
    expect(edited.body.replies[0]).toMatchObject({ body: 'Plutôt 250 m².' });
    expect(edited.body.replies[0].editedAt).not.toBeNull();
    await as('thomas').patch(base).send({ body: 'Piraté' }).expect(403);
    await as('amina').patch(base).send({ body: 'Préciser la surface cultivée.' }).expect(200);
    const extra = await as('thomas').post(`${base}/replies`).send({ body: 'À supprimer' }).expect(201);
    const extraId = extra.body.replies.find((r: { body: string }) => r.body === 'À supprimer').id;
    await as('thomas').delete(`${base}/replies/${extraId}`).expect(200);
    const spare = await as('thomas')
      .post(`/api/fiches/${fiche.id}/comments`)
      .send({
        anchorStart: comment.anchorStart,
        anchorEnd: comment.anchorEnd,
        quote: PASSAGE,
        body: 'Doublon',
      })
      .expect(201);
    await as('amina').delete(`/api/fiches/${fiche.id}/comments/${spare.body.id}`).expect(403);
    await as('thomas').delete(`/api/fiches/${fiche.id}/comments/${spare.body.id}`).expect(204);
    const list = await comments();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ body: 'Préciser la surface cultivée.' });
    expect(list[0].replies.map((r) => r.body)).toEqual(['Plutôt 250 m².', 'En direct']);
  });

  it('follows its passage through a concurrent edit from another client', async () => {
    const other = connectClient(wsUrl, fiche.docName, cookies.get('thomas') ?? null);
    clients.push(other);
    await waitFor(() => other.provider.synced, 'second client synced');
    paragraphText(other.doc).insert(0, 'Depuis 2024, ');
    await waitFor(
      () => paragraphText(writer.doc).toString().startsWith('Depuis 2024'),
      'edit reached writer',
    );
    const documents = t.app.get(CollabDocuments);
    const doc = await documents.readDocument(fiche.docName);
    try {
      expect(paragraphText(doc).toString()).toBe(`Depuis 2024, ${SENTENCE}`);
      const passage = new AnchorResolver(doc, FICHE_FRAGMENT).resolve(comment.anchorStart, comment.anchorEnd);
      expect(passage?.text).toBe(PASSAGE);
    } finally {
      doc.destroy();
    }
    // The writer's own copy agrees: the anchors moved with the text on both sides.
    const start = Y.createAbsolutePositionFromRelativePosition(
      Y.decodeRelativePosition(Buffer.from(comment.anchorStart, 'base64')),
      writer.doc,
    );
    expect(start?.index).toBe('Depuis 2024, Le '.length);
    expect((await comments())[0].orphaned).toBe(false);
  });

  it('keeps the comment, orphaned, once its passage is deleted; exports read it in document order', async () => {
    const text = paragraphText(writer.doc);
    const from = text.toString().indexOf(PASSAGE);
    text.delete(from, PASSAGE.length);
    const documents = t.app.get(CollabDocuments);
    await waitFor(async () => {
      const doc = await documents.readDocument(fiche.docName);
      const gone = !paragraphText(doc).toString().includes(PASSAGE);
      doc.destroy();
      return gone;
    }, 'deletion on the server');
    const [orphan] = await comments('thomas');
    expect(orphan).toMatchObject({ id: comment.id, orphaned: true, quote: PASSAGE });
    // A comment on the remaining text comes first in document order.
    const remaining = paragraphText(writer.doc);
    const word = remaining.toString().indexOf('stagiaires');
    await as('thomas')
      .post(`/api/fiches/${fiche.id}/comments`)
      .send({
        ...anchorsOf(remaining, word, word + 'stagiaires'.length),
        quote: 'stagiaires',
        body: 'Combien ?',
      })
      .expect(201);
    const open = await t.app.get(FicheCommentsService).listOpen(fiche.id);
    expect(open.map((c) => [c.quote, c.orphaned])).toEqual([
      ['stagiaires', false],
      [PASSAGE, true],
    ]);
  });

  it('tells the domain of each comment and reply, with what their notifications need', async () => {
    const bus = t.app.get(DomainEventBus);
    const heard: PostedComment[] = [];
    const off = bus.on('comment.posted', (c) => void heard.push(c));
    try {
      const [aminaId, thomasId, inesId] = ['amina', 'thomas', 'ines'].map(userId);
      const remaining = paragraphText(writer.doc);
      const word = remaining.toString().indexOf('stagiaires');
      const created = (
        await as('ines')
          .post(`/api/fiches/${fiche.id}/comments`)
          .send({
            ...anchorsOf(remaining, word, word + 'stagiaires'.length),
            quote: 'stagiaires',
            body: `Combien cette année, @[Amina](user:${aminaId}) ?`,
          })
          .expect(201)
      ).body as FicheComment;
      const replyBody = `Six, je crois. @[Inès](user:${inesId})`;
      const replied = (
        await as('thomas')
          .post(`/api/fiches/${fiche.id}/comments/${created.id}/replies`)
          .send({ body: replyBody })
          .expect(201)
      ).body as FicheComment;
      await bus.settled();
      const about = {
        commentId: created.id,
        ficheId: fiche.id,
        groupId: fiche.group.id,
        ficheTitle: 'Potager',
      };
      expect(heard).toEqual([
        {
          ...about,
          replyId: null,
          author: { id: inesId, displayName: created.author.displayName },
          body: `Combien cette année, @[Amina](user:${aminaId}) ?`,
          mentions: [aminaId],
          participantIds: [inesId],
        },
        {
          ...about,
          replyId: replied.replies[0].id,
          author: { id: thomasId, displayName: 'Thomas Dubois' },
          body: replyBody,
          mentions: [inesId],
          participantIds: [inesId, thomasId],
        },
      ]);
    } finally {
      off();
    }
  });
});
