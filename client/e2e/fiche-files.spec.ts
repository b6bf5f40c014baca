// Issue 12, images and files in a fiche: Sophie puts a photo in a fiche through the file
// picker (her upload is slowed down, so that its progress shows), describes it, attaches a PDF; Claire, in
// another browser, sees both arrive live. A file that fails the checks gets its French reason. Once the fiche
// is published for the network, Julie, in another bassin, reads it with its photo and its PDF.
import assert from 'node:assert/strict';
import type { Page } from '@playwright/test';
import { api, ensureMember, eventually, fetchText } from './support/api';
import { checkA11y, checkNoHorizontalOverflow, screenshot, viewportShot } from './support/checks';
import { createFiche, waitForEditorText, waitForSynced, writeInSection } from './support/fiche';
import { signIn, test } from './support/fixtures';
import { landscapePng } from './support/images';

/** A small but well-formed one-page PDF. */
function onePagePdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Whether the image with this alt text is loaded (its screen version answered) in the page. */
function imageLoaded(page: Page, scope: string, alt: string): Promise<boolean> {
  return page.evaluate(
    ({ scope, alt }) => {
      const img = [...document.querySelectorAll<HTMLImageElement>(`${scope} figure img`)].find(
        (i) => i.alt === alt,
      );
      return Boolean(img?.complete && img.naturalWidth > 0);
    },
    { scope, alt },
  );
}

const PHOTO_ALT = 'Trois stagiaires réparent un vélo dans l’atelier';

test.use({ viewport: { width: 1280, height: 900 } });

