import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible, missingChromium, shot } from '../helpers/browser.js';
import { cafeWorld, type CafeWorld } from '../helpers/notepad.js';
import type { TestServer } from '../helpers/server.js';
import { command, connect } from '../helpers/socket.js';
import { fakeLibreTranslate } from '../helpers/fake-libretranslate.js';

const missing = missingChromium();
const FRENCH = 'Des données ouvertes par défaut';
const ENGLISH = 'Open data by default';

// MT51: a reader at a table reads a key idea written in French, asks for it in English, sees it
// labelled with the engine's name, and goes back to the original. The engine is a tiny
// LibreTranslate-compatible service started here.
const lt = await fakeLibreTranslate({ languages: [{ code: 'fr', name: 'French', targets: ['en'] }], answer: () => ENGLISH });
const ltUrl = lt.url;

describe.skipIf(missing !== null)('a key idea translated in the notepad', () => {
  let server: TestServer;
  let browser: Browser;
  let world: CafeWorld;

  browserSuite((started) => ({ server, browser } = started), { env: { TRANSLATE_ENGINE: 'libretranslate', TRANSLATE_URL: ltUrl } });
  beforeAll(async () => {
    world = await cafeWorld(server.url, server.store, { languages: ['en', 'fr'] });
  });
  afterAll(() => lt.close());

  async function notesAs(token: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-GB' });
    const credential = { sessionId: world.sessionId, joinCode: world.created.session.joinCode, title: world.created.session.title, token };
    await context.addInitScript((value) => localStorage.setItem('openTalks.credentials', value), JSON.stringify({ [world.sessionId]: credential }));
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${server.url}/s/${world.sessionId}/notes/${world.tableA}/1`);
    return page;
  }

  it('MT51 an English reader translates a French key idea, sees it labelled, and shows the original again', async () => {
    const bob = (await connect(server.url, world.bob.token)).socket;
    const added = await command(bob, 'notepad:add-idea', { tableId: world.tableA, round: 1, id: 'idea-fr', text: FRENCH, language: 'fr' });
    expect(added).toMatchObject({ ok: true, idea: { language: 'fr' } });
    const ann = await notesAs(world.ann.token);
    // Held by the idea's id, not its words: they change when translated.
    const item = ann.locator('.key-ideas li').filter({ has: ann.locator('[id$="-idea-fr-text"]') });
    await expect.poll(() => item.count(), { timeout: 30_000 }).toBe(1);
    expect(await item.textContent()).toContain(FRENCH);
    const text = item.locator('.key-idea-text');
    expect(await text.getAttribute('lang')).toBe('fr');
    await item.getByRole('button', { name: 'Translate', exact: true }).click();
    await expect.poll(() => text.textContent(), { timeout: 30_000 }).toBe(ENGLISH);
    expect(await text.getAttribute('lang')).toBe('en');
    await expect.poll(() => item.getByTestId('machine-mark').textContent()).toMatch(/LibreTranslate/);
    expect(lt.asked).toEqual([{ q: FRENCH, source: 'fr', target: 'en', format: 'text' }]);
    await shot(ann, 'key-idea-translation');
    await expectAccessible(ann, 'a machine-translated key idea');
    await item.getByRole('button', { name: 'Show original' }).click();
    await expect.poll(() => text.textContent()).toBe(FRENCH);
  }, 90_000);
});
