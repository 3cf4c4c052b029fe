import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { checkChromium, chromiumPath, requireAll } from './environment.js';
import { closeAllNotepads } from './notepad.js';
import { startTestServer, type StartOptions, type TestServer } from './server.js';
import { closeAllSockets } from './socket.js';

/** Debian's Chromium, headless, with the flags this sandboxed, offline machine needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A page of its own browser context (one person's storage) at `url`, waiting up to 15 s for what it is asked to find. */
export async function openPage(browser: Browser, url: string, context: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await browser.newContext(context)).newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(url);
  return page;
}

/** The axe rules a colour theme can change: the rest look at markup, the same in every theme. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Runs axe on the page as it is now and fails on serious or critical violations: every WCAG 2.2
 * A and AA rule, or only `rules` (COLOUR_RULES after a change of theme alone).
 */
export async function expectAccessible(page: Page, label: string, rules?: string[]): Promise<void> {
  const axe = new AxeBuilder({ page });
  const results = await (rules ? axe.withRules(rules) : axe.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
  expect(summary, `accessibility violations on ${label}`).toEqual([]);
}

/**
 * Why the browser suites cannot run on this machine, or null. With OPEN_TALKS_REQUIRE_ALL=1 a
 * missing Chromium fails the run instead of skipping.
 */
export function missingChromium(): string | null {
  const missing = checkChromium();
  if (missing && requireAll) throw new Error(missing);
  return missing;
}

/**
 * A browser suite's server and Chromium, like serverForFile: both started before the suite's
 * first test (and handed to `use`, before the suite's own beforeAll set-up runs); after its last,
 * every browser context, Socket.IO client and notepad the tests opened is closed, then Chromium,
 * the server and its database.
 */
export interface BrowserSuite {
  /** The test restarted the server itself: this one is the suite's now, closed and dropped at the end. */
  adopt(server: TestServer): void;
}

export function browserSuite(use: (started: { server: TestServer; browser: Browser }) => void, options: StartOptions = {}): BrowserSuite {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startTestServer(options);
    browser = await launchBrowser();
    use({ server, browser });
  });
  afterAll(async () => {
    for (const context of browser?.contexts() ?? []) await context.close().catch(() => undefined);
    closeAllNotepads();
    closeAllSockets();
    await browser?.close();
    await server?.close();
    await server?.database.drop();
  });
  return {
    adopt: (next) => {
      server = next;
    },
  };
}

/** Set OPEN_TALKS_SCREENSHOTS=<dir> to keep screenshots of the browser tests for a human look. */
export const SHOTS = process.env.OPEN_TALKS_SCREENSHOTS;

/** A full-page screenshot named `name`, when SHOTS is set; nothing otherwise. */
export async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}
