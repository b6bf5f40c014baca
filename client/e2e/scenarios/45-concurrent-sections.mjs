// Browser scenario (issue 12, misplaced text): Thomas and Inès open a new fiche in two browsers, each
// clicks a different empty section in the side panel, and both start typing with accented first letters:
// Inès after Thomas's first letters reached her cursor in its empty section (the case that sent a sentence
// to the next section), then through an input-method composition open when they arrive, then both at once.
// Each sentence must stay in the section its writer chose, in both browsers.

/** Creates a draft in the Hainaut Sud social workers' group through the API of the signed-in page. */
async function createFiche(page, title) {
  return page.evaluate(async (ficheTitle) => {
    const bassins = await (await fetch('/api/bassins')).json();
    const group = bassins
      .find((b) => b.name === 'Hainaut Sud')
      .groups.find((g) => g.kind === 'social_workers');
    const res = await fetch('/api/fiches', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: ficheTitle, groupId: group.id }),
    });
    const body = await res.json();
    if (!res.ok) throw new Error(`POST /api/fiches: ${res.status} ${JSON.stringify(body)}`);
    return body.id;
  }, title);
}

/** The text under each heading of the editor, carets left out, as { heading: text }. */
function sectionTexts(page) {
  return page.evaluate(() => {
    const texts = {};
    let heading = null;
    for (const child of document.querySelector('.fiche-editor__content').children) {
      const copy = child.cloneNode(true);
      for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
      if (/^H[2-4]$/.test(child.tagName)) {
        heading = copy.textContent;
        texts[heading] = '';
      } else if (heading !== null) texts[heading] += copy.textContent;
    }
    return texts;
  });
}

async function clickSection(page, title) {
  await page
    .getByRole('complementary', { name: 'Rubriques et informations de la fiche' })
    .getByRole('button', { name: new RegExp(`^${title}`) })
    .click();
  await page.waitForFunction(() => document.activeElement?.classList.contains('fiche-editor__content'));
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

export default ({ assert, signIn, screenshot, waitForSynced, waitForEditorText, ACTION_TIMEOUT_MS }) => [
  {
    name: '(45) concurrent typing: two writers start at once in two empty sections, each sentence stays in its section',
    viewport: { width: 1280, height: 900 },
    run: async (thomas, base) => {
      const browser = thomas.context().browser();
      const inesContext = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        locale: 'fr-BE',
      });
      inesContext.setDefaultTimeout(ACTION_TIMEOUT_MS);
      const ines = await inesContext.newPage();
      const inesErrors = [];
      ines.on('pageerror', (error) => inesErrors.push(error.message));
      try {
        await signIn(thomas, base, 'thomas@affluents.test');
        await thomas.getByRole('heading', { level: 1, name: 'Bassins' }).waitFor();
        const ficheId = await createFiche(thomas, 'Deux plumes à la fois');
        await thomas.goto(`${base}/fiches/${ficheId}`);
        await waitForSynced(thomas, 'Thomas');
        await signIn(ines, base, 'ines@affluents.test');
        await ines.getByRole('heading', { level: 1, name: 'Bassins' }).waitFor();
        await ines.goto(`${base}/fiches/${ficheId}`);
        await waitForSynced(ines, 'Inès');
        const ime = await inesContext.newCDPSession(ines);

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
          ]) {
            await waitForEditorText(page, thomasSentence, label);
            await waitForEditorText(page, inesSentence, label);
            const texts = await sectionTexts(page);
            const thomasHeading = Object.keys(texts).find((h) => h.startsWith(thomasSection));
            const inesHeading = Object.keys(texts).find((h) => h.startsWith(inesSection));
            assert(
              texts[thomasHeading] === thomasSentence && texts[inesHeading] === inesSentence,
              `${label}: a sentence left its section: ${JSON.stringify(texts)}`,
            );
          }
        }
        await screenshot(ines, '45-1-deux-rubriques');
        assert(inesErrors.length === 0, `uncaught errors in Inès's page: ${inesErrors.join('; ')}`);
      } finally {
        await inesContext.close().catch(() => {});
      }
    },
  },
];
