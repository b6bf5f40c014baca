// Issue 14, "one inbox, one home": the home page is what a member needs this week, and a guest's home is
// her meetings. (a) Sophie opens a date poll for the next meeting of the Namur social workers; Claire is told
// of it on her home page and votes from there. (b) At 390 px, the group page reaches the discussions in one
// tap, and the tab stays in the address. (c) Nadia, a guest of one meeting and in no group, sees that
// meeting on her home and no invitation to join a group. Desktop and 390 px, axe on each screen.
// (Runs before group-members.spec.ts, which takes Claire out of the group and puts Nadia in: one database.)
import assert from 'node:assert/strict';
import type { Page } from '@playwright/test';
import { api } from './support/api';
import { checkA11y, checkNoHorizontalOverflow, screenshot, viewportShot } from './support/checks';
import { test } from './support/fixtures';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const inDays = (days: number, hour = 9) => {
  const at = new Date(Date.now() + days * 86_400_000);
  at.setUTCHours(hour, 0, 0, 0);
  return at.toISOString();
};

/** The Namur social workers' group id, from Sophie's memberships (she facilitates it). */
async function namurSocialWorkers(sophie: Page): Promise<string> {
  const bassins = await api(sophie, 'GET', '/api/bassins');
  const namur = bassins.find((b: { name: string }) => b.name === 'Namur');
  const group = namur?.groups.find((g: { kind: string }) => g.kind === 'social_workers');
  assert(group, 'no Namur social workers group in the demo data');
  return group.id;
}

test('(14a) Claire is told of the date poll for the next meeting on her home page and votes from there', async ({
  signedIn,
}) => {
  test.setTimeout(120_000);
  const sophie = await signedIn('sophie');
  const groupId = await namurSocialWorkers(sophie);
  const TITLE = 'Rencontre de janvier';
  const meeting = await api(sophie, 'POST', `/api/groups/${groupId}/meetings`, { title: TITLE });
  const opened = await api(sophie, 'POST', `/api/meetings/${meeting.id}/date-poll`, {
    slots: [
      { startsAt: inDays(20), endsAt: inDays(20, 12) },
      { startsAt: inDays(27), endsAt: inDays(27, 12) },
    ],
    closesAt: inDays(10, 17),
  });

  const claire = await signedIn('claire');
  const polls = claire.getByRole('region', { name: /Votre vote est attendu/ });
  const item = polls.getByRole('listitem', { name: `Date de la rencontre « ${TITLE} »` });
  await item.waitFor();
  // The meeting itself says its date is being found, and the poll is one tap away too.
  const meetings = claire.getByRole('region', { name: 'Mes prochaines rencontres' });
  await meetings.getByRole('listitem', { name: TITLE }).getByText('Sondage de dates ouvert').waitFor();
  const open = item.getByRole('link', { name: 'Ouvrir la rencontre' });
  assert(
    (await open.getAttribute('href')) === `/rencontres/${meeting.id}`,
    'the poll does not link to its meeting',
  );
  await checkA11y(claire, 'home with a date poll waiting');
  await screenshot(claire, 'h-1-accueil-sondage-de-dates');

  await item.getByRole('button', { name: /Voter ici/ }).click();
  const form = item.getByRole('form');
  await form.waitFor();
  await checkA11y(claire, 'home with the date poll unfolded');
  // "Oui" for the first slot, "Non" for the second.
  const yes = form.getByRole('radio', { name: /^Oui pour/ });
  assert((await yes.count()) === 2, `expected a "Oui" per slot, saw ${await yes.count()}`);
  await yes.first().click({ force: true });
  await form
    .getByRole('radio', { name: /^Non pour/ })
    .nth(1)
    .click({ force: true });
  await claire.setViewportSize(PHONE);
  await checkNoHorizontalOverflow(claire, 'home with the vote form at 390 px');
  await viewportShot(claire, 'h-2-accueil-vote-telephone');
  await form.getByRole('button', { name: 'Voter', exact: true }).click();
  await claire.getByText('Vote enregistré, merci.').waitFor();
  await item.waitFor({ state: 'detached' });

  // The vote is the poll's, as Sophie sees it.
  const poll = await api(sophie, 'GET', `/api/polls/${opened.datePollId}`);
  const mine = poll.votes.find(
    (v: { voter: { displayName: string } }) => v.voter.displayName === 'Claire Renard',
  );
  assert(mine, 'Claire’s vote is not in the poll');
  assert.deepEqual(Object.values(mine.dateAnswers).sort(), ['no', 'yes']);
  await checkA11y(claire, 'home at 390 px after voting');
  await claire.evaluate(() => window.scrollTo(0, 0));
  await screenshot(claire, 'h-3-accueil-apres-vote-telephone');
  await claire.setViewportSize(DESKTOP);
  await screenshot(claire, 'h-4-accueil-apres-vote');
});

