// Where the browser tests find what they drive and write, and the limits they share.
import path from 'node:path';

const clientDir = path.resolve(import.meta.dirname, '..', '..');
export const rootDir = path.resolve(clientDir, '..');
export const serverMain = path.join(rootDir, 'server', 'dist', 'main.js');
export const clientDist = path.join(clientDir, 'dist');
/** Playwright's traces and failure screenshots, and the server's output (not committed). */
export const resultsDir = path.join(clientDir, 'e2e', 'test-results');
export const serverLog = path.join(clientDir, 'e2e', 'server.log');
/** The screenshots the journeys take (not committed). */
export const screenshotDir = path.join(clientDir, 'e2e', 'screenshots');

/** Debian's chromium: Playwright drives it, nothing is downloaded. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Each action or wait of a page, unless the journey says otherwise. */
export const ACTION_TIMEOUT_MS = 10_000;
