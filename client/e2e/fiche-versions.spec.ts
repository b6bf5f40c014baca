// Issue 3: a fiche's versions. (1) Olivier takes a named version, changes the text, opens
// the version read-only and restores it: the editor shows the old text again and the version stays listed.
// (2) Inès publishes a fiche for the whole network, then keeps drafting; Julie, in another bassin, finds it in
// the toolbox and reads the published version only: no live editor, no dead links, a working Markdown file.
// The fiches are created through the API (the creation dialog is covered by journey (g)); the text is typed in
// the real editor.
import assert from 'node:assert/strict';
import type { Page } from '@playwright/test';
import { api, eventually, fetchText } from './support/api';
import { checkA11y, checkNoHorizontalOverflow, screenshot } from './support/checks';
import { editorText, waitForEditorText, waitForSynced, writeInSection } from './support/fiche';
import { signIn, test } from './support/fixtures';
import { ACTION_TIMEOUT_MS } from './support/settings';

/** The live fiche's Markdown export, which the server renders from the stored document. */
async function storedMarkdown(page: Page, ficheId: string): Promise<string> {
  const { status, text } = await fetchText(page, `/api/fiches/${ficheId}/export.md`);
  return status === 200 ? text : '';
}

/** Creates a fiche in the signed-in person's only (or first) group and opens it, synchronised. */
async function createAndOpenFiche(page: Page, title: string): Promise<{ id: string }> {
  const me = await api(page, 'GET', '/api/auth/me');
  const groupId = me.memberships[0]?.groupId;
  if (!groupId) throw new Error(`${me.email} belongs to no group in the demo data`);
  const fiche = await api(page, 'POST', '/api/fiches', { title, groupId });
  await page.goto(`/fiches/${fiche.id}`);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await waitForSynced(page, me.displayName);
  return fiche;
}

