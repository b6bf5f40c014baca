// A phone that keeps up (issue 14): « Notifications sur cet appareil » in the profile, and the service
// worker showing a pushed notification. (The push service itself is the browser vendor's, out of reach
// here: the server's side, encryption and VAPID signature included, is server/test/web-push.spec.ts.)
import { checkA11y, screenshot } from './support/checks';
import { expect, test } from './support/fixtures';

test.use({ viewport: { width: 390, height: 844 } });

test('(p) a phone: the profile offers notifications on this device, and the app shows a pushed one', async ({
  signedIn,
}) => {
  const page = await signedIn('thomas');
  const context = page.context();
  const origin = new URL(page.url()).origin;
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, {
    timeout: 30_000,
  });

  await test.step('the profile says where this device stands and offers to turn notifications on', async () => {
    await page.getByRole('button', { name: /Thomas/ }).click();
    await page.getByRole('menuitem', { name: 'Mon profil' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mon profil' });
    const section = dialog.getByRole('region', { name: 'Notifications sur cet appareil' });
    await expect(section.getByText('Désactivées sur cet appareil.')).toBeVisible();
    await expect(section.getByRole('button', { name: 'Activer sur cet appareil' })).toBeVisible();
    await section.scrollIntoViewIfNeeded();
    await checkA11y(page, 'profile with notifications on this device');
    await screenshot(page, 'p-3-notifications-appareil');
    await page.keyboard.press('Escape');
  });

  await test.step('a message pushed to the app shows as a notification leading to its page', async () => {
    await context.grantPermissions(['notifications'], { origin });
    const cdp = await context.newCDPSession(page);
    const registrationId = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const found = registrations.find((r) => !r.isDeleted && r.scopeURL.startsWith(origin));
        if (found) resolve(found.registrationId);
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin,
      registrationId: await registrationId,
      data: JSON.stringify({
        title: 'Sophie vous a mentionné',
        body: 'Pouvez-vous relire la fiche avant jeudi ?',
        link: '/nouveautes',
        tag: 'n-1',
      }),
    });
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.ready;
          const shown = await registration.getNotifications();
          return shown.map((n) => ({ title: n.title, body: n.body, tag: n.tag, link: n.data?.link }));
        }),
      )
      .toEqual([
        {
          title: 'Sophie vous a mentionné',
          body: 'Pouvez-vous relire la fiche avant jeudi ?',
          tag: 'n-1',
          link: `${origin}/nouveautes`,
        },
      ]);
  });
});
