import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createSession, http, join, type Created, type Joined } from '../helpers/api.js';
import { browserSuite, expectAccessible, missingChromium, openPage, shot } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';

const missing = missingChromium();

// HUB50 HUB51 in the browser: a hub in a café sits at a table of its own; the console's plan and
// tables say so in words, and the hub's page tells its coordinator the room discusses together.
describe.skipIf(missing !== null)('a hub in a café on screen', () => {
  let server: TestServer;
  let browser: Browser;
  let created: Created;
  let hub: Joined;

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    created = await createSession(server.url, { title: 'Café with a hub', format: 'cafe', attribution: 'named' });
    const code = created.session.joinCode;
    for (const [i, mode] of (['in-room', 'in-room', 'remote', 'remote'] as const).entries()) {
      await join(server.url, code, { displayName: `Guest ${i + 1}`, mode, stakeholderGroup: i % 2 ? 'academia' : 'government' });
    }
    hub = await join(server.url, code, {
      displayName: 'Wanjiru',
      mode: 'remote',
      stakeholderGroup: 'civil-society',
      role: 'hub',
      hub: { name: 'Nairobi hub', place: 'iHub, Nairobi', headcount: 25, groups: ['civil-society'] },
    });
    const f = { token: created.facilitatorToken };
    const base = `/api/sessions/${created.session.id}/cafe`;
    // The hub's table is made when it joins; the facilitator's tables keep it.
    await vi.waitFor(async () => expect(((await http(server.url, 'GET', base, f)).body.cafe.tables as { label: string }[]).map((t) => t.label)).toEqual(['Nairobi hub']), {
      timeout: 20_000,
      interval: 200,
    });
    const tables = [
      { label: 'Cedar', kind: 'in-room', capacity: 3 },
      { label: 'Online', kind: 'remote', capacity: 3, videoUrl: 'https://meet.example.org/online' },
    ];
    expect((await http(server.url, 'PUT', `${base}/tables`, { ...f, body: { tables } })).status).toBe(200);
    const rounds = [
      { question: 'What data should be open by default?', durationMinutes: 10 },
      { question: 'Who should decide?', durationMinutes: 10 },
    ];
    expect((await http(server.url, 'PUT', `${base}/rounds`, { ...f, body: { rounds } })).status).toBe(200);
    expect((await http(server.url, 'POST', `${base}/plan`, { ...f, body: { seed: 5 } })).status).toBe(201);
  }, 60_000);

  it('HUB51 the console lists the hub apart and its table in the plan as a hub’s table', { timeout: 120_000 }, async () => {
    const page: Page = await openPage(browser, created.links.console, { locale: 'en' });
    await page.waitForURL(/\/console$/);
    const hint = page.getByTestId('hub-tables');
    await expect.poll(() => hint.innerText().catch(() => ''), { timeout: 30_000 }).toContain('Each hub sits alone at a table of its own');
    expect(await hint.innerText()).toContain('Nairobi hub');
    const row = page.locator('.plan-table th[scope="row"]', { hasText: 'Nairobi hub' }).first();
    await expect.poll(() => row.innerText().catch(() => ''), { timeout: 30_000 }).toContain("Hub's table (its room together), 1/1");
    await shot(page, 'hub-cafe-console');
  });

  it('HUB51 the hub’s page shows its own table as its seat, in words, and its room discussing together; so does the projector', { timeout: 120_000 }, async () => {
    const started = await http(server.url, 'POST', `/api/sessions/${created.session.id}/cafe/run/start`, { token: created.facilitatorToken, body: {} });
    expect(started.status).toBe(200);
    const projector = await openPage(browser, created.links.projector, { locale: 'en' });
    const tile = projector.locator('.table-tile', { hasText: 'Nairobi hub' });
    await expect.poll(() => tile.innerText().catch(() => ''), { timeout: 30_000 }).toContain("Hub's table (its room together)");
    await shot(projector, 'hub-cafe-projector');
    const page = await openPage(browser, `${server.url}/s/${created.session.id}#token=${hub.token}`, { locale: 'en' });
    await expect.poll(() => page.getByText("This is your hub's own table").count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.locator('h2, h3').filter({ hasText: 'Nairobi hub' }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expectAccessible(page, 'a hub at its own café table');
    await shot(page, 'hub-cafe-hub');
  });
});
