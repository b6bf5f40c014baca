// Issue 5: the planning screens. Sophie (facilitator of the Namur encadrants) finds the
// group's "Rencontres" section empty, looks at a year's proposal with its hosts, then creates one meeting at
// the host the rotation proposes; on the meeting page she checks the Brussels date, the place and writes an
// agenda item. Olivier (a member) finds the meeting on the home page and on the group home, answers "Oui",
// downloads its calendar file and finds his calendar feed in his profile; Sophie sees his answer and who has
// not answered. Desktop and 375 px, axe on each screen.
import assert from 'node:assert/strict';
import type { Locator, Page } from '@playwright/test';
import { api, fetchText } from './support/api';
import { checkA11y, checkNoHorizontalOverflow, screenshot } from './support/checks';
import { expect, test } from './support/fixtures';
import { ACTION_TIMEOUT_MS } from './support/settings';

const TIME_ZONE = 'Europe/Brussels';
const TITLE = 'Rencontre des encadrants – atelier bois';
const AGENDA_ITEM = { title: 'Tour des ateliers', minutes: '30', owner: 'Olivier' };

/** The Brussels calendar day `days` from now, as a date input wants it (YYYY-MM-DD). */
function brusselsDayFromNow(days: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(Date.now() + days * 86_400_000));
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * The first Monday-to-Friday at least `days` days from now in Brussels: the year plan moves a weekend start
 * to the next Monday, so a start picked on a weekend would not be the first planned row.
 */
function brusselsWeekdayFromNow(days: number): string {
  for (let ahead = days; ; ahead++) {
    const day = brusselsDayFromNow(ahead);
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) return day;
  }
}

