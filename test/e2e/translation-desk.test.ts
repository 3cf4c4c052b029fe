import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, http, join, type Created, type Joined } from '../helpers/api.js';
import { browserSuite, expectAccessible, missingChromium, shot } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { connect, nextEvent } from '../helpers/socket.js';
import { within } from '../helpers/wait.js';

const missing = missingChromium();
const ARABIC = 'لماذا تهم الثقة؟';

// LANG40–LANG45: the facilitator makes someone translator in the people table; the translator
// opens the desk from their page and adds an Arabic version of a round question, which an Arabic
// reader receives live.
describe.skipIf(missing !== null)('the translation desk', () => {
  let server: TestServer;
  let browser: Browser;
  let created: Created;
  let translator: Joined;
  let reader: Joined;
  let desk: Page;

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    created = await createSession(server.url, { title: 'Café in six languages', format: 'cafe', languages: ['en', 'ar', 'zh', 'fr', 'ru', 'es'] });
    const f = { token: created.facilitatorToken };
    const sid = created.session.id;
    expect(
      (await http(server.url, 'PUT', `/api/sessions/${sid}/cafe/rounds`, { ...f, body: { rounds: [{ question: 'Why does trust matter?', durationMinutes: 15 }] } })).status,
    ).toBe(200);
    translator = await join(server.url, created.session.joinCode, { displayName: 'Tariq', language: 'ar' });
    reader = await join(server.url, created.session.joinCode, { displayName: 'Amal', language: 'ar' });
  }, 60_000);

  it('LANG40 the facilitator makes someone translator from the people table', async () => {
    const console = await (await browser.newContext()).newPage();
    console.setDefaultTimeout(15_000);
    await console.goto(`${server.url}/s/${created.session.id}/console#token=${created.facilitatorToken}`);
    await console.getByRole('combobox', { name: 'Role of Tariq' }).selectOption({ label: 'Translator' });
    await expect
      .poll(
        async () =>
          (await http(server.url, 'GET', `/api/sessions/${created.session.id}/participants`, { token: created.facilitatorToken })).body.participants.find(
            (p: { id: string }) => p.id === translator.participant.id,
          )?.role,
      )
      .toBe('translator');
  });

  it('LANG41 a translator adds an Arabic version of a round question from the desk; a reader gets it live', async () => {
    const { socket } = await connect(server.url, reader.token);
    const heard = nextEvent(socket, 'content:versions', (v) => v.key === 'cafe-round/1/question' && v.versions.some((x) => x.language === 'ar'));
    desk = await (await browser.newContext({ locale: 'en' })).newPage();
    desk.setDefaultTimeout(15_000);
    await desk.goto(`${server.url}/s/${created.session.id}#token=${translator.token}`);
    await desk.getByRole('link', { name: 'Open the translation desk' }).click();
    await desk.waitForURL(/\/translate$/);
    const item = desk.getByRole('article', { name: 'Round 1: question' });
    await expect.poll(() => item.locator('blockquote').textContent()).toBe('Why does trust matter?');
    expect(await item.locator('blockquote').getAttribute('lang')).toBe('en');
    const field = item.getByRole('textbox', { name: 'Version in العربية' });
    expect(await field.getAttribute('dir')).toBe('rtl');
    expect(await field.getAttribute('lang')).toBe('ar');
    await field.fill(ARABIC);
    await item.getByRole('button', { name: 'Add the العربية version' }).click();
    const [versions] = await within(heard, 'the Arabic version at the reader', 15_000);
    expect(versions.versions.find((v) => v.language === 'ar')?.text).toBe(ARABIC);
    await expect.poll(() => desk.getByRole('status').filter({ hasText: 'العربية version saved' }).count()).toBe(1);
    await expect.poll(() => item.getByRole('button', { name: 'Remove the العربية version' }).count()).toBe(1);
    await shot(desk, 'translation-desk');
    await expectAccessible(desk, 'the translation desk');
  });

  it('LANG42 "missing only" hides a text once every language has a version; after a reload the version is there', async () => {
    await desk.reload();
    const item = desk.getByRole('article', { name: 'Round 1: question' });
    await expect.poll(() => item.getByRole('textbox', { name: 'Version in العربية' }).inputValue()).toBe(ARABIC);
    await desk.getByRole('checkbox', { name: 'Show only texts with missing or outdated versions' }).check();
    // Still missing in five languages: still listed.
    await expect.poll(() => desk.getByRole('article', { name: 'Round 1: question' }).count()).toBe(1);
    const sid = created.session.id;
    for (const [language, text] of [
      ['zh', '为什么信任很重要？'],
      ['fr', 'Pourquoi la confiance compte-t-elle ?'],
      ['ru', 'Почему доверие важно?'],
      ['es', '¿Por qué importa la confianza?'],
    ])
      expect(
        (await http(server.url, 'PUT', `/api/sessions/${sid}/content/versions`, { token: translator.token, body: { key: 'cafe-round/1/question', language, text } })).status,
      ).toBe(200);
    await desk.reload();
    await desk.getByRole('checkbox', { name: 'Show only texts with missing or outdated versions' }).check();
    await expect.poll(() => desk.getByText('Every text has a current version in every language of the session.').count()).toBe(1);
  });
});
