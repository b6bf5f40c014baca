import {
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
import { factories } from './support/factories';
import { MiB, randomPdf, upload } from './support/files';
import { startTestApp, type TestApp } from './support/test-app';

const HOUR = 60 * 60 * 1000;
const later = (from: Date, hours: number) => new Date(from.getTime() + hours * HOUR);

/** Puts a file's node into the fiche's text (an image for an image, a file card otherwise). */
function place(doc: Y.Doc, file: StoredFile): void {
  const fragment = doc.getXmlFragment(FICHE_FRAGMENT);
  const el = new Y.XmlElement(file.kind === 'image' ? IMAGE_NODE : FILE_NODE);
  el.setAttribute('fileId', file.id);
  if (file.kind === 'document') el.setAttribute('name', file.name);
  fragment.insert(fragment.length, [el]);
}

/** Removes a file's node from the fiche's text, as a writer deleting it does. */
function remove(doc: Y.Doc, file: StoredFile): void {
  const fragment = doc.getXmlFragment(FICHE_FRAGMENT);
  const index = (fragment.toArray() as Y.XmlElement[]).findIndex(
    (n) => n instanceof Y.XmlElement && n.getAttribute('fileId') === file.id,
  );
  expect(index).toBeGreaterThanOrEqual(0);
  fragment.delete(index, 1);
}

describe('files no text uses any more: not counted, then deleted after the grace period', () => {
  let t: TestApp;
  let sophie: TestAgent;
  let claire: TestAgent;
  let documents: FicheDocuments;
  let files: FilesService;
  let namurSocial: string;

  const newFiche = async (title: string): Promise<FicheDetail> =>
    (await sophie.post('/api/fiches').send({ title, groupId: namurSocial }).expect(201)).body;

  /** The file's row, and how many of its contents and their chunks are stored. */
  const stored = async (id: string) => {
    const [row] = await t.dataSource.query(
      'SELECT content_key AS "contentKey", display_key AS "displayKey", unused_since AS "unusedSince" FROM files WHERE id = $1',
      [id],
    );
    return row as { contentKey: string; displayKey: string | null; unusedSince: Date | null } | undefined;
  };
  const contentRows = async (keys: Array<string | null>) => {
    const [row] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM file_contents WHERE id = ANY($1::uuid[]))::int AS contents,
              (SELECT count(*) FROM file_chunks WHERE content_id = ANY($1::uuid[]))::int AS chunks`,
      [keys.filter(Boolean)],
    );
    return row as { contents: number; chunks: number };
  };

  beforeAll(async () => {
    t = await startTestApp({
      seed: false,
      env: { FILE_MAX_BYTES: String(6 * MiB), FICHE_FILES_MAX_BYTES: String(8 * MiB) },
    });
    documents = t.app.get(FicheDocuments);
    files = t.app.get(FilesService);
    const make = factories(t);
    const group = await make.group('social_workers');
    namurSocial = group.id;
    sophie = (await make.member(group, 'facilitator')).agent;
    claire = (await make.member(group)).agent;
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps a file removed from the live text while a version still shows it', async () => {
    const fiche = await newFiche('Fiche avec une version');
    const file: StoredFile = (await upload(sophie, fiche.id, randomPdf(3000), 'plan.pdf').expect(201)).body;
    await documents.change(fiche.docName, (doc) => place(doc, file));
    await sophie.post(`/api/fiches/${fiche.id}/versions`).send({ label: 'Avec le plan' }).expect(201);
    await documents.change(fiche.docName, (doc) => remove(doc, file));

    const now = new Date();
    await files.sweepUnused(now);
    await files.sweepUnused(later(now, 48));
    expect((await stored(file.id))?.unusedSince).toBeNull();
    await claire.get(fileDownloadPath(file.id)).expect(200);
  });

  it('deletes a file in no text and no version once the grace period is over: row, contents and chunks', async () => {
    const fiche = await newFiche('Photos remplacées');
    const photo = await sharp({
      create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 100, b: 50 } },
    })
      .jpeg()
      .toBuffer();
    const image: StoredFile = (await upload(sophie, fiche.id, photo, 'ancienne.jpg').expect(201)).body;
    const never: StoredFile = (
      await upload(sophie, fiche.id, randomPdf(3000), 'jamais-place.pdf').expect(201)
    ).body;
    const kept: StoredFile = (await upload(sophie, fiche.id, randomPdf(3000), 'garde.pdf').expect(201)).body;
    await documents.change(fiche.docName, (doc) => {
      place(doc, image);
      place(doc, kept);
    });
    await documents.change(fiche.docName, (doc) => remove(doc, image));
    const imageRow = await stored(image.id);
    const neverRow = await stored(never.id);
    const keys = [imageRow?.contentKey ?? null, imageRow?.displayKey ?? null, neverRow?.contentKey ?? null];
    expect(imageRow?.displayKey).toBeTruthy();
    const before = await contentRows(keys);
    expect(before.contents).toBe(3);
    expect(before.chunks).toBeGreaterThanOrEqual(3);

    // Found unused now: kept, and readable, for the grace period (24 h by default).
    const found = new Date();
    expect(await files.sweepUnused(found)).toBe(0);
    expect((await stored(image.id))?.unusedSince).toEqual(found);
    expect(await files.sweepUnused(later(found, 23))).toBe(0);
    await claire.get(fileDisplayPath(image.id)).expect(200);
    await claire.get(fileDownloadPath(never.id)).expect(200);

    expect(await files.sweepUnused(later(found, 25))).toBe(2);
    expect(await stored(image.id)).toBeUndefined();
    expect(await stored(never.id)).toBeUndefined();
    expect(await contentRows(keys)).toEqual({ contents: 0, chunks: 0 });
    await claire.get(fileDownloadPath(image.id)).expect(404);
    await claire.get(fileDisplayPath(image.id)).expect(404);
    await claire.get(fileDownloadPath(never.id)).expect(404);
    // The file the text still shows stays.
    await claire.get(fileDownloadPath(kept.id)).expect(200);
    const list: FicheFiles = (await claire.get(ficheFilesPath(fiche.id)).expect(200)).body;
    expect(list.items.map((f) => f.id)).toEqual([kept.id]);
  });

  it('keeps a file put back in the text within the grace period (an undo)', async () => {
    const fiche = await newFiche('Retour en arrière');
    const file: StoredFile = (await upload(sophie, fiche.id, randomPdf(3000), 'retour.pdf').expect(201)).body;
    await documents.change(fiche.docName, (doc) => place(doc, file));
    await documents.change(fiche.docName, (doc) => remove(doc, file));
    const found = new Date();
    await files.sweepUnused(found);
    expect((await stored(file.id))?.unusedSince).toEqual(found);

    await documents.change(fiche.docName, (doc) => place(doc, file));
    await files.sweepUnused(later(found, 25));
    expect((await stored(file.id))?.unusedSince).toBeNull();
    await claire.get(fileDownloadPath(file.id)).expect(200);
  });

  it('stops counting a file removed from the text once the grace period is over: an upload refused before fits', async () => {
    const fiche = await newFiche('Place libérée');
    const big: StoredFile = (await upload(sophie, fiche.id, randomPdf(5 * MiB), 'grand.pdf').expect(201))
      .body;
    await documents.change(fiche.docName, (doc) => place(doc, big));
    await documents.change(fiche.docName, (doc) => remove(doc, big));
    // Just removed (the writer may still undo): it counts.
    const refused = await upload(sophie, fiche.id, randomPdf(4 * MiB), 'nouveau.pdf').expect(413);
    expect(refused.body.message).toBe(
      'Les fichiers de cette fiche dépassent 8 Mo avec « nouveau.pdf », la place maximale d’une fiche (il reste 3 Mo).',
    );
    await files.sweepUnused(new Date());
    await upload(sophie, fiche.id, randomPdf(4 * MiB), 'nouveau.pdf').expect(413);

    // A sweep found it unused 25 hours ago (and has not deleted it yet): it no longer counts.
    await t.dataSource.query('UPDATE files SET unused_since = NULL WHERE id = $1', [big.id]);
    await files.sweepUnused(later(new Date(), -25));
    expect(await stored(big.id)).toBeDefined();
    const fresh: StoredFile = (await upload(sophie, fiche.id, randomPdf(4 * MiB), 'nouveau.pdf').expect(201))
      .body;
    const list: FicheFiles = (await sophie.get(ficheFilesPath(fiche.id)).expect(200)).body;
    // The new upload counts (not placed yet, but within its grace period); the removed file does not.
    expect(list.usedBytes).toBe(fresh.byteSize);
  });

  it('lets two sweeps run at once: each unused file deleted once, no error', async () => {
    const fiche = await newFiche('Deux balayages');
    const uploaded: StoredFile[] = [];
    for (const name of ['a.pdf', 'b.pdf', 'c.pdf'])
      uploaded.push((await upload(sophie, fiche.id, randomPdf(300 * 1024), name).expect(201)).body);
    const keys = await Promise.all(uploaded.map(async (f) => (await stored(f.id))?.contentKey ?? null));
    const found = new Date();
    await files.sweepUnused(found);
    const fileCount = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM files'))[0].n;
    const before = await fileCount();
    const counts = await Promise.all([1, 2, 3].map(() => files.sweepUnused(later(found, 25))));
    // Each file deleted by one sweep only: the counts add up to what went.
    expect(counts.reduce((a, b) => a + b, 0)).toBe(before - (await fileCount()));
    for (const f of uploaded) expect(await stored(f.id)).toBeUndefined();
    expect(await contentRows(keys)).toEqual({ contents: 0, chunks: 0 });
  });
});
