import { randomUUID } from 'node:crypto';
import type { FicheDetail, MinutesAmendment, PublishedMinutes } from '@affluents/contracts';
import { addAgendaItem } from '@affluents/editor/template';
import type TestAgent from 'supertest/lib/agent';
import * as Y from 'yjs';
import { CollabDocuments } from '../src/collab/collab-documents';
import { connectClient, listenForDocuments, waitFor } from './support/collab-client';
import { factories, type TestUser } from './support/factories';
import { paragraph } from './support/fiche-blocks';
import { getPdf, pdfCatalog } from './support/pdf-text';
import { connectSocket, listen, nextEvent, signInCookie } from './support/socket-client';
import { startTestApp, type TestApp } from './support/test-app';

/** The plain text of a Yjs update's notes (paragraphs joined by new lines). */
function notesText(update: string): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(update, 'base64'));
  const text = doc
    .getXmlFragment('default')
    .toArray()
    .map((node) =>
      node instanceof Y.XmlElement
        ? node
            .toArray()
            .map((c) => (c instanceof Y.XmlText ? c.toString().replace(/<[^>]+>/g, '') : ''))
            .join('')
        : '',
    )
    .join('\n');
  doc.destroy();
  return text;
}

describe('Minutes of a meeting: review, amendments, frozen publication, PDF, fiche links', () => {
  let t: TestApp;
  let sophie: TestAgent;
  let claire: TestAgent;
  let nadia: TestAgent;
  let amina: TestAgent;
  let documents: CollabDocuments;
  let namurSocial: string;
  let userId: Record<string, string>;
  let claireAccount: TestUser;
  let fiche: FicheDetail;

  /** A meeting of Namur's social workers' group, with its thread and a guest (nadia), by SQL. */
  async function createMeeting(title: string): Promise<{ id: string; threadId: string; notes: string }> {
    const id = randomUUID();
    const [thread] = await t.dataSource.query(
      `INSERT INTO threads (group_id, kind, title, author_id, subject_type, subject_id)
       VALUES ($1, 'discussion', $2, $3, 'meeting', $4) RETURNING id`,
      [namurSocial, title, userId.sophie, id],
    );
    await t.dataSource.query(
      `INSERT INTO meetings (id, group_id, title, starts_at, ends_at, agenda_doc_name, notes_doc_name,
                             created_by_id, thread_id, status, place_type, place_address)
       VALUES ($1, $2, $3, '2026-03-12T08:30:00Z', '2026-03-12T11:30:00Z', $4, $5, $6, $7, 'done',
               'address', 'Rue de Fer 12, Namur')`,
      [id, namurSocial, title, `meeting-agenda:${id}`, `meeting-notes:${id}`, userId.sophie, thread.id],
    );
    await t.dataSource.query(
      `INSERT INTO meeting_guests (meeting_id, user_id, organisation, invited_by_id) VALUES ($1, $2, 'CPAS', $3)`,
      [id, userId.nadia, userId.sophie],
    );
    return { id, threadId: thread.id, notes: `meeting-notes:${id}` };
  }

  const threadBodies = async (threadId: string): Promise<string[]> =>
    (await t.dataSource.query('SELECT body FROM messages WHERE thread_id = $1 ORDER BY seq', [threadId])).map(
      (r: { body: string }) => r.body,
    );

  beforeAll(async () => {
    t = await startTestApp({ seed: false });
    documents = t.app.get(CollabDocuments);
    const make = factories(t);
    const group = await make.group('social_workers');
    namurSocial = group.id;
    const people = {
      sophie: await make.member(group, 'facilitator', { displayName: 'Sophie Lambert' }),
      claire: await make.member(group, 'member', { displayName: 'Claire Renard' }),
      nadia: await make.user({ displayName: 'Nadia Vandenbergh' }),
      amina: await make.member(await make.group('social_workers'), 'member', { displayName: 'Amina Lahlou' }),
    };
    claireAccount = people.claire;
    [sophie, claire, nadia, amina] = [
      people.sophie.agent,
      people.claire.agent,
      await make.signIn(people.nadia),
      people.amina.agent,
    ];
    userId = Object.fromEntries(Object.entries(people).map(([name, user]) => [name, user.id]));
    const [membership] = await t.dataSource.query(
      'SELECT 1 FROM memberships WHERE group_id = $1 AND user_id = $2',
      [namurSocial, userId.claire],
    );
    expect(membership).toBeDefined();
    fiche = (
      await sophie.post('/api/fiches').send({ title: 'Potager partagé', groupId: namurSocial }).expect(201)
    ).body;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('goes from review with amendments to frozen minutes, readable by whom it may, with a PDF', async () => {
    const meeting = await createMeeting('Rencontre de mars');
    const agendaDoc = `meeting-agenda:${meeting.id}`;
    await documents.change(agendaDoc, (doc) => {
      addAgendaItem(doc, { id: 'tour', title: 'Tour de table', durationMinutes: 20, ownerName: 'Sophie' });
      addAgendaItem(doc, {
        id: 'visite',
        title: 'Préparer la visite à Jambes',
        durationMinutes: 40,
        ownerName: null,
      });
    });
    await documents.change(meeting.notes, (doc) => {
      doc
        .getXmlFragment('default')
        .insert(0, [
          paragraph('Tour de table : chacun présente son actualité.'),
          paragraph(
            'Nous reprenons la ',
            ['fiche du potager', { link: { href: `/fiches/${fiche.id}` } }],
            '.',
          ),
        ]);
    });
    await t.dataSource.query(
      `INSERT INTO meeting_decisions (meeting_id, text, created_by_id)
       VALUES ($1, 'Visiter la ressourcerie de Jambes en mai', $2)`,
      [meeting.id, userId.sophie],
    );
    await t.dataSource.query(
      `INSERT INTO follow_up_actions (meeting_id, group_id, title, owner_id, due_on, created_by_id)
       VALUES ($1, $2, 'Réserver la salle', $3, '2026-04-15', $4)`,
      [meeting.id, namurSocial, userId.claire, userId.sophie],
    );
    await t.dataSource.query(
      `INSERT INTO meeting_attendance (meeting_id, user_id, state, recorded_by_id)
       VALUES ($1, $2, 'present', $4), ($1, $3, 'excused', $4)`,
      [meeting.id, userId.claire, userId.nadia, userId.sophie],
    );

    // Before publication nothing is readable, and a proposal has no review to go to.
    await sophie.get(`/api/meetings/${meeting.id}/minutes`).expect(404);
    await claire
      .post(`/api/meetings/${meeting.id}/minutes/amendments`)
      .send({ body: 'Trop tôt' })
      .expect(409);

    // Only a facilitator opens the review; another group does not even see the meeting.
    await claire.post(`/api/meetings/${meeting.id}/minutes/review`).send({ reviewDays: 3 }).expect(403);
    await amina.post(`/api/meetings/${meeting.id}/minutes/review`).send({}).expect(404);
    await sophie.post(`/api/meetings/${meeting.id}/minutes/review`).send({ reviewDays: 0 }).expect(400);
    const review = (
      await sophie.post(`/api/meetings/${meeting.id}/minutes/review`).send({ reviewDays: 3 }).expect(200)
    ).body;
    expect(review.status).toBe('review');
    const days = (new Date(review.reviewEndsAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(2.9);
    expect(days).toBeLessThan(3.1);

    // A member and the guest propose; everyone concerned reads the list; another group gets 404.
    const fromClaire: MinutesAmendment = (
      await claire
        .post(`/api/meetings/${meeting.id}/minutes/amendments`)
        .send({ quote: 'Tour de table', body: 'Préciser : tour de table en deux minutes chacun' })
        .expect(201)
    ).body;
    expect(fromClaire).toMatchObject({
      author: { id: userId.claire },
      status: 'open',
      quote: 'Tour de table',
    });
    await nadia
      .post(`/api/meetings/${meeting.id}/minutes/amendments`)
      .send({ body: 'Le CPAS était représenté par deux personnes' })
      .expect(201);
    await amina.post(`/api/meetings/${meeting.id}/minutes/amendments`).send({ body: 'Intrus' }).expect(404);
    await claire.post(`/api/meetings/${meeting.id}/minutes/amendments`).send({ body: '' }).expect(400);
    const listed: MinutesAmendment[] = (
      await nadia.get(`/api/meetings/${meeting.id}/minutes/amendments`).expect(200)
    ).body;
    expect(listed.map((a) => a.author.id)).toEqual([userId.claire, userId.nadia]);
    await amina.get(`/api/meetings/${meeting.id}/minutes/amendments`).expect(404);

    // Only a facilitator decides.
    await claire
      .post(`/api/meetings/${meeting.id}/minutes/amendments/${fromClaire.id}/decision`)
      .send({ status: 'accepted' })
      .expect(403);
    const decided = (
      await sophie
        .post(`/api/meetings/${meeting.id}/minutes/amendments/${fromClaire.id}/decision`)
        .send({ status: 'accepted' })
        .expect(200)
    ).body;
    expect(decided.status).toBe('accepted');
    await sophie
      .post(`/api/meetings/${meeting.id}/minutes/amendments/${randomUUID()}/decision`)
      .send({ status: 'rejected' })
      .expect(404);

    // Once the review period is over, proposals are refused with a French message.
    await t.dataSource.query(
      `UPDATE meeting_minutes SET review_ends_at = now() - interval '1 minute' WHERE meeting_id = $1`,
      [meeting.id],
    );
    const late = await claire
      .post(`/api/meetings/${meeting.id}/minutes/amendments`)
      .send({ body: 'Trop tard' })
      .expect(409);
    expect(late.body.message).toMatch(/relecture/);

    // Publication: facilitators only; members read the frozen notes, guests not (not chosen).
    await claire.post(`/api/meetings/${meeting.id}/minutes/publish`).send({}).expect(403);
    const published: PublishedMinutes = (
      await sophie
        .post(`/api/meetings/${meeting.id}/minutes/publish`)
        .send({ visibleToGuests: false })
        .expect(200)
    ).body;
    expect(published.publishedBy.id).toBe(userId.sophie);
    await sophie.post(`/api/meetings/${meeting.id}/minutes/publish`).send({}).expect(409);
    await sophie.post(`/api/meetings/${meeting.id}/minutes/review`).send({}).expect(409);

    await documents.change(meeting.notes, (doc) => {
      doc.getXmlFragment('default').insert(0, [paragraph('Ajout après la publication')]);
    });
    // Facts are frozen too: an action marked done and a decision added later leave the minutes as published.
    await t.dataSource.query(
      `UPDATE follow_up_actions SET status = 'done', done_at = now() WHERE meeting_id = $1`,
      [meeting.id],
    );
    await t.dataSource.query(
      `INSERT INTO meeting_decisions (meeting_id, text, created_by_id) VALUES ($1, 'Décision ajoutée après', $2)`,
      [meeting.id, userId.sophie],
    );
    // The agenda is frozen too: an item added after the publication is not in the minutes.
    await documents.change(agendaDoc, (doc) => {
      addAgendaItem(doc, { id: 'apres', title: 'Point ajouté après', durationMinutes: 5, ownerName: null });
    });
    const read: PublishedMinutes = (await claire.get(`/api/meetings/${meeting.id}/minutes`).expect(200)).body;
    expect(read.agenda.map((item) => [item.title, item.durationMinutes, item.ownerName])).toEqual([
      ['Tour de table', 20, 'Sophie'],
      ['Préparer la visite à Jambes', 40, null],
    ]);
    expect(notesText(read.update)).toContain('Tour de table');
    expect(notesText(read.update)).not.toContain('Ajout après la publication');
    expect(read.decisions.map((d) => d.text)).toEqual(['Visiter la ressourcerie de Jambes en mai']);
    expect(read.actions).toMatchObject([
      { title: 'Réserver la salle', owner: { id: userId.claire }, dueOn: '2026-04-15', status: 'open' },
    ]);
    expect(read.attendance.find((p) => p.person.id === userId.claire)?.attendance).toBe('present');
    expect(read.attendance.find((p) => p.person.id === userId.nadia)).toMatchObject({
      role: 'guest',
      attendance: 'excused',
    });
    await nadia.get(`/api/meetings/${meeting.id}/minutes`).expect(404);
    await nadia.get(`/api/meetings/${meeting.id}/minutes.pdf`).expect(404);
    await amina.get(`/api/meetings/${meeting.id}/minutes`).expect(404);
    await amina.get(`/api/meetings/${meeting.id}/minutes.pdf`).expect(404);

    // The PDF: title, date, place, attendance, decision, action, then the frozen notes.
    const { text, filename } = await getPdf(claire, `/api/meetings/${meeting.id}/minutes.pdf`);
    expect(filename).toContain('proces-verbal-rencontre-de-mars.pdf');
    expect(text).toContain('Procès-verbal — Rencontre de mars');
    expect(text).toContain('Ordre du jour');
    // (The text layer breaks lines between the runs of a paragraph.)
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toMatch(/1\.\W*Tour de table — 20 min, Sophie/);
    expect(flat).toMatch(/2\.\W*Préparer la visite à Jambes — 40 min/);
    expect(text).not.toContain('Point ajouté après');
    expect(text).toContain('Rue de Fer 12, Namur');
    expect(text).toContain('Visiter la ressourcerie de Jambes en mai');
    expect(text).toContain('Réserver la salle');
    expect(text).toContain('Tour de table : chacun présente son actualité.');
    expect(text).not.toContain('Ajout après la publication');

    // The fiche the notes link to lists the minutes, for those who may read them.
    const onFiche = (await claire.get(`/api/fiches/${fiche.id}/minutes`).expect(200)).body;
    expect(onFiche).toEqual([
      { meetingId: meeting.id, title: 'Rencontre de mars', publishedAt: read.publishedAt },
    ]);

    // The thread announced the review and the publication, with the link to the minutes page.
    const bodies = await threadBodies(meeting.threadId);
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toMatch(/en relecture/);
    expect(bodies[1]).toMatch(/publié/);
    for (const body of bodies) expect(body).toContain(`/rencontres/${meeting.id}/proces-verbal`);
  });

  it('applies an accepted replacement to the notes, live for an open editor, and refuses a stale one', async () => {
    const meeting = await createMeeting('Rencontre d’avril');
    await documents.change(meeting.notes, (doc) => {
      doc
        .getXmlFragment('default')
        .insert(0, [
          paragraph('Le CPAS tient la liste des hébergements.'),
          paragraph('Prochaine visite : ', ['la ressourcerie', { bold: true }], ' en mai.'),
        ]);
    });
    await sophie.post(`/api/meetings/${meeting.id}/minutes/review`).send({ reviewDays: 3 }).expect(200);

    // Claire has the notes open, as in the browser, and anchors her selection in her copy of the document.
    const wsUrl = await listenForDocuments(t.app);
    const cookie = await signInCookie(await listen(t.app), claireAccount.email, claireAccount.password);
    const client = connectClient(wsUrl, meeting.notes, cookie);
    const runs = () =>
      (client.doc.getXmlFragment('default').toArray() as Y.XmlElement[]).map((p) => p.get(0) as Y.XmlText);
    const plain = () =>
      runs()
        .map((text) => (text.toDelta() as Array<{ insert: string }>).map((op) => op.insert).join(''))
        .join('\n');
    try {
      await waitFor(() => runs().length === 2, 'the notes reach Claire’s editor');
      const passage = (text: Y.XmlText, from: number, to: number) => ({
        anchorStart: Buffer.from(
          Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, from)),
        ).toString('base64'),
        anchorEnd: Buffer.from(
          Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, to)),
        ).toString('base64'),
      });
      const [first, second] = runs();
      const cpas = 'Le CPAS'.length;
      const replace: MinutesAmendment = (
        await claire
          .post(`/api/meetings/${meeting.id}/minutes/amendments`)
          .send({
            kind: 'replace',
            quote: 'Le CPAS',
            body: 'Le CPAS de Namur',
            passage: passage(first, 0, cpas),
          })
          .expect(201)
      ).body;
      expect(replace).toMatchObject({ kind: 'replace', quote: 'Le CPAS', body: 'Le CPAS de Namur' });
      expect(replace.passage?.anchorStart).toEqual(expect.any(String));
      const start = 'Prochaine visite : '.length;
      const bold = (
        await claire
          .post(`/api/meetings/${meeting.id}/minutes/amendments`)
          .send({
            kind: 'replace',
            quote: 'la ressourcerie',
            body: 'la ressourcerie de Jambes',
            passage: passage(second, start, start + 'la ressourcerie'.length),
          })
          .expect(201)
      ).body as MinutesAmendment;
      // A quote that is not the text at the anchors, or anchors across two paragraphs, are refused.
      const wrong = await claire
        .post(`/api/meetings/${meeting.id}/minutes/amendments`)
        .send({ kind: 'replace', quote: 'Le CPAs', body: 'x', passage: passage(first, 0, cpas) })
        .expect(400);
      expect(wrong.body.fieldErrors).toEqual([expect.objectContaining({ path: 'quote' })]);
      await claire
        .post(`/api/meetings/${meeting.id}/minutes/amendments`)
        .send({
          kind: 'replace',
          quote: 'liste',
          body: 'x',
          passage: {
            anchorStart: passage(first, 10, 12).anchorStart,
            anchorEnd: passage(second, 2, 3).anchorEnd,
          },
        })
        .expect(400);
      // A remark keeps working as before, with no passage.
      const remark: MinutesAmendment = (
        await claire
          .post(`/api/meetings/${meeting.id}/minutes/amendments`)
          .send({ body: 'Ajouter les excusés' })
          .expect(201)
      ).body;
      expect(remark).toMatchObject({ kind: 'remark', passage: null, quote: '' });

      // Sophie accepts: the server rewrites the passage, and Claire's open editor receives it.
      await sophie
        .post(`/api/meetings/${meeting.id}/minutes/amendments/${replace.id}/decision`)
        .send({ status: 'accepted' })
        .expect(200);
      await waitFor(
        () => plain().startsWith('Le CPAS de Namur tient la liste'),
        'the replacement in Claire’s editor',
      );
      const notes = await documents.readDocument(meeting.notes);
      expect(notesText(Buffer.from(Y.encodeStateAsUpdate(notes)).toString('base64'))).toContain(
        'Le CPAS de Namur tient la liste des hébergements.',
      );
      notes.destroy();

      // Meanwhile someone rewrote the bold passage: accepting the stale proposal changes nothing (409).
      runs()[1].insert(start + 3, 'grande ');
      await waitFor(
        async () =>
          (
            await documents.inspect(meeting.notes, (doc) => doc.getXmlFragment('default').toString())
          ).includes('la grande ressourcerie'),
        'Claire’s edit on the server',
      );
      const stale = await sophie
        .post(`/api/meetings/${meeting.id}/minutes/amendments/${bold.id}/decision`)
        .send({ status: 'accepted' })
        .expect(409);
      expect(stale.body.message).toMatch(/Le passage a changé depuis la proposition/);
      expect(plain()).toContain('la grande ressourcerie en mai.');
      const listed: MinutesAmendment[] = (
        await claire.get(`/api/meetings/${meeting.id}/minutes/amendments`).expect(200)
      ).body;
      expect(listed.find((a) => a.id === bold.id)?.status).toBe('open');
      // The facilitator may still accept it as a remark, amending by hand: the text is left alone.
      const asRemark = await sophie
        .post(`/api/meetings/${meeting.id}/minutes/amendments/${bold.id}/decision`)
        .send({ status: 'accepted', applyText: false })
        .expect(200);
      expect(asRemark.body.status).toBe('accepted');
      expect(plain()).toContain('la grande ressourcerie en mai.');
      // A remark is accepted as before.
      const accepted = await sophie
        .post(`/api/meetings/${meeting.id}/minutes/amendments/${remark.id}/decision`)
        .send({ status: 'accepted' })
        .expect(200);
      expect(accepted.body.status).toBe('accepted');
    } finally {
      client.destroy();
    }
  });

  it('lets guests read the minutes when the facilitator chose so, published straight from the draft', async () => {
    const meeting = await createMeeting('Focus thématique');
    await documents.change(meeting.notes, (doc) => {
      doc.getXmlFragment('default').insert(0, [paragraph('Présentation du dispositif CPAS.')]);
    });
    // The group's open pages hear of the publication (they refetch the meeting).
    const baseUrl = await listen(t.app);
    const socket = await connectSocket(
      baseUrl,
      await signInCookie(baseUrl, claireAccount.email, claireAccount.password),
    );
    const heard = nextEvent<{ meetingId: string }>(
      socket,
      'meeting:updated',
      (e) => e.meetingId === meeting.id,
    );
    const published: PublishedMinutes = (
      await sophie
        .post(`/api/meetings/${meeting.id}/minutes/publish`)
        .send({ visibleToGuests: true })
        .expect(200)
    ).body;
    await heard;
    socket.close();
    expect(notesText(published.update)).toContain('Présentation du dispositif CPAS.');
    const read: PublishedMinutes = (await nadia.get(`/api/meetings/${meeting.id}/minutes`).expect(200)).body;
    expect(read.update).toBe(published.update);
    await nadia.get(`/api/meetings/${meeting.id}/minutes.pdf`).expect(200);
    await amina.get(`/api/meetings/${meeting.id}/minutes`).expect(404);
    // Not linked to the fiche: the fiche's list keeps only the first meeting.
    const onFiche = (await sophie.get(`/api/fiches/${fiche.id}/minutes`).expect(200)).body;
    expect(onFiche.map((m: { meetingId: string }) => m.meetingId)).not.toContain(meeting.id);
  });

  it('prints every name of the minutes as written, in a tagged PDF that says it is French', async () => {
    const names = 'Şahin Yılmaz, Łukasz Nowak, Nguyễn Thị Hoa, ≥ 80 %, →';
    await t.dataSource.query('UPDATE users SET display_name = $1 WHERE id = $2', [
      'Łukasz Nowak',
      userId.nadia,
    ]);
    const meeting = await createMeeting(names);
    await t.dataSource.query(
      `INSERT INTO meeting_attendance (meeting_id, user_id, state, recorded_by_id) VALUES ($1, $2, 'excused', $3)`,
      [meeting.id, userId.nadia, userId.sophie],
    );
    await documents.change(meeting.notes, (doc) => {
      doc.getXmlFragment('default').insert(0, [paragraph(names)]);
    });
    await sophie
      .post(`/api/meetings/${meeting.id}/minutes/publish`)
      .send({ visibleToGuests: false })
      .expect(200);
    const { text, pdf } = await getPdf(claire, `/api/meetings/${meeting.id}/minutes.pdf`);
    // The title is too long for one line: read its lines back as one text.
    expect(text.replace(/\s*\n\s*/g, ' ')).toContain(`Procès-verbal — ${names}`);
    expect(text).toContain(`\n${names}\n`);
    expect(text).toContain('Łukasz Nowak (CPAS)');
    const catalog = pdfCatalog(pdf);
    expect(catalog).toContain('/Lang (fr-BE)');
    expect(catalog).toMatch(/\/MarkInfo\s*<<\s*\/Marked true\s*>>/);
  });
});