/** "7 décembre": how the day of that date reads in French (noon UTC is the same day in Brussels). */
function frenchDayAndMonth(date: string): string {
  return new Intl.DateTimeFormat('fr-BE', { timeZone: TIME_ZONE, day: 'numeric', month: 'long' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

async function openGroup(page: Page): Promise<string> {
  await page.goto('/bassins');
  await page.getByRole('heading', { level: 1, name: 'Bassins' }).waitFor();
  await page
    .getByRole('region', { name: 'Namur', exact: true })
    .getByRole('link', { name: /Personnel encadrant/ })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Personnel encadrant' }).waitFor();
  const url = page.url();
  return url;
}

async function openProfile(page: Page, who: string): Promise<Locator> {
  await page.getByRole('button', { name: new RegExp(who) }).click();
  await page.getByRole('menuitem', { name: 'Mon profil' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mon profil' });
  await dialog.waitFor();
  return dialog;
}

/**
 * A full-page screenshot from the top with the pointer out of the way (a sticky header otherwise lands
 * mid-page); a dialog is shot in a tall window so that its whole content, not only its scroll box, shows.
 */
async function shot(page: Page, name: string, { dialog = false } = {}) {
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.mouse.move(0, 0);
  if (dialog) await page.setViewportSize({ width: size.width, height: 1500 });
  else await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
  if (dialog) await page.setViewportSize(size);
}

test('(55) meeting planning: Sophie plans a meeting of the Namur encadrants, Olivier answers and subscribes', async ({
  signedIn,
}) => {
  // Two browsers and a dozen screens with axe on each: longer than the usual minute.
  test.setTimeout(150_000);
  // --- Sophie: the empty "Rencontres" section of her group.
  const sophie = await signedIn('sophie');
  const groupUrl = await openGroup(sophie);
  const section = sophie.getByRole('region', { name: 'Rencontres', exact: true });
  await section.getByRole('heading', { name: 'Aucune rencontre planifiée' }).waitFor();
  await section.getByText('Créez la prochaine rencontre ou planifiez l’année.').waitFor();
  await checkA11y(sophie, 'group home with no meeting (facilitator)');
  await shot(sophie, 'p-1-groupe-sans-rencontre');

  // --- "Planifier l'année": a proposal of six meetings, each with a host; cancelled.
  const firstDay = brusselsWeekdayFromNow(21);
  await section.getByRole('button', { name: 'Planifier l’année' }).click();
  const plan = sophie.getByRole('dialog', { name: 'Planifier l’année' });
  await plan.waitFor();
  await plan.getByLabel('Première rencontre').fill(firstDay);
  await plan.getByRole('button', { name: 'Proposer', exact: true }).click();
  const rows = plan.locator('tbody tr');
  await rows.first().waitFor();
  assert((await rows.count()) === 6, `the proposal has ${await rows.count()} rows instead of 6`);
  const proposedHosts = [];
  for (const row of await rows.all()) {
    // The host picker is the kit's select: its button shows the chosen organisation.
    const host =
      (await row
        .getByRole('button', { name: /Hôte de / })
        .locator('.select__value')
        .textContent()) ?? '';
    proposedHosts.push(host.trim());
  }
  assert(
    proposedHosts.every((h) => h && h !== 'Aucune pour l’instant'),
    `every planned meeting should get a host: ${proposedHosts.join(' | ')}`,
  );
  // Sophie's federation is an outside partner: the Recyclerie is the group's only member structure.
  assert(
    proposedHosts.every((h) => h === 'La Recyclerie namuroise'),
    `the rotation should propose the group's member structure: ${proposedHosts.join(' | ')}`,
  );
  const firstRow = await textOf(rows.first());
  assert(firstRow.includes(frenchDayAndMonth(firstDay)), `the first planned row reads "${firstRow}"`);
  await plan.getByRole('button', { name: 'Créer ces 6 rencontres' }).waitFor();
  await checkA11y(sophie, 'plan-the-year dialog with its proposal');
  await shot(sophie, 'p-2-planifier-annee', { dialog: true });
  await plan.getByRole('button', { name: 'Annuler' }).click();
  await plan.waitFor({ state: 'detached' });
  await section.getByRole('heading', { name: 'Aucune rencontre planifiée' }).waitFor();

  // --- "Nouvelle rencontre" at the host the rotation proposes.
  const day = brusselsDayFromNow(14);
  await section.getByRole('button', { name: 'Nouvelle rencontre' }).click();
  const create = sophie.getByRole('dialog', { name: 'Nouvelle rencontre' });
  await create.waitFor();
  await create.getByRole('textbox', { name: 'Titre' }).fill(TITLE);
  await create.getByLabel('Jour').fill(day);
  await create.getByLabel('Début').fill('14:00');
  await create.getByLabel('Fin').fill('16:30');
  const why = create.getByText(/^Proposée par la rotation : /);
  await why.waitFor();
  const reason = await textOf(why);
  assert(/jamais accueilli|A accueilli/.test(reason), `the proposal does not say why: "${reason}"`);
  const host = await textOf(create.locator('.select__value'));
  assert(host && host !== 'Aucune pour l’instant', `no host is preselected (shows "${host}")`);
  assert(
    host === proposedHosts[0],
    `the dialog proposes "${host}", the year plan started with "${proposedHosts[0]}"`,
  );
  await checkA11y(sophie, 'new meeting dialog');
  await shot(sophie, 'p-3-nouvelle-rencontre', { dialog: true });
  await create.getByRole('button', { name: 'Créer la rencontre' }).click();
  await sophie.waitForURL(/\/rencontres\/[0-9a-f-]{36}$/);
  const meetingUrl = sophie.url();

  // --- The meeting page: Brussels date, place, host, RSVP, agenda, participants.
  await sophie.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  const facts = sophie.locator('.meeting-facts');
  const when = await textOf(facts.locator('dt:text-is("Quand") + dd'));
  assert(
    when.includes(frenchDayAndMonth(day)) && when.includes('14:00') && when.includes('16:30'),
    `"Quand" reads "${when}" (expected the ${frenchDayAndMonth(day)}, 14:00 – 16:30 in Brussels)`,
  );
  const where = await textOf(facts.locator('dt:text-is("Où") + dd'));
  assert(where.includes(`Chez ${host}`), `"Où" reads "${where}", expected the host ${host}`);
  await sophie.getByRole('radiogroup', { name: 'Serez-vous présent·e ?' }).waitFor();

  const agenda = sophie.getByRole('region', { name: 'Ordre du jour' });
  await agenda.getByRole('button', { name: 'Ajouter un point' }).waitFor({ timeout: 15_000 });
  await agenda.getByRole('button', { name: 'Ajouter un point' }).click();
  await agenda.getByLabel('Intitulé du point 1').fill(AGENDA_ITEM.title);
  await agenda.getByLabel('Durée du point 1 en minutes').fill(AGENDA_ITEM.minutes);
  await agenda.getByLabel('Porteur du point 1').fill(AGENDA_ITEM.owner);
  await agenda.getByText('30 min sur 2 h 30 de rencontre — reste 2 h').waitFor();
  // Removing an item can be taken back from the toast, with everything it held.
  await agenda.getByRole('button', { name: 'Retirer le point 1' }).click();
  await agenda.getByText('L’ordre du jour est vide.').waitFor();
  await sophie
    .getByRole('region', { name: 'Notifications' })
    .getByRole('button', { name: 'Annuler' })
    .click();
  await expect(agenda.getByLabel('Intitulé du point 1')).toHaveValue(AGENDA_ITEM.title);
  await expect(agenda.getByLabel('Porteur du point 1')).toHaveValue(AGENDA_ITEM.owner);
  await agenda.getByText('30 min sur 2 h 30 de rencontre — reste 2 h').waitFor();

  const participants = sophie.getByRole('region', { name: 'Participants' });
  const pending = participants.locator('.meeting-answers__group--pending');
  await pending.getByText('Olivier Lejeune').waitFor();
  await checkA11y(sophie, 'meeting page (facilitator)');
  await shot(sophie, 'p-4-rencontre-animatrice');

  // --- Olivier: the meeting on his home page and on the group home.
  const olivier = await signedIn('olivier');
  const mine = olivier.getByRole('region', { name: 'Mes prochaines rencontres' });
  await mine.getByRole('link', { name: TITLE }).waitFor();
  const line = await textOf(mine.locator('.meeting-item', { hasText: TITLE }));
  assert(
    line.includes(frenchDayAndMonth(day)) && line.includes('Pas encore répondu'),
    `the home page lists the meeting as "${line}"`,
  );
  await checkA11y(olivier, 'home page with my next meetings');
  await shot(olivier, 'p-5-accueil-mes-rencontres');
  await openGroup(olivier);
  const hisSection = olivier.getByRole('region', { name: 'Rencontres', exact: true });
  await hisSection.getByRole('link', { name: TITLE }).waitFor();
  assert(
    (await hisSection.getByRole('button', { name: 'Nouvelle rencontre' }).count()) === 0,
    'a member must not see "Nouvelle rencontre"',
  );
  await hisSection.getByRole('link', { name: TITLE }).click();
  await olivier.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  assert(
    (await olivier.getByRole('region', { name: 'Participants' }).count()) === 0,
    'a member must not see the participants panel',
  );
  // Sophie's agenda item, through the shared document.
  const hisAgenda = olivier.getByRole('region', { name: 'Ordre du jour' });
  await hisAgenda.getByLabel('Intitulé du point 1').waitFor({ timeout: 15_000 });
  const itemTitle = await hisAgenda.getByLabel('Intitulé du point 1').inputValue();
  assert(itemTitle === AGENDA_ITEM.title, `Olivier reads the first agenda item as "${itemTitle}"`);

  // He answers "Oui".
  const rsvp = olivier.getByRole('radiogroup', { name: 'Serez-vous présent·e ?' });
  await rsvp.getByRole('radio', { name: 'Oui' }).click({ force: true });
  await olivier.getByText('Réponse enregistrée').first().waitFor();
  assert(await rsvp.getByRole('radio', { name: 'Oui' }).isChecked(), 'his answer "Oui" is not checked');

  // --- Sophie sees the answer (live if the page updates itself, else after a reload).
  const yes = participants.locator('.meeting-answers__group--yes');
  const live = await yes
    .getByText('Olivier Lejeune')
    .waitFor({ timeout: 5000 })
    .then(() => true)
    .catch(() => false);
  if (!live) {
    console.log('    the facilitator’s page did not update live: reloading');
    await sophie.reload();
    await yes.getByText('Olivier Lejeune').waitFor();
  }
  const yesTitle = await textOf(yes.getByRole('heading'));
  assert(yesTitle === 'Oui (1)', `the "yes" group is titled "${yesTitle}"`);
  const stillPending = await textOf(pending);
  assert(
    !stillPending.includes('Olivier') && /Pas encore répondu \(\d+\)/.test(stillPending),
    `who has not answered: "${stillPending}"`,
  );

  // --- Olivier downloads the calendar file.
  const ics = olivier.getByRole('link', { name: 'Ajouter à mon agenda (.ics)' });
  const icsUrl = await ics.getAttribute('href');
  assert(icsUrl, 'the calendar link has no address');
  const file = await fetchText(olivier, icsUrl);
  assert(file.status === 200, `GET ${icsUrl}: ${file.status} ${file.text.slice(0, 200)}`);
  assert(file.type.startsWith('text/calendar'), `the calendar file is served as "${file.type}"`);
  assert(file.text.includes('BEGIN:VEVENT'), 'the calendar file has no VEVENT');
  assert(file.text.includes('TZID=Europe/Brussels'), 'the calendar file does not use TZID=Europe/Brussels');
  assert(file.text.includes('T140000'), 'the calendar file does not start at 14:00 Brussels time');
  await checkA11y(olivier, 'meeting page (member)');
  await shot(olivier, 'p-6-rencontre-membre');

  // --- Olivier's calendar feed in his profile: shown once, then only a new one can be generated.
  let profile = await openProfile(olivier, 'Olivier Lejeune');
  let calendar = profile.getByRole('region', { name: 'Calendrier' });
  const address = calendar.getByRole('textbox', { name: 'Adresse de mon calendrier' });
  await olivier.waitForFunction(
    () => document.querySelector<HTMLInputElement>('.calendar-feed__url')?.value?.startsWith('http'),
    null,
    { timeout: ACTION_TIMEOUT_MS },
  );
  const feedUrl = await address.inputValue();
  // The address is the secret: it works without the session cookie, as a calendar app fetches it.
  const feed = await fetchText(olivier, feedUrl, 'omit');
  assert(feed.status === 200, `the feed answers ${feed.status}`);
  assert(
    feed.text.includes('BEGIN:VEVENT') && feed.text.includes('atelier bois'),
    'the feed lacks the meeting',
  );
  await calendar.getByRole('button', { name: 'Copier l’adresse' }).waitFor();
  await checkA11y(olivier, 'profile dialog with the calendar feed');
  await shot(olivier, 'p-7-profil-calendrier', { dialog: true });
  await olivier.keyboard.press('Escape');
  await profile.waitFor({ state: 'detached' });

  await olivier.reload();
  await olivier.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  profile = await openProfile(olivier, 'Olivier Lejeune');
  calendar = profile.getByRole('region', { name: 'Calendrier' });
  await calendar.getByText(/ne s’affiche qu’une fois/).waitFor();
  const rotate = calendar.getByRole('button', { name: 'Générer une nouvelle adresse' });
  await rotate.waitFor();
  assert((await address.count()) === 0, 'an empty address field is shown for the hidden address');
  await checkA11y(olivier, 'profile dialog, feed address already shown once');
  await shot(olivier, 'p-8-profil-adresse-deja-montree', { dialog: true });
  await rotate.click();
  const confirm = olivier.getByRole('alertdialog', { name: 'Générer une nouvelle adresse' });
  await confirm.getByRole('button', { name: 'Générer une nouvelle adresse' }).click();
  await confirm.waitFor({ state: 'detached' });
  await olivier.waitForFunction(
    (old) => {
      const value = document.querySelector<HTMLInputElement>('.calendar-feed__url')?.value ?? '';
      return value.startsWith('http') && value !== old;
    },
    feedUrl,
    { timeout: ACTION_TIMEOUT_MS },
  );
  const old = await fetchText(olivier, feedUrl, 'omit');
  assert(old.status >= 400 && old.status < 500, `the replaced feed address still answers ${old.status}`);
  await olivier.keyboard.press('Escape');

  // --- Screenshots of the group section and the meeting page, desktop and phone.
  await sophie.goto(groupUrl);
  await section.getByRole('link', { name: TITLE }).waitFor();
  await checkA11y(sophie, 'group home with a planned meeting');
  await shot(sophie, 'p-9-groupe-rencontre');
  await sophie.setViewportSize({ width: 375, height: 740 });
  await checkNoHorizontalOverflow(sophie, 'group home at 375 px');
  await shot(sophie, 'p-10-groupe-telephone');
  await sophie.goto(meetingUrl);
  await sophie.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await agenda.getByLabel('Intitulé du point 1').waitFor({ timeout: 15_000 });
  await checkNoHorizontalOverflow(sophie, 'meeting page at 375 px (facilitator)');
  await checkA11y(sophie, 'meeting page at 375 px');
  await shot(sophie, 'p-11-rencontre-telephone');
  await olivier.setViewportSize({ width: 375, height: 740 });
  await checkNoHorizontalOverflow(olivier, 'meeting page at 375 px (member)');
  await shot(olivier, 'p-12-rencontre-membre-telephone');
});

test('(55b) date poll on a phone: Olivier answers "Si nécessaire" at 390 px, the words whole', async ({
  signedIn,
}) => {
  const sophie = await signedIn('sophie');
  const olivier = await signedIn('olivier');
  // A group Sophie facilitates and Olivier belongs to (the Namur encadrants).
  const oliviers: Array<{ groupId: string }> = (await api(olivier, 'GET', '/api/auth/me')).memberships;
  const facilitated = (await api(sophie, 'GET', '/api/auth/me')).memberships.find(
    (m: { role: string; groupId: string }) =>
      m.role === 'facilitator' && oliviers.some((o) => o.groupId === m.groupId),
  );
  assert(facilitated, 'Sophie facilitates no group of Olivier in the demo data');
  // A meeting whose date is to be found, and its date poll (through the API: the planning screens are above).
  const meeting = await api(sophie, 'POST', `/api/groups/${facilitated.groupId}/meetings`, {
    title: 'Rencontre à dater',
  });
  const slot = (days: number) => {
    const day = brusselsWeekdayFromNow(days);
    return { startsAt: `${day}T08:30:00.000Z`, endsAt: `${day}T11:30:00.000Z` };
  };
  await api(sophie, 'POST', `/api/meetings/${meeting.id}/date-poll`, {
    slots: [slot(30), slot(37)],
    closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  });

  await olivier.setViewportSize({ width: 390, height: 844 });
  await olivier.goto(`/rencontres/${meeting.id}`);
  const poll = olivier.getByRole('region', { name: 'Trouver la date' });
  const maybe = poll.getByRole('columnheader', { name: 'Si nécessaire' });
  await maybe.waitFor();
  // The heading breaks between its words at most: each word on one line, no hyphen.
  const words = await maybe.evaluate((cell) => {
    const text = cell.firstChild as Text;
    return (text.textContent ?? '').split(' ').map((word) => {
      const at = (text.textContent ?? '').indexOf(word);
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + word.length);
      const lines = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top)));
      return { word, lines: lines.size };
    });
  });
  for (const { word, lines } of words) assert(lines === 1, `"${word}" is broken over ${lines} lines`);
  expect(await maybe.evaluate((cell) => getComputedStyle(cell).hyphens)).toBe('manual');
  await poll
    .getByRole('radio', { name: /^Si nécessaire pour/ })
    .first()
    .click({ force: true });
  await checkNoHorizontalOverflow(olivier, 'date poll at 390 px');
  await checkA11y(olivier, 'date poll at 390 px');
  await poll.scrollIntoViewIfNeeded();
  await screenshot(olivier, 'p-9-sondage-dates-telephone');

  // The meeting leaves the group's plans as it came: cancelled.
  await api(sophie, 'PATCH', `/api/meetings/${meeting.id}`, { status: 'cancelled' });
});
