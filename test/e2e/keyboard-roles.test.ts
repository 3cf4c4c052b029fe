import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, missingChromium } from '../helpers/browser.js';
import { cafeWorld, type CafeWorld } from '../helpers/notepad.js';
import type { TestServer } from '../helpers/server.js';

// Issue 19: a keyboard-only run of each role's main task, checking after every key press that
// focus is on an element with an accessible name, never on <body> (A11Y30). The participant's
// join, vote, ask and raise a hand are in announcements.test.ts; here a participant types notes in
// the table's notepad.

const missing = missingChromium();

/** What the accessibility tree says of the focused element (`- button "Pause"`), or `body`. */
async function focused(page: Page): Promise<string> {
  const onBody = await page.evaluate(() => document.activeElement === null || document.activeElement === document.body);
  if (onBody) return 'body';
  return page.locator('*:focus').first().ariaSnapshot();
}

/** Focus is on an element with an accessible name, never on <body> (A11Y30). */
async function expectNamedFocus(page: Page, step: string): Promise<string> {
  const said = await focused(page);
  expect(said, `focus after ${step}`).not.toBe('body');
  expect(said.split('\n')[0], `focus after ${step} has a name`).toMatch(/^- [\w-]+ "[^"]+"/);
  return said;
}

/** Presses Tab (or Shift+Tab) until the focused element matches, checking after every press that focus is on a named element. */
async function tabTo(page: Page, target: RegExp, step: string, { back = false, max = 80 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const said = await expectNamedFocus(page, `Tab towards ${step}`);
    if (target.test(said.split('\n')[0]!)) return;
  }
  throw new Error(`Tab never reached ${step}`);
}

describe.skipIf(missing !== null)('each role’s main task with the keyboard only; focus always on a named element (A11Y30)', () => {
  let server: TestServer;
  let browser: Browser;
  let world: CafeWorld;

  /** A page as the holder of `token` in `sessionId`, at `path`. */
  async function pageAs(sessionId: string, joinCode: string, title: string, token: string, path: string, facilitator = false): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 1000 } });
    const credential = { sessionId, joinCode, title, token, ...(facilitator && { facilitator: true }) };
    await context.addInitScript((value) => localStorage.setItem('openTalks.credentials', value), JSON.stringify({ [sessionId]: credential }));
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}${path}`, { timeout: 60_000 });
    return page;
  }

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    world = await cafeWorld(server.url, server.store);
  }, 60_000);

  it('A11Y32 a participant types notes and adds a key idea in the table’s notepad, keyboard only', async () => {
    const page = await pageAs(world.sessionId, world.created.session.joinCode, world.created.session.title, world.ann.token, `/s/${world.sessionId}/notes/${world.tableA}/1`);
    await page.getByRole('textbox', { name: 'Table notes, round 1' }).waitFor();
    await tabTo(page, /textbox "Table notes, round 1"/, 'the notes');
    await page.keyboard.type('Trust comes first.');
    await expectNamedFocus(page, 'typing notes');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Then access.');
    await expect.poll(() => page.getByRole('textbox', { name: 'Table notes, round 1' }).innerText()).toContain('Then access.');
    // Tab leaves the editor (it is not trapped there) for the key ideas.
    await tabTo(page, /textbox "New key idea"/, 'the new key idea');
    await page.keyboard.type('Trust before tools');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('listitem').filter({ hasText: 'Trust before tools' }).count()).toBe(1);
    await expectNamedFocus(page, 'adding a key idea');
    await tabTo(page, /button "Mark for the harvest Trust before tools"/, 'marking the idea', { back: true });
    await page.keyboard.press('Space');
    await expectNamedFocus(page, 'marking the idea for the harvest');
    await page.context().close();
  }, 180_000);
});
