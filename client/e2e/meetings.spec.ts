// Issue 5: a facilitator runs a meeting with two participants. Inès (facilitator of the
// Hainaut Sud social workers) creates a meeting through the API, writes its agenda on the meeting page, and
// runs it live with Amina and Thomas: the current item changes on both their screens, Amina's raised hand
// appears in Inès's queue and gets the floor; Inès writes a line in the shared notes, ends the meeting and
// publishes the minutes; Thomas reads that line in the published minutes. Desktop and 375 px, axe on each.
import assert from 'node:assert/strict';
import type { Locator, Page } from '@playwright/test';
import { api } from './support/api';
import { checkA11y, checkNoHorizontalOverflow, screenshot } from './support/checks';
import { expect, test } from './support/fixtures';

const AGENDA = [
  { title: 'Accueil et tour de table', minutes: '15' },
  { title: 'Cas : hébergement d’urgence', minutes: '30' },
];
const NOTE = 'Créer une liste partagée des hébergements d’urgence du bassin.';
const DECISION = 'La liste des hébergements est tenue par le CPAS de Charleroi.';
const ACTION = 'Recenser les places d’urgence disponibles';
const AMENDMENT = 'Préciser : la liste est mise à jour chaque mois.';
const PASSAGE = 'liste partagée';
const REPLACEMENT = 'liste partagée et mise à jour chaque mois';
const AMENDED_NOTE = NOTE.replace(PASSAGE, REPLACEMENT);

/** Selects `text` in the notes on `page`, as a reader does with the mouse. */
async function selectInNotes(page: Page, text: string): Promise<void> {
  await page.locator('.live-notes__content').evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`no "${wanted}" in the notes`);
  }, text);
}

/** The text of the current item on a live page. */
const currentTitle = (page: Page) => page.locator('.live-current__title');

async function waitForText(locator: Locator, text: string, label: string): Promise<void> {
  try {
    await locator.filter({ hasText: text }).first().waitFor({ timeout: 15_000 });
  } catch {
    const seen = await locator
      .first()
      .textContent({ timeout: 1000 })
      .catch(() => '(nothing)');
    throw new Error(`${label}: expected "${text}", saw "${seen}"`);
  }
}

