// Amina signs in, sees the nine bassins with her group highlighted and opens it: at laptop and phone width.
import assert from 'node:assert/strict';
import type { Page } from '@playwright/test';
import { checkA11y, checkNoHorizontalOverflow, screenshot } from './support/checks';
import { PASSWORD, test } from './support/fixtures';

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

async function aminaJourney(page: Page, prefix: string, { phone }: { phone: boolean }) {
  await page.goto('/');
  await page.waitForURL(/\/connexion/);
  await page.getByRole('heading', { level: 1, name: 'Se connecter' }).waitFor();
  await checkA11y(page, `${prefix} sign-in page`);
  if (phone) await checkNoHorizontalOverflow(page, `${prefix} sign-in page`);
  await screenshot(page, `${prefix}-1-connexion`);

  await page.getByLabel('Adresse e-mail').fill('amina@affluents.test');
  await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { level: 1, name: 'Accueil' }).waitFor();
  await page.goto('/bassins');
  await page.getByRole('heading', { level: 1, name: 'Bassins' }).waitFor();
  await page.locator('.bassin-card').first().waitFor();

  // Journey (c) creates a tenth bassin and archives it when it ends: the map shows the living ones only.
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
  for (const section of ['Fiches actions', 'Discussions', 'Rencontres']) {
    await page.getByRole('heading', { level: 2, name: section }).waitFor();
  }
  await page.getByRole('tab', { name: /Membres/ }).click();
  const me = page.locator('.member-card', { hasText: '(vous)' });
  await me.waitFor();
  const myCard = (await me.textContent()) ?? '';
  assert(/Amina/.test(myCard), `Amina's member card does not show her name: "${myCard}"`);
  const org = ((await me.locator('.member-card__org').textContent()) ?? '').trim();
  assert(
    org.includes('CISP') && !org.includes('non renseignée'),
    `Amina's organisation is not shown: "${org}"`,
  );
  assert(
    (await page.getByRole('button', { name: 'Inviter' }).count()) === 0,
    'a plain member must not see "Inviter"',
  );
  await checkA11y(page, `${prefix} group page`);
  if (phone) await checkNoHorizontalOverflow(page, `${prefix} group page`);
  await screenshot(page, `${prefix}-3-groupe`);
}

test('(a) Amina signs in, sees the nine bassins with her group highlighted and opens it', async ({
  page,
}) => {
  await aminaJourney(page, 'a-desktop', { phone: false });
});

test.describe('at phone width', () => {
  test.use({ viewport: { width: 375, height: 740 } });
  test('(b) the same journey at phone width 375x740', async ({ page }) => {
    await aminaJourney(page, 'b-phone', { phone: true });
  });
});