test('(14b) the group page at 390 px reaches the discussions in one tap, and keeps the tab in its address', async ({
  signedIn,
}) => {
  const claire = await signedIn('claire');
  await claire.setViewportSize(PHONE);
  await claire
    .getByRole('region', { name: 'Mes groupes' })
    .getByRole('link', { name: /Travailleurs sociaux/ })
    .click();
  await claire.getByRole('heading', { level: 1, name: 'Travailleurs sociaux' }).waitFor();
  const tab = claire.getByRole('tab', { name: /^Discussions/ });
  const box = await tab.boundingBox();
  assert(
    box && box.y + box.height <= PHONE.height,
    'the Discussions tab is not in the first screen at 390 px',
  );
  assert(box.x + box.width <= PHONE.width, 'the Discussions tab is off the side of the screen at 390 px');
  await checkNoHorizontalOverflow(claire, 'group page at 390 px');
  await checkA11y(claire, 'group page at 390 px');
  await viewportShot(claire, 'h-5-groupe-telephone');

  await tab.click();
  await claire.waitForURL(/onglet=discussions/);
  const panel = claire.getByRole('tabpanel', { name: /Discussions/ });
  await panel.getByRole('heading', { level: 2, name: /Discussions/ }).waitFor();
  await panel.getByRole('button', { name: 'Nouvelle discussion' }).waitFor();
  await checkA11y(claire, 'discussions tab at 390 px');
  await viewportShot(claire, 'h-6-groupe-discussions-telephone');

  // Another tab, then back: the address carries the tab.
  await claire.getByRole('tab', { name: /^Membres/ }).click();
  await claire.waitForURL(/onglet=membres/);
  await claire.locator('.member-card', { hasText: '(vous)' }).waitFor();
  await claire.goBack();
  await claire.waitForURL(/onglet=discussions/);
  await claire.getByRole('tab', { name: /^Discussions/, selected: true }).waitFor();
  await claire.setViewportSize(DESKTOP);
  await claire.getByRole('tab', { name: /^Aperçu/ }).click();
  await claire.getByRole('region', { name: /^Discussions/ }).waitFor();
  await checkA11y(claire, 'group overview');
  await screenshot(claire, 'h-7-groupe-apercu');
});

test('(14c) a guest’s home shows her meeting and no invitation to join a group', async ({ signedIn }) => {
  const sophie = await signedIn('sophie');
  const groupId = await namurSocialWorkers(sophie);
  const TITLE = 'Focus avec le CPAS';
  const meeting = await api(sophie, 'POST', `/api/groups/${groupId}/meetings`, {
    title: TITLE,
    kind: 'thematic',
    startsAt: inDays(12),
    endsAt: inDays(12, 12),
  });
  await api(sophie, 'POST', `/api/meetings/${meeting.id}/guests`, {
    email: 'nadia@affluents.test',
    displayName: 'Nadia Vandenbergh',
    organisation: 'CPAS',
  });

  const nadia = await signedIn('nadia');
  const meetings = nadia.getByRole('region', { name: 'Mes prochaines rencontres' });
  const item = meetings.getByRole('listitem', { name: TITLE });
  await item.waitFor();
  await item.getByRole('radiogroup', { name: `Votre réponse pour « ${TITLE} »` }).waitFor();
  const main = (await nadia.getByRole('main').textContent()) ?? '';
  for (const text of ['aucun groupe', 'rejoindre', 'Mes groupes', 'Tous les bassins']) {
    assert(!main.includes(text), `a guest's home should not say "${text}"`);
  }
  // Nor does the header: no bassins to browse, no group news.
  const nav = nadia.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Accueil' }).waitFor();
  assert.equal(await nav.getByRole('link', { name: 'Bassins' }).count(), 0);
  assert.equal(await nav.getByRole('link', { name: /Nouveautés/ }).count(), 0);
  await checkA11y(nadia, 'guest home');
  await screenshot(nadia, 'h-8-accueil-invitee');

  // She answers from her home.
  await item.getByRole('radio', { name: 'Oui' }).click({ force: true });
  await nadia.getByText('Réponse enregistrée').waitFor();
  const seen = await api(nadia, 'GET', '/api/me/meetings');
  assert.equal(seen.find((m: { id: string }) => m.id === meeting.id)?.myRsvp, 'yes');
  await nadia.setViewportSize(PHONE);
  await checkNoHorizontalOverflow(nadia, 'guest home at 390 px');
  await checkA11y(nadia, 'guest home at 390 px');
  await screenshot(nadia, 'h-9-accueil-invitee-telephone');
});