test('(60) meetings: Inès runs a meeting live with Amina and Thomas, then publishes the minutes', async ({
  signedIn,
}) => {
  // Three browsers, a shared agenda and notes, a published snapshot: longer than the usual minute.
  test.setTimeout(150_000);
  const ines = await signedIn('ines');
  const amina = await signedIn('amina');
  const thomas = await signedIn('thomas');

  // Inès plans a meeting of her group (through the API: planning has its own screens).
  const inesMe = await api(ines, 'GET', '/api/auth/me');
  const facilitated = inesMe.memberships.find((m: { role: string }) => m.role === 'facilitator');
  assert(facilitated, 'Inès facilitates no group in the demo data');
  const startsAt = new Date(Date.now() + 10 * 60_000);
  startsAt.setSeconds(0, 0);
  const endsAt = new Date(startsAt.getTime() + 3 * 3600_000);
  const title = 'Rencontre de novembre';
  const created = await api(ines, 'POST', `/api/groups/${facilitated.groupId}/meetings`, {
    title,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
  });
  const meetingId = created.id;
  assert(/^[0-9a-f-]{36}$/.test(meetingId ?? ''), `no meeting id in ${JSON.stringify(created)}`);

  // The agenda, written in its shared document on the meeting page.
  await ines.goto(`/rencontres/${meetingId}`);
  const agenda = ines.getByRole('region', { name: 'Ordre du jour' });
  await agenda.getByRole('button', { name: 'Ajouter un point' }).waitFor({ timeout: 15_000 });
  for (const [i, item] of AGENDA.entries()) {
    await agenda.getByRole('button', { name: 'Ajouter un point' }).click();
    const field = agenda.getByLabel(`Intitulé du point ${i + 1}`);
    await field.fill(item.title);
    await agenda.getByLabel(`Durée du point ${i + 1} en minutes`).fill(item.minutes);
  }
  // The server mirrors the agenda from the shared document: wait until it reads both items.
  const started = Date.now();
  let detail = await api(ines, 'GET', `/api/meetings/${meetingId}`);
  while (detail.agenda.length < AGENDA.length && Date.now() - started < 15_000) {
    await ines.waitForTimeout(300);
    detail = await api(ines, 'GET', `/api/meetings/${meetingId}`);
  }
  assert(
    detail.agenda.map((a: { title: string }) => a.title).join(' | ') ===
      AGENDA.map((a) => a.title).join(' | '),
    `the server reads the agenda as ${JSON.stringify(detail.agenda)}`,
  );

  // Everyone opens the live page; Inès starts.
  const liveUrl = `/rencontres/${meetingId}/direct`;
  for (const page of [ines, amina, thomas]) {
    await page.goto(liveUrl);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  }
  await ines.getByRole('button', { name: 'Démarrer la rencontre' }).click();
  // Ten minutes from now falls on the next day in Brussels just before midnight: the app then asks first.
  const brusselsDay = (d: Date) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(d);
  if (brusselsDay(startsAt) > brusselsDay(new Date())) {
    const early = ines.getByRole('alertdialog', { name: 'Démarrer avant le jour prévu ?' });
    await early.getByRole('button', { name: 'Démarrer maintenant' }).click();
  }
  for (const [page, who] of [
    [ines, 'Inès'],
    [amina, 'Amina'],
    [thomas, 'Thomas'],
  ] as const)
    await waitForText(currentTitle(page), AGENDA[0].title, `${who}'s current item after the start`);
  const timer = (await amina.getByTestId('live-timer').textContent()) ?? '';
  assert(/^\d\d:\d\d \/ 15:00$/.test(timer.trim()), `Amina's timer reads "${timer}"`);

  // "Point suivant": the current item changes on both participants' screens.
  await ines.getByRole('button', { name: 'Point suivant' }).click();
  await waitForText(currentTitle(amina), AGENDA[1].title, 'Amina after "Point suivant"');
  await waitForText(currentTitle(thomas), AGENDA[1].title, 'Thomas after "Point suivant"');
  const marked = thomas.locator('.live-agenda__item[aria-current="step"]');
  await waitForText(marked, AGENDA[1].title, 'the agenda item marked current on Thomas’s screen');

  // Amina raises her hand: it appears in Inès's queue; Inès gives her the floor.
  await amina.getByRole('button', { name: 'Lever la main' }).click();
  await amina.getByRole('button', { name: 'Baisser la main' }).waitFor();
  const give = ines.getByRole('button', { name: /^Donner la parole à Amina/ });
  await give.waitFor({ timeout: 15_000 });
  await waitForText(ines.locator('.live-queue__next'), 'Ensuite : Amina', 'Inès’s queue');
  await give.click();
  await waitForText(thomas.locator('.live-queue__speaker'), 'Parole : Amina', 'Thomas’s speaker line');

  // A reload restores the live state (the page joins again on every connection).
  await thomas.reload();
  await waitForText(currentTitle(thomas), AGENDA[1].title, 'Thomas after reloading');
  await waitForText(thomas.locator('.live-queue__speaker'), 'Parole : Amina', 'Thomas after reloading');

  // Quick capture: a decision, and an action for Thomas.
  const capture = ines.getByRole('region', { name: 'Décisions et actions' });
  await capture.getByLabel('Nouvelle décision').fill(DECISION);
  await capture.getByRole('button', { name: 'Ajouter la décision' }).click();
  await waitForText(capture.locator('.live-facts__list li'), DECISION, 'the decision list');
  await capture.getByLabel('Action à mener').fill(ACTION);
  await capture.getByRole('button', { name: /Qui$/ }).click();
  await ines.getByRole('option', { name: 'Thomas Dubois' }).click();
  await capture.getByRole('button', { name: 'Ajouter l’action' }).click();
  await waitForText(capture.locator('.live-facts__list li'), ACTION, 'the action list');
  await waitForText(thomas.locator('.live-facts__list li'), ACTION, 'the action on Thomas’s screen');

  // Inès notes the attendance and writes a line in the shared notes; Amina sees it.
  const attendance = ines.getByRole('region', { name: 'Présences' });
  for (const name of ['Amina', 'Thomas']) {
    await attendance
      .getByRole('radiogroup', { name: new RegExp(`^Présence de ${name}`) })
      .getByRole('radio', { name: 'Présent·e' })
      .click({ force: true });
  }
  await ines.locator('.live-notes__content[contenteditable="true"]').waitFor({ timeout: 15_000 });
  await ines.locator('.live-notes__content').click();
  await ines.keyboard.type(NOTE, { delay: 10 });
  await waitForText(amina.locator('.live-notes__content'), NOTE, 'Amina’s notes');

  await checkA11y(ines, 'live page (facilitator)');
  await screenshot(ines, 's-1-direct-animatrice');
  await checkA11y(amina, 'live page (participant)');
  await screenshot(amina, 's-2-direct-participante');
  await amina.setViewportSize({ width: 375, height: 740 });
  await checkNoHorizontalOverflow(amina, 'live page at 375 px');
  await checkA11y(amina, 'live page at 375 px');
  await screenshot(amina, 's-3-direct-telephone');
  // On the phone, the current item and the hand stay at the bottom of the screen wherever she scrolls.
  const bar = amina.getByRole('region', { name: 'Rencontre en cours' });
  await waitForText(bar, `Point 2 : ${AGENDA[1].title}`, 'Amina’s phone bar');
  for (const top of [0, 100_000]) {
    await amina.evaluate((y) => window.scrollTo(0, y), top);
    await expect(bar.getByRole('button', { name: /la main$/ })).toBeInViewport();
  }

  // Inès ends the meeting; the participants see it.
  await ines.getByRole('button', { name: 'Terminer', exact: true }).click();
  await ines.getByRole('alertdialog').getByRole('button', { name: 'Terminer la rencontre' }).click();
  await amina.getByText('La rencontre est terminée.', { exact: false }).first().waitFor({ timeout: 15_000 });
  await thomas.getByText('La rencontre est terminée.', { exact: false }).first().waitFor({ timeout: 15_000 });

  // The minutes: Inès publishes them.
  await ines.goto(`/rencontres/${meetingId}/proces-verbal`);
  await ines.getByRole('heading', { level: 1, name: title }).waitFor();
  await ines.getByRole('button', { name: /^Lancer la relecture/ }).waitFor();
  await checkA11y(ines, 'draft minutes (facilitator)');
  await screenshot(ines, 's-4-pv-brouillon');
  // The review: Amina proposes an amendment, Inès accepts it.
  await ines.getByRole('button', { name: 'Lancer la relecture (7 jours)' }).click();
  await ines.getByText(/Relecture ouverte jusqu’au/).waitFor({ timeout: 15_000 });
  await amina.setViewportSize({ width: 1280, height: 800 });
  await amina.goto(`/rencontres/${meetingId}/proces-verbal`);
  const amendments = amina.getByRole('region', { name: 'Amendements' });
  await amendments.getByLabel('Passage concerné (citation)').fill('liste partagée');
  await amendments.getByLabel('Amendement proposé').fill(AMENDMENT);
  await amendments.getByRole('button', { name: 'Proposer l’amendement' }).click();
  await waitForText(amendments.locator('.live-amendment'), AMENDMENT, 'Amina’s amendment');
  // She also selects a passage of the draft and proposes its new wording.
  await waitForText(amina.locator('.live-notes__content'), NOTE, 'the draft on Amina’s page');
  await selectInNotes(amina, PASSAGE);
  const replaceSelection = amendments.getByRole('button', { name: 'Remplacer le passage sélectionné' });
  await expect(replaceSelection).toBeEnabled();
  await replaceSelection.click();
  await waitForText(amendments.locator('.live-amend-passage'), PASSAGE, 'the passage to replace');
  await amendments.getByLabel('Nouvelle rédaction du passage').fill(REPLACEMENT);
  await checkA11y(amina, 'replacing a passage (attendee)');
  await screenshot(amina, 's-4c-pv-remplacement');
  await amendments.getByRole('button', { name: 'Proposer le remplacement' }).click();
  await waitForText(amendments.locator('.live-amendment'), REPLACEMENT, 'Amina’s replacement');
  await checkA11y(amina, 'minutes in review (attendee)');
  await screenshot(amina, 's-4b-pv-relecture');
  await ines.reload();
  const accept = ines.getByRole('button', { name: 'Accepter l’amendement de Amina Lahlou', exact: true });
  await accept.waitFor({ timeout: 15_000 });
  await accept.click();
  await waitForText(ines.locator('.live-amendment'), 'Accepté', 'the accepted amendment');
  // Inès accepts the replacement: the server writes it into the draft, live in both editors.
  await ines
    .getByRole('button', { name: /^Accepter l’amendement de Amina Lahlou et remplacer le passage/ })
    .click();
  await waitForText(
    ines.locator('.live-notes__content'),
    AMENDED_NOTE,
    'the replaced passage on Inès’s page',
  );
  await waitForText(
    amina.locator('.live-notes__content'),
    AMENDED_NOTE,
    'the replaced passage on Amina’s page',
  );
  await screenshot(ines, 's-4d-pv-remplacement-accepte');

  await ines.getByRole('button', { name: 'Publier', exact: true }).click();
  const dialog = ines.getByRole('alertdialog', { name: 'Publier le procès-verbal ?' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Publier le procès-verbal' }).click();
  await ines.getByRole('link', { name: 'Télécharger en PDF' }).waitFor({ timeout: 15_000 });

  // Thomas reads the published minutes: the line Inès wrote, the attendance, the PDF link.
  await thomas.goto(`/rencontres/${meetingId}/proces-verbal`);
  await thomas.getByRole('heading', { level: 1, name: title }).waitFor();
  const text = thomas.getByRole('article', { name: new RegExp(`Procès-verbal de ${title}`) });
  await waitForText(text, AMENDED_NOTE, 'Thomas’s published minutes');
  const present = (await thomas.locator('.live-facts__attendance').first().textContent()) ?? '';
  assert(/Amina/.test(present) && /Thomas/.test(present), `the minutes list as present: "${present}"`);
  await waitForText(thomas.locator('.live-facts__list li'), DECISION, 'the decision in the minutes');
  await waitForText(thomas.locator('.live-facts__list li'), ACTION, 'the action in the minutes');
  // The minutes hold the agenda the meeting followed.
  const minutesAgenda = thomas.getByRole('region', { name: 'Ordre du jour' }).getByRole('listitem');
  await expect(minutesAgenda).toHaveCount(AGENDA.length);
  await expect(minutesAgenda.first()).toContainText(AGENDA[0].title);
  const pdf = await thomas.getByRole('link', { name: 'Télécharger en PDF' }).getAttribute('href');
  assert(pdf === `/api/meetings/${meetingId}/minutes.pdf`, `the PDF link is "${pdf}"`);
  await checkA11y(thomas, 'published minutes');
  await screenshot(thomas, 's-5-pv-publie');
  await thomas.setViewportSize({ width: 375, height: 740 });
  await checkNoHorizontalOverflow(thomas, 'published minutes at 375 px');
  await screenshot(thomas, 's-6-pv-telephone');
});
