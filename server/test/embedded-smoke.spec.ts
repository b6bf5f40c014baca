import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';
import { BUILT_MAIN, freePort, type ServerProcess, startServerProcess } from './support/child-node';

describe('the built server with no configuration at all', () => {
  let server: ServerProcess | undefined;
  let dir: string;
  afterAll(async () => {
    await server?.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('starts embedded PostgreSQL in ./data, seeds the demo and signs a persona in', async () => {
    expect(existsSync(BUILT_MAIN)).toBe(true);
    dir = mkdtempSync(path.join(tmpdir(), 'affluents-smoke-'));
    const port = await freePort();
    // Only PATH and a free PORT (3000 may be taken on a developer's machine): no database, no Redis.
    server = await startServerProcess([BUILT_MAIN], { port, cwd: dir, env: {} });
    const base = server.url;
    const health = (await (await fetch(`${base}/api/health`)).json()) as { mode: unknown };
    expect(health.mode).toEqual({ database: 'embedded', redis: 'single-node' });
    expect(existsSync(path.join(dir, 'data', 'pglite'))).toBe(true);
    expect(server.output()).toContain('embedded PostgreSQL');
    expect(server.output()).toContain('amina');

    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'amina@affluents.test', password: 'affluents-demo' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const bassins = (await (await fetch(`${base}/api/bassins`, { headers: { cookie } })).json()) as Array<{
      name: string;
      groups: Array<{ id: string; kind: string }>;
    }>;
    expect(bassins).toHaveLength(9);

    // Files on the single embedded connection: an image streamed in chunks, its screen version made
    // (sharp, from the build), the original given back byte for byte.
    const groupId = bassins
      .find((b) => b.name === 'Hainaut Sud')
      ?.groups.find((g) => g.kind === 'social_workers')?.id;
    const fiche = (await (
      await fetch(`${base}/api/fiches`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ title: 'Fiche avec une image', groupId }),
      })
    ).json()) as { id: string };
    // A PNG of 700 × 700 noisy pixels: over a megabyte, several chunks.
    const side = 700;
    const pixels = Buffer.alloc(side * side * 3);
    for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 2654435761) >>> 24;
    const png = await sharp(pixels, { raw: { width: side, height: side, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    const form = new FormData();
    form.append('file', new Blob([png], { type: 'image/png' }), 'bruit.png');
    const uploaded = await fetch(`${base}/api/fiches/${fiche.id}/files`, {
      method: 'POST',
      headers: { cookie },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    const file = (await uploaded.json()) as { id: string; width: number; kind: string };
    expect(file).toMatchObject({ kind: 'image', width: side });
    const original = Buffer.from(
      await (await fetch(`${base}/api/files/${file.id}`, { headers: { cookie } })).arrayBuffer(),
    );
    expect(Buffer.compare(original, png)).toBe(0);
    const display = await fetch(`${base}/api/files/${file.id}/display`, { headers: { cookie } });
    expect(display.status).toBe(200);
    expect(display.headers.get('content-type')).toBe('image/jpeg');
  }, 90000);
});
