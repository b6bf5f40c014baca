import { randomFillSync } from 'node:crypto';
import { ficheFilesPath, fileDisplayPath, fileDownloadPath, type StoredFile } from '@affluents/contracts';
import type { NestExpressApplication } from '@nestjs/platform-express';
import sharp from 'sharp';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/app-config';
import { factories, nodeHost } from './support/factories';
import { pdfBytes } from './support/files';
import { getBytes } from './support/pdf-text';
import { describeWith } from './support/requires';
import { startTestApp, type TestApp } from './support/test-app';

// Two stateless nodes on one PostgreSQL: what one stores, the other serves.
const shared = describeWith(['DATABASE_URL', 'REDIS_URL'], 'files on two nodes');

shared('files across two server nodes', () => {
  let a: TestApp;
  let b: NestExpressApplication;

  beforeAll(async () => {
    a = await startTestApp({ seed: false });
    if (a.config.database.mode !== 'postgres') throw new Error('two nodes need PostgreSQL');
    b = (
      await createApp(
        loadConfig({
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          PUBLIC_URL: 'http://localhost:3000',
          DATABASE_URL: a.config.database.url,
          REDIS_URL: process.env.REDIS_URL ?? '',
          REDIS_KEY_PREFIX: a.config.redis?.keyPrefix ?? 'affluents-test:',
        }),
      )
    ).app;
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('downloads on node B a file uploaded on node A, and its screen version', async () => {
    // Sophie (facilitator) and Claire (member) share a group.
    const make = factories(a);
    const group = await make.group('social_workers');
    const groupId = group.id;
    const sophieOnA = (await make.member(group, 'facilitator')).agent;
    const claire = await make.user();
    await make.membership(claire, group);
    const fiche = (await sophieOnA.post('/api/fiches').send({ title: 'Deux nœuds', groupId }).expect(201))
      .body;
    const bytes = pdfBytes(3 * 1000 * 1000, (buffer) => randomFillSync(buffer));
    const doc: StoredFile = (
      await sophieOnA.post(ficheFilesPath(fiche.id)).attach('file', bytes, 'partage.pdf').expect(201)
    ).body;
    const photo = await sharp({
      create: { width: 2400, height: 1200, channels: 3, background: { r: 10, g: 100, b: 10 } },
    })
      .jpeg()
      .toBuffer();
    const image: StoredFile = (
      await sophieOnA.post(ficheFilesPath(fiche.id)).attach('file', photo, 'photo.jpg').expect(201)
    ).body;

    // Claire signs in on node B: the meeting, the fiche and the bytes are all in the shared database.
    const claireOnB = await factories(nodeHost(b)).signIn(claire);
    const down = await getBytes(claireOnB, fileDownloadPath(doc.id)).expect(200);
    expect(Buffer.compare(down.body as Buffer, bytes)).toBe(0);
    const display = await getBytes(claireOnB, fileDisplayPath(image.id)).expect(200);
    expect((await sharp(display.body as Buffer).metadata()).width).toBe(1600);
    const list = (await claireOnB.get(ficheFilesPath(fiche.id)).expect(200)).body;
    expect(list.items.map((f: StoredFile) => f.id)).toEqual([doc.id, image.id]);
  });
});
