#!/usr/bin/env node
// Browser tests of the built client against the built server: `npm run test:browser -w client`.
// Starts `node server/dist/main.js` on a free port with a fresh database (a temporary PostgreSQL database
// when DATABASE_URL is set, else embedded PostgreSQL in a temporary DATA_DIR), drives Debian's chromium
// with playwright-core, runs axe-core on every page visited, and always stops server and browser.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const clientDir = path.resolve(here, '..');
const rootDir = path.resolve(clientDir, '..');
const serverMain = path.join(rootDir, 'server', 'dist', 'main.js');
const clientDist = path.join(clientDir, 'dist');
const screenshotDir = path.join(here, 'screenshots');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const require = createRequire(import.meta.url);

const RUN_TIMEOUT_MS = 600_000;
const HEALTH_TIMEOUT_MS = 60_000;
const SCENARIO_TIMEOUT_MS = 60_000;
const ACTION_TIMEOUT_MS = 10_000;
const PASSWORD = 'affluents-demo';
const BASSINS = [
  'Brabant wallon',
  'Hainaut Centre',
  'Hainaut Sud',
  'Huy-Waremme',
  'Liège',
  'Luxembourg',
  'Namur',
  'Verviers',
  'Wallonie picarde',
];

const log = (...args) => console.log(...args);

// ---------------------------------------------------------------------------------------------------------
// Preconditions

if (!existsSync(serverMain) || !existsSync(path.join(clientDist, 'index.html'))) {
  console.error(
    'browser tests need the built server and client:\n' +
      `  ${existsSync(serverMain) ? 'ok     ' : 'missing'} ${path.relative(rootDir, serverMain)}\n` +
      `  ${existsSync(path.join(clientDist, 'index.html')) ? 'ok     ' : 'missing'} ${path.relative(rootDir, clientDist)}/index.html\n` +
      'Build them first: npx turbo run build --filter=@affluents/server --filter=@affluents/client',
  );
  process.exit(1);
}

