// Issue 3, comments: Thomas selects a passage of a fiche and comments it; Inès (the
// group's facilitator, in a second browser context) sees the comment, its highlight, and replies; Thomas
// sees the reply arrive live and resolves the thread, which leaves the open list on both sides. Thomas also
// mentions Inès in the text with the @ menu, and Inès is notified.
// In Hainaut Sud's social workers' group.
import assert from 'node:assert/strict';
import type { Page } from '@playwright/test';
import { checkA11y, screenshot } from './support/checks';
import { createFiche, waitForEditorText, waitForSynced, writeInSection } from './support/fiche';
import { test } from './support/fixtures';

const SENTENCE = 'Le potager partagé remobilise les stagiaires du CPAS.';
const PASSAGE = 'potager partagé';

/** Selects `text` inside the editor as a user dragging over it would. */
async function selectInEditor(page: Page, text: string) {
  await page.evaluate((wanted) => {
    const content = document.querySelector('.fiche-editor__content');
    if (!content) throw new Error('no editor');
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.textContent ?? '').indexOf(wanted);
      if (at < 0) continue;
      (content as HTMLElement).focus();
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the editor`);
  }, text);
}

const commentsPanel = (page: Page) => page.getByRole('region', { name: 'Commentaires' });
const threadOf = (page: Page, author: string) =>
  commentsPanel(page).getByRole('article', { name: `Commentaire de ${author}` });

test.use({ viewport: { width: 1280, height: 900 } });

test('(40) comments: select a passage, comment it, a colleague replies live, the author resolves it', async ({
  signedIn,
}) => {
  const thomas = await signedIn('thomas');
  const ficheId = await createFiche(thomas, 'Un potager pour se remobiliser', 'Hainaut Sud');
  await thomas.goto(`/fiches/${ficheId}`);
  await waitForSynced(thomas, 'Thomas');
  await writeInSection(thomas, 'Objectifs', SENTENCE);
  await waitForEditorText(thomas, SENTENCE, 'Thomas');

  // The selection offers "Commenter"; the form opens in the side panel with the quote.
  await selectInEditor(thomas, PASSAGE);
  const bubble = thomas.locator('.comment-bubble').getByRole('button', { name: 'Commenter' });
  await bubble.waitFor();
  await screenshot(thomas, '40-1-selection-commenter');
  await bubble.click();
  const field = commentsPanel(thomas).getByLabel('Votre commentaire');
  await field.waitFor();
  await field.fill('Quelle surface cultivée ? Et combien de stagiaires par saison ?');
  await commentsPanel(thomas).getByRole('button', { name: 'Publier le commentaire' }).click();
  const thomasThread = threadOf(thomas, 'Thomas Dubois');
  await thomasThread.waitFor();
  assert(((await thomasThread.textContent()) ?? '').includes(PASSAGE), 'the thread should quote the passage');
  await thomas.locator('.comment-highlight', { hasText: PASSAGE }).first().waitFor();

  // Inès opens the fiche: the comment and its highlight are there; she replies.
  const ines = await signedIn('ines');
  await ines.goto(`/fiches/${ficheId}`);
  await waitForSynced(ines, 'Inès');
  const inesThread = threadOf(ines, 'Thomas Dubois');
  await inesThread.waitFor();
  const highlight = ines.locator('.comment-highlight', { hasText: PASSAGE }).first();
  await highlight.waitFor();
  await highlight.click();
  await ines.locator('.comment-card--active').waitFor();
  await inesThread.getByLabel('Répondre').fill('Environ 200 m², douze stagiaires.');
  await inesThread.getByRole('button', { name: 'Envoyer la réponse' }).click();
  await inesThread.getByText('Environ 200 m², douze stagiaires.').waitFor();
  await checkA11y(ines, 'fiche with a comment thread');
  await screenshot(ines, '40-2-reponse-ines');

  // Thomas mentions Inès in the text itself: "@" offers the group's members, Enter inserts a chip,
  // and Inès is notified once the text is stored.
  await writeInSection(thomas, 'Contexte', 'Demander le plan du terrain à @Inè');
  const mentionList = thomas.getByRole('listbox', { name: 'Membres du groupe à mentionner' });
  await mentionList.getByRole('option', { name: /Inès Moreau/ }).waitFor();
  await screenshot(thomas, '40-2b-mention-liste');
  await thomas.keyboard.press('Enter');
  await mentionList.waitFor({ state: 'detached' });
  await thomas.locator('.fiche-editor__content .mention', { hasText: '@Inès Moreau' }).waitFor();
  await ines.getByRole('button', { name: /^Notifications, \d+ non lue/ }).waitFor({ timeout: 15_000 });
  await ines.getByRole('button', { name: /^Notifications/ }).click();
  await ines.getByText('Thomas Dubois vous a mentionné·e dans une fiche').waitFor();
  await ines.keyboard.press('Escape');

  // Thomas sees the reply arrive without reloading, then resolves his comment.
  await thomasThread.getByText('Environ 200 m², douze stagiaires.').waitFor();
  await thomasThread.getByRole('button', { name: 'Résoudre' }).click();
  await thomasThread.waitFor({ state: 'detached' });
  await thomas.locator('.comment-highlight').first().waitFor({ state: 'detached' });
  await inesThread.waitFor({ state: 'detached' });
  // Resolved threads stay reachable through the filter, with who resolved them.
  // A kit checkbox: its native input is visually hidden inside the label, so it is checked by force as the
  // other react-aria controls are.
  await commentsPanel(thomas)
    .getByLabel(/Afficher le commentaire résolu/)
    .check({ force: true });
  await threadOf(thomas, 'Thomas Dubois').getByText('Résolu par Thomas Dubois').waitFor();
  await threadOf(thomas, 'Thomas Dubois').getByRole('button', { name: 'Rouvrir' }).waitFor();
  await screenshot(thomas, '40-3-commentaire-resolu');
});
