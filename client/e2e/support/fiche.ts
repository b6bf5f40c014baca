// The shared editor of a fiche, as the journeys drive it.
import type { Page } from '@playwright/test';
import { screenshot } from './checks';
import { ACTION_TIMEOUT_MS } from './settings';

/** The text of the shared editor, without the other people's caret labels that sit inside it. */
export function editorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const content = document.querySelector('.fiche-editor__content');
    if (!content) return '';
    const copy = content.cloneNode(true) as Element;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return copy.textContent ?? '';
  });
}

export async function waitForEditorText(page: Page, text: string, label: string): Promise<void> {
  try {
    await page.waitForFunction(
      (expected) => {
        const content = document.querySelector('.fiche-editor__content');
        if (!content) return false;
        const copy = content.cloneNode(true) as Element;
        for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
        return (copy.textContent ?? '').includes(expected);
      },
      text,
      { timeout: ACTION_TIMEOUT_MS },
    );
  } catch {
    throw new Error(
      `${label} does not see "${text}"; the editor shows: ${(await editorText(page)).slice(0, 400)}`,
    );
  }
}

/** Puts the cursor under a section's heading through the fiche's side panel, as a writer clicks it. */
export async function clickSection(page: Page, title: string): Promise<void> {
  await page
    .getByRole('complementary', { name: 'Rubriques et informations de la fiche' })
    .getByRole('button', { name: new RegExp(`^${title}`) })
    .click();
  await page.waitForFunction(() => document.activeElement?.classList.contains('fiche-editor__content'));
}

/** Opens the fiche's sections panel entry, which puts the cursor under that heading, and types there. */
export async function writeInSection(page: Page, title: string, text: string): Promise<void> {
  await clickSection(page, title);
  await page.keyboard.type(text, { delay: 15 });
}

export async function waitForSynced(page: Page, label: string): Promise<void> {
  try {
    // Generous under CI load: the first fiche page of a browser also loads the editor's code.
    await page.getByRole('status').filter({ hasText: 'Synchronisé' }).waitFor({ timeout: 30_000 });
    await page.locator('.fiche-editor__content[contenteditable="true"]').waitFor();
  } catch {
    const status = await page
      .locator('.connection')
      .textContent({ timeout: 1_000 })
      .catch(() => '(no status)');
    const heading = await page
      .locator('h1')
      .first()
      .textContent({ timeout: 1_000 })
      .catch(() => '(no heading)');
    const shot = `failure-sync-${label.toLowerCase()}`;
    await screenshot(page, shot).catch(() => undefined);
    throw new Error(
      `${label}: the fiche never synchronised (status: ${status}; page ${page.url()}, heading "${heading}"; ${shot}.png)`,
    );
  }
}

/** Creates a draft in a bassin's social workers' group through the API of the signed-in page; its id. */
export function createFiche(page: Page, title: string, bassin: string): Promise<string> {
  return page.evaluate(
    async ({ title, bassin }) => {
      const bassins: Array<{ name: string; groups: Array<{ id: string; kind: string }> }> = await (
        await fetch('/api/bassins')
      ).json();
      const group = bassins.find((b) => b.name === bassin)?.groups.find((g) => g.kind === 'social_workers');
      if (!group) throw new Error(`no social workers' group in ${bassin}`);
      const res = await fetch('/api/fiches', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title, groupId: group.id }),
      });
      const body = await res.json();
      if (!res.ok) throw new Error(`POST /api/fiches: ${res.status} ${JSON.stringify(body)}`);
      return body.id as string;
    },
    { title, bassin },
  );
}