if (!existsSync(chromiumPath)) {
  if (process.env.REQUIRE_BROWSER === '1') {
    console.error(
      `browser tests failed: ${chromiumPath} is missing (REQUIRE_BROWSER=1). Install Debian chromium.`,
    );
    process.exit(1);
  }
  log('browser tests skipped: install Debian chromium');
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------------------
// Resources that must always be released

const resources = { server: null, browser: null, dataDir: null, database: null, serverLog: [] };
let cleaningUp = null;
let interrupted = false;

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function createDatabase(baseUrl) {
  const { Client } = require('pg');
  const name = `affluents_e2e_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  resources.database = { name, baseUrl };
  return url.toString();
}

async function dropDatabase() {
  if (!resources.database) return;
  const { name, baseUrl } = resources.database;
  resources.database = null;
  const { Client } = require('pg');
  const admin = new Client({ connectionString: baseUrl });
  try {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } catch (error) {
    console.error(`could not drop the test database ${name}: ${error.message}`);
  } finally {
    await admin.end().catch(() => {});
  }
}

async function startServer() {
  const port = await freePort();
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  Object.assign(env, {
    PORT: String(port),
    NODE_ENV: 'development',
    CLIENT_DIST: clientDist,
    LOG_LEVEL: 'warn',
    // The server accepts state-changing calls only from its public origin (CSRF check): browse it there.
    PUBLIC_URL: `http://localhost:${port}`,
  });
  if (process.env.DATABASE_URL) {
    env.DATABASE_URL = await createDatabase(process.env.DATABASE_URL);
    log(`database: fresh PostgreSQL database ${resources.database.name}`);
  } else {
    resources.dataDir = mkdtempSync(path.join(tmpdir(), 'affluents-e2e-'));
    env.DATA_DIR = resources.dataDir;
    log(`database: embedded PostgreSQL in ${resources.dataDir}`);
  }
  if (process.env.REDIS_URL) {
    env.REDIS_URL = process.env.REDIS_URL;
    // A key prefix of its own: rate-limit counters and presence of earlier runs on the same Redis stay apart.
    env.REDIS_KEY_PREFIX = `affluents-e2e-${randomBytes(4).toString('hex')}:`;
  }

  if (interrupted) throw new Error('interrupted before the server started');
  const child = spawn(process.execPath, [serverMain], {
    cwd: rootDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  resources.server = child;
  const keep = (chunk) => {
    resources.serverLog.push(chunk.toString());
    if (resources.serverLog.length > 400) resources.serverLog.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  const base = `http://localhost:${port}`;
  const started = Date.now();
  while (Date.now() - started < HEALTH_TIMEOUT_MS) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `the server exited (${child.exitCode ?? child.signalCode}) before answering /api/health`,
      );
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) {
        log(`server: ready on ${base} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return base;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the server did not answer GET /api/health with 200 within ${HEALTH_TIMEOUT_MS / 1000} s`);
}

async function stopServer() {
  const child = resources.server;
  resources.server = null;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function cleanup() {
  cleaningUp ??= (async () => {
    if (resources.browser) {
      const browser = resources.browser;
      resources.browser = null;
      await Promise.race([browser.close(), new Promise((r) => setTimeout(r, 5000))]).catch(() => {});
    }
    await stopServer();
    await dropDatabase();
    if (resources.dataDir) {
      rmSync(resources.dataDir, { recursive: true, force: true });
      resources.dataDir = null;
    }
  })();
  return cleaningUp;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping server and browser`);
    void cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------------------
// Helpers for scenarios

const axeSource = require.resolve('axe-core/axe.min.js');

/** Runs axe-core on the page; fails on serious or critical violations and prints them. */
async function checkA11y(page, label) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axeSource });
  const violations = await page.evaluate(async () => {
    // react-aria's live announcer (a visually hidden log) keeps, for 7 s, an announcement that points to
    // a pending button which may already be gone after a navigation: a transient node outside the page.
    const context = { exclude: [['[data-live-announcer]']] };
    const result = await window.axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ')}`),
    }));
  });
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = violations.filter((v) => !blocking.includes(v));
  if (minor.length > 0)
    log(`    axe ${label}: ${minor.length} minor (${minor.map((v) => `${v.id}/${v.impact}`).join(', ')})`);
  if (blocking.length > 0) {
    const details = blocking
      .map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `      ${n}`).join('\n')}`)
      .join('\n');
    throw new Error(`axe found ${blocking.length} serious/critical violation(s) on ${label}:\n${details}`);
  }
  log(`    axe ${label}: no serious or critical violation`);
}

async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Fails if the page scrolls sideways (content wider than the viewport). */
async function checkNoHorizontalOverflow(page, label) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  if (scrollWidth > innerWidth + 1) {
    const culprits = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
    );
    throw new Error(
      `${label}: page is ${scrollWidth}px wide in a ${innerWidth}px viewport (${culprits.join(', ')})`,
    );
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function signIn(page, base, email, password = PASSWORD) {
  await page.goto(`${base}/connexion`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** Scenario (a)/(b): Amina sees the nine bassins, her group highlighted, and opens it. */
async function aminaJourney(page, base, prefix, { phone }) {
  await page.goto(`${base}/`);
  await page.waitForURL(/\/connexion/);
  await page.getByRole('heading', { level: 1, name: 'Se connecter' }).waitFor();
  await checkA11y(page, `${prefix} sign-in page`);
  if (phone) await checkNoHorizontalOverflow(page, `${prefix} sign-in page`);
  await screenshot(page, `${prefix}-1-connexion`);

  await page.getByLabel('Adresse e-mail').fill('amina@affluents.test');
  await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { level: 1, name: 'Bassins' }).waitFor();
  await page.locator('.bassin-card').first().waitFor();

  const names = await page.locator('.bassin-card__title').allTextContents();
  assert(names.length === 9, `expected 9 bassins, saw ${names.length}: ${names.join(', ')}`);
  for (const name of BASSINS)
    assert(names.includes(name), `bassin ${name} is missing (saw ${names.join(', ')})`);

  const hainaut = page.getByRole('region', { name: 'Hainaut Sud', exact: true });
  const mine = page.locator('.bassin-grid .group-tile--mine');
  assert((await mine.count()) === 1, `expected one highlighted group, saw ${await mine.count()}`);
  assert(
    (await hainaut.locator('.group-tile--mine').count()) === 1,
    'her group is not highlighted in Hainaut Sud',
  );
  const badge = (await hainaut.locator('.group-tile--mine .badge').textContent()) ?? '';
  assert(badge.includes('Mon groupe'), `the highlighted group has no "Mon groupe" badge (saw "${badge}")`);
  const myGroups = page.getByRole('region', { name: 'Mes groupes' });
  assert((await myGroups.getByRole('link').count()) === 1, 'Mes groupes should list exactly her one group');
  await checkA11y(page, `${prefix} bassins page`);
  if (phone) await checkNoHorizontalOverflow(page, `${prefix} bassins page`);
  await screenshot(page, `${prefix}-2-bassins`);

  await hainaut.getByRole('link', { name: /Travailleurs sociaux/ }).click();
  await page.waitForURL(/\/groupes\//);
  await page.getByRole('heading', { level: 1, name: 'Travailleurs sociaux' }).waitFor();
  const eyebrow = await page.locator('.page-header__eyebrow').textContent();
  assert(eyebrow?.includes('Hainaut Sud'), `group page does not name its bassin (saw "${eyebrow}")`);
  const me = page.locator('.member-card', { hasText: '(vous)' });
  await me.waitFor();
  const myCard = (await me.textContent()) ?? '';
  assert(/Amina/.test(myCard), `Amina's member card does not show her name: "${myCard}"`);
  const org = ((await me.locator('.member-card__org').textContent()) ?? '').trim();
  assert(
    org.includes('CISP') && !org.includes('non renseignée'),
    `Amina's organisation is not shown: "${org}"`,
  );
  for (const section of ['Fiches actions', 'Discussions', 'Rencontres']) {
    await page.getByRole('heading', { level: 2, name: section }).waitFor();
  }
  assert(
    (await page.getByRole('button', { name: 'Inviter' }).count()) === 0,
    'a plain member must not see "Inviter"',
  );
  await checkA11y(page, `${prefix} group page`);
  if (phone) await checkNoHorizontalOverflow(page, `${prefix} group page`);
  await screenshot(page, `${prefix}-3-groupe`);
}

/** The text of the shared editor, without the other people's caret labels that sit inside it. */
function editorText(page) {
  return page.evaluate(() => {
    const content = document.querySelector('.fiche-editor__content');
    if (!content) return '';
    const copy = content.cloneNode(true);
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return copy.textContent ?? '';
  });
}

