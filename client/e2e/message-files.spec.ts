// Issue 14, files where people work: Amina attaches a photo to a message from the composer (keyboard, file
// picker, progress, then the thumbnail in her draft); Thomas, in another browser, sees the photo in the
// message. A file of a refused type says why in French and loses nothing typed. Desktop and phone.
import assert from 'node:assert/strict';
import type { Page } from '@playwright/test';
import { api } from './support/api';
import { checkA11y, checkNoHorizontalOverflow, screenshot, viewportShot } from './support/checks';
import { test } from './support/fixtures';
import { landscapePng } from './support/images';

/** The article of the last message whose text contains `text`. */
const messageWith = (page: Page, text: string) => page.locator('article.message', { hasText: text }).last();

/** True once the image has arrived and decoded (not a broken image). */
const loaded = (page: Page, alt: string) =>
  page
    .getByRole('img', { name: alt })
    .last()
    .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);

test('(42) files in a message: a photo attached by Amina is seen by Thomas', async ({ signedIn }) => {
  const amina = await signedIn('amina');
  const thomas = await signedIn('thomas');
  const me = await api(amina, 'GET', '/api/auth/me');
  const groupId = me.memberships[0].groupId as string;
  const thread = await api(amina, 'POST', `/api/groups/${groupId}/threads`, {
    title: 'Photos de l’atelier vélo',
    body: 'Je vous montre l’atelier tout à l’heure.',
  });
  await amina.goto(`/discussions/${thread.id}`);
  await thomas.goto(`/discussions/${thread.id}`);
  await messageWith(thomas, 'tout à l’heure').waitFor();

  // A refused type: the reason in French, naming the field; what was typed stays.
  const composer = amina.getByLabel('Votre message');
  await composer.fill('Voici la salle');
  const attach = amina.getByRole('button', { name: 'Joindre un fichier ou une image' });
  const refusedChooser = amina.waitForEvent('filechooser');
  await attach.click();
  await (await refusedChooser).setFiles({
    name: 'plan.svg',
    mimeType: 'image/svg+xml',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
  });
  const alert = amina.getByRole('alert').filter({ hasText: 'plan.svg' });
  await alert.waitFor();
  assert.match(
    (await alert.textContent()) ?? '',
    /^Fichiers joints : « plan\.svg » n’est pas d’un type accepté/,
  );
  assert.equal(await composer.inputValue(), 'Voici la salle');
  await amina.getByRole('button', { name: 'Retirer « plan.svg »' }).click();
  await alert.waitFor({ state: 'detached' });

  // The photo, chosen from the keyboard: the button takes the focus and Enter opens the picker.
  await attach.focus();
  const chooser = amina.waitForEvent('filechooser');
  await amina.keyboard.press('Enter');
  await (await chooser).setFiles({
    name: 'atelier.png',
    mimeType: 'image/png',
    buffer: landscapePng(640, 400),
  });
  await amina.getByRole('button', { name: 'Retirer « atelier.png »' }).waitFor();
  await checkA11y(amina, 'composer with an attached photo');
  await screenshot(amina, '42-1-message-photo-brouillon');
  await composer.press('Enter');

  // Thomas sees the photo in the message, live, as a thumbnail that opens the full image.
  const received = messageWith(thomas, 'Voici la salle');
  await received.waitFor();
  const thumbnail = received.getByRole('link', {
    name: 'Ouvrir l’image « atelier.png » dans un nouvel onglet',
  });
  await thumbnail.waitFor();
  await thomas.waitForFunction(() =>
    [...document.querySelectorAll('article.message img')].some(
      (img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0,
    ),
  );
  assert.ok(await loaded(thomas, 'atelier.png'), 'the photo did not load for Thomas');
  assert.equal(await amina.getByRole('button', { name: 'Retirer « atelier.png »' }).count(), 0);
  await checkA11y(thomas, 'thread with a photo');
  await screenshot(thomas, '42-2-message-photo-recue');

  // On a phone, the composer and the photo fit the width.
  await thomas.setViewportSize({ width: 390, height: 844 });
  await received.scrollIntoViewIfNeeded();
  await checkNoHorizontalOverflow(thomas, 'thread with a photo at 390 px');
  await viewportShot(thomas, '42-3-message-photo-telephone');
  await amina.setViewportSize({ width: 390, height: 844 });
  await amina.getByRole('button', { name: 'Joindre un fichier ou une image' }).waitFor();
  await checkNoHorizontalOverflow(amina, 'composer at 390 px');
  await checkA11y(amina, 'composer at 390 px');
  await viewportShot(amina, '42-4-composeur-telephone');
});
