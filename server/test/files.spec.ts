import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DISPLAY_IMAGE_MAX_WIDTH,
  type FicheDetail,
  type FicheFiles,
  ficheFilesPath,
  fileDisplayPath,
  fileDownloadPath,
  type StoredFile,
} from '@affluents/contracts';
import { FICHE_FRAGMENT, FILE_NODE, IMAGE_NODE } from '@affluents/editor/template';
import sharp from 'sharp';
import type TestAgent from 'supertest/lib/agent';
import * as Y from 'yjs';
import { FicheDocuments } from '../src/modules/fiches/fiche-documents.port';
import { FilesService } from '../src/modules/files/files.service';
import { waitFor } from './support/collab-client';
import { factories, type SignedInUser } from './support/factories';
import { fillRequired } from './support/fiche-blocks';
import {
  compoundFileBytes,
  docxBytes,
  fileRowCounts,
  MiB,
  odtBytes,
  randomPdf,
  storedZip,
  upload,
} from './support/files';
import { getBytes, getPdf, pdfStructureTypes } from './support/pdf-text';
import { startTestApp, type TestApp } from './support/test-app';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Inserts image and file nodes into a fiche's text, under the "contexte" heading, as the editor does. */
function insertFileNodes(doc: Y.Doc, nodes: Array<[string, Record<string, unknown>]>): void {
  const fragment = doc.getXmlFragment(FICHE_FRAGMENT);
  const at =
    (fragment.toArray() as Y.XmlElement[]).findIndex((n) => n.getAttribute('section') === 'contexte') + 1;
  fragment.insert(
    at,
    nodes.map(([name, attrs]) => {
      const el = new Y.XmlElement(name);
      for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value as string);
      return el;
    }),
  );
}