async function waitForEditorText(page, text, label) {
  try {
    await page.waitForFunction(
      (expected) => {
        const content = document.querySelector('.fiche-editor__content');
        if (!content) return false;
        const copy = content.cloneNode(true);
        for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
        return (copy.textContent ?? '').includes(expected);
      },
      text,
      { timeout: ACTION_TIMEOUT_MS },
    );
  } catch {
    throw new Error(
      `${label} does not see "${text}"; the editor shows: ${(await editorText(page)).slice(0, 400)}`,
    );
  }
}

/** Opens the fiche's sections panel entry, which puts the cursor under that heading, and types there. */
async function writeInSection(page, title, text) {
  await page
    .getByRole('complementary', { name: 'Rubriques et informations de la fiche' })
    .getByRole('button', { name: new RegExp(`^${title}`) })
    .click();
  await page.waitForFunction(() => document.activeElement?.classList.contains('fiche-editor__content'));
  await page.keyboard.type(text, { delay: 15 });
}

async function waitForSynced(page, label) {
  try {
    // Generous under CI load: the first fiche page of a browser also loads the editor's code.
    await page.getByRole('status').filter({ hasText: 'Synchronisé' }).waitFor({ timeout: 30_000 });
    await page.locator('.fiche-editor__content[contenteditable="true"]').waitFor();
  } catch {
    const status = await page
      .locator('.connection')
      .textContent({ timeout: 1_000 })
      .catch(() => '(no status)');
    const heading = await page
      .locator('h1')
      .first()
      .textContent({ timeout: 1_000 })
      .catch(() => '(no heading)');
    const shot = `failure-sync-${label.toLowerCase()}`;
    await screenshot(page, shot).catch(() => undefined);
    throw new Error(
      `${label}: the fiche never synchronised (status: ${status}; page ${page.url()}, heading "${heading}"; ${shot}.png)`,
    );
  }
}

