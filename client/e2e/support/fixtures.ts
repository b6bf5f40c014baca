// The `test` every journey imports: Playwright's, with the server's address as baseURL, signed-in pages per
// demo persona, and a check that no page of the test threw an uncaught error.
import { existsSync } from 'node:fs';
import { type BrowserContext, test as base, type Page } from '@playwright/test';
import { CHROMIUM_PATH } from './settings';

/** The demo accounts the server seeds in development (server/src/seed/demo-data.ts). */
export type Persona =
  | 'admin'
  | 'amina'
  | 'claire'
  | 'ines'
  | 'julie'
  | 'nadia'
  | 'olivier'
  | 'sophie'
  | 'thomas';

export const PASSWORD = 'affluents-demo';

/** Signs in through the sign-in page, as a person does (the page then loads the home). */
export async function signIn(page: Page, who: Persona, password = PASSWORD): Promise<void> {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(`${who}@affluents.test`);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

type Fixtures = {
  /** A page of its own browser context (its own cookies), signed in as `who`, on the home page. */
  signedIn: (who: Persona) => Promise<Page>;
  /** Uncaught errors of every page of the test; the test fails when one threw. */
  pageErrors: string[];
  skipWithoutChromium: undefined;
};

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  baseURL: async ({}, use) => {
    // Set by global-setup.ts in the runner, whose environment the workers inherit.
    await use(process.env.E2E_BASE_URL);
  },
  skipWithoutChromium: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      base.skip(!existsSync(CHROMIUM_PATH), `${CHROMIUM_PATH} is missing: install Debian chromium`);
      await use(undefined);
    },
    { auto: true },
  ],
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  pageErrors: async ({}, use) => {
    const errors: string[] = [];
    await use(errors);
    if (errors.length > 0) throw new Error(`uncaught errors in the page:\n  ${errors.join('\n  ')}`);
  },
  page: async ({ page, pageErrors }, use) => {
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await use(page);
  },
  signedIn: async ({ browser, pageErrors }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (who) => {
      // The test's options (baseURL, viewport, locale, timeouts, tracing) apply to this context too.
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`${who}: ${error.message}`));
      await signIn(page, who);
      await page.getByRole('heading', { level: 1, name: 'Accueil' }).waitFor();
      return page;
    });
    for (const context of contexts) await context.close().catch(() => {});
  },
});

export { expect } from '@playwright/test';
