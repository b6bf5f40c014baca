// The administration creates a bassin, sees its three groups, invites someone and sees the invitation pending;
// the interface switches language; administration stays usable on a phone.
import assert from 'node:assert/strict';
import { api } from './support/api';
import { checkA11y, checkNoHorizontalOverflow, screenshot } from './support/checks';
import { test } from './support/fixtures';

test('(c) admin creates the bassin "Bruxelles", sees its three groups, invites someone and sees it pending', async ({
  signedIn,
}) => {
  const page = await signedIn('admin');
  try {
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Administration' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await page
      .getByRole('row', { name: /Hainaut Sud/ })
      .first()
      .waitFor();
    await checkA11y(page, 'admin bassins tab');
    await screenshot(page, 'c-1-admin-bassins');

    await page.getByLabel('Nom du nouveau bassin').fill('Bruxelles');
    await page.getByRole('button', { name: 'Créer le bassin' }).click();
    await page.getByText('Le bassin « Bruxelles » a été créé avec 3 groupes.').waitFor();
    const row = page.getByRole('row', { name: /Bruxelles/ });
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    for (const kind of ['Travailleurs sociaux', 'Responsables d’entreprises', 'Personnel encadrant']) {
      assert(rowText.includes(kind), `the new bassin row lacks the group "${kind}": ${rowText}`);
    }
    await checkA11y(page, 'admin bassins tab after creation');
    await screenshot(page, 'c-2-bassin-cree');

    for (const [tab, heading] of [
      ['Groupes', 'Groupes'],
      ['Organisations', 'Organisations'],
      ['Comptes', 'Comptes'],
    ]) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
      await page.locator('.tabs__panel .table, .tabs__panel .empty-state').first().waitFor();
      await checkA11y(page, `admin ${tab} tab`);
      await screenshot(page, `c-3-admin-${tab.toLowerCase()}`);
    }

    await page.getByRole('tab', { name: 'Invitations' }).click();
    await page.getByRole('heading', { level: 2, name: 'Invitations' }).waitFor();
    await page.getByRole('button', { name: 'Inviter' }).click();
    const dialog = page.getByRole('dialog', { name: 'Inviter dans le groupe' });
    await dialog.waitFor();
    await dialog
      .getByRole('button', { name: /Groupe/ })
      .first()
      .click();
    await page.getByRole('option', { name: 'Bruxelles – Travailleurs sociaux' }).click();
    await dialog.getByLabel('Adresse e-mail de la personne invitée').fill('nouvelle.collegue@affluents.test');
    await checkA11y(page, 'invite dialog');
    await screenshot(page, 'c-4-dialogue-invitation');
    await dialog.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await page.getByText('Invitation envoyée à nouvelle.collegue@affluents.test.').waitFor();
    await dialog.waitFor({ state: 'detached' });
    const invitation = page.getByRole('row', { name: /nouvelle\.collegue@affluents\.test/ });
    await invitation.waitFor();
    const invitationText = (await invitation.textContent()) ?? '';
    assert(invitationText.includes('En attente'), `the invitation is not pending: ${invitationText}`);
    assert(invitationText.includes('Bruxelles'), `the invitation does not name its group: ${invitationText}`);
    await checkA11y(page, 'admin invitations tab');
    await screenshot(page, 'c-5-invitation-en-attente');

    // The interface language switches everywhere, table cells included.
    await page.getByRole('button', { name: /Équipe Affluents|Admin/ }).click();
    await page.getByRole('menuitemradio', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Accounts' }).waitFor();
    const translated = (await invitation.textContent()) ?? '';
    assert(
      translated.includes('Pending') && translated.includes('Revoke'),
      `table not translated: ${translated}`,
    );
    assert((await page.locator('html').getAttribute('lang')) === 'en-GB', 'html lang is not updated');
    await page.getByRole('button', { name: /Équipe Affluents|Admin/ }).click();
    await page.getByRole('menuitemradio', { name: 'Français' }).click();
    await page.getByRole('tab', { name: 'Comptes' }).waitFor();

    // Administration stays usable on a phone: wide tables scroll inside their frame, not the page.
    await page.setViewportSize({ width: 375, height: 740 });
    await page.getByRole('tab', { name: 'Bassins' }).click();
    await page.getByRole('row', { name: /Bruxelles/ }).waitFor();
    await checkNoHorizontalOverflow(page, 'admin bassins tab at 375 px');
    await checkA11y(page, 'admin bassins tab at 375 px');
    await screenshot(page, 'c-6-admin-telephone');
  } finally {
    // Journey (a) counts the nine bassins of the map: archive this one, whatever the order of the run.
    const bassins: Array<{ id: string; name: string }> = await api(page, 'GET', '/api/bassins');
    const created = bassins.find((b) => b.name === 'Bruxelles');
    if (created) await api(page, 'PATCH', `/api/bassins/${created.id}`, { archived: true });
  }
});
