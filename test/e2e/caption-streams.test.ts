import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, http, join, type Created, type Joined } from '../helpers/api.js';
import { browserSuite, expectAccessible, missingChromium, openPage, shot } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { command, connect, type ClientSocket } from '../helpers/socket.js';

const missing = missingChromium();

// CAPS10 CAPS11 CAPS13: a participant picks the French caption stream and reads the interpreter's
// lines as they arrive, marked lang="fr"; the choice is remembered on the device.
describe.skipIf(missing !== null)('caption streams in a participant’s browser', () => {
  let server: TestServer;
  let browser: Browser;
  let created: Created;
  let amal: Joined;
  let english: ClientSocket;
  let french: ClientSocket;
  let page: Page;

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    created = await createSession(server.url, { title: 'Town Hall in two languages', format: 'townhall', attribution: 'group', languages: ['en', 'fr'] });
    english = (await connect(server.url, created.facilitatorToken)).socket;
    const interpreter = await join(server.url, created.session.joinCode, { displayName: 'Benoît', language: 'fr' });
    const role = await http(server.url, 'PATCH', `/api/sessions/${created.session.id}/participants/${interpreter.participant.id}`, {
      token: created.facilitatorToken,
      body: { role: 'captioner' },
    });
    expect(role.status).toBe(200);
    french = (await connect(server.url, interpreter.token)).socket;
    expect(await command(english, 'caption:add', { text: 'Welcome to the Town Hall.', language: 'en' })).toMatchObject({ ok: true });
    expect(await command(french, 'caption:add', { text: 'Bienvenue à l’assemblée.' })).toMatchObject({ ok: true });
    amal = await join(server.url, created.session.joinCode, { displayName: 'Amal', language: 'en' });
    page = await openPage(browser, `${server.url}/s/${created.session.id}#token=${amal.token}`);
  }, 60_000);

  it('CAPS10 CAPS11 CAPS13 picks the French stream and sees French lines arrive with lang="fr"', async () => {
    await page.getByLabel('Show captions').check();
    const log = page.locator('.caption-log');
    // Her own language's stream first.
    await expect.poll(() => log.innerText()).toContain('Welcome to the Town Hall.');
    await page.getByLabel('Caption stream').selectOption('fr');
    await expect.poll(() => log.innerText()).toContain('Bienvenue à l’assemblée.');
    expect(await log.innerText()).not.toContain('Welcome to the Town Hall.');

    expect(await command(french, 'caption:add', { text: 'Première question : l’accès aux données.' })).toMatchObject({ ok: true });
    expect(await command(english, 'caption:add', { text: 'First question: access to data.', language: 'en' })).toMatchObject({ ok: true });
    const line = log.locator('p', { hasText: 'Première question : l’accès aux données.' });
    await expect.poll(() => line.count()).toBe(1);
    expect(await line.getAttribute('lang')).toBe('fr');
    expect(await line.getAttribute('dir')).toBe('ltr');
    expect(await log.innerText()).not.toContain('First question');

    // Remembered on this device.
    await page.reload();
    await expect.poll(() => page.locator('.caption-log').innerText()).toContain('Première question');
    expect(await page.getByLabel('Caption stream').inputValue()).toBe('fr');
    await shot(page, 'caption-streams-participant');
    await expectAccessible(page, 'Town Hall participant view with caption streams');
  });
});
