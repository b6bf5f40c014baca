// A facilitator removes a member after confirming, with the keyboard only; the administration adds an
// existing account to the group, and manages the same members from its own screen.
import assert from 'node:assert/strict';
import { checkA11y, checkNoHorizontalOverflow, screenshot } from './support/checks';
import { signIn, test } from './support/fixtures';

test('(f) Sophie removes a member after confirming; admin adds an existing account to the group', async ({
  signedIn,
}) => {
  const page = await signedIn('sophie');
  await page.goto('/bassins');
  await page
    .getByRole('region', { name: 'Namur', exact: true })
    .getByRole('link', { name: /Travailleurs sociaux/ })
    .click();
  await page.waitForURL(/\/groupes\//);
  await page.getByRole('heading', { level: 1, name: 'Travailleurs sociaux' }).waitFor();
  await page.getByRole('tab', { name: /Membres/ }).click();
  await page.waitForURL(/onglet=membres/);
  const groupUrl = page.url();
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
  await signIn(page, 'admin');
  await page.getByRole('heading', { level: 1, name: 'Accueil' }).waitFor();
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
  const roleValue = (await dialog.getByRole('button', { name: /Rôle dans le groupe/ }).textContent()) ?? '';
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
  await page.goto('/admin?onglet=membres');
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
});
