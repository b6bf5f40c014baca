// Checks and screenshots every journey uses: axe-core on each screen, no sideways scrolling on a phone.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Page, test } from '@playwright/test';
import { screenshotDir } from './settings';

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

type AxeViolation = { id: string; impact: string | null; help: string; nodes: string[] };
type AxeWindow = Window & {
  axe: {
    run(
      context: unknown,
      options: unknown,
    ): Promise<{
      violations: Array<{
        id: string;
        impact?: string | null;
        help: string;
        nodes: Array<{ target: string[]; failureSummary?: string }>;
      }>;
    }>;
  };
};

/** Runs axe-core on the page; fails on serious or critical violations and prints them. */
export function checkA11y(page: Page, label: string): Promise<void> {
  return test.step(`axe: ${label}`, () => runAxe(page, label), { box: true });
}

async function runAxe(page: Page, label: string): Promise<void> {
  // Colours caught half-way through a transition (a button just clicked) are not the page's: let the
  // finite animations and transitions running now end first (a spinner's endless one is not waited for).
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axeSource });
  const violations: AxeViolation[] = await page.evaluate(async () => {
    // react-aria's live announcer (a visually hidden log) keeps, for 7 s, an announcement that points to
    // a pending button which may already be gone after a navigation: a transient node outside the page.
    const context = { exclude: [['[data-live-announcer]']] };
    const result = await (window as unknown as AxeWindow).axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ')}`),
    }));
  });
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = violations.filter((v) => !blocking.includes(v));
  if (minor.length > 0)
    console.log(
      `    axe ${label}: ${minor.length} minor (${minor.map((v) => `${v.id}/${v.impact}`).join(', ')})`,
    );
  if (blocking.length > 0) {
    const details = blocking
      .map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `      ${n}`).join('\n')}`)
      .join('\n');
    throw new Error(`axe found ${blocking.length} serious/critical violation(s) on ${label}:\n${details}`);
  }
}

/** A full-page screenshot in e2e/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** What the window shows, in e2e/screenshots/<name>.png (a full page at 390 px is too long to read). */
export async function viewportShot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

/** Fails if the page scrolls sideways (content wider than the viewport). */
export async function checkNoHorizontalOverflow(page: Page, label: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  if (scrollWidth > innerWidth + 1) {
    const culprits = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
    );
    throw new Error(
      `${label}: page is ${scrollWidth}px wide in a ${innerWidth}px viewport (${culprits.join(', ')})`,
    );
  }
}
