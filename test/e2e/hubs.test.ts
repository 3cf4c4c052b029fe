import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, type Created } from '../helpers/api.js';
import { browserSuite, expectAccessible, missingChromium, openPage, shot } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';

const missing = missingChromium();

// HUB1 and HUB10 in the browser: a hub's coordinator joins through the join form's hub option,
// and the facilitator's console counts "1 hub, 25 people" with the hub in the people table.
describe.skipIf(missing !== null)('remote hubs on screen', () => {
  let server: TestServer;
  let browser: Browser;
  let created: Created;
  let console: Page;

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    created = await createSession(server.url, { title: 'Town Hall with hubs', format: 'townhall', attribution: 'named' });
    console = await openPage(browser, `${server.url}/s/${created.session.id}/console#token=${created.facilitatorToken}`, { locale: 'en' });
  }, 60_000);

  it('HUB1 HUB4 HUB5 HUB10 HUB15 a hub joins through the form; the console shows "1 hub, 25 people" and the hub in the people table', { timeout: 120_000 }, async () => {
    const hub = await openPage(browser, `${server.url}/join/${created.session.joinCode}`, { locale: 'en' });
    await hub.getByLabel('Display name').fill('Wanjiru');
    await hub.getByLabel('We are a hub (a group watching together)').check();
    // Nothing chosen yet: the form names what is missing and sends nothing.
    await hub.getByRole('button', { name: 'Join' }).click();
    await expect.poll(() => hub.locator('#join-hub-name-error').innerText(), { timeout: 20_000 }).not.toBe('');
    await hub.getByLabel('Hub name').fill('Nairobi hub');
    await hub.getByLabel('Place').fill('iHub, Nairobi');
    await hub.getByLabel('How many people are present').fill('25');
    await hub.getByLabel('Civil society').check();
    await hub.getByLabel('Academia').check();
    await expectAccessible(hub, 'join form with the hub option');
    await hub.getByRole('button', { name: 'Join' }).click();

    await hub.getByTestId('my-hub').waitFor({ timeout: 30_000 });
    expect(await hub.getByTestId('my-hub').innerText()).toBe('Nairobi hub, iHub, Nairobi');

    const count = console.getByTestId('hubs-count').first();
    await expect.poll(() => count.innerText().catch(() => ''), { timeout: 30_000, interval: 250 }).toBe('1 hub, 25 people');
    const row = console.getByTestId('hub-details').first();
    await expect.poll(() => row.innerText().catch(() => ''), { timeout: 30_000, interval: 250 }).toContain('Nairobi hub (iHub, Nairobi): 25 people; Civil society, Academia');

    // The coordinator updates the headcount; the console follows.
    await hub.getByLabel('People present now').fill('30');
    await hub.getByRole('button', { name: 'Update headcount' }).click();
    await expect.poll(() => hub.getByRole('status').filter({ hasText: 'Headcount updated.' }).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => count.innerText().catch(() => ''), { timeout: 30_000, interval: 250 }).toBe('1 hub, 30 people');
    await shot(console, 'hubs-console');
    await shot(hub, 'hubs-participant');
  });
});
