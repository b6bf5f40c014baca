// Issue 12, misplaced text: Thomas and Inès open a new fiche in two browsers, each
// clicks a different empty section in the side panel, and both start typing with accented first letters:
// Inès after Thomas's first letters reached her cursor in its empty section (the case that sent a sentence
// to the next section), then through an input-method composition open when they arrive, then both at once.
// Each sentence must stay in the section its writer chose, in both browsers.
import assert from 'node:assert/strict';
import type { Page } from '@playwright/test';
import { screenshot } from './support/checks';
import { clickSection, createFiche, waitForEditorText, waitForSynced } from './support/fiche';
import { test } from './support/fixtures';

/** The text under each heading of the editor, carets left out, as { heading: text }. */
function sectionTexts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const texts: Record<string, string> = {};
    let heading: string | null = null;
    for (const child of document.querySelector('.fiche-editor__content')?.children ?? []) {
      const copy = child.cloneNode(true) as Element;
      for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
      if (/^H[2-4]$/.test(child.tagName)) {
        heading = copy.textContent ?? '';
        texts[heading] = '';
      } else if (heading !== null) texts[heading] += copy.textContent;
    }
    return texts;
  });
}

// [Thomas's section, Thomas's sentence, Inès's section (the next one), Inès's sentence]
const rounds = [
  ['Objectifs', 'À Jambes, remobiliser les stagiaires.', 'Contexte', 'Élaboré avec le CPAS de Jambes.'],
  [
    'Dispositif',
    'Ça commence par un atelier vélo.',
    'Public bénéficiaire',
    'Écoles de devoirs et stagiaires.',
  ],
  ['Moyens mis en œuvre', 'Être deux animateurs par séance.', 'Résultats', 'Émilie a repris une formation.'],
];

test.use({ viewport: { width: 1280, height: 900 } });

test('(45) concurrent typing: two writers start at once in two empty sections, each sentence stays in its section', async ({
  signedIn,
}) => {
  const thomas = await signedIn('thomas');
  const ficheId = await createFiche(thomas, 'Deux plumes à la fois', 'Hainaut Sud');
  await thomas.goto(`/fiches/${ficheId}`);
  await waitForSynced(thomas, 'Thomas');
  const ines = await signedIn('ines');
  await ines.goto(`/fiches/${ficheId}`);
  await waitForSynced(ines, 'Inès');
  const ime = await ines.context().newCDPSession(ines);

  for (const [round, [thomasSection, thomasSentence, inesSection, inesSentence]] of rounds.entries()) {
    // Both cursors are placed before anyone types.
    await clickSection(ines, inesSection);
    await clickSection(thomas, thomasSection);
    // Round 1: Inès's first key comes once Thomas's first letters reached her. Round 2: she is
    // composing her accented first letter (input method) when they arrive. Round 3: both type at once.
    if (round === 1)
      await ime.send('Input.imeSetComposition', { text: '´', selectionStart: 1, selectionEnd: 1 });
    const thomasTyping = thomas.keyboard.type(thomasSentence, { delay: 20 });
    if (round < 2) {
      await waitForEditorText(ines, thomasSentence.slice(0, 3), 'Inès');
      if (round === 1) await ime.send('Input.insertText', { text: inesSentence[0] });
      await ines.keyboard.type(inesSentence.slice(round === 1 ? 1 : 0), { delay: 20 });
    } else await ines.keyboard.type(inesSentence, { delay: 20 });
    await thomasTyping;
    for (const [page, label] of [
      [thomas, 'Thomas'],
      [ines, 'Inès'],
    ] as const) {
      await waitForEditorText(page, thomasSentence, label);
      await waitForEditorText(page, inesSentence, label);
      const texts = await sectionTexts(page);
      const thomasHeading = Object.keys(texts).find((h) => h.startsWith(thomasSection));
      const inesHeading = Object.keys(texts).find((h) => h.startsWith(inesSection));
      assert(
        texts[thomasHeading ?? ''] === thomasSentence && texts[inesHeading ?? ''] === inesSentence,
        `${label}: a sentence left its section: ${JSON.stringify(texts)}`,
      );
    }
  }
  await screenshot(ines, '45-1-deux-rubriques');
});
