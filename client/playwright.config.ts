// Browser tests of the built client against the built server (`npm run test:browser -w client`): Playwright
// drives Debian's chromium (no browser download). global-setup.ts starts one server with a fresh database for
// the run; the journeys share it, so they run one at a time and none relies on another having run first.
import { defineConfig } from '@playwright/test';
import { ACTION_TIMEOUT_MS, CHROMIUM_ARGS, CHROMIUM_PATH, resultsDir } from './e2e/support/settings';

export default defineConfig({
  testDir: './e2e',
  testMatch: '*.spec.ts',
  outputDir: resultsDir,
  globalSetup: './e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Per journey; the longer ones (several browsers, a dozen screens) set their own.
  timeout: 60_000,
  globalTimeout: 900_000,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    locale: 'fr-BE',
    actionTimeout: ACTION_TIMEOUT_MS,
    navigationTimeout: ACTION_TIMEOUT_MS,
    // DOM snapshots and sources are enough to replay a failure; the screencast would slow every journey down.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true },
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
});