describe('files in fiches: upload, checks, download, access, exports', () => {
  let t: TestApp;
  let sophie: TestAgent;
  let claire: TestAgent;
  let amina: TestAgent;
  let admin: TestAgent;
  let documents: FicheDocuments;
  let namurSocial: string;
  let aminaGroup: string;
  let sophieAccount: SignedInUser;
  let fiche: FicheDetail;

  const newFiche = async (title: string): Promise<FicheDetail> =>
    (await sophie.post('/api/fiches').send({ title, groupId: namurSocial }).expect(201)).body;

  beforeAll(async () => {
    t = await startTestApp({
      seed: false,
      env: { FILE_MAX_BYTES: String(6 * MiB), FICHE_FILES_MAX_BYTES: String(8 * MiB) },
    });
    documents = t.app.get(FicheDocuments);
    const make = factories(t);
    const group = await make.group('social_workers');
    namurSocial = group.id;
    aminaGroup = (await make.group('social_workers')).id;
    sophieAccount = await make.member(group, 'facilitator', { displayName: 'Sophie Lambert' });
    [sophie, claire, amina, admin] = [
      sophieAccount.agent,
      (await make.member(group)).agent,
      (await make.member({ id: aminaGroup })).agent,
      await make.signIn(await make.user({ platformRole: 'admin' })),
    ];
    fiche = await newFiche('Potager partagé');
  });
  afterAll(async () => {
    await t.close();
  });

  it('stores a 5 MB document in many chunks and gives back the very same bytes', async () => {
    const before = await fileRowCounts(t.dataSource);
    const bytes = randomPdf(5 * 1000 * 1000);
    const res = await upload(sophie, fiche.id, bytes, 'Rapport annuel.pdf').expect(201);
    const stored = res.body as StoredFile;
    expect(stored).toMatchObject({
      ficheId: fiche.id,
      name: 'Rapport annuel.pdf',
      mediaType: 'application/pdf',
      kind: 'document',
      byteSize: bytes.length,
      width: null,
      height: null,
      createdBy: { displayName: 'Sophie Lambert' },
    });
    const after = await fileRowCounts(t.dataSource);
    expect(after.files).toBe(before.files + 1);
    expect(after.contents).toBe(before.contents + 1);
    // 256 KiB rows: the file went in as it came, in pieces.
    expect(after.chunks - before.chunks).toBe(Math.ceil(bytes.length / (256 * 1024)));

    const down = await getBytes(claire, fileDownloadPath(stored.id)).expect(200);
    expect(Buffer.compare(down.body as Buffer, bytes)).toBe(0);

    const list: FicheFiles = (await claire.get(ficheFilesPath(fiche.id)).expect(200)).body;
    expect(list.items.map((f) => f.id)).toContain(stored.id);
    expect(list.usedBytes).toBe(bytes.length);
    expect(list.limits).toEqual({ maxFileBytes: 6 * MiB, maxFicheBytes: 8 * MiB });
  });

  it('serves the original as a download only, with the recognised type and headers that keep it from running', async () => {
    const bytes = randomPdf(3000);
    const stored: StoredFile = (
      await upload(sophie, fiche.id, bytes, 'C:\\Users\\sophie\\Bilan été\u202E2026.pdf', 'text/html').expect(
        201,
      )
    ).body;
    // No folders, no bidirectional override; the type is the content's, not the one the browser sent.
    expect(stored.name).toBe('Bilan été2026.pdf');
    expect(stored.mediaType).toBe('application/pdf');
    const res = await getBytes(claire, fileDownloadPath(stored.id)).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Bilan ?t?2026.pdf"; filename*=UTF-8''Bilan%20%C3%A9t%C3%A92026.pdf`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(res.headers.etag).toBe(`"${sha256(bytes)}"`);
    expect(Number(res.headers['content-length'])).toBe(bytes.length);
    // Unchanged since: 304, no body.
    const again = await claire.get(fileDownloadPath(stored.id)).set('If-None-Match', res.headers.etag);
    expect(again.status).toBe(304);
    // A document has no screen version.
    await claire.get(fileDisplayPath(stored.id)).expect(404);
  });

  it('accepts Office, OpenDocument and old Office files by their content', async () => {
    const docx: StoredFile = (await upload(sophie, fiche.id, docxBytes(), 'compte-rendu.docx').expect(201))
      .body;
    expect(docx.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const odt: StoredFile = (await upload(sophie, fiche.id, odtBytes(), 'compte-rendu.odt').expect(201)).body;
    expect(odt.mediaType).toBe('application/vnd.oasis.opendocument.text');
    const doc: StoredFile = (await upload(sophie, fiche.id, compoundFileBytes(), 'ancien.doc').expect(201))
      .body;
    expect(doc.mediaType).toBe('application/msword');
    const xls: StoredFile = (await upload(sophie, fiche.id, compoundFileBytes(), 'budget.XLS').expect(201))
      .body;
    expect(xls.mediaType).toBe('application/vnd.ms-excel');
  });

  it('refuses SVG, HTML, executables, archives and disguised files with a French 415, storing nothing', async () => {
    const before = await fileRowCounts(t.dataSource);
    const refused: Array<[Buffer, string]> = [
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'logo.svg'],
      [Buffer.from('<!DOCTYPE html><html><script>alert(document.cookie)</script></html>'), 'page.html'],
      // HTML named as an image, sent as an image: the content decides.
      [Buffer.from('<html><body onload="alert(1)">piège</body></html>'), 'photo.png'],
      [Buffer.concat([Buffer.from('MZ'), Buffer.alloc(4000)]), 'facture.pdf.exe'],
      [storedZip([['script.js', 'alert(1)']]), 'archive.zip'],
      // A Compound File under another name than .doc, .xls or .ppt (an .msi installer is one).
      [compoundFileBytes(), 'installer.msi'],
    ];
    for (const [bytes, name] of refused) {
      const res = await upload(sophie, fiche.id, bytes, name, 'image/png').expect(415);
      expect(res.body).toMatchObject({
        status: 415,
        code: 'unsupported_media_type',
        message: `Le fichier « ${name} » n’est pas d’un type accepté : images JPEG, PNG, WebP, GIF, documents PDF, Word, Excel, PowerPoint ou OpenDocument.`,
      });
    }
    // A PNG signature on bytes that are no image: refused once decoding fails.
    const fakePng = Buffer.concat([
      Buffer.from('89504E470D0A1A0A0000000D49484452', 'hex'),
      Buffer.alloc(500, 7),
    ]);
    const res = await upload(sophie, fiche.id, fakePng, 'abimee.png').expect(415);
    expect(res.body.message).toContain('L’image « abimee.png » est illisible ou abîmée');
    expect(await fileRowCounts(t.dataSource)).toEqual(before);
  });

  it('refuses an empty file, a form without the file field, and a body that is not a form (400)', async () => {
    const before = await fileRowCounts(t.dataSource);
    const empty = await upload(sophie, fiche.id, Buffer.alloc(0), 'vide.pdf').expect(400);
    expect(empty.body.message).toBe('Le fichier « vide.pdf » est vide.');
    const missing = await sophie
      .post(ficheFilesPath(fiche.id))
      .attach('document', randomPdf(100), 'rapport.pdf')
      .expect(400);
    expect(missing.body.message).toContain('champ « file »');
    expect(missing.body.fieldErrors).toEqual([{ path: 'file', message: 'Fichier manquant' }]);
    const json = await sophie.post(ficheFilesPath(fiche.id)).send({ file: 'abc' }).expect(400);
    expect(json.body.message).toContain('multipart/form-data');
    expect(await fileRowCounts(t.dataSource)).toEqual(before);
  });

  it('refuses a file over the per-file limit and one that would overfill the fiche (413), storing nothing', async () => {
    const full = await newFiche('Fiche bien remplie');
    const before = await fileRowCounts(t.dataSource);
    const tooBig = await upload(sophie, full.id, randomPdf(6 * MiB + 1), 'enorme.pdf').expect(413);
    expect(tooBig.body).toMatchObject({
      code: 'payload_too_large',
      message: 'Le fichier « enorme.pdf » dépasse 6 Mo, la taille maximale d’un fichier.',
    });
    expect(await fileRowCounts(t.dataSource)).toEqual(before);

    await upload(sophie, full.id, randomPdf(5 * MiB), 'premier.pdf').expect(201);
    const afterFirst = await fileRowCounts(t.dataSource);
    const overfill = await upload(sophie, full.id, randomPdf(4 * MiB), 'second.pdf').expect(413);
    expect(overfill.body.message).toBe(
      'Les fichiers de cette fiche dépassent 8 Mo avec « second.pdf », la place maximale d’une fiche (il reste 3 Mo).',
    );
    expect(await fileRowCounts(t.dataSource)).toEqual(afterFirst);
    // What still fits goes in.
    await upload(sophie, full.id, randomPdf(2 * MiB), 'troisieme.pdf').expect(201);
  });

  it('counts two uploads at once into one fiche one after the other: the second that no longer fits is refused', async () => {
    const busy = await newFiche('Deux envois à la fois');
    const before = await fileRowCounts(t.dataSource);
    // Each fits alone (5 MiB of 8), both were started while the fiche was empty.
    const results = await Promise.all([
      upload(sophie, busy.id, randomPdf(5 * MiB), 'un.pdf'),
      upload(claire, busy.id, randomPdf(5 * MiB), 'deux.pdf'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 413]);
    const refused = results.find((r) => r.status === 413);
    expect(refused?.body.message).toMatch(
      /^Les fichiers de cette fiche dépassent 8 Mo avec « (un|deux)\.pdf »/,
    );
    const after = await fileRowCounts(t.dataSource);
    expect(after.files).toBe(before.files + 1);
    expect(after.contents).toBe(before.contents + 1);
    const list: FicheFiles = (await sophie.get(ficheFilesPath(busy.id)).expect(200)).body;
    expect(list.usedBytes).toBe(5 * MiB);
  });

  it('removes what was written when the client goes away in the middle of an upload', async () => {
    const before = await fileRowCounts(t.dataSource);
    const server = t.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const login = await t
      .agent()
      .post('/api/auth/login')
      .send({ email: sophieAccount.email, password: sophieAccount.password })
      .expect(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const boundary = 'affluents-test-boundary';
    const request = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: ficheFilesPath(fiche.id),
      headers: {
        cookie,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(5 * MiB),
      },
    });
    request.on('error', () => undefined);
    request.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="coupe.pdf"\r\n` +
        'Content-Type: application/pdf\r\n\r\n',
    );
    request.write(randomPdf(2 * MiB));
    // Chunks reach the database while the upload goes on...
    await waitFor(
      async () => (await fileRowCounts(t.dataSource)).chunks > before.chunks,
      'chunks written',
      10000,
    );
    // ...then the client is gone: nothing of it stays.
    request.destroy();
    await waitFor(
      async () => {
        const now = await fileRowCounts(t.dataSource);
        return now.contents === before.contents && now.chunks === before.chunks;
      },
      'the partial content removed',
      10000,
    );
    expect(await fileRowCounts(t.dataSource)).toEqual(before);
    await sophie.get('/api/health').expect(200);
  });

  it('keeps the original image, and makes an upright, resized screen version without its metadata', async () => {
    // A 3200 × 2000 photo taken sideways (EXIF orientation 6: turn it a quarter), with GPS coordinates.
    const photo = await sharp({
      create: { width: 3200, height: 2000, channels: 3, background: { r: 40, g: 120, b: 60 } },
    })
      .jpeg()
      .withExif({
        IFD0: { Make: 'Appareil de test' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '50/1 28/1 0/1' },
      })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const taken = await sharp(photo).metadata();
    expect(taken.orientation).toBe(6);
    expect(taken.exif?.toString('latin1')).toContain('Appareil de test');
    const stored: StoredFile = (
      await upload(sophie, fiche.id, photo, 'jardin.jpg', 'application/octet-stream').expect(201)
    ).body;
    expect(stored).toMatchObject({ kind: 'image', mediaType: 'image/jpeg', width: 2000, height: 3200 });

    const original = await getBytes(claire, fileDownloadPath(stored.id)).expect(200);
    expect(Buffer.compare(original.body as Buffer, photo)).toBe(0);
    expect(original.headers['content-disposition']).toMatch(/^attachment;/);

    const display = await getBytes(claire, fileDisplayPath(stored.id)).expect(200);
    expect(display.headers['content-type']).toBe('image/jpeg');
    expect(display.headers['content-disposition']).toBe('inline');
    expect(display.headers['x-content-type-options']).toBe('nosniff');
    expect(display.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    const shown = await sharp(display.body as Buffer).metadata();
    expect(shown.format).toBe('jpeg');
    expect(shown.width).toBe(DISPLAY_IMAGE_MAX_WIDTH);
    expect(shown.height).toBe(2560);
    expect(shown.exif).toBeUndefined();
    expect(shown.orientation).toBeUndefined();
    expect((display.body as Buffer).toString('latin1')).not.toContain('Appareil de test');
  });

  it('keeps transparency as PNG, and turns GIF and WebP into images every reader draws', async () => {
    const transparent = await sharp({
      create: { width: 40, height: 30, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.3 } },
    })
      .png()
      .toBuffer();
    const png: StoredFile = (await upload(sophie, fiche.id, transparent, 'logo.png').expect(201)).body;
    expect(png).toMatchObject({ mediaType: 'image/png', width: 40, height: 30 });
    const pngDisplay = await getBytes(claire, fileDisplayPath(png.id)).expect(200);
    expect(pngDisplay.headers['content-type']).toBe('image/png');
    // Small images keep their size.
    expect(await sharp(pngDisplay.body as Buffer).metadata()).toMatchObject({ width: 40, hasAlpha: true });

    const gifBytes = await sharp({
      create: { width: 20, height: 20, channels: 3, background: { r: 200, g: 10, b: 10 } },
    })
      .gif()
      .toBuffer();
    const gif: StoredFile = (await upload(sophie, fiche.id, gifBytes, 'anim.gif').expect(201)).body;
    expect(gif.mediaType).toBe('image/gif');
    const gifDisplay = await getBytes(claire, fileDisplayPath(gif.id)).expect(200);
    expect(['image/jpeg', 'image/png']).toContain(gifDisplay.headers['content-type']);

    const webpBytes = await sharp({
      create: { width: 20, height: 20, channels: 3, background: { r: 10, g: 10, b: 200 } },
    })
      .webp()
      .toBuffer();
    const webp: StoredFile = (await upload(sophie, fiche.id, webpBytes, 'photo.webp').expect(201)).body;
    expect(webp.mediaType).toBe('image/webp');
    expect((await getBytes(claire, fileDisplayPath(webp.id)).expect(200)).headers['content-type']).toBe(
      'image/jpeg',
    );
  });

  it('lets members read, only they add files, and hides a fiche’s files from everyone else (404)', async () => {
    const stored: StoredFile = (await upload(sophie, fiche.id, randomPdf(2000), 'interne.pdf').expect(201))
      .body;
    // Claire, a member, adds files too; a coordinator follows the fiche but does not write in it.
    await upload(claire, fiche.id, randomPdf(2000), 'claire.pdf').expect(201);
    const coordinator = await upload(admin, fiche.id, randomPdf(2000), 'admin.pdf').expect(403);
    expect(coordinator.body.message).toBe(
      'Seuls les membres du groupe de la fiche peuvent y ajouter des fichiers.',
    );
    await getBytes(admin, fileDownloadPath(stored.id)).expect(200);
    // Amina is in another bassin and the fiche is not published: no such file, as far as she knows.
    const hidden = await amina.get(fileDownloadPath(stored.id)).expect(404);
    expect(hidden.body.message).toBe('Fichier introuvable');
    await amina.get(fileDisplayPath(stored.id)).expect(404);
    await amina.get(fileDownloadPath('00000000-0000-4000-8000-000000000000')).expect(404);
    await upload(amina, fiche.id, randomPdf(2000), 'intrus.pdf').expect(403);
    await amina.get(ficheFilesPath(fiche.id)).expect(403);
    await t.agent().get(fileDownloadPath(stored.id)).expect(401);
    await sophie.get('/api/files/pas-un-id').expect(400);
  });

  it('gives readers of the published version its files, never those only in the draft', async () => {
    const published = await newFiche('Ressourcerie publiée');
    const shownPhoto = await sharp({
      create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 90, b: 200 } },
    })
      .jpeg()
      .toBuffer();
    const image: StoredFile = (await upload(sophie, published.id, shownPhoto, 'atelier.jpg').expect(201))
      .body;
    const attached: StoredFile = (
      await upload(sophie, published.id, randomPdf(4000), 'bilan.pdf').expect(201)
    ).body;
    const unused: StoredFile = (
      await upload(sophie, published.id, randomPdf(4000), 'brouillon.pdf').expect(201)
    ).body;
    await documents.change(published.docName, (doc) => {
      fillRequired(doc);
      insertFileNodes(doc, [
        [IMAGE_NODE, { fileId: image.id, alt: 'L’atelier de réparation', width: 64, height: 48 }],
        [FILE_NODE, { fileId: attached.id, name: 'bilan.pdf', mediaType: 'application/pdf', byteSize: 4000 }],
      ]);
    });
    await sophie.post(`/api/fiches/${published.id}/publish`).send({ reach: 'network' }).expect(200);
    // After publication the draft moves on with a new file.
    const later: StoredFile = (await upload(sophie, published.id, randomPdf(4000), 'nouveau.pdf').expect(201))
      .body;
    await documents.change(published.docName, (doc) =>
      insertFileNodes(doc, [[FILE_NODE, { fileId: later.id, name: 'nouveau.pdf' }]]),
    );

    await getBytes(amina, fileDownloadPath(image.id)).expect(200);
    await getBytes(amina, fileDisplayPath(image.id)).expect(200);
    await getBytes(amina, fileDownloadPath(attached.id)).expect(200);
    await amina.get(fileDownloadPath(later.id)).expect(404);
    await amina.get(fileDownloadPath(unused.id)).expect(404);
    // Members read them all.
    await getBytes(claire, fileDownloadPath(later.id)).expect(200);
    await getBytes(claire, fileDownloadPath(unused.id)).expect(200);

    // The exports follow the same rule: the published text, its files.
    const md = await amina.get(`/api/fiches/${published.id}/export.md`).expect(200);
    expect(md.text).toContain(
      `![L’atelier de réparation](http://localhost:3000/api/files/${image.id}/display)`,
    );
    expect(md.text).toContain(`[bilan.pdf](http://localhost:3000/api/files/${attached.id})`);
    expect(md.text).not.toContain(later.id);
    const live = await sophie.get(`/api/fiches/${published.id}/export.md`).expect(200);
    expect(live.text).toContain(`[nouveau.pdf](http://localhost:3000/api/files/${later.id})`);

    const { pdf, text: lines } = await getPdf(amina, `/api/fiches/${published.id}/export.pdf`);
    const text = lines.replace(/\n/g, '');
    expect(text).toContain('Fichier joint : bilan.pdf (3,9 ko)');
    expect(text).not.toContain('nouveau.pdf');
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/Subtype \/Image/);
    expect(pdfStructureTypes(pdf)).toContain('Figure');
    // The alt text is the figure's /Alt (a PDF text string: UTF-16BE after a byte order mark).
    const alt = Buffer.from('\ufeffL’atelier de réparation', 'utf16le').swap16().toString('latin1');
    expect(raw).toContain(`/Alt (${alt})`);
    expect(raw).toContain(`/URI (http://localhost:3000/api/files/${attached.id})`);

    // The booklet draws them too.
    const booklet = await getPdf(amina, '/api/exports/booklet.pdf?q=ressourcerie');
    expect(booklet.text.replace(/\n/g, '')).toContain('Fichier joint : bilan.pdf');
    expect(booklet.pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);

    // Once the fiche is archived, its publication reaches no one outside the group: nor do its files.
    await sophie.post(`/api/fiches/${published.id}/status`).send({ status: 'archived' }).expect(200);
    await amina.get(fileDownloadPath(image.id)).expect(404);
    await getBytes(claire, fileDownloadPath(image.id)).expect(200);
  });

  it('never draws or lists, in another fiche’s exports, a file copied into its text by id', async () => {
    const secret = await sharp({
      create: { width: 30, height: 30, channels: 3, background: { r: 1, g: 2, b: 3 } },
    })
      .png()
      .toBuffer();
    const stored: StoredFile = (await upload(sophie, fiche.id, secret, 'secret.png').expect(201)).body;
    const hainaut = aminaGroup;
    const hers: FicheDetail = (
      await amina.post('/api/fiches').send({ title: 'Fiche d’Amina', groupId: hainaut }).expect(201)
    ).body;
    await documents.change(hers.docName, (doc) =>
      insertFileNodes(doc, [
        [IMAGE_NODE, { fileId: stored.id, alt: 'copiée' }],
        [FILE_NODE, { fileId: stored.id, name: 'secret.png' }],
      ]),
    );
    const { pdf, text: lines } = await getPdf(amina, `/api/fiches/${hers.id}/export.pdf`);
    expect(pdf.toString('latin1')).not.toMatch(/\/Subtype \/Image/);
    const text = lines.replace(/\n/g, '');
    expect(text).toContain('[Image : copiée]');
    expect(text).toContain('secret.png (indisponible)');
    await amina.get(fileDisplayPath(stored.id)).expect(404);
  });

  it('keeps an archived fiche’s files readable but takes no new one (409)', async () => {
    const archived = await newFiche('Fiche archivée');
    const stored: StoredFile = (await upload(sophie, archived.id, randomPdf(1000), 'avant.pdf').expect(201))
      .body;
    await sophie.post(`/api/fiches/${archived.id}/status`).send({ status: 'archived' }).expect(200);
    const res = await upload(sophie, archived.id, randomPdf(1000), 'apres.pdf').expect(409);
    expect(res.body.message).toBe('Cette fiche est archivée : restaurez-la avant d’y ajouter des fichiers.');
    await getBytes(claire, fileDownloadPath(stored.id)).expect(200);
  });

  it('sweeps contents nobody claimed after an hour, and claims those a file refers to', async () => {
    const files = t.app.get(FilesService);
    const [{ id: orphan }] = await t.dataSource.query(
      `INSERT INTO file_contents (created_at) VALUES (now() - interval '2 hours') RETURNING id`,
    );
    await t.dataSource.query(`INSERT INTO file_chunks (content_id, seq, data) VALUES ($1, 0, '\\x0102')`, [
      orphan,
    ]);
    const [{ id: recent }] = await t.dataSource.query(
      'INSERT INTO file_contents DEFAULT VALUES RETURNING id',
    );
    // A node stopped right after writing a file, before claiming its content.
    const stored: StoredFile = (await upload(sophie, fiche.id, randomPdf(1000), 'reclame.pdf').expect(201))
      .body;
    const [{ key }] = await t.dataSource.query('SELECT content_key AS key FROM files WHERE id = $1', [
      stored.id,
    ]);
    await t.dataSource.query(
      `UPDATE file_contents SET kept = false, created_at = now() - interval '2 hours' WHERE id = $1`,
      [key],
    );
    expect(await files.sweepOrphans()).toBe(1);
    const left: Array<{ id: string; kept: boolean }> = await t.dataSource.query(
      'SELECT id, kept FROM file_contents WHERE id = ANY($1::uuid[]) ORDER BY id',
      [[orphan, recent, key]],
    );
    expect(left.map((r) => r.id).sort()).toEqual([recent, key].sort());
    expect(left.find((r) => r.id === key)?.kept).toBe(true);
    expect(await t.dataSource.query('SELECT 1 FROM file_chunks WHERE content_id = $1', [orphan])).toEqual([]);
    await getBytes(claire, fileDownloadPath(stored.id)).expect(200);
    await t.dataSource.query('DELETE FROM file_contents WHERE id = $1', [recent]);
  });
});
