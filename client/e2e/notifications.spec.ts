// Issue 4: catching up. Olivier mentions Sophie in a new thread of the Namur group they
// share (through the API: the thread page is covered by journey (20)); Sophie sees the bell and the
// "Nouveautés" count rise live, reads the notification panel, marks all read, finds the thread by search and
// changes her email preferences. At desktop size and at 375 px, with axe on every screen.
import assert from 'node:assert/strict';
import { api } from './support/api';
import { checkA11y, checkNoHorizontalOverflow, screenshot } from './support/checks';
import { test } from './support/fixtures';

test('(30) notifications: bell, Nouveautés, discussion search, preferences, at desktop and 375 px', async ({
  signedIn,
}) => {
  const sophie = await signedIn('sophie');
  const bell = sophie.getByRole('button', { name: /^Notifications/ });
  await bell.waitFor();
  const sophieMe = await api(sophie, 'GET', '/api/auth/me');

  // Olivier opens a thread in the group he shares with Sophie and mentions her.
  const olivier = await signedIn('olivier');
  const olivierMe = await api(olivier, 'GET', '/api/auth/me');
  const shared = olivierMe.memberships.find((m: { groupId: string }) =>
    sophieMe.memberships.some((s: { groupId: string }) => s.groupId === m.groupId),
  );
  assert(shared, 'Olivier and Sophie share no group in the demo data');
  const title = 'Hébergement d’urgence pour un jeune';
  await api(olivier, 'POST', `/api/groups/${shared.groupId}/threads`, {
    kind: 'question',
    title,
    body: `@[${sophieMe.displayName}](user:${sophieMe.id}) tu connais un hébergement d’urgence à Namur ?`,
  });

  // Live: the bell counts it and "Nouveautés" shows unread messages, without reloading.
  await sophie.getByRole('button', { name: /^Notifications, \d+ non lue/ }).waitFor({ timeout: 15_000 });
  await sophie
    .getByRole('link', { name: /^Nouveautés\s*,\s*\d+ nouveautés? non lues?/ })
    .waitFor({ timeout: 15_000 });

  // Nouveautés: the thread, in its group, links to the thread page.
  await sophie.getByRole('link', { name: /^Nouveautés/ }).click();
  await sophie.getByRole('heading', { level: 1, name: 'Nouveautés' }).waitFor();
  const threadLink = sophie.getByRole('link', { name: new RegExp(title) });
  await threadLink.waitFor();
  const href = await threadLink.getAttribute('href');
  assert(/^\/discussions\/[0-9a-f-]{36}$/.test(href ?? ''), `the news item links to "${href}"`);
  await checkA11y(sophie, 'Nouveautés');
  await screenshot(sophie, 'n-1-nouveautes');

  // The notification panel: the mention, unread, then everything marked read.
  await sophie.getByRole('button', { name: /^Notifications, \d+ non lue/ }).click();
  const panel = sophie.getByRole('dialog', { name: 'Notifications' });
  await panel.waitFor();
  const item = panel.getByRole('link', { name: new RegExp(title) });
  await item.waitFor();
  const itemText = (await item.textContent()) ?? '';
  assert(/Non lue/.test(itemText) && /Olivier/.test(itemText), `the notification reads "${itemText}"`);
  await checkA11y(sophie, 'notification panel');
  await screenshot(sophie, 'n-2-notifications');
  await panel.getByRole('button', { name: 'Tout marquer comme lu' }).click();
  await sophie.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
  await sophie.keyboard.press('Escape');

  // Search finds the thread, the matched word marked.
  await sophie.goto(`/discussions/recherche?q=h%C3%A9bergement`);
  await sophie.getByRole('heading', { level: 1, name: 'Rechercher dans les discussions' }).waitFor();
  const hit = sophie.locator('.discussion-hit', { hasText: title }).first();
  await hit.waitFor();
  assert((await hit.locator('mark').count()) > 0, 'the search hit has no marked word');
  await checkA11y(sophie, 'discussion search');
  await screenshot(sophie, 'n-3-recherche');

  // Preferences, in the profile dialog: each switch is saved at once.
  await sophie.getByRole('button', { name: /Sophie Lambert/ }).click();
  await sophie.getByRole('menuitem', { name: /profil/i }).click();
  const profile = sophie.getByRole('dialog');
  const digest = profile.getByRole('switch', { name: /Résumé quotidien/ });
  await digest.waitFor();
  const before = await digest.isChecked();
  await digest.click({ force: true });
  await sophie.getByText('Préférences de notification enregistrées').waitFor();
  const saved = await api(sophie, 'GET', '/api/me/notification-preferences');
  assert(
    saved.dailyDigest === !before,
    `the daily digest preference was not saved: ${JSON.stringify(saved)}`,
  );
  // Each kind, in its section: where to get it (a select) and the phone (a checkbox).
  await profile.getByRole('button', { name: /Procès-verbal à relire : où la recevoir/ }).click();
  await sophie.getByRole('option', { name: 'Dans l’application' }).click();
  await sophie.getByText('Préférences de notification enregistrées').first().waitFor();
  const kinds = await api(sophie, 'GET', '/api/me/notification-preferences');
  assert(
    kinds.kinds.minutes_review.delivery === 'app',
    `the minutes review preference was not saved: ${JSON.stringify(kinds.kinds.minutes_review)}`,
  );
  await profile.getByRole('checkbox', { name: 'Procès-verbal publié : sur mon téléphone' }).waitFor();
  await checkA11y(sophie, 'notification preferences');
  await screenshot(sophie, 'n-4-preferences');
  await sophie.keyboard.press('Escape');

  // The same screens on a phone.
  await sophie.setViewportSize({ width: 375, height: 740 });
  await sophie.goto(`/nouveautes`);
  await sophie.getByRole('heading', { level: 1, name: 'Nouveautés' }).waitFor();
  await sophie.locator('.news-group, .empty-state').first().waitFor();
  await checkNoHorizontalOverflow(sophie, 'Nouveautés at 375 px');
  await screenshot(sophie, 'n-5-nouveautes-telephone');
  await sophie.getByRole('button', { name: /^Notifications/ }).click();
  await sophie.getByRole('dialog', { name: 'Notifications' }).waitFor();
  await checkA11y(sophie, 'notification panel at 375 px');
  await checkNoHorizontalOverflow(sophie, 'notification panel at 375 px');
  await screenshot(sophie, 'n-6-notifications-telephone');
  await sophie.keyboard.press('Escape');
  await sophie.goto(`/discussions/recherche?q=h%C3%A9bergement`);
  await sophie.locator('.discussion-hit').first().waitFor();
  await checkNoHorizontalOverflow(sophie, 'discussion search at 375 px');
  await screenshot(sophie, 'n-7-recherche-telephone');
  await sophie.setViewportSize({ width: 390, height: 800 });
  await sophie.getByRole('button', { name: /Sophie Lambert/ }).click();
  await sophie.getByRole('menuitem', { name: /profil/i }).click();
  await sophie.getByRole('dialog').getByRole('group', { name: 'Rencontres' }).scrollIntoViewIfNeeded();
  await checkNoHorizontalOverflow(sophie, 'notification preferences at 390 px');
  await screenshot(sophie, 'n-8-preferences-telephone');
});
