// Signing in with a wrong password.
import assert from 'node:assert/strict';
import { checkA11y, screenshot } from './support/checks';
import { signIn, test } from './support/fixtures';

test('(d) a wrong password shows the French error', async ({ page }) => {
  await signIn(page, 'amina', 'pas-le-bon-mot-de-passe');
  const alert = page.getByRole('alert').filter({ hasText: 'Adresse e-mail ou mot de passe incorrect.' });
  await alert.waitFor();
  assert(page.url().includes('/connexion'), `should stay on the sign-in page, now at ${page.url()}`);
  await checkA11y(page, 'sign-in page with error');
  await screenshot(page, 'd-1-mauvais-mot-de-passe');
});
