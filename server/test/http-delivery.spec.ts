import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * What a phone receives: compressed responses (Brotli, else gzip) and the client's hashed assets cached for
 * a year, while the page and the service worker are asked for again on every visit.
 */
describe('HTTP delivery: compression and cache lifetimes', () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'affluents-client-'));
  // Text that compresses, as the client's JavaScript does; above the 1 KB threshold.
  const script = `export const greeting = ${JSON.stringify('Bonjour à toutes et à tous. '.repeat(400))};\n`;
  const page = `<!doctype html><html lang="fr-BE"><body>${'<div id="root"></div>'.repeat(100)}</body></html>`;
  let test: TestApp;
  let port: number;

  beforeAll(async () => {
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), page);
    writeFileSync(path.join(dist, 'assets', 'index-Bq3xY7aZ.js'), script);
    writeFileSync(
      path.join(dist, 'sw.js'),
      `self.addEventListener('fetch', () => {}); // ${'x'.repeat(2000)}`,
    );
    writeFileSync(path.join(dist, 'favicon.svg'), `<svg xmlns="http://www.w3.org/2000/svg"></svg>`);
    test = await startTestApp({ seed: false, env: { CLIENT_DIST: dist } });
    const server = test.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await test?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  /** The raw response: headers and the bytes as they went over the wire. */
  function fetchRaw(
    url: string,
    acceptEncoding: string,
  ): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      get(
        {
          host: '127.0.0.1',
          port,
          path: url,
          headers: { 'accept-encoding': acceptEncoding, accept: 'text/html,*/*' },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
          response.on('error', reject);
        },
      ).on('error', reject);
    });
  }

  it('sends a hashed asset in Brotli when the browser accepts it, cached for a year', async () => {
    const { headers, body } = await fetchRaw('/assets/index-Bq3xY7aZ.js', 'gzip, deflate, br');
    expect(headers['content-encoding']).toBe('br');
    expect(headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(headers.vary).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(body).toString('utf8')).toBe(script);
    expect(body.length).toBeLessThan(Buffer.byteLength(script) / 5);
  });

  it('falls back to gzip, and to the plain bytes when the browser accepts neither', async () => {
    const gzip = await fetchRaw('/assets/index-Bq3xY7aZ.js', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString('utf8')).toBe(script);
    const plain = await fetchRaw('/assets/index-Bq3xY7aZ.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(script);
  });

  it('asks again for the page and the service worker on every visit', async () => {
    const route = await fetchRaw('/groupes/quelque-part', 'br');
    expect(route.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(route.body).toString('utf8')).toBe(page);
    const worker = await fetchRaw('/sw.js', 'br');
    expect(worker.headers['cache-control']).toBe('no-cache');
    const icon = await fetchRaw('/favicon.svg', 'br');
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('compresses the API’s JSON too', async () => {
    const { headers, body } = await fetchRaw('/api/docs/openapi.json', 'br');
    expect(headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(body).toString('utf8')).openapi).toMatch(/^3\./);
  });
});
