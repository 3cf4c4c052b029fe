import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible, missingChromium, shot } from '../helpers/browser.js';
import { cafeWorld, type CafeWorld } from '../helpers/notepad.js';
import type { TestServer } from '../helpers/server.js';

// A table's notes language in a real browser (docs/notepads.md, NOTE18–NOTE20): chosen with the
// keyboard by someone at the table, the editors of everyone there take its `lang` and `dir`.

const missing = missingChromium();

describe.skipIf(missing !== null)('notes language in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let world: CafeWorld;

  async function notesAs(token: string, tableId: string, round: number): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-GB' });
    const credential = { sessionId: world.sessionId, joinCode: world.created.session.joinCode, title: world.created.session.title, token };
    await context.addInitScript((value) => localStorage.setItem('openTalks.credentials', value), JSON.stringify({ [world.sessionId]: credential }));
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/s/${world.sessionId}/notes/${tableId}/${round}`);
    return page;
  }

  const editor = (page: Page) => page.getByRole('textbox', { name: 'Table notes, round 1' });
  const langDir = (page: Page) => editor(page).evaluate((element) => `${element.getAttribute('lang')} ${element.getAttribute('dir')}`);

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    world = await cafeWorld(server.url, server.store);
  });

  it('NOTE18 NOTE20 choosing Arabic with the keyboard gives the editor lang="ar" dir="rtl", at the table’s other screens too', async () => {
    const ann = await notesAs(world.ann.token, world.tableA, 1);
    const bob = await notesAs(world.bob.token, world.tableA, 1);
    for (const page of [ann, bob]) await expect.poll(() => page.getByTestId('notepad-status').textContent()).toMatch(/^Connected/);
    const select = ann.getByLabel('Notes written in');
    await expect.poll(() => select.inputValue()).toBe('en');
    await expect.poll(() => langDir(ann)).toBe('en ltr');

    // From the editor, Shift+Tab reaches the select; Home picks the first language, Arabic.
    await editor(ann).click();
    await ann.keyboard.press('Shift+Tab');
    expect(await select.evaluate((element) => element === document.activeElement)).toBe(true);
    await ann.keyboard.press('Home');
    await expect.poll(() => select.inputValue()).toBe('ar');
    await expect.poll(() => langDir(ann)).toBe('ar rtl');
    await expect.poll(() => langDir(bob)).toBe('ar rtl');
    expect((await server.store.cafe.notesLanguages(world.sessionId)).get(`${world.tableA}/1`)).toBe('ar');
    await expectAccessible(ann, 'notes language');
    await shot(ann, 'notes-language-ar');
  });
});
