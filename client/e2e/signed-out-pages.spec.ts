// The pages a signed-out visitor meets, at phone width.
import { checkA11y, checkNoHorizontalOverflow, screenshot } from './support/checks';
import { test } from './support/fixtures';

test.use({ viewport: { width: 375, height: 740 } });

test('(e) signed-out pages: forgotten password, unknown invitation, 404', async ({ page }) => {
  await page.goto('/connexion');
  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' }).waitFor();
  await checkA11y(page, 'forgotten password page');
  await checkNoHorizontalOverflow(page, 'forgotten password page');
  await screenshot(page, 'e-1-mot-de-passe-oublie');

  await page.goto(`/invitation/${'x'.repeat(32)}`);
  await page.getByRole('heading', { level: 1, name: /Invitation introuvable|n’est plus valable/ }).waitFor();
  await checkA11y(page, 'unknown invitation page');
  await checkNoHorizontalOverflow(page, 'unknown invitation page');
  await screenshot(page, 'e-2-invitation-inconnue');

  await page.goto('/page-qui-n-existe-pas');
  await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
  await checkA11y(page, '404 page');
  await screenshot(page, 'e-3-404');
});
