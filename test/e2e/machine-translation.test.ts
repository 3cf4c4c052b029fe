import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, join, type Created } from '../helpers/api.js';
import { expectAccessible, launchBrowser, missingChromium, openPage, shot } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { closeAllSockets, command, connect } from '../helpers/socket.js';
import { fakeLibreTranslate, type FakeLibreTranslate } from '../helpers/fake-libretranslate.js';

const missing = missingChromium();
const ENGLISH = 'Why was the meeting moved?';
const FRENCH = 'Pourquoi la réunion a-t-elle été déplacée ?';

// MT35, MT36: a French participant reads an English question, asks for a machine translation, sees
// it labelled with the engine's name and in French (lang="fr"), and goes back to the original.
// The engine is a tiny LibreTranslate-compatible service started here.
describe.skipIf(missing !== null)('machine translation in a participant’s browser', () => {
  let lt: FakeLibreTranslate;
  let server: TestServer;
  let browser: Browser;
  let created: Created;
  let page: Page;

  beforeAll(async () => {
    lt = await fakeLibreTranslate({ languages: [{ code: 'en', name: 'English', targets: ['fr', 'es'] }], answer: () => FRENCH });
    const ltUrl = lt.url;
    server = await startTestServer({ env: { TRANSLATE_ENGINE: 'libretranslate', TRANSLATE_URL: ltUrl } });
    browser = await launchBrowser();
    created = await createSession(server.url, { title: 'Town Hall in two languages', format: 'townhall', languages: ['en', 'fr'] });
    const asker = await join(server.url, created.session.joinCode, { displayName: 'Ann', language: 'en' });
    const socket = (await connect(server.url, asker.token)).socket;
    expect(await command(socket, 'qa:ask', { text: ENGLISH, anonymous: false })).toMatchObject({ ok: true, question: { language: 'en' } });
    const reader = await join(server.url, created.session.joinCode, { displayName: 'Margaux', language: 'fr' });
    page = await openPage(browser, `${server.url}/s/${created.session.id}#token=${reader.token}`, { locale: 'fr' });
    page.setDefaultTimeout(30_000);
  }, 120_000);

  afterAll(async () => {
    for (const context of browser?.contexts() ?? []) await context.close().catch(() => undefined);
    closeAllSockets();
    await browser?.close();
    await server?.close();
    await server?.database.drop();
    await lt?.close();
  });

  it('MT35 MT36 a French reader translates an English question, sees it labelled, and shows the original again', async () => {
    // The only question; found by its text first, then held by its id (its text changes).
    await expect.poll(() => page.locator('.question-item').filter({ hasText: ENGLISH }).count(), { timeout: 30_000 }).toBe(1);
    const item = page.locator(`#${await page.locator('.question-item').filter({ hasText: ENGLISH }).getAttribute('id')}`);
    const text = item.locator('.question-text');
    expect(await text.getAttribute('lang')).toBe('en');
    expect(await text.getAttribute('dir')).toBe('ltr');
    await item.getByRole('button', { name: /^(Traduire|Translate)$/ }).click();
    await expect.poll(() => text.textContent(), { timeout: 30_000 }).toBe(FRENCH);
    expect(await text.getAttribute('lang')).toBe('fr');
    await expect.poll(() => item.getByTestId('machine-mark').textContent()).toMatch(/(Traduction automatique|Machine translation) \(LibreTranslate\)/);
    expect(lt.asked).toEqual([{ q: ENGLISH, source: 'en', target: 'fr', format: 'text' }]);
    await shot(page, 'machine-translation');
    await expectAccessible(page, 'a machine-translated question');
    await item.getByRole('button', { name: /^(Afficher l’original|Afficher l'original|Show original)$/ }).click();
    await expect.poll(() => text.textContent()).toBe(ENGLISH);
    expect(await text.getAttribute('lang')).toBe('en');
  }, 90_000);
});
