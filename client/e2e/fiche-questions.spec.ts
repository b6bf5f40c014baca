// Issue 12: a reader of another bassin asks the authors of a published fiche a question.
// Sophie writes and publishes a fiche for the whole network; Amina (Hainaut Sud) opens it, asks through
// "Poser une question aux auteur·ices" and lands in the question's thread; Sophie, an author, is notified,
// opens it and answers; Amina sees the answer live, and the fiche lists her question. At 1280 and 390 px.
// The fiche is created and published through the API (journey (50) covers those screens); its text is typed
// in the real editor.
import assert from 'node:assert/strict';
import { api, eventually } from './support/api';
import { checkA11y, checkNoHorizontalOverflow, screenshot } from './support/checks';
import { waitForSynced, writeInSection } from './support/fiche';
import { test } from './support/fixtures';

test('(48) a reader of another bassin asks the authors of a published fiche a question; an author answers', async ({
  signedIn,
}) => {
  test.setTimeout(150_000);
  const title = 'Un atelier vélo pour les stagiaires';
  const subject = 'Combien de vélos au départ ?';
  const asked = 'Bonjour, avec combien de vélos avez-vous commencé, et qui les répare ?';
  const answer = 'Nous avons commencé avec six vélos donnés par la recyclerie ; un stagiaire les répare.';
  // Sophie writes the fiche in Namur and publishes it for the whole network.
  const sophie = await signedIn('sophie');
  const me = await api(sophie, 'GET', '/api/auth/me');
  const groupId = me.memberships[0].groupId;
  const fiche = await api(sophie, 'POST', '/api/fiches', { title, groupId });
  await sophie.goto(`/fiches/${fiche.id}`);
  await sophie.getByRole('heading', { level: 1, name: title }).waitFor();
  await waitForSynced(sophie, me.displayName);
  await writeInSection(sophie, 'Objectifs', 'Rendre les stagiaires autonomes pour venir au chantier.');
  await writeInSection(sophie, 'Contexte', 'Le chantier est à huit kilomètres de la gare.');
  await writeInSection(sophie, 'Dispositif', 'Un atelier de réparation chaque vendredi.');
  await writeInSection(sophie, 'Public bénéficiaire', 'Les stagiaires sans voiture.');
  await writeInSection(sophie, 'Résultats', 'Plus aucun retard le lundi.');
  await writeInSection(sophie, 'Pour en savoir plus', 'Sophie Lambert, animatrice.');
  await eventually(
    async () => (await api(sophie, 'GET', `/api/fiches/${fiche.id}`)).missingRequiredSections.length === 0,
    'the required sections stored',
  );
  const published = await api(sophie, 'POST', `/api/fiches/${fiche.id}/publish`, { reach: 'network' });
  await sophie.goto('/');
  await sophie.getByRole('button', { name: /^Notifications/ }).waitFor();

  // Amina, in Hainaut Sud, opens the published fiche: no question yet, a way to ask one.
  const amina = await signedIn('amina');
  await amina.goto(`/fiches/${fiche.id}`);
  await amina.waitForURL(new RegExp(`/fiches/${fiche.id}/versions/${published.publishedVersionId}$`));
  const questions = amina.getByRole('region', { name: 'Questions et réponses' });
  await questions.getByText('Aucune question pour l’instant.').waitFor();
  // The empty optional sections of the template are left out of the published text.
  const text = amina.getByRole('article', { name: `Texte de la fiche « ${title} »` });
  await text.filter({ hasText: 'Plus aucun retard' }).waitFor();
  const shown = (await text.textContent()) ?? '';
  assert(
    !shown.includes('Partenariat') && !shown.includes('Essaimage'),
    `the published text shows empty optional sections: ${shown.slice(0, 400)}`,
  );

  await questions.getByRole('button', { name: 'Poser une question aux auteur·ices' }).click();
  const dialog = amina.getByRole('dialog', { name: 'Poser une question aux auteur·ices' });
  await dialog.waitFor();
  await dialog.getByLabel('Sujet').fill(subject);
  await dialog.getByLabel('Votre question').fill(asked);
  await checkA11y(amina, 'question form');
  await screenshot(amina, 'q-1-question-formulaire');
  await dialog.getByRole('button', { name: 'Envoyer la question' }).click();

  // She lands in the question's thread, which she may answer in.
  await amina.waitForURL(/\/discussions\/[^/]+$/);
  const threadUrl = amina.url();
  await amina.getByRole('heading', { level: 1, name: subject }).waitFor();
  await amina.locator('article.message', { hasText: asked }).waitFor();
  await amina.getByLabel('Votre message').waitFor();
  // A guest of the thread answers; opening a poll stays with the group's members (the policy).
  assert(
    (await amina.getByRole('button', { name: 'Nouveau sondage' }).count()) === 0,
    'a guest of the question thread is offered "Nouveau sondage", which the server refuses',
  );
  await screenshot(amina, 'q-2-question-fil-lecteur');

  // Sophie, an author, is notified; she opens the question from the bell and answers.
  await sophie.getByRole('button', { name: /^Notifications, \d+ non lue/ }).click();
  const panel = sophie.getByRole('dialog', { name: 'Notifications' });
  await panel.waitFor();
  await panel.getByRole('link', { name: new RegExp(subject.replace('?', '\\?')) }).click();
  // The notification leads to the message itself (`#m-1`).
  await sophie.waitForURL((url) => url.href.startsWith(threadUrl));
  await sophie.locator('article.message', { hasText: asked }).waitFor();
  const header = (await sophie.locator('main').textContent()) ?? '';
  assert(header.includes(`À propos de la fiche « ${title} »`), 'the thread does not say which fiche');
  const composer = sophie.getByLabel('Votre message');
  await composer.fill(answer);
  await composer.press('Enter');
  await sophie.locator('article.message', { hasText: answer }).waitFor();
  await sophie.getByRole('button', { name: 'Nouveau sondage' }).waitFor();
  await screenshot(sophie, 'q-3-question-auteur-repond');
  // The group finds the readers' questions beside its own fiche too.
  await sophie.goto(`/fiches/${fiche.id}`);
  const groupQuestions = sophie.getByRole('region', { name: 'Questions et réponses' });
  await groupQuestions.getByRole('link', { name: subject }).waitFor();
  await checkA11y(sophie, 'the group’s fiche with a reader’s question');
  await groupQuestions.scrollIntoViewIfNeeded();
  await screenshot(sophie, 'q-3b-fiche-du-groupe-questions');

  // Amina reads the answer live, and the fiche lists her question.
  await amina.locator('article.message', { hasText: answer }).waitFor();
  await amina.goto(`/fiches/${fiche.id}`);
  const link = questions.getByRole('link', { name: subject });
  await link.waitFor();
  const row = (await questions.locator('.thread-row').first().textContent()) ?? '';
  assert(row.includes('Amina Lahlou') && row.includes('2 messages'), `the question row reads "${row}"`);
  await checkA11y(amina, 'published fiche with a question');
  await questions.scrollIntoViewIfNeeded();
  await screenshot(amina, 'q-4-fiche-questions');

  // At 390 px: the fiche, the form and the thread fit.
  await amina.setViewportSize({ width: 390, height: 800 });
  await checkNoHorizontalOverflow(amina, 'published fiche with questions at 390 px');
  await checkA11y(amina, 'published fiche with questions at 390 px');
  await screenshot(amina, 'q-5-fiche-questions-390');
  await questions.getByRole('button', { name: 'Poser une question aux auteur·ices' }).click();
  await dialog.waitFor();
  await checkNoHorizontalOverflow(amina, 'question form at 390 px');
  await screenshot(amina, 'q-6-question-formulaire-390');
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await link.click();
  await amina.waitForURL(threadUrl);
  await amina.locator('article.message', { hasText: answer }).waitFor();
  await checkNoHorizontalOverflow(amina, 'question thread at 390 px');
  await screenshot(amina, 'q-7-question-fil-390');
});
