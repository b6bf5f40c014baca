/**
 * A phone on a mobile link (issue 14): cold and warm loads of the home page and of a fiche, in Debian's
 * Chromium at 390 px, on DevTools' "Slow 4G" profile (562.5 ms round trip, 1.4 Mbit/s down, 675 kbit/s
 * up) with the CPU slowed 4x, as Lighthouse's mobile audit does. Prints figures, asserts nothing.
 *
 * The server is the built app as shipped (server/dist/main.js serving client/dist) on a fresh database
 * with the demo data; Claire (a social worker of the demo) is signed in through the API and a fiche of
 * her group is created through the API.
 *   cold: a new browser profile (empty HTTP cache, no service worker), first visit of the page;
 *   warm: the same profile, the same page opened again after the cold visit.
 * "ready" is the time from the start of the navigation to the page's content on screen: the home's first
 * heading, the fiche's text in its editor. Bytes are what went over the (throttled) wire.
 *
 *   node bench/phone-load.mjs [--runs 3] [--root <another checkout, built>]
 */
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createBenchDatabase, startAffluents } from './lib/affluents.mjs';
import { killAll } from './lib/children.mjs';
import { median } from './lib/stats.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const runs = Number(option('--runs', '3'));
const root = option('--root', undefined);

const SLOW_4G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1.4 * 1024 * 1024) / 8,
  uploadThroughput: (675 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;
const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  locale: 'fr-BE',
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36',
};

async function signIn(publicUrl) {
  const response = await fetch(`${publicUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'claire@affluents.test', password: 'affluents-demo' }),
  });
  if (!response.ok) throw new Error(`sign-in refused: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('affluents_session='));
  const token = cookie.split(';')[0].split('=')[1];
  const me = await (
    await fetch(`${publicUrl}/api/auth/me`, { headers: { cookie: `affluents_session=${token}` } })
  ).json();
  const groupId = me.memberships[0]?.groupId;
  if (!groupId) throw new Error('Claire has no group in the demo data');
  const created = await fetch(`${publicUrl}/api/fiches`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `affluents_session=${token}`, origin: publicUrl },
    body: JSON.stringify({ title: 'Accueil des stagiaires : le premier jour', groupId }),
  });
  if (!created.ok) throw new Error(`fiche not created: ${created.status} ${await created.text()}`);
  const fiche = await created.json();
  return { token, ficheId: fiche.id };
}

/** One visit of `url` in `page` under the phone profile: { readyMs, bytes, requests }. */
async function visit(context, url, ready) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength;
    requests += 1;
  });
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await ready(page);
  const readyMs = performance.now() - started;
  await page.close();
  return { readyMs, bytes, requests };
}

const pages = {
  home: {
    url: (base) => `${base}/`,
    ready: (page) => page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 120_000 }),
  },
  fiche: {
    url: (base, ficheId) => `${base}/fiches/${ficheId}`,
    ready: (page) =>
      page.waitForFunction(
        () => (document.querySelector('.ProseMirror')?.textContent ?? '').trim().length > 0,
        undefined,
        { timeout: 120_000, polling: 50 },
      ),
  },
};

async function main() {
  const db = await createBenchDatabase();
  const main = root ? path.resolve(root, 'server', 'dist', 'main.js') : undefined;
  const server = await startAffluents(db, {
    main,
    env: {
      SEED_DEMO: 'true',
      ...(root ? { CLIENT_DIST: path.resolve(root, 'client', 'dist') } : {}),
    },
  });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
  const results = {};
  try {
    const { token, ficheId } = await signIn(server.publicUrl);
    for (let run = 0; run < runs; run++) {
      for (const [name, spec] of Object.entries(pages)) {
        const context = await browser.newContext(PHONE);
        await context.addCookies([{ name: 'affluents_session', value: token, url: server.publicUrl }]);
        const url = spec.url(server.publicUrl, ficheId);
        const cold = await visit(context, url, spec.ready);
        const warm = await visit(context, url, spec.ready);
        await context.close();
        for (const [kind, figures] of Object.entries({ cold, warm })) {
          results[`${name} ${kind}`] ??= [];
          results[`${name} ${kind}`].push(figures);
        }
      }
    }
  } finally {
    await browser.close();
    await server.stop();
    await db.drop();
  }
  console.log(
    `\nPhone load, Slow 4G + CPU x${CPU_SLOWDOWN}, median of ${runs} (${root ?? 'this checkout'})\n`,
  );
  console.log('| page | ready | transferred | requests |');
  console.log('|---|---:|---:|---:|');
  for (const [key, list] of Object.entries(results)) {
    const ready = median(list.map((r) => r.readyMs));
    const kb = median(list.map((r) => r.bytes)) / 1024;
    const requests = median(list.map((r) => r.requests));
    console.log(`| ${key} | ${(ready / 1000).toFixed(2)} s | ${kb.toFixed(0)} KB | ${requests} |`);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    killAll();
    process.exit(1);
  },
);
