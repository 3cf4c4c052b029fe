import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../helpers/api.js';
import { expectAccessible, browserSuite, missingChromium, SHOTS } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';

const missing = missingChromium();

// LIMIT2 in the browser: with one connection allowed per person, a second tab takes over and the
// first says so and stays quiet, instead of the two tabs closing each other in a loop.
describe.skipIf(missing !== null)('LIMIT2 too many tabs in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;

  browserSuite((started) => ({ server, browser } = started), { env: { SOCKETS_PER_PERSON: '1' } });
  beforeAll(async () => {
    context = await browser.newContext({ locale: 'en-GB' });
  });

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}${path}`);
    return page;
  }

  it('LIMIT2 the newest tab wins, the older one shows a notice and does not reconnect; it can take over again', async () => {
    const created = await createSession(server.url, { title: 'Many tabs', format: 'townhall' });
    const connections: string[] = [];
    server.io.on('connection', (socket) => connections.push(socket.id));

    const first = await open(`/join/${created.session.joinCode}`);
    await first.getByLabel('Display name').fill('Tabby');
    await first.getByLabel('Stakeholder group').selectOption('academia');
    await first.getByLabel('Remote', { exact: true }).check();
    await first.getByRole('button', { name: 'Join' }).click();
    await first.waitForURL(/\/s\/[^/]+$/);
    await first.getByRole('heading', { name: 'Many tabs' }).first().waitFor();
    const sessionPath = new URL(first.url()).pathname;

    const second = await open(sessionPath);
    const notice = first.getByRole('alert').filter({ hasText: 'open in too many tabs' });
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain('at most 1 at once');
    await expectAccessible(first, 'a replaced tab');
    if (SHOTS) await first.screenshot({ path: join(SHOTS, 'connection-replaced.png'), fullPage: true });
    // The second tab is live: the first did not come back and close it.
    await second.getByRole('heading', { name: 'Many tabs' }).first().waitFor();
    expect(await second.getByRole('alert').filter({ hasText: 'open in too many tabs' }).count()).toBe(0);
    expect(server.io.sockets.sockets.size).toBe(1);

    // Taking the first tab back: now the second yields, once.
    await first.getByRole('button', { name: 'Use this tab instead' }).click();
    await second.getByRole('alert').filter({ hasText: 'open in too many tabs' }).waitFor();
    await first.getByRole('alert').filter({ hasText: 'open in too many tabs' }).waitFor({ state: 'detached' });
    expect(server.io.sockets.sockets.size).toBe(1);
    expect(connections.length).toBe(3); // first, second, first again: no tug of war
  });
});
