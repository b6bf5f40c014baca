import type { FicheDetail } from '@affluents/contracts';
import { FICHE_FRAGMENT, ficheSections } from '@affluents/editor/template';
import type TestAgent from 'supertest/lib/agent';
import * as Y from 'yjs';
import { FicheDocuments } from '../src/modules/fiches/fiche-documents.port';
import { factories } from './support/factories';
import { list, paragraph, sectionWriter, table } from './support/fiche-blocks';
import { getPdf, pdfCatalog, pdfStructureTypes } from './support/pdf-text';
import { startTestApp, type TestApp } from './support/test-app';

describe('PDF exports of fiches and of toolbox results', () => {
  let t: TestApp;
  let sophie: TestAgent;
  let claire: TestAgent;
  let amina: TestAgent;
  let admin: TestAgent;
  let namurSocial: string;
  let hainautSocial: string;
  let userIds: { sophie: string; claire: string };
  let fiche: FicheDetail;
  let other: FicheDetail;
  let documents: FicheDocuments;

  const write = (docName: string, apply: (put: ReturnType<typeof sectionWriter>, doc: Y.Doc) => void) =>
    documents.change(docName, (doc) => apply(sectionWriter(doc), doc));

  beforeAll(async () => {
    t = await startTestApp({ seed: false });
    documents = t.app.get(FicheDocuments);
    const make = factories(t);
    const namur = await make.bassin({ name: 'Namur', groupKinds: ['social_workers'] });
    namurSocial = namur.groups[0].id;
    hainautSocial = (await make.group('social_workers')).id;
    const sophieMember = await make.member({ id: namurSocial }, 'facilitator', {
      displayName: 'Sophie Lambert',
    });
    const claireMember = await make.member({ id: namurSocial }, 'member', { displayName: 'Claire Renard' });
    const aminaMember = await make.member({ id: hainautSocial }, 'member', { displayName: 'Amina Lahlou' });
    const adminUser = await make.user({ platformRole: 'admin' });
    [sophie, claire, amina, admin] = [
      sophieMember.agent,
      claireMember.agent,
      aminaMember.agent,
      await make.signIn(adminUser),
    ];
    userIds = { sophie: sophieMember.id, claire: claireMember.id };
    fiche = (
      await sophie
        .post('/api/fiches')
        .send({
          title: 'Potager partagé « Les Œillets »',
          groupId: namurSocial,
          sectors: ['maraîchage'],
          year: 2026,
        })
        .expect(201)
    ).body;
    other = (
      await amina
        .post('/api/fiches')
        .send({ title: 'Ressourcerie de quartier à Charleroi', groupId: hainautSocial })
        .expect(201)
    ).body;
    await write(fiche.docName, (put) => {
      put('objectifs', [
        paragraph(
          'Remobiliser des stagiaires par le ',
          ['maraîchage', { bold: true }],
          ' et l’',
          ['école', { italic: true }],
          ' — coût : 10 € ',
          ['voir le site', { link: { href: 'https://example.org/potager' } }],
          ' 😀 ✓',
        ),
      ]);
      put('contexte', [paragraph('Une équipe du CPAS oriente les participants.')]);
      put('dispositif', [list('bulletList', [['Semis en serre'], ['Récolte partagée']])]);
      put('public', [
        list('taskList', [
          ['Inscrire les stagiaires', true],
          ['Évaluer en juin', false],
        ]),
      ]);
      put('resultats', [
        table([
          ['Indicateur', 'Valeur'],
          ['Personnes formées', '12'],
        ]),
      ]);
      put('contact', [paragraph('Claire Renard, assistante sociale.')]);
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('exports a fiche with its metadata, template headings and formatted text', async () => {
    const { text, filename } = await getPdf(sophie, `/api/fiches/${fiche.id}/export.pdf`);
    expect(filename).toContain('attachment');
    expect(filename).toContain('fiche-potager-partage-les-oeillets.pdf');
    expect(text).toContain('Potager partagé « Les Œillets »');
    expect(text).toContain('Travailleurs sociaux — bassin Namur');
    expect(text).toContain('maraîchage');
    expect(text).toContain('Sophie Lambert');
    // Required sections print even when empty; optional ones nobody wrote are left out, with their parts.
    for (const section of ficheSections)
      if (section.required) expect(text).toContain(section.title);
      else
        for (const title of [section.title, ...(section.parts ?? []).map((p) => p.title)])
          expect(text).not.toContain(title);
    // Runs of different styles are separate text operators: join them to read the paragraph.
    const paragraphText = text.replace(/\n/g, '');
    expect(paragraphText).toContain(
      'Remobiliser des stagiaires par le maraîchage et l’école — coût : 10 € voir le site',
    );
    // Characters beyond WinAnsi print as written, the emoji and the check mark too.
    expect(paragraphText).toContain('voir le site 😀 ✓');
    expect(text).toContain('Semis en serre');
    expect(text).toContain('Inscrire les stagiaires');
    expect(text).toContain('Personnes formées');
    expect(text).toMatch(/Page 1 \/ \d/);
    expect(text).toContain('exporté le');
  });

  it('makes links clickable', async () => {
    const { pdf } = await getPdf(sophie, `/api/fiches/${fiche.id}/export.pdf`);
    const raw = pdf.toString('latin1');
    // Annotations are objects outside the compressed content streams.
    expect(raw).toContain('/URI (https://example.org/potager)');
  });

  it('exports an older version with that version’s text, not the current one', async () => {
    const taken = (
      await claire.post(`/api/fiches/${fiche.id}/versions`).send({ label: 'Avant la relecture' }).expect(201)
    ).body as FicheDetail;
    const version = taken.versions[0];
    await write(fiche.docName, (put) => put('contexte', [paragraph('Texte réécrit après la version.')]));
    const old = await getPdf(claire, `/api/fiches/${fiche.id}/export.pdf?versionId=${version.id}`);
    expect(old.text).toContain('Une équipe du CPAS oriente les participants.');
    expect(old.text).not.toContain('Texte réécrit après la version.');
    expect(old.text).toContain('Avant la relecture');
    expect(old.filename).toContain('-v1.pdf');
    const live = await getPdf(claire, `/api/fiches/${fiche.id}/export.pdf`);
    expect(live.text).toContain('Texte réécrit après la version.');
    await claire
      .get(`/api/fiches/${fiche.id}/export.pdf?versionId=00000000-0000-4000-8000-000000000000`)
      .expect(404);
    await claire.get(`/api/fiches/${fiche.id}/export.pdf?versionId=pas-un-id`).expect(400);
    await claire.get(`/api/fiches/${fiche.id}/export.pdf?comments=all`).expect(400);
  });

  it('keeps a draft inside its group, as the Markdown export does', async () => {
    const md = await sophie.get(`/api/fiches/${other.id}/export.md`);
    const pdf = await sophie.get(`/api/fiches/${other.id}/export.pdf`);
    expect(pdf.status).toBe(md.status);
    expect(pdf.status).toBe(403);
    expect((await admin.get('/api/fiches/00000000-0000-4000-8000-000000000000/export.pdf')).status).toBe(404);
    await t.agent().get(`/api/fiches/${fiche.id}/export.pdf`).expect(401);
  });

  it('appends the open comments as numbered notes, for members only', async () => {
    const { sophie: sophieId, claire: claireId } = userIds;
    const doc = await documents.read(fiche.docName);
    let anchors: { start: string; end: string };
    try {
      const nodes = doc.getXmlFragment(FICHE_FRAGMENT).toArray() as Y.XmlElement[];
      const index = nodes.findIndex((n) => n.getAttribute('section') === 'contact');
      const text = (nodes[index + 1] as Y.XmlElement).get(0) as Y.XmlText;
      const encode = (i: number) =>
        Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, i))).toString(
          'base64',
        );
      anchors = { start: encode(0), end: encode('Claire Renard'.length) };
    } finally {
      doc.destroy();
    }
    const [{ id: commentId }] = await t.dataSource.query(
      `INSERT INTO fiche_comments (fiche_id, anchor_start, anchor_end, quote, author_id, body)
       VALUES ($1, $2, $3, 'Claire Renard', $4, 'Ajouter son numéro de téléphone ?') RETURNING id`,
      [fiche.id, anchors.start, anchors.end, sophieId],
    );
    await t.dataSource.query(
      'INSERT INTO fiche_comment_replies (comment_id, author_id, body) VALUES ($1, $2, $3)',
      [commentId, claireId, 'Je le demande demain.'],
    );
    await t.dataSource.query(
      `INSERT INTO fiche_comments (fiche_id, anchor_start, anchor_end, quote, author_id, body, resolved_at)
       VALUES ($1, 'AAAA', 'AAAA', 'ancien passage', $2, 'Déjà réglé', now())`,
      [fiche.id, sophieId],
    );
    await t.dataSource.query(
      `INSERT INTO fiche_comments (fiche_id, anchor_start, anchor_end, quote, author_id, body)
       VALUES ($1, 'AAAA', 'AAAA', 'passage disparu', $2, 'Ce passage a été supprimé')`,
      [fiche.id, claireId],
    );

    const { text } = await getPdf(claire, `/api/fiches/${fiche.id}/export.pdf?comments=open`);
    expect(text).toContain('Notes (commentaires ouverts)');
    expect(text).toMatch(/Claire Renard\n?\[1\]/);
    expect(text).toContain('« Claire Renard »');
    expect(text).toContain('Ajouter son numéro de téléphone ?');
    expect(text).toContain('Je le demande demain.');
    expect(text).toContain('[2]');
    expect(text).toContain('« passage disparu »');
    expect(text).not.toContain('Déjà réglé');
    // Without the option, no notes.
    expect((await getPdf(claire, `/api/fiches/${fiche.id}/export.pdf`)).text).not.toContain('Notes (');
    // Coordinators follow drafts but never read the group's comments.
    await admin.get(`/api/fiches/${fiche.id}/export.pdf?comments=open`).expect(403);
    expect((await getPdf(admin, `/api/fiches/${fiche.id}/export.pdf`)).text).toContain('Potager partagé');
  });

  it('exports the toolbox results as one booklet with a cover and contents', async () => {
    await sophie.post(`/api/fiches/${fiche.id}/publish`).send({ reach: 'network' }).expect(200);
    // After publication, the live draft moves on: readers outside the group keep the published text.
    await write(fiche.docName, (put) => put('contact', [paragraph('Nouveau contact pas encore publié.')]));
    await write(other.docName, (put) => put('objectifs', [paragraph('Réemployer les meubles du quartier.')]));

    const mine = await getPdf(amina, '/api/exports/booklet.pdf?sort=date');
    expect(mine.filename).toMatch(/livret-affluents-\d{4}-\d{2}-\d{2}\.pdf/);
    expect(mine.text).toContain('Boîte à outils Affluents');
    expect(mine.text).toContain('Sommaire');
    expect(mine.text).toContain('2 fiches');
    expect(mine.text).toContain('Potager partagé « Les Œillets »');
    expect(mine.text).toContain('Ressourcerie de quartier à Charleroi');
    expect(mine.text).toContain('Réemployer les meubles du quartier.');
    expect(mine.text).toContain('Claire Renard, assistante sociale.');
    expect(mine.text).not.toContain('Nouveau contact pas encore publié.');
    expect(mine.text).toMatch(/Page 1 \/ \d+/);

    // A coordinator sees the published version only, and never another group's draft.
    const coordinator = await getPdf(admin, '/api/exports/booklet.pdf');
    expect(coordinator.text).toContain('Potager partagé « Les Œillets »');
    expect(coordinator.text).not.toContain('Nouveau contact pas encore publié.');
    expect(coordinator.text).not.toContain('Ressourcerie de quartier à Charleroi');
    expect(coordinator.text).toContain('1 fiche');

    // The query and filters are on the cover; members get their own live draft.
    const filtered = await getPdf(sophie, '/api/exports/booklet.pdf?q=potager&groupKind=social_workers');
    expect(filtered.text).toContain('Recherche : potager');
    expect(filtered.text).toContain('Groupe : Travailleurs sociaux');
    expect(filtered.text).toContain('Nouveau contact pas encore publié.');
    expect(filtered.text).not.toContain('Ressourcerie de quartier');

    const none = await getPdf(sophie, '/api/exports/booklet.pdf?q=introuvablexyz');
    expect(none.text).toContain('0 fiche');
    await sophie.get('/api/exports/booklet.pdf?year=12').expect(400);
    await t.agent().get('/api/exports/booklet.pdf').expect(401);
  });

  it('prints every name as written, in a tagged PDF that says it is French', async () => {
    const names = 'Şahin Yılmaz, Łukasz Nowak, Nguyễn Thị Hoa, ≥ 80 %, →';
    const named: FicheDetail = (
      await sophie.post('/api/fiches').send({ title: names, groupId: namurSocial }).expect(201)
    ).body;
    await write(named.docName, (put) => {
      put('objectifs', [paragraph(names)]);
      put('moyens', [paragraph(`Moyens : ${names}`)]);
    });
    const claireId = userIds.claire;
    await t.dataSource.query('UPDATE users SET display_name = $1 WHERE id = $2', [
      'Nguyễn Thị Hoa',
      claireId,
    ]);
    await t.dataSource.query('INSERT INTO fiche_authors (fiche_id, user_id) VALUES ($1, $2)', [
      named.id,
      claireId,
    ]);

    // A title too long for one line is cut at a space: read lines back as one text.
    const flat = (text: string) => text.replace(/\s*\n\s*/g, ' ');
    const { text, pdf } = await getPdf(sophie, `/api/fiches/${named.id}/export.pdf`);
    expect(flat(text)).toContain(`${names} Groupe`);
    expect(text).toContain(`\n${names}\n`);
    expect(text).toContain(`Moyens : ${names}`);
    // The optional section someone wrote prints; the empty ones do not.
    expect(text).toContain('Moyens mis en œuvre');
    expect(text).not.toContain('Partenariat');
    expect(text).toMatch(/Sophie Lambert, Nguyễn Thị Hoa|Nguyễn Thị Hoa, Sophie Lambert/);
    const catalog = pdfCatalog(pdf);
    expect(catalog).toContain('/Lang (fr-BE)');
    expect(catalog).toMatch(/\/MarkInfo\s*<<\s*\/Marked true\s*>>/);
    // Headings and paragraphs are structure elements a screen reader can walk.
    const types = pdfStructureTypes(pdf);
    expect(types).toEqual(expect.arrayContaining(['Document', 'H1', 'H2', 'P']));

    const booklet = await getPdf(sophie, '/api/exports/booklet.pdf');
    expect(flat(booklet.text)).toContain(names);
    expect(booklet.text).toContain(`Moyens : ${names}`);
    expect(booklet.text).toContain('Nguyễn Thị Hoa');
    expect(pdfCatalog(booklet.pdf)).toContain('/Lang (fr-BE)');
    expect(pdfStructureTypes(booklet.pdf)).toEqual(expect.arrayContaining(['TOC', 'TOCI', 'H1', 'H2', 'P']));
  });
});