test('(50) a member takes a version, changes the text, opens the version read-only and restores it', async ({
  signedIn,
}) => {
  test.setTimeout(90_000);
  const title = 'Un jardin partagé au pied du chantier';
  const kept = 'Cultiver des légumes avec les stagiaires chaque mardi.';
  const later = 'Phrase écrite après la version, à effacer.';
  const page = await signedIn('olivier');
  const fiche = await createAndOpenFiche(page, title);
  const ficheUrl = page.url();

  await writeInSection(page, 'Objectifs', kept);
  await eventually(async () => (await storedMarkdown(page, fiche.id)).includes(kept), 'the text stored');

  // A named version of the text as it is now.
  await page.getByRole('button', { name: 'Prendre une version' }).click();
  const take = page.getByRole('dialog', { name: 'Prendre une version' });
  await take.waitFor();
  await take.getByLabel('Nom de la version').fill('Avant la relecture');
  await take.getByRole('button', { name: 'Prendre la version' }).click();
  await page.getByText('La version « Avant la relecture » a été enregistrée.').waitFor();
  await take.waitFor({ state: 'detached' });
  const versions = page.getByRole('region', { name: 'Versions' });
  const item = versions.locator('.version-list__item', { hasText: 'Avant la relecture' });
  await item.waitFor();
  const itemText = (await item.textContent()) ?? '';
  assert(
    itemText.includes('Version 1') && itemText.includes('Olivier'),
    `the versions list should show the named version and who took it: ${itemText}`,
  );

  // The text changes after the version.
  await writeInSection(page, 'Contexte', later);
  await eventually(async () => (await storedMarkdown(page, fiche.id)).includes(later), 'the change stored');

  // The version, read-only: the old text, without the later change.
  await versions.getByRole('link', { name: 'Ouvrir la version 1' }).click();
  await page.waitForURL(/\/fiches\/[^/]+\/versions\/[^/]+$/);
  await page.getByText('Version en lecture seule').waitFor();
  const frozen = page.getByRole('article', { name: /^Texte de la version 1 de la fiche/ });
  await frozen.filter({ hasText: kept }).waitFor();
  assert(
    (await frozen.getAttribute('contenteditable')) === 'false',
    'the version’s text should not be editable',
  );
  assert(
    !((await frozen.textContent()) ?? '').includes(later),
    'the version shows text written after it was taken',
  );
  const eyebrow = (await page.locator('.page-header__eyebrow').textContent()) ?? '';
  assert(eyebrow.includes('Avant la relecture'), `the version page does not name the version: ${eyebrow}`);
  const breadcrumb = page.getByRole('navigation', { name: 'Fil d’Ariane' });
  await breadcrumb.getByRole('link', { name: title }).waitFor();
  await checkA11y(page, 'named version read-only');
  await screenshot(page, 'v-1-version-nommee');

  // Restore, after confirming.
  await page.getByRole('button', { name: 'Restaurer cette version' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Restaurer la version 1 ?' });
  await confirm.waitFor();
  await checkA11y(page, 'restore confirmation');
  await screenshot(page, 'v-2-confirmer-restauration');
  await confirm.getByRole('button', { name: 'Restaurer cette version' }).click();
  await page.getByText('La version 1 est restaurée : c’est maintenant le texte de la fiche.').waitFor();
  await page.waitForURL(ficheUrl);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await waitForSynced(page, 'Olivier after restoring');
  await waitForEditorText(page, kept, 'Olivier after restoring');
  try {
    await page.waitForFunction(
      (later) => !document.querySelector('.fiche-editor__content')?.textContent?.includes(later),
      later,
      { timeout: ACTION_TIMEOUT_MS },
    );
  } catch {
    throw new Error(
      `the restored fiche still shows the later change: ${(await editorText(page)).slice(0, 400)}`,
    );
  }
  await eventually(async () => {
    const md = await storedMarkdown(page, fiche.id);
    return md.includes(kept) && !md.includes(later);
  }, 'the restored text stored');

  // History is kept: the version is still listed.
  const restoredVersions = page.getByRole('region', { name: 'Versions' });
  await restoredVersions.locator('.version-list__item', { hasText: 'Avant la relecture' }).waitFor();
  await restoredVersions.getByRole('link', { name: 'Ouvrir la version 1' }).waitFor();
  await checkA11y(page, 'fiche after restoring a version');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'v-3-fiche-restauree');
});

test('(50) a reader in another bassin opens a fiche published for the network: its published version only', async ({
  signedIn,
}) => {
  test.setTimeout(120_000);
  const title = 'Des trottinettes pour rejoindre le chantier';
  const published = 'Prêter des trottinettes aux stagiaires sans voiture.';
  const draft = 'Brouillon écrit après la publication, pas encore relu.';
  const page = await signedIn('ines');
  const fiche = await createAndOpenFiche(page, title);

  // Publication needs every required section filled.
  await writeInSection(page, 'Objectifs', published);
  await writeInSection(page, 'Contexte', 'Le chantier est loin de la gare.');
  await writeInSection(page, 'Public bénéficiaire', 'Des stagiaires du CISP.');
  await writeInSection(page, 'Dispositif', 'Dix trottinettes prêtées à la semaine.');
  await writeInSection(page, 'Résultats', 'Moins de retards le matin.');
  await writeInSection(page, 'Pour en savoir plus', 'Inès Moreau, animatrice.');
  await eventually(
    async () => (await api(page, 'GET', `/api/fiches/${fiche.id}`)).missingRequiredSections.length === 0,
    'the required sections stored',
  );
  const detail = await api(page, 'POST', `/api/fiches/${fiche.id}/publish`, { reach: 'network' });
  assert(
    detail.status === 'published' && detail.reach === 'network',
    `the fiche is not published for the network: ${detail.status} ${detail.reach}`,
  );

  // The group keeps drafting after the publication.
  await writeInSection(page, 'Objectifs', ` ${draft}`);
  await eventually(async () => (await storedMarkdown(page, fiche.id)).includes(draft), 'the draft stored');

  // Julie, in Brabant wallon, finds it in the toolbox.
  await page.context().clearCookies();
  await signIn(page, 'julie');
  await page.getByRole('heading', { level: 1, name: 'Accueil' }).waitFor();
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Boîte à outils' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Boîte à outils' }).waitFor();
  await page.getByRole('searchbox', { name: 'Rechercher dans les fiches' }).fill('trottinette');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/boite-a-outils\?q=trottinette/);
  const hit = page.locator('.search-hit', { hasText: title });
  await hit.waitFor();
  await hit.getByRole('link', { name: title }).click();

  // She lands on the published fiche, read-only: who wrote it and what it is about, no version jargon.
  await page.waitForURL(new RegExp(`/fiches/${fiche.id}/versions/${detail.publishedVersionId}$`));
  const about = page.getByRole('region', { name: 'À propos de cette fiche' });
  await about.waitFor();
  const facts = (await about.textContent()) ?? '';
  assert(
    facts.includes('Rédigée par') && facts.includes('Inès Moreau') && facts.includes('Hainaut Sud'),
    `the published fiche does not say who wrote it and where: "${facts}"`,
  );
  await page.getByText(/^Publiée le /).waitFor();
  const pageText = (await page.locator('main').textContent()) ?? '';
  assert(
    !/version|lecture seule|Enregistrée par/i.test(pageText),
    `a reader outside the group reads version-history jargon: "${pageText.slice(0, 300)}"`,
  );
  const text = page.getByRole('article', { name: `Texte de la fiche « ${title} »` });
  await text.filter({ hasText: published }).waitFor();
  const shown = (await text.textContent()) ?? '';
  assert(!shown.includes(draft), 'a reader outside the group sees the draft written after publication');
  assert(
    (await page.locator('[contenteditable="true"]').count()) === 0,
    'a reader outside the group gets an editable text',
  );
  assert(
    (await page.locator('.connection').count()) === 0 &&
      (await page.getByRole('complementary', { name: 'Rubriques et informations de la fiche' }).count()) ===
        0,
    'a reader outside the group gets the live editor’s workspace',
  );
  assert(
    (await page.getByRole('button', { name: 'Restaurer cette version' }).count()) === 0,
    'a reader outside the group is offered to restore the version',
  );

  // No dead links: the group and the live fiche are plain text in the breadcrumb.
  const breadcrumb = page.getByRole('navigation', { name: 'Fil d’Ariane' });
  const crumbs = await breadcrumb.getByRole('link').allTextContents();
  assert(
    crumbs.length === 1 && crumbs[0] === 'Bassins',
    `the breadcrumb should link to the bassins only, saw: ${crumbs.join(' | ')}`,
  );
  const trail = (await breadcrumb.textContent()) ?? '';
  assert(trail.includes('Hainaut Sud') && trail.includes(title), `the breadcrumb reads "${trail}"`);
  assert(
    (await page.locator(`a[href^="/groupes/"], a[href="/fiches/${fiche.id}"]`).count()) === 0,
    'the page links to the group or the live fiche, which the reader cannot open',
  );
  const back = page.getByRole('link', { name: 'Retour à la boîte à outils' });
  await back.waitFor();

  // The Markdown download is the published text.
  const download = page.getByRole('link', { name: 'Télécharger (Markdown)' });
  const href = await download.getAttribute('href');
  assert(href?.includes(detail.publishedVersionId), `the Markdown link is "${href}"`);
  const md = await fetchText(page, href ?? '');
  assert(
    md.status === 200 && (md.type ?? '').includes('text/markdown'),
    `the Markdown download answers ${md.status} ${md.type}`,
  );
  assert(
    md.text.includes(`# ${title}`) && md.text.includes(published) && !md.text.includes(draft),
    `the Markdown file is not the published version:\n${md.text.slice(0, 500)}`,
  );

  await checkA11y(page, 'published version seen from another bassin');
  await screenshot(page, 'v-4-version-publiee-lecteur');
  await page.setViewportSize({ width: 375, height: 740 });
  await checkNoHorizontalOverflow(page, 'published version at 375 px');
  await checkA11y(page, 'published version at 375 px');
  await screenshot(page, 'v-5-version-publiee-telephone');

  await back.click();
  await page.getByRole('heading', { level: 1, name: 'Boîte à outils' }).waitFor();
});
