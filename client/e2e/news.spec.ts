// Issue 14, « One inbox, one home »: Nouveautés beyond messages. Sophie, facilitator in Namur, plans a
// meeting in a group she shares with Olivier (through the API: planning is covered by its own journey);
// Olivier's « Nouveautés » count rises live, the page shows the meeting under its group, marked new, beside
// the unread threads; « Tout marquer comme lu » empties the count. At 1280 px and 390 px, with axe.
import assert from 'node:assert/strict';
import { api } from './support/api';
import { checkA11y, checkNoHorizontalOverflow, screenshot, viewportShot } from './support/checks';
import { test } from './support/fixtures';

test('(31) Nouveautés: a group’s activity beside its threads, unread marked, all marked read', async ({
  signedIn,
}) => {
  const olivier = await signedIn('olivier');
  const navLink = olivier.getByRole('link', { name: /^Nouveautés/ });
  await navLink.waitFor();
  const olivierMe = await api(olivier, 'GET', '/api/auth/me');
  const sophie = await signedIn('sophie');
  const sophieMe = await api(sophie, 'GET', '/api/auth/me');
  const shared = sophieMe.memberships.find(
    (m: { groupId: string; role: string }) =>
      m.role === 'facilitator' &&
      olivierMe.memberships.some((o: { groupId: string }) => o.groupId === m.groupId),
  );
  assert(shared, 'Sophie facilitates no group of Olivier in the demo data');

  // Everything Olivier had is read first, so that the count comes from the new meeting alone.
  await api(olivier, 'POST', '/api/activity/read', {});
  const title = 'Rencontre sur l’hébergement d’urgence';
  await api(sophie, 'POST', `/api/groups/${shared.groupId}/meetings`, {
    title,
    startsAt: '2027-04-14T07:00:00.000Z',
    endsAt: '2027-04-14T10:00:00.000Z',
    place: { type: 'address', address: 'Rue de Fer 12, Namur' },
  });

  // Live: the header's count rises without a reload.
  await olivier.getByRole('link', { name: /^Nouveautés\s*,\s*\d+ nouveautés? non lues?/ }).waitFor({
    timeout: 15_000,
  });
  await navLink.click();
  await olivier.getByRole('heading', { level: 1, name: 'Nouveautés' }).waitFor();
  const entry = olivier.locator('.news-entry', { hasText: title });
  await entry.waitFor();
  const entryText = (await entry.textContent()) ?? '';
  assert(
    /Nouveau/.test(entryText) && /Rencontre planifiée/.test(entryText),
    `the entry reads "${entryText}"`,
  );
  assert(
    await entry.evaluate((li) => li.classList.contains('news-entry--unread')),
    'the entry is not marked',
  );
  const href = await entry.getByRole('link').getAttribute('href');
  assert(/^\/rencontres\/[0-9a-f-]{36}$/.test(href ?? ''), `the entry links to "${href}"`);
  await checkA11y(olivier, 'Nouveautés with activity');
  await screenshot(olivier, 'news-1-activite');

  await olivier.setViewportSize({ width: 390, height: 800 });
  await checkNoHorizontalOverflow(olivier, 'Nouveautés at 390 px');
  await viewportShot(olivier, 'news-2-activite-telephone');

  // « Tout marquer comme lu »: the activity and the threads are read, the count leaves the header.
  await olivier.getByRole('button', { name: 'Tout marquer comme lu' }).click();
  await olivier.getByText('Vous avez tout lu.').waitFor();
  await olivier.getByRole('link', { name: 'Nouveautés', exact: true }).waitFor();
  assert.equal(await olivier.locator('.news-entry--unread').count(), 0, 'an entry is still unread');
  const after = await api(olivier, 'GET', '/api/activity');
  assert.equal(after.totalUnread, 0);
  await viewportShot(olivier, 'news-3-tout-lu-telephone');
});
