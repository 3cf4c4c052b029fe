import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/src/version.js';
import { createSession } from '../helpers/api.js';
import { expectAccessible, browserSuite, missingChromium } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';

// VERSION4 in a browser: a page from before a deploy (its Socket.IO handshake carries the previous
// protocol version) is told to reload, stops reconnecting, and is whole again once reloaded.

const missing = missingChromium();

describe.skipIf(missing !== null)('an outdated page in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    context = await browser.newContext({ locale: 'en-GB' });
  });

  it('VERSION4 the page says a new version is available, does not retry, and the Reload button brings it back', async () => {
    const created = await createSession(server.url, { title: 'After the deploy', format: 'townhall' });
    const page: Page = await context.newPage();
    page.setDefaultTimeout(15_000);
    // The built page is this version; its handshake (a long-polling POST first) is made to say the
    // previous one, as a tab loaded before the deploy would.
    let oldHandshakes = 0;
    const sendOldVersion = async (route: Route) => {
      const body = route.request().postData();
      if (!body?.includes('"version":')) return route.continue();
      oldHandshakes += 1;
      await route.continue({ postData: body.replace(`"version":${PROTOCOL_VERSION}`, `"version":${PROTOCOL_VERSION - 1}`) });
    };
    await page.route('**/socket.io/**', sendOldVersion);
    await page.goto(`${server.url}/s/${created.session.id}/console#token=${created.facilitatorToken}`);

    const notice = page.getByRole('alert').filter({ hasText: 'A new version of Open Talks is available. Reload the page.' });
    await notice.waitFor();
    await expectAccessible(page, 'an outdated page');
    // No reconnect loop: a tab would retry within its first reconnection delay (1 s ± 50%).
    await page.waitForTimeout(2_000);
    expect(oldHandshakes).toBe(1);
    expect(server.io.sockets.sockets.size).toBe(0);

    // The deploy's page: reloading by keyboard fetches it, and the session comes back.
    await page.unroute('**/socket.io/**', sendOldVersion);
    const reload = notice.getByRole('button', { name: 'Reload' });
    for (let i = 0; i < 10 && !(await reload.evaluate((button) => button === document.activeElement)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'After the deploy' }).first().waitFor();
    await notice.waitFor({ state: 'detached' });
    await expect.poll(() => server.io.sockets.sockets.size).toBe(1);
  });
});
