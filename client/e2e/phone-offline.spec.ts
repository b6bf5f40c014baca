// A phone that keeps up (issue 14): the app can be installed, and once visited its shell and the last pages
// read open without network; signing out removes the pages kept.
import { api } from './support/api';
import { checkA11y, screenshot } from './support/checks';
import { expect, test } from './support/fixtures';

test.use({ viewport: { width: 390, height: 844 } });

const PAGES_READ_CACHE = 'affluents-pages-read';

test('(p) a phone: the app installs, and its shell and the last pages read open without network', async ({
  signedIn,
}) => {
  const page = await signedIn('olivier');
  const context = page.context();

  await test.step('the service worker takes charge of the page, and Chromium finds the app installable', async () => {
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, {
      timeout: 30_000,
    });
    const manifest = await api(page, 'GET', '/manifest.webmanifest');
    expect(manifest).toMatchObject({
      name: 'Affluents',
      lang: 'fr-BE',
      display: 'standalone',
      start_url: '/',
    });
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // Playwright's browser contexts are private windows, where Chromium never offers to install: that one
    // reason aside, nothing stands in the way (manifest, icons, service worker, secure origin).
    expect(installabilityErrors.map((error) => error.errorId)).toEqual(['in-incognito']);
  });

  // The pages read from now on are kept: the home with my groups, then Olivier's group. (Olivier: no other
  // journey changes his memberships; they share one database.)
  await page.goto('/');
  const bassin = page.getByRole('main').getByText('Namur', { exact: false }).first();
  await bassin.waitFor();
  const me = await api(page, 'GET', '/api/auth/me');
  const groupId: string = me.memberships[0].groupId;
  await page.goto(`/groupes/${groupId}`);
  const groupHeading = page.getByRole('heading', { level: 1 });
  await groupHeading.waitFor();
  const groupTitle = (await groupHeading.textContent())?.trim() ?? '';
  expect(groupTitle).not.toBe('');

  await test.step('without network, the group page read before opens again, and the home too', async () => {
    await context.setOffline(true);
    await expect(page.getByRole('status').filter({ hasText: 'Hors ligne' })).toBeVisible();
    await screenshot(page, 'p-0-bandeau-hors-ligne');
    // (Chromium's emulation tells a page loaded while offline that it is online: the banner is checked
    // above, on the page that saw the network go.)
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(groupTitle);
    await checkA11y(page, 'group page offline');
    await screenshot(page, 'p-1-groupe-hors-ligne');
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Accueil' })).toBeVisible();
    await expect(bassin).toBeVisible();
    await screenshot(page, 'p-2-accueil-hors-ligne');
    await context.setOffline(false);
  });

  await test.step('signing out removes the pages kept', async () => {
    expect(await page.evaluate(() => caches.keys())).toContain(PAGES_READ_CACHE);
    await page.getByRole('button', { name: /Olivier/ }).click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    await expect.poll(() => page.evaluate(() => caches.keys())).not.toContain(PAGES_READ_CACHE);
  });
});