/** Scenario (g): Sophie and Claire write the same fiche at the same time, each in a section. */
async function coWriting(page, base) {
  const browser = page.context().browser();
  const claireContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-BE' });
  claireContext.setDefaultTimeout(ACTION_TIMEOUT_MS);
  const claire = await claireContext.newPage();
  const claireErrors = [];
  claire.on('pageerror', (error) => claireErrors.push(error.message));
  try {
    await signIn(page, base, 'sophie@affluents.test');
    await page.getByRole('heading', { level: 1, name: 'Bassins' }).waitFor();
    await page
      .getByRole('region', { name: 'Namur', exact: true })
      .getByRole('link', { name: /Travailleurs sociaux/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Travailleurs sociaux' }).waitFor();
    const fiches = page.getByRole('region', { name: /Fiches actions/ });
    await fiches.getByRole('heading', { name: /Fiches actions/ }).waitFor();
    await fiches.getByRole('button', { name: 'Nouvelle fiche' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle fiche action' });
    await dialog.waitFor();
    const title = 'Un atelier vélo pour venir en formation';
    await dialog.getByLabel('Titre de la fiche').fill(title);
    await checkA11y(page, 'new fiche dialog');
    await screenshot(page, 'g-1-nouvelle-fiche');
    await dialog.getByRole('button', { name: 'Créer la fiche' }).click();
    await page.waitForURL(/\/fiches\//);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await waitForSynced(page, 'Sophie');
    const ficheUrl = page.url();
    await page
      .waitForFunction(() => document.querySelectorAll('.fiche-editor__content h2').length >= 10)
      .catch(() => {});
    const headings = await page.locator('.fiche-editor__content h2').allTextContents();
    assert(
      headings.length === 10 && headings[0] === 'Objectifs' && headings[1] === 'Contexte',
      `the new fiche should open with the 10 template sections, saw: ${headings.join(' | ')}`,
    );
    const submit = page.getByRole('button', { name: 'Soumettre à relecture' });
    assert(
      await submit.isDisabled(),
      '"Soumettre à relecture" must be disabled while required sections are empty',
    );

    // Claire finds it from her group's home.
    await signIn(claire, base, 'claire@affluents.test');
    await claire.getByRole('heading', { level: 1, name: 'Bassins' }).waitFor();
    await claire
      .getByRole('region', { name: 'Namur', exact: true })
      .getByRole('link', { name: /Travailleurs sociaux/ })
      .click();
    const listed = claire.getByRole('link', { name: title });
    await listed.waitFor();
    const card = (await claire.locator('.fiche-card', { hasText: title }).textContent()) ?? '';
    assert(
      card.includes('Brouillon') && card.includes('Modifiée le'),
      `the group lists the fiche without its status or date: ${card}`,
    );
    await checkA11y(claire, 'group page with a fiche');
    await screenshot(claire, 'g-2-groupe-avec-fiche');
    await listed.click();
    await claire.waitForURL(ficheUrl);
    await waitForSynced(claire, 'Claire');

    await writeInSection(page, 'Objectifs', 'Sophie écrit les objectifs.');
    await writeInSection(claire, 'Contexte', 'Claire décrit le contexte.');

    await waitForEditorText(claire, 'Sophie écrit les objectifs.', 'Claire');
    await waitForEditorText(page, 'Claire décrit le contexte.', 'Sophie');
    for (const [who, other, name] of [
      [page, 'Sophie', 'Claire Renard'],
      [claire, 'Claire', 'Sophie Lambert'],
    ]) {
      await who.locator('.collaboration-carets__label', { hasText: name }).waitFor();
      const presence =
        (await who.getByRole('list', { name: 'Dans le document maintenant' }).textContent()) ?? '';
      assert(
        presence.includes(name),
        `${other} does not see ${name} among the people present: "${presence}"`,
      );
      for (const section of ['objectifs', 'contexte']) {
        await who.locator(`.section-item--filled[data-section="${section}"]`).waitFor();
      }
      const stillEmpty = await who.locator('.section-item--empty').count();
      assert(stillEmpty === 8, `${other} should see 8 sections still empty, saw ${stillEmpty}`);
    }
    const sophieText = await editorText(page);
    const claireText = await editorText(claire);
    assert(
      sophieText === claireText,
      `the two editors differ:\n  Sophie: ${sophieText}\n  Claire: ${claireText}`,
    );
    assert(
      sophieText.indexOf('Sophie écrit les objectifs.') < sophieText.indexOf('Contexte') &&
        sophieText.indexOf('Claire décrit le contexte.') > sophieText.indexOf('Contexte'),
      `the texts are not under their headings: ${sophieText.slice(0, 300)}`,
    );
    const explanation = (await page.locator('.review__explanation').textContent()) ?? '';
    assert(
      explanation.includes('Dispositif / action mis en place') && !explanation.includes('Objectifs'),
      `the review explanation should list the remaining required sections only: "${explanation}"`,
    );

    // Offline: the status says so at once, what Claire writes is kept and reaches Sophie once back online.
    await claireContext.setOffline(true);
    await claire.getByRole('status').filter({ hasText: 'Hors ligne' }).waitFor();
    await claire.getByText('Vos modifications sont gardées sur cet appareil').waitFor();
    await writeInSection(claire, 'Public bénéficiaire', 'Écrit hors ligne par Claire.');
    await new Promise((r) => setTimeout(r, 1500));
    // Chromium's offline emulation may leave an open websocket flowing: say which case this run tested.
    const leaked = (await editorText(page)).includes('Écrit hors ligne par Claire.');
    log(
      `    offline edit ${leaked ? 'reached Sophie before reconnecting (websocket kept open)' : 'held back until Claire reconnected'}`,
    );
    await claireContext.setOffline(false);
    await waitForSynced(claire, 'Claire back online');
    await waitForEditorText(page, 'Écrit hors ligne par Claire.', 'Sophie after Claire reconnected');
    await page.locator('.section-item--filled[data-section="public"]').waitFor();

    // Information beside the text: saved by Sophie, shown to Claire without reloading.
    await page.getByRole('combobox', { name: 'Ajouter une valeur à « Secteurs »' }).fill('maraîchage');
    await page.keyboard.press('Enter');
    await page.getByLabel('Année (facultatif)').fill('2025');
    await page.getByRole('button', { name: 'Enregistrer les informations' }).click();
    await page.getByText('Les informations de la fiche ont été enregistrées.').waitFor();
    try {
      await claire.waitForFunction(
        () => document.querySelector('input[name="year"]')?.value === '2025',
        undefined,
        { timeout: ACTION_TIMEOUT_MS },
      );
    } catch {
      throw new Error('Claire does not see the year Sophie saved');
    }
    await claire.getByRole('row', { name: 'maraîchage' }).waitFor();

    await checkA11y(page, 'fiche page (desktop)');
    // Sticky bars would land mid-page in a full-page capture taken while scrolled.
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'g-3-fiche-sophie');
    await checkA11y(claire, 'fiche page seen by Claire');
    // Sticky bars would land mid-page in a full-page capture taken while scrolled.
    await claire.evaluate(() => window.scrollTo(0, 0));
    await screenshot(claire, 'g-4-fiche-claire');

    await claire.setViewportSize({ width: 375, height: 740 });
    await claire.locator('.fiche-editor__content').waitFor();
    await checkNoHorizontalOverflow(claire, 'fiche page at 375 px');
    await checkA11y(claire, 'fiche page at 375 px');
    // Sticky bars would land mid-page in a full-page capture taken while scrolled.
    await claire.evaluate(() => window.scrollTo(0, 0));
    await screenshot(claire, 'g-5-fiche-telephone');
    if (claireErrors.length > 0)
      throw new Error(`uncaught errors in Claire's page:\n  ${claireErrors.join('\n  ')}`);
  } finally {
    await claireContext.close().catch(() => {});
  }
}

/**
 * Scenario (h), after (g): Sophie completes the fiche's required sections, is first told by the server which
 * ones are missing, publishes it to the whole network; Amina (Hainaut Sud) finds it in the toolbox by a word
 * typed without its accent, highlighted in the snippet.
 */
async function publishAndFind(page, base) {
  const title = 'Un atelier vélo pour venir en formation';
  await signIn(page, base, 'sophie@affluents.test');
  await page.getByRole('heading', { level: 1, name: 'Bassins' }).waitFor();
  await page
    .getByRole('region', { name: 'Namur', exact: true })
    .getByRole('link', { name: /Travailleurs sociaux/ })
    .click();
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await waitForSynced(page, 'Sophie');

  // The server refuses while required sections are empty, and the dialog names them.
  await page.getByRole('button', { name: 'Publier…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publier la fiche' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Publier', exact: true }).click();
  const missing = dialog.getByRole('alert', { name: 'La fiche ne peut pas encore être publiée' });
  await missing.waitFor();
  const missingText = (await missing.textContent()) ?? '';
  assert(
    missingText.includes('Dispositif / action mis en place') && missingText.includes('Pour en savoir plus'),
    `the dialog should list the empty required sections: ${missingText}`,
  );
  await checkA11y(page, 'publish dialog with missing sections');
  await screenshot(page, 'h-1-publier-rubriques-manquantes');
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await dialog.waitFor({ state: 'detached' });

  await writeInSection(page, 'Dispositif', 'Une équipe de bénévoles répare les vélos avec les stagiaires.');
  await writeInSection(page, 'Résultats', 'Douze stagiaires viennent désormais à vélo.');
  await writeInSection(page, 'Pour en savoir plus', 'Sophie Lambert, animatrice.');
  for (const section of ['dispositif', 'resultats', 'contact'])
    await page.locator(`.section-item--filled[data-section="${section}"]`).waitFor();

  await page.getByRole('button', { name: 'Publier…' }).click();
  await dialog.waitFor();
  await dialog.getByText('Tout le réseau', { exact: true }).click();
  assert(
    await dialog.getByRole('radio', { name: /^Tout le réseau/ }).isChecked(),
    '"Tout le réseau" is not selected',
  );
  await checkA11y(page, 'publish dialog');
  await screenshot(page, 'h-2-publier-tout-le-reseau');
  await dialog.getByRole('button', { name: 'Publier', exact: true }).click();
  await page.getByText('La fiche est publiée pour tout le réseau.').waitFor();
  await dialog.waitFor({ state: 'detached' });
  await page.locator('.page-header .badge', { hasText: 'Publiée' }).waitFor();
  const versions = page.getByRole('region', { name: 'Versions' });
  const first = (await versions.locator('.version-list__item').first().textContent()) ?? '';
  assert(
    first.includes('Version 1') &&
      first.includes('Publication pour tout le réseau') &&
      first.includes('Sophie'),
    `the versions list should show the publication: ${first}`,
  );
  await checkA11y(page, 'fiche page after publication');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'h-3-fiche-publiee');

  // Version 1, open read-only: its text is shown and cannot be changed; back to the live fiche.
  await versions.getByRole('link', { name: 'Ouvrir la version 1' }).click();
  await page.waitForURL(/\/fiches\/[^/]+\/versions\/[^/]+$/);
  await page.getByText('Version en lecture seule').waitFor();
  const versionText = page.getByRole('article', { name: /^Texte de la version 1 de la fiche/ });
  await versionText.filter({ hasText: 'Douze stagiaires viennent désormais à vélo.' }).waitFor();
  assert(
    (await versionText.getAttribute('contenteditable')) === 'false',
    'the version’s text should not be editable',
  );
  await page.getByRole('link', { name: 'Télécharger (Markdown)' }).waitFor();
  await checkA11y(page, 'version 1 read-only');
  await screenshot(page, 'h-3b-version-lecture-seule');
  await page.getByRole('link', { name: 'Retour à la fiche' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByRole('link', { name: 'Exporter en Markdown' }).waitFor();

  // Amina, in another bassin, searches without the accent.
  await page.context().clearCookies();
  await signIn(page, base, 'amina@affluents.test');
  await page.getByRole('heading', { level: 1, name: 'Bassins' }).waitFor();
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Boîte à outils' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Boîte à outils' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Dernières fiches publiées' }).waitFor();
  await page.getByRole('link', { name: title }).waitFor();
  await checkA11y(page, 'toolbox before any search');
  await screenshot(page, 'h-4-boite-a-outils');

  await page.getByRole('searchbox', { name: 'Rechercher dans les fiches' }).fill('equipe');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/boite-a-outils\?q=equipe/);
  await page.getByText(/fiches? trouvées? pour « equipe »/).waitFor();
  const card = page.locator('.search-hit', { hasText: title });
  await card.waitFor();
  // The previous list stays shown (marked busy) while the results load: wait for the highlighted snippet.
  await card.locator('mark').first().waitFor();
  const marks = await card.locator('mark').allTextContents();
  assert(
    marks.some((m) => m.toLocaleLowerCase('fr') === 'équipe'),
    `"équipe" is not highlighted in the snippet (marks: ${marks.join(', ')})`,
  );
  const cardText = (await card.textContent()) ?? '';
  assert(
    cardText.includes('Namur') && cardText.includes('Publiée'),
    `the card lacks its origin: ${cardText}`,
  );
  await checkA11y(page, 'toolbox results');
  await screenshot(page, 'h-5-recherche-equipe');

  await page.getByRole('searchbox', { name: 'Rechercher dans les fiches' }).fill('hippopotame');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Aucune fiche ne correspond à « hippopotame »' }).waitFor();
  await checkA11y(page, 'toolbox without results');
  await screenshot(page, 'h-6-aucun-resultat');

  await page.setViewportSize({ width: 375, height: 740 });
  await page.goBack();
  await card.waitFor();
  await checkNoHorizontalOverflow(page, 'toolbox at 375 px');
  await checkA11y(page, 'toolbox at 375 px');
  await screenshot(page, 'h-7-boite-a-outils-telephone');
}

const scenarios = [
  {
    name: '(a) Amina signs in, sees the nine bassins with her group highlighted and opens it',
    viewport: { width: 1280, height: 800 },
    run: (page, base) => aminaJourney(page, base, 'a-desktop', { phone: false }),
  },
  {
    name: '(b) the same journey at phone width 375x740',
    viewport: { width: 375, height: 740 },
    run: (page, base) => aminaJourney(page, base, 'b-phone', { phone: true }),
  },
  {
    name: '(c) admin creates the bassin "Bruxelles", sees its three groups, invites someone and sees it pending',
    viewport: { width: 1280, height: 800 },
    run: async (page, base) => {
      await signIn(page, base, 'admin@affluents.test');
      await page.getByRole('heading', { level: 1, name: 'Bassins' }).waitFor();
      await page
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Administration' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
      await page
        .getByRole('row', { name: /Hainaut Sud/ })
        .first()
        .waitFor();
      await checkA11y(page, 'admin bassins tab');
      await screenshot(page, 'c-1-admin-bassins');

      await page.getByLabel('Nom du nouveau bassin').fill('Bruxelles');
      await page.getByRole('button', { name: 'Créer le bassin' }).click();
      await page.getByText('Le bassin « Bruxelles » a été créé avec 3 groupes.').waitFor();
      const row = page.getByRole('row', { name: /Bruxelles/ });
      await row.waitFor();
      const rowText = (await row.textContent()) ?? '';
      for (const kind of ['Travailleurs sociaux', 'Responsables d’entreprises', 'Personnel encadrant']) {
        assert(rowText.includes(kind), `the new bassin row lacks the group "${kind}": ${rowText}`);
      }
      await checkA11y(page, 'admin bassins tab after creation');
      await screenshot(page, 'c-2-bassin-cree');

      for (const [tab, heading] of [
        ['Groupes', 'Groupes'],
        ['Organisations', 'Organisations'],
        ['Comptes', 'Comptes'],
      ]) {
        await page.getByRole('tab', { name: tab }).click();
        await page.getByRole('heading', { level: 2, name: heading }).waitFor();
        await page.locator('.tabs__panel .table, .tabs__panel .empty-state').first().waitFor();
        await checkA11y(page, `admin ${tab} tab`);
        await screenshot(page, `c-3-admin-${tab.toLowerCase()}`);
      }

      await page.getByRole('tab', { name: 'Invitations' }).click();
      await page.getByRole('heading', { level: 2, name: 'Invitations' }).waitFor();
      await page.getByRole('button', { name: 'Inviter' }).click();
      const dialog = page.getByRole('dialog', { name: 'Inviter dans le groupe' });
      await dialog.waitFor();
      await dialog
        .getByRole('button', { name: /Groupe/ })
        .first()
        .click();
      await page.getByRole('option', { name: 'Bruxelles – Travailleurs sociaux' }).click();
      await dialog
        .getByLabel('Adresse e-mail de la personne invitée')
        .fill('nouvelle.collegue@affluents.test');
      await checkA11y(page, 'invite dialog');
      await screenshot(page, 'c-4-dialogue-invitation');
      await dialog.getByRole('button', { name: 'Envoyer l’invitation' }).click();
      await page.getByText('Invitation envoyée à nouvelle.collegue@affluents.test.').waitFor();
      await dialog.waitFor({ state: 'detached' });
      const invitation = page.getByRole('row', { name: /nouvelle\.collegue@affluents\.test/ });
      await invitation.waitFor();
      const invitationText = (await invitation.textContent()) ?? '';
      assert(invitationText.includes('En attente'), `the invitation is not pending: ${invitationText}`);
      assert(
        invitationText.includes('Bruxelles'),
        `the invitation does not name its group: ${invitationText}`,
      );
      await checkA11y(page, 'admin invitations tab');
      await screenshot(page, 'c-5-invitation-en-attente');

      // The interface language switches everywhere, table cells included.
      await page.getByRole('button', { name: /Équipe Affluents|Admin/ }).click();
      await page.getByRole('menuitemradio', { name: 'English' }).click();
      await page.getByRole('tab', { name: 'Accounts' }).waitFor();
      const translated = (await invitation.textContent()) ?? '';
      assert(
        translated.includes('Pending') && translated.includes('Revoke'),
        `table not translated: ${translated}`,
      );
      assert((await page.locator('html').getAttribute('lang')) === 'en-GB', 'html lang is not updated');
      await page.getByRole('button', { name: /Équipe Affluents|Admin/ }).click();
      await page.getByRole('menuitemradio', { name: 'Français' }).click();
      await page.getByRole('tab', { name: 'Comptes' }).waitFor();

      // Administration stays usable on a phone: wide tables scroll inside their frame, not the page.
      await page.setViewportSize({ width: 375, height: 740 });
      await page.getByRole('tab', { name: 'Bassins' }).click();
      await page.getByRole('row', { name: /Bruxelles/ }).waitFor();
      await checkNoHorizontalOverflow(page, 'admin bassins tab at 375 px');
      await checkA11y(page, 'admin bassins tab at 375 px');
      await screenshot(page, 'c-6-admin-telephone');
    },
  },
  {
    name: '(d) a wrong password shows the French error',
    viewport: { width: 1280, height: 800 },
    run: async (page, base) => {
      await signIn(page, base, 'amina@affluents.test', 'pas-le-bon-mot-de-passe');
      const alert = page.getByRole('alert').filter({ hasText: 'Adresse e-mail ou mot de passe incorrect.' });
      await alert.waitFor();
      assert(page.url().includes('/connexion'), `should stay on the sign-in page, now at ${page.url()}`);
      await checkA11y(page, 'sign-in page with error');
      await screenshot(page, 'd-1-mauvais-mot-de-passe');
    },
  },
  {
    name: '(e) signed-out pages: forgotten password, unknown invitation, 404',
    viewport: { width: 375, height: 740 },
    run: async (page, base) => {
      await page.goto(`${base}/connexion`);
      await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' }).waitFor();
      await checkA11y(page, 'forgotten password page');
      await checkNoHorizontalOverflow(page, 'forgotten password page');
      await screenshot(page, 'e-1-mot-de-passe-oublie');

      await page.goto(`${base}/invitation/${'x'.repeat(32)}`);
      await page
        .getByRole('heading', { level: 1, name: /Invitation introuvable|n’est plus valable/ })
        .waitFor();
      await checkA11y(page, 'unknown invitation page');
      await checkNoHorizontalOverflow(page, 'unknown invitation page');
      await screenshot(page, 'e-2-invitation-inconnue');

      await page.goto(`${base}/page-qui-n-existe-pas`);
      await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
      await checkA11y(page, '404 page');
      await screenshot(page, 'e-3-404');
    },
  },
  {
    // Before (f), which removes Claire from the group.
    name: '(g) Sophie and Claire write the same fiche at once and see each other’s text and caret',
    viewport: { width: 1280, height: 800 },
    timeout: 120_000,
    run: coWriting,
  },
  {
    name: '(h) Sophie publishes the fiche to the whole network; Amina finds it in the toolbox without the accent',
    viewport: { width: 1280, height: 800 },
    run: publishAndFind,
  },
  {
    name: '(f) Sophie removes a member after confirming; admin adds an existing account to the group',
    viewport: { width: 1280, height: 800 },
    run: async (page, base) => {
      await signIn(page, base, 'sophie@affluents.test');
      await page.getByRole('heading', { level: 1, name: 'Bassins' }).waitFor();
      await page
        .getByRole('region', { name: 'Namur', exact: true })
        .getByRole('link', { name: /Travailleurs sociaux/ })
        .click();
      await page.waitForURL(/\/groupes\//);
      const groupUrl = page.url();
      await page.getByRole('heading', { level: 1, name: 'Travailleurs sociaux' }).waitFor();
      const claire = page.locator('.member-card', { hasText: 'Claire Renard' });
      await claire.waitFor();
      assert(
        (await page.getByRole('button', { name: 'Ajouter un compte existant' }).count()) === 0,
        'a facilitator who is not coordination must invite by email, not add existing accounts',
      );

      // Keyboard only: open the menu, pick the item, confirm.
      await page.getByRole('button', { name: 'Actions pour Claire Renard' }).focus();
      await page.keyboard.press('Enter');
      const menu = page.getByRole('menu');
      await menu.waitFor();
      const items = await menu.getByRole('menuitem').allTextContents();
      assert(
        items.length === 1 && items[0] === 'Retirer du groupe',
        `a facilitator should only be offered to remove a member, saw: ${items.join(', ')}`,
      );
      await checkA11y(page, 'member actions menu');
      await screenshot(page, 'f-1-menu-membre');

      await page.keyboard.press('Enter');
      const confirm = page.getByRole('alertdialog', { name: 'Retirer Claire Renard du groupe ?' });
      await confirm.waitFor();
      const confirmText = (await confirm.textContent()) ?? '';
      assert(
        confirmText.includes('« Travailleurs sociaux » du bassin Namur'),
        `the confirmation does not name the group: ${confirmText}`,
      );
      await checkA11y(page, 'remove member dialog');
      await screenshot(page, 'f-2-confirmer-retrait');
      const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
      assert(focused === 'Retirer du groupe', `the confirm button should have focus, not "${focused}"`);
      await page.keyboard.press('Enter');
      await page.getByText('Claire Renard ne fait plus partie du groupe « Travailleurs sociaux ».').waitFor();
      await confirm.waitFor({ state: 'detached' });
      await claire.waitFor({ state: 'detached' });
      await page.waitForFunction(() => document.activeElement?.textContent?.startsWith('Membres'));
      await page.setViewportSize({ width: 375, height: 740 });
      await checkNoHorizontalOverflow(page, 'group page of a facilitator at 375 px');
      await checkA11y(page, 'group page after removal');
      await screenshot(page, 'f-3-membre-retire-telephone');

      await page.context().clearCookies();
      await page.setViewportSize({ width: 1280, height: 800 });
      await signIn(page, base, 'admin@affluents.test');
      await page.getByRole('heading', { level: 1, name: 'Bassins' }).waitFor();
      await page.goto(groupUrl);
      await page.getByRole('heading', { level: 1, name: 'Travailleurs sociaux' }).waitFor();
      assert(
        (await page.locator('.member-card', { hasText: 'Claire Renard' }).count()) === 0,
        'Claire Renard is still listed for the admin',
      );
      await page.getByRole('button', { name: 'Ajouter un compte existant' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ajouter un compte existant' });
      await dialog.waitFor();
      await dialog.getByRole('combobox', { name: /Compte/ }).fill('Nadia');
      const option = page.getByRole('option', { name: /Nadia Vandenbergh/ });
      await option.waitFor();
      await checkA11y(page, 'add existing account dialog with the search open');
      await screenshot(page, 'f-4-recherche-compte');
      await option.click();
      const roleValue =
        (await dialog.getByRole('button', { name: /Rôle dans le groupe/ }).textContent()) ?? '';
      assert(roleValue.includes('Membre'), `the role should default to member, saw "${roleValue}"`);
      await checkA11y(page, 'add existing account dialog');
      await screenshot(page, 'f-5-dialogue-ajout');
      await dialog.getByRole('button', { name: 'Ajouter au groupe' }).click();
      await page
        .getByText('Nadia Vandenbergh fait désormais partie du groupe « Travailleurs sociaux ».')
        .waitFor();
      await dialog.waitFor({ state: 'detached' });
      const nadia = page.locator('.member-card', { hasText: 'Nadia Vandenbergh' });
      await nadia.waitFor();
      assert(((await nadia.textContent()) ?? '').includes('Membre'), 'Nadia is not listed as a member');
      await checkA11y(page, 'group page after adding');
      await screenshot(page, 'f-6-compte-ajoute');

      // The administration manages the same members with the same components.
      await page.goto(`${base}/admin?onglet=membres`);
      const filters = page.locator('.tabs__panel .filters');
      await filters.getByRole('button', { name: /Bassin/ }).click();
      await page.getByRole('option', { name: 'Namur', exact: true }).click();
      await filters.getByRole('button', { name: /Groupe/ }).click();
      await page.getByRole('option', { name: /Travailleurs sociaux/ }).click();
      await page.locator('.tabs__panel .member-card', { hasText: 'Nadia Vandenbergh' }).waitFor();
      await page.getByRole('button', { name: 'Actions pour Nadia Vandenbergh' }).waitFor();
      await checkA11y(page, 'admin members tab');
      await screenshot(page, 'f-7-admin-membres');
      await page.setViewportSize({ width: 375, height: 740 });
      await checkNoHorizontalOverflow(page, 'admin members tab at 375 px');
      await screenshot(page, 'f-8-admin-membres-telephone');
    },
  },
];

// Scenarios of later features live in e2e/scenarios/*.mjs: each default-exports a function that receives
// these helpers and returns its scenarios, run after the ones above in file-name order.
const scenarioHelpers = {
  PASSWORD,
  ACTION_TIMEOUT_MS,
  log,
  assert,
  signIn,
  screenshot,
  checkA11y,
  checkNoHorizontalOverflow,
  editorText,
  waitForEditorText,
  writeInSection,
  waitForSynced,
};
const scenarioDir = path.join(here, 'scenarios');
if (existsSync(scenarioDir)) {
  for (const file of readdirSync(scenarioDir)
    .filter((f) => f.endsWith('.mjs'))
    .sort()) {
    const module = await import(pathToFileURL(path.join(scenarioDir, file)).href);
    scenarios.push(...module.default(scenarioHelpers));
  }
}
// E2E_ONLY=<text>: run only the scenarios whose name contains it (while working on one; CI runs them all).
if (process.env.E2E_ONLY) {
  const only = process.env.E2E_ONLY;
  scenarios.splice(0, scenarios.length, ...scenarios.filter((s) => s.name.includes(only)));
  if (scenarios.length === 0) throw new Error(`E2E_ONLY=${only}: no scenario name contains it`);
}

// ---------------------------------------------------------------------------------------------------------
// Runner

function withTimeout(promise, ms, label) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${label} timed out after ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function main() {
  const { chromium } = require('playwright-core');
  const started = Date.now();
  const base = await startServer();
  if (interrupted) return false;
  resources.browser = await chromium.launch({
    executablePath: chromiumPath,
    // This script stops browser and server itself, in that order: Playwright must not exit the process first.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  if (interrupted) return false;
  log(`browser: ${chromiumPath} ${resources.browser.version()}\n`);

  let passed = 0;
  let failed = 0;
  for (const scenario of scenarios) {
    if (interrupted) break;
    const context = await resources.browser.newContext({ viewport: scenario.viewport, locale: 'fr-BE' });
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const t0 = Date.now();
    try {
      await withTimeout(scenario.run(page, base), scenario.timeout ?? SCENARIO_TIMEOUT_MS, scenario.name);
      if (pageErrors.length > 0)
        throw new Error(`uncaught errors in the page:\n  ${pageErrors.join('\n  ')}`);
      passed += 1;
      log(`✔ ${scenario.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
    } catch (error) {
      failed += 1;
      const shot = `failure-${scenarios.indexOf(scenario) + 1}`;
      await screenshot(page, shot).catch(() => {});
      log(
        `✖ ${scenario.name}\n  ${String(error?.stack ?? error)
          .split('\n')
          .join('\n  ')}\n  screenshot: e2e/screenshots/${shot}.png\n`,
      );
    } finally {
      await context.close().catch(() => {});
    }
  }

  log(
    `browser tests finished in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${path.relative(rootDir, screenshotDir)}/`,
  );
  if (failed > 0 && resources.serverLog.length > 0) {
    log(`--- last server output ---\n${resources.serverLog.join('').slice(-4000)}\n---`);
  }
  log(`${passed} passed, ${failed} failed`);
  return failed === 0;
}

const overall = setTimeout(() => {
  console.error(`browser tests exceeded ${RUN_TIMEOUT_MS / 1000} s: stopping`);
  void cleanup().finally(() => process.exit(1));
}, RUN_TIMEOUT_MS);

let ok = false;
try {
  ok = await main();
} catch (error) {
  console.error(`browser tests could not run: ${error?.stack ?? error}`);
  if (resources.serverLog.length > 0)
    console.error(`--- server output ---\n${resources.serverLog.join('').slice(-6000)}`);
} finally {
  await cleanup();
  clearTimeout(overall);
}
process.exit(ok ? 0 : 1);
