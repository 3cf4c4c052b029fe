import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createSession, join } from '../helpers/api.js';
import { browserSuite, expectAccessible, missingChromium, openPage, shot } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { command, connect } from '../helpers/socket.js';

const missing = missingChromium();

// HUB31, HUB32 (docs/hubs.md): with alternation on, the console's speaker queue takes turns among
// the room, individual remote speakers and hubs, and writes each hand's stream in words.
describe.skipIf(missing !== null)("a hub's hand in the console's speaker queue", () => {
  let server: TestServer;
  let browser: Browser;
  browserSuite((started) => ({ server, browser } = started));

  async function queueWith(attribution: 'named' | 'anonymous'): Promise<Page> {
    const created = await createSession(server.url, { title: `Hub queue ${attribution}`, format: 'townhall', attribution });
    const code = created.session.joinCode;
    const hub = { name: 'Nairobi hub', place: 'iHub, Nairobi', headcount: 25, groups: ['civil-society' as const] };
    const people = [
      await join(server.url, code, { displayName: 'In A', mode: 'in-room', stakeholderGroup: 'government' }),
      await join(server.url, code, { displayName: 'In B', mode: 'in-room', stakeholderGroup: 'academia' }),
      await join(server.url, code, { displayName: 'Remote R', mode: 'remote', stakeholderGroup: 'academia' }),
      await join(server.url, code, { displayName: 'Wanjiru', mode: 'remote', stakeholderGroup: 'civil-society', role: 'hub', hub }),
    ];
    const { socket: staff } = await connect(server.url, created.facilitatorToken);
    expect((await command(staff, 'hand:alternate', { on: true })).ok).toBe(true);
    for (const person of people) {
      const { socket } = await connect(server.url, person.token);
      expect((await command(socket, 'hand:raise', {})).ok).toBe(true);
    }
    const page = await openPage(browser, created.links.console);
    await page.waitForURL(/\/console$/);
    await page.getByRole('tab', { name: /^Run/ }).click();
    return page;
  }

  it('HUB31 HUB32 under named the hub is its own stream, "Hub" in words beside "In the room" and "Remote"', async () => {
    const page = await queueWith('named');
    const rows = page.getByTestId('queue-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    await expect.poll(() => rows.nth(0).innerText()).toMatch(/In A\s+Government\s+In the room/);
    await expect.poll(() => rows.nth(1).innerText()).toMatch(/Remote R\s+Academia\s+Remote/);
    await expect.poll(() => rows.nth(2).innerText()).toMatch(/Wanjiru\s+Civil society\s+Hub\s/);
    await expect.poll(() => rows.nth(3).innerText()).toMatch(/In B\s+Academia\s+In the room/);
    await expect.poll(() => page.getByTestId('queue-table').locator('thead').innerText()).toContain('In the room, remote or hub');
    await expect.poll(() => page.getByLabel('Alternate speakers in the room, remote and from hubs').isChecked()).toBe(true);
    await shot(page, 'hub-queue-named');
    await expectAccessible(page, 'console queue with a hub');
  });

  it('HUB32 under anonymous no stream shows: a dash for every hand, the hub included', async () => {
    const page = await queueWith('anonymous');
    const rows = page.getByTestId('queue-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    for (let i = 0; i < 4; i++) await expect.poll(() => rows.nth(i).innerText()).toMatch(/—\s+—/);
    const table = await page.getByTestId('queue-table').innerText();
    for (const word of ['Hub\t', 'Nairobi', 'Wanjiru', 'In the room\t', 'Remote\t']) expect(table).not.toContain(word);
  });
});
