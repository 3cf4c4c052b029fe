import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, http, join, type Created, type Joined } from '../helpers/api.js';
import { expectAccessible, browserSuite, missingChromium } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';

const missing = missingChromium();

// The rapporteur reads a table's notes live while it writes them, and writes the synthesis.
describe.skipIf(missing !== null)('the rapporteur’s desk', () => {
  let server: TestServer;
  let browser: Browser;
  let created: Created;
  let writer: Joined;
  let rapporteur: Joined;
  let table: Page;
  let desk: Page;

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    created = await createSession(server.url, { title: 'Café with a rapporteur', format: 'cafe', attribution: 'group' });
    writer = await join(server.url, created.session.joinCode, { displayName: 'Wen', mode: 'remote', stakeholderGroup: 'academia' });
    rapporteur = await join(server.url, created.session.joinCode, { displayName: 'Rosa', mode: 'in-room' });
    const f = { token: created.facilitatorToken };
    const sid = created.session.id;
    expect((await http(server.url, 'PATCH', `/api/sessions/${sid}/participants/${rapporteur.participant.id}`, { ...f, body: { role: 'rapporteur' } })).status).toBe(200);
    await http(server.url, 'PUT', `/api/sessions/${sid}/cafe/tables`, { ...f, body: { tables: [{ label: 'Online', kind: 'remote', capacity: 4 }] } });
    await http(server.url, 'PUT', `/api/sessions/${sid}/cafe/rounds`, { ...f, body: { rounds: [{ question: 'What matters most?', durationMinutes: 15 }] } });
    expect((await http(server.url, 'POST', `/api/sessions/${sid}/cafe/plan`, { ...f, body: {} })).status).toBe(201);
    expect((await http(server.url, 'POST', `/api/sessions/${sid}/cafe/run/start`, { ...f, body: {} })).status).toBe(200);
    table = await (await browser.newContext()).newPage();
    desk = await (await browser.newContext()).newPage();
    for (const page of [table, desk]) page.setDefaultTimeout(15_000);
    await table.goto(`${server.url}/s/${sid}#token=${writer.token}`);
    await desk.goto(`${server.url}/s/${sid}#token=${rapporteur.token}`);
    await desk.getByRole('link', { name: "Open the rapporteur's desk" }).click();
    await desk.waitForURL(/\/rapporteur$/);
  }, 60_000);

  it('reads a table’s notes live, read-only', async () => {
    await expect.poll(() => table.getByTestId('notepad-status').textContent()).toMatch(/^Connected/);
    await table.getByRole('textbox', { name: 'Table notes, round 1' }).click();
    await table.keyboard.type('Trust needs open data');
    await desk.getByText('table 1, Online, round 1').click();
    const notes = desk.getByRole('textbox', { name: 'Table notes, round 1' });
    await expect.poll(() => notes.textContent()).toContain('Trust needs open data');
    await expect.poll(() => desk.getByTestId('notepad-read-only').count()).toBe(1);
    await table.keyboard.type(' and time');
    await expect.poll(() => notes.textContent()).toContain('Trust needs open data and time');
  });

  it('writes the synthesis, which is kept', async () => {
    const synthesis = desk.getByTestId('synthesis').getByRole('textbox', { name: 'Synthesis' });
    await expect.poll(() => desk.getByTestId('synthesis').getByTestId('notepad-status').textContent()).toMatch(/^Connected/);
    await synthesis.click();
    await desk.keyboard.type('The tables agree that openness builds trust.');
    await desk.waitForTimeout(1_200); // stored at most ~0.5 s behind
    await desk.reload();
    await expect.poll(() => desk.getByTestId('synthesis').getByRole('textbox', { name: 'Synthesis' }).textContent()).toContain('openness builds trust');
    await expectAccessible(desk, "the rapporteur's desk");
  });
});