test('(46) images and files: a photo with its description and a PDF, seen live by a co-writer and by a reader of the published fiche', async ({
  signedIn,
}) => {
  test.setTimeout(180_000);
  // Claire co-writes in the Namur social workers' group; journey (f) removes her from it: the
  // administration puts her back first, so this journey does not depend on the order of the run.
  await ensureMember(await signedIn('admin'), 'Namur', 'social_workers', 'claire@affluents.test');

  const title = 'Un atelier vélo en images';
  const sophie = await signedIn('sophie');
  const fiche = { id: await createFiche(sophie, title, 'Namur') };
  await sophie.goto(`/fiches/${fiche.id}`);
  await sophie.getByRole('heading', { level: 1, name: title }).waitFor();
  await waitForSynced(sophie, 'Sophie');

  const claire = await signedIn('claire');
  await claire.goto(`/fiches/${fiche.id}`);
  await waitForSynced(claire, 'Claire');

  // Sophie writes a sentence, then chooses a photo; her connection is slowed down to 256 kB/s up.
  const intro = 'Voici l’atelier du mardi :';
  await writeInSection(sophie, 'Objectifs', intro);
  const photo = landscapePng(800, 500);
  const cdp = await sophie.context().newCDPSession(sophie);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: 256 * 1024,
  });
  const started = Date.now();
  await sophie
    .locator('input[type=file][data-file-picker="image"]')
    .setInputFiles({ name: 'atelier-velo.png', mimeType: 'image/png', buffer: photo });
  const tray = sophie.getByRole('region', { name: 'Envois de fichiers' });
  const bar = tray.getByRole('progressbar', { name: 'Envoi de « atelier-velo.png »' });
  await bar.waitFor();
  assert((await bar.getAttribute('aria-valuenow')) !== null, 'the progress bar has no value');
  await tray.getByRole('button', { name: 'Annuler l’envoi de « atelier-velo.png »' }).waitFor();
  assert(
    (await claire.locator('.fiche-editor__content figure img').count()) === 0,
    'Claire sees an image before its upload is over',
  );
  await sophie.evaluate(() => window.scrollTo(0, 0));
  await screenshot(sophie, '46-1-envoi-en-cours');
  const seen: string[] = [];
  for (let i = 0; i < 40 && (await bar.count()) > 0; i++) {
    const now = await bar.getAttribute('aria-valuenow').catch(() => null);
    if (now !== null && !seen.includes(now)) seen.push(now);
    await sophie.waitForTimeout(100);
  }
  console.log(`    progress values seen while uploading ${photo.length} bytes: ${seen.join(', ')}`);

  // Stored: the photo is in the text and Sophie is asked what it shows.
  const dialog = sophie.getByRole('dialog', { name: 'Description de l’image' });
  await dialog.waitFor({ timeout: 30_000 });
  console.log(`    upload of the photo took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await sophie.locator('.fiche-editor__content figure img').waitFor();
  await checkA11y(sophie, 'image description dialog');
  await sophie.evaluate(() => window.scrollTo(0, 0));
  await screenshot(sophie, '46-2-description');
  await dialog.getByLabel('Décrivez l’image pour les personnes qui ne la voient pas').fill(PHOTO_ALT);
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await dialog.waitFor({ state: 'detached' });
  await sophie.locator(`.fiche-editor__content figure img[alt="${PHOTO_ALT}"]`).waitFor();
  await eventually(() => imageLoaded(sophie, '.fiche-editor__content', PHOTO_ALT), 'Sophie’s image loaded');

  // Claire sees the photo, described, in the same place.
  await claire.locator(`.fiche-editor__content figure img[alt="${PHOTO_ALT}"]`).waitFor();
  await eventually(() => imageLoaded(claire, '.fiche-editor__content', PHOTO_ALT), 'Claire’s image loaded');
  // Sophie's caret, drawn inside Claire's text, is left out.
  // (ProseMirror draws an empty img beside carets: the photo is the one in a figure.)
  const order = await claire.evaluate(() =>
    [...(document.querySelector('.fiche-editor__content')?.children ?? [])].slice(0, 3).map((el) => {
      const copy = el.cloneNode(true) as Element;
      for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
      return copy.querySelector('figure img') ? 'image' : (copy.textContent ?? '').trim();
    }),
  );
  assert(
    order[0] === 'Objectifs' && order[1] === 'Voici l’atelier du mardi :' && order[2] === 'image',
    `the photo is not under Sophie’s sentence: ${JSON.stringify(order)}`,
  );

  // A PDF, attached the same way.
  await sophie.locator('input[type=file][data-file-picker="document"]').setInputFiles({
    name: 'programme-atelier.pdf',
    mimeType: 'application/pdf',
    buffer: onePagePdf(),
  });
  const download = (page: Page) =>
    page.getByRole('link', { name: /^Télécharger « programme-atelier\.pdf »/ });
  await download(sophie).waitFor();
  await download(claire).waitFor();
  // Chosen after the photo, at Sophie's caret (which went below the photo): the PDF follows it.
  const blocks = await claire.evaluate(() =>
    [...(document.querySelector('.fiche-editor__content')?.children ?? [])]
      .slice(0, 4)
      .map((el) =>
        el.querySelector('figure img') ? 'image' : el.querySelector('.fiche-file-card') ? 'file' : el.tagName,
      ),
  );
  assert(
    JSON.stringify(blocks) === JSON.stringify(['H2', 'P', 'image', 'file']),
    `the PDF is not below the photo: ${JSON.stringify(blocks)}`,
  );
  const card = (await claire.locator('.fiche-file-card').textContent()) ?? '';
  assert(card.includes('Document PDF'), `the file card does not say it is a PDF: ${card}`);
  const href = await download(claire).getAttribute('href');
  const response = await fetchText(claire, href ?? '');
  const got = {
    status: response.status,
    disposition: response.disposition,
    start: response.text.slice(0, 5),
  };
  assert(
    got.status === 200 && got.start === '%PDF-' && /attachment/.test(got.disposition ?? ''),
    `Claire cannot download the PDF: ${JSON.stringify(got)}`,
  );

  // Files that fail the checks: an SVG (refused at once) and a program renamed .pdf (by the server).
  await sophie.locator('input[type=file][data-file-picker="image"]').setInputFiles({
    name: 'logo.svg',
    mimeType: 'image/svg+xml',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
  });
  const program = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(4000, 1)]);
  await sophie
    .locator('input[type=file][data-file-picker="document"]')
    .setInputFiles({ name: 'notice.pdf', mimeType: 'application/pdf', buffer: program });
  const svgError = tray.getByRole('alert').filter({ hasText: 'logo.svg' });
  const programError = tray.getByRole('alert').filter({ hasText: 'notice.pdf' });
  await svgError.waitFor();
  await programError.filter({ hasText: /accepté|refusé/ }).waitFor();
  const reasons = [(await svgError.textContent()) ?? '', (await programError.textContent()) ?? ''];
  console.log(`    refusals: ${reasons.map((r) => JSON.stringify(r)).join(' / ')}`);
  assert(reasons[0].includes('Type de fichier refusé'), `the SVG refusal reads: ${reasons[0]}`);
  assert(
    (await claire.locator('.fiche-editor__content figure img').count()) === 1 &&
      (await claire.locator('.fiche-file-card').count()) === 1,
    'a refused file reached the shared text',
  );
  await checkA11y(sophie, 'fiche with a photo, a PDF and two refusals');
  await sophie.evaluate(() => window.scrollTo(0, 0));
  await screenshot(sophie, '46-3-refus');
  await sophie.setViewportSize({ width: 390, height: 844 });
  await checkNoHorizontalOverflow(sophie, 'refusals at 390 px');
  await tray.scrollIntoViewIfNeeded();
  await viewportShot(sophie, '46-3-refus-telephone');
  await sophie.setViewportSize({ width: 1280, height: 900 });
  await tray.getByRole('button', { name: 'Fermer le message sur « logo.svg »' }).click();
  await tray.getByRole('button', { name: 'Fermer le message sur « notice.pdf »' }).click();
  await tray.waitFor({ state: 'detached' });
  await claire.evaluate(() => window.scrollTo(0, 0));
  await screenshot(claire, '46-4-coautrice');

  // At 390 px: the photo fits, the file card wraps.
  await sophie.setViewportSize({ width: 390, height: 844 });
  await checkNoHorizontalOverflow(sophie, 'fiche with files at 390 px');
  await sophie.locator('.fiche-editor__content h2').first().scrollIntoViewIfNeeded();
  await viewportShot(sophie, '46-5-telephone');
  await sophie.setViewportSize({ width: 1280, height: 900 });

  // Published for the network, with its files.
  await writeInSection(sophie, 'Contexte', 'Le chantier est loin de la gare.');
  await writeInSection(sophie, 'Public bénéficiaire', 'Des stagiaires du CISP.');
  await writeInSection(sophie, 'Dispositif', 'Un atelier de réparation chaque mardi.');
  await writeInSection(sophie, 'Résultats', 'Huit vélos remis en route.');
  await writeInSection(sophie, 'Pour en savoir plus', 'Sophie Lambert, animatrice.');
  await waitForEditorText(claire, 'Sophie Lambert, animatrice.', 'Claire');
  await eventually(
    async () => (await api(sophie, 'GET', `/api/fiches/${fiche.id}`)).missingRequiredSections.length === 0,
    'the required sections stored',
  );
  const published = await api(sophie, 'POST', `/api/fiches/${fiche.id}/publish`, { reach: 'network' });
  assert(published.status === 'published', `the fiche is not published: ${published.status}`);

  await sophie.context().clearCookies();
  await signIn(sophie, 'julie');
  await sophie.getByRole('heading', { level: 1, name: 'Accueil' }).waitFor();
  await sophie.goto(`/fiches/${fiche.id}/versions/${published.publishedVersionId}`);
  const text = sophie.getByRole('article', { name: `Texte de la fiche « ${title} »` });
  await text.locator(`img[alt="${PHOTO_ALT}"]`).waitFor();
  await eventually(() => imageLoaded(sophie, '[role=article]', PHOTO_ALT), 'the published image loaded');
  await text.getByRole('link', { name: /^Télécharger « programme-atelier\.pdf »/ }).waitFor();
  assert(
    (await text.getByRole('button').count()) === 0,
    'a reader of the published fiche is offered to edit an image',
  );
  const markdown = await sophie.evaluate(
    async (url) => (await fetch(url)).text(),
    `/api/fiches/${fiche.id}/export.md?versionId=${published.publishedVersionId}`,
  );
  assert(
    markdown.includes('programme-atelier.pdf') && markdown.includes(PHOTO_ALT),
    `the Markdown export does not list the photo and the PDF:\n${markdown.slice(0, 800)}`,
  );
  await checkA11y(sophie, 'published fiche with files');
  await screenshot(sophie, '46-6-publiee');
  await sophie.setViewportSize({ width: 390, height: 844 });
  await checkNoHorizontalOverflow(sophie, 'published fiche with files at 390 px');
  await text.locator('figure').scrollIntoViewIfNeeded();
  await viewportShot(sophie, '46-7-publiee-telephone');
});
