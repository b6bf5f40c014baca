// Issue 12, the editor for people who are not technical: Thomas formats a fiche with the
// toolbar (French names, tooltips with shortcuts, the "Style" menu), inserts a heading and a table with the
// "/" menu, uses the table's tools in words, opens the formatting help, then writes on a 390 px phone where
// the toolbar is one row of icons that stays in view and leaves the text its room.
import assert from 'node:assert/strict';
import type { Page } from '@playwright/test';
import { checkA11y, checkNoHorizontalOverflow, screenshot, viewportShot } from './support/checks';
import { createFiche, waitForSynced, writeInSection } from './support/fiche';
import { test } from './support/fixtures';

const focusIsInText = (page: Page) =>
  page.waitForFunction(() => document.activeElement?.classList.contains('fiche-editor__content'));

test.use({ viewport: { width: 1280, height: 900 } });

test('(47) editor formatting: toolbar in words and tooltips, "/" menu for a heading and a table, phone toolbar in one row', async ({
  signedIn,
}) => {
  test.setTimeout(90_000);
  const page = await signedIn('thomas');
  const ficheId = await createFiche(page, 'Un atelier CV au CPAS', 'Hainaut Sud');
  await page.goto(`/fiches/${ficheId}`);
  await waitForSynced(page, 'Thomas');
  const text = page.locator('.fiche-editor__content');
  const toolbar = page.getByRole('toolbar', { name: 'Mise en forme' });

  // The tools have French names; no "T2" or "G" glyphs.
  for (const name of [
    'Style : Texte',
    'Gras',
    'Italique',
    'Liste à puces',
    'Liste numérotée',
    'Liste de cases à cocher',
    'Lien',
    'Tableau',
    'Plus',
    'Aide à la mise en forme',
  ])
    await toolbar.getByRole('button', { name, exact: true }).waitFor();
  const toolbarText = (await toolbar.textContent()) ?? '';
  assert(!/T2|T3/.test(toolbarText), `the toolbar still shows glyphs: "${toolbarText}"`);

  // Bold from the toolbar: the words turn bold and the focus goes back to the text.
  await writeInSection(page, 'Objectifs', 'Aider les stagiaires à écrire leur CV.');
  await page.keyboard.press('Shift+Home');
  await toolbar.getByRole('button', { name: 'Gras', exact: true }).click();
  await text.locator('strong', { hasText: 'Aider les stagiaires' }).waitFor();
  await focusIsInText(page);
  assert(
    (await toolbar.getByRole('button', { name: 'Gras', exact: true }).getAttribute('aria-pressed')) ===
      'true',
    '"Gras" is not shown as pressed on bold text',
  );

  // The tooltip says what a tool does, with its shortcut, on hover.
  await toolbar.getByRole('button', { name: 'Liste numérotée' }).hover();
  const tooltip = page.getByRole('tooltip');
  await tooltip.waitFor();
  const tip = (await tooltip.textContent()) ?? '';
  assert(tip === 'Liste numérotée (Ctrl+Maj+7)', `unexpected tooltip "${tip}"`);
  await viewportShot(page, '47-1-infobulle');
  await page.mouse.move(0, 0);

  // "/" at the start of a new line: "/sous" gives a sub-heading.
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('/');
  const slash = page.getByRole('listbox', { name: 'Insérer un élément' });
  await slash.waitFor();
  await checkA11y(page, 'fiche with the "/" menu open');
  await viewportShot(page, '47-2-menu-barre-oblique');
  await page.keyboard.type('sous');
  const options = await slash.getByRole('option').allTextContents();
  assert(
    options.length === 1 && options[0].startsWith('Sous-titre'),
    `"/sous" should offer only "Sous-titre", saw ${options.join(' | ')}`,
  );
  await page.keyboard.press('Enter');
  await slash.waitFor({ state: 'detached' });
  await page.keyboard.type('Déroulement');
  await text.locator('h3', { hasText: 'Déroulement' }).waitFor();

  // "/tab" inserts a table; its tools are in words.
  await page.keyboard.press('Enter');
  await page.keyboard.type('/tab');
  const tableOptions = await slash.getByRole('option').allTextContents();
  assert(
    tableOptions.length === 1 && tableOptions[0].startsWith('Tableau'),
    `"/tab" should offer only "Tableau", saw ${tableOptions.join(' | ')}`,
  );
  // Screen readers hear the title, then its explanation, as two words apart.
  await slash
    .getByRole('option', { name: 'Tableau Un tableau de 3 lignes et 3 colonnes', exact: true })
    .waitFor();
  await page.keyboard.press('Enter');
  await text.locator('table').waitFor();
  const afterSlash = (await text.textContent()) ?? '';
  assert(!afterSlash.includes('/tab') && !afterSlash.includes('/sous'), 'the "/" text was left behind');
  await page.keyboard.type('Lundi');
  const tableTools = page.getByRole('toolbar', { name: 'Outils du tableau' });
  await tableTools.getByRole('button', { name: 'Nouvelle ligne' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.fiche-editor__content table tr').length === 4);
  await focusIsInText(page);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.type('Mardi');
  await text.locator('td', { hasText: 'Mardi' }).waitFor();
  await checkA11y(page, 'fiche with a table and its tools');
  await viewportShot(page, '47-3-tableau');

  // The "Style" menu turns the sub-heading into a small heading and gives the focus back to the text.
  await text.locator('h3', { hasText: 'Déroulement' }).click();
  await toolbar.getByRole('button', { name: 'Style : Sous-titre' }).click();
  await page.getByRole('menuitemradio', { name: /Petit titre/ }).click();
  await text.locator('h4', { hasText: 'Déroulement' }).waitFor();
  await focusIsInText(page);

  // One tab stop: the arrows move inside the toolbar, Tab leaves it.
  await toolbar.getByRole('button', { name: 'Gras', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  assert(
    (await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) === 'Italique',
    'the right arrow does not move to "Italique"',
  );
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Tab');
  assert(
    await page.evaluate(() => !document.activeElement?.closest('[role="toolbar"]')),
    'Tab stays inside the toolbar',
  );

  // The formatting help.
  await toolbar.getByRole('button', { name: 'Aide à la mise en forme' }).click();
  const help = page.getByRole('dialog', { name: 'Aide à la mise en forme' });
  await help.waitFor();
  assert(((await help.textContent()) ?? '').includes('Ctrl+B'), 'the help does not list Ctrl+B');
  await checkA11y(page, 'formatting help');
  await viewportShot(page, '47-4-aide');
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });
  await focusIsInText(page);
  await screenshot(page, '47-5-fiche-1280');

  // On a phone: one row of icons, the rest in "Plus"; the bar stays in view while writing lower down.
  await page.setViewportSize({ width: 390, height: 844 });
  await checkNoHorizontalOverflow(page, 'fiche at 390 px');
  const bar = await toolbar.boundingBox();
  assert(bar && bar.height <= 56, `the phone toolbar takes ${bar?.height} px (more than one row)`);
  await toolbar.getByRole('button', { name: 'Plus' }).waitFor();
  assert(
    (await toolbar.getByRole('button', { name: 'Tableau' }).count()) === 0,
    '"Tableau" should be in "Plus" on a phone',
  );
  await viewportShot(page, '47-6-telephone');
  await writeInSection(page, 'Résultats', 'Cinq CV envoyés. ');
  const inView = await toolbar.boundingBox();
  assert(
    inView && inView.y >= 0 && inView.y + inView.height <= 844 / 3,
    `the toolbar is not in view at the top while writing lower down (y=${inView?.y})`,
  );
  const caretTop = await page.evaluate(() => {
    const range = window.getSelection()?.getRangeAt(0);
    return range?.getBoundingClientRect().top ?? -1;
  });
  assert(
    caretTop > (inView?.y ?? 0) + (inView?.height ?? 0),
    `the caret (y=${caretTop}) is hidden under the toolbar`,
  );
  await page.keyboard.type('/');
  await slash.waitFor();
  await viewportShot(page, '47-7-telephone-menu');
  await checkNoHorizontalOverflow(page, 'the "/" menu at 390 px');
  await page.keyboard.press('Escape');
  await slash.waitFor({ state: 'detached' });
  await toolbar.getByRole('button', { name: 'Plus' }).click();
  const more = page.getByRole('menu');
  await more.waitFor();
  await more.getByRole('menuitem', { name: /Tableau/ }).waitFor();
  await checkA11y(page, 'the "Plus" menu at 390 px');
  await viewportShot(page, '47-8-telephone-plus');
  await page.keyboard.press('Escape');
});
