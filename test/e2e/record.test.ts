import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, http, join, type Joined } from '../helpers/api.js';
import { expectAccessible, browserSuite, missingChromium, SHOTS } from '../helpers/browser.js';
import { cafeWorld, closeAllNotepads, openNotepad, until, type CafeWorld } from '../helpers/notepad.js';
import type { TestServer } from '../helpers/server.js';

const missing = missingChromium();

const NOTE = 'Open data builds <trust> | # for everyone';

// The record in a real browser (issue 6): a rapporteur downloads the DOCX and the HTML; the
// facilitator publishes; the public page shows the record without login and goes when unpublished.
describe.skipIf(missing !== null)('the record in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let world: CafeWorld;
  let rapporteur: Joined;
  let desk: Page;
  let console_: Page;
  let publicLink: string;

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    world = await cafeWorld(server.url, server.store);
    rapporteur = await join(server.url, world.created.session.joinCode, { displayName: 'Rosa' });
    const path = `/api/sessions/${world.sessionId}/participants/${rapporteur.participant.id}`;
    expect((await http(server.url, 'PATCH', path, { token: world.created.facilitatorToken, body: { role: 'rapporteur' } })).status).toBe(200);
    const table = await openNotepad(server.url, world.room(world.tableA, 1), world.ann.token);
    table.text.insert(0, NOTE);
    const check = await openNotepad(server.url, world.room(world.tableA, 1), world.created.facilitatorToken);
    await until(check.doc, () => check.text.toString() === NOTE, 'the note at the server');
    closeAllNotepads();
    desk = await (await browser.newContext({ acceptDownloads: true })).newPage();
    console_ = await (await browser.newContext()).newPage();
    for (const page of [desk, console_]) page.setDefaultTimeout(15_000);
    await desk.goto(`${server.url}/s/${world.sessionId}#token=${rapporteur.token}`);
    await desk.getByRole('link', { name: "Open the rapporteur's desk" }).click();
    await desk.waitForURL(/\/rapporteur$/);
  }, 60_000);

  async function downloadFrom(page: Page, button: string): Promise<{ name: string; body: Buffer }> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    return { name: download.suggestedFilename(), body: await readFile(await download.path()) };
  }

  it('REC9 a rapporteur downloads the DOCX and the HTML from the desk', async () => {
    const docx = await downloadFrom(desk, 'Word (DOCX)');
    expect(docx.name).toMatch(/^Notepad café \d{4}-\d{2}-\d{2}\.docx$/);
    const { value: text } = await mammoth.extractRawText({ buffer: docx.body });
    expect(text).toContain(NOTE);
    expect(text).toContain('What matters?');
    await expect.poll(() => desk.getByRole('status').filter({ hasText: 'downloaded' }).count()).toBe(1);
    const html = await downloadFrom(desk, 'HTML (printable)');
    const page = html.body.toString('utf8');
    expect(html.name.endsWith('.html')).toBe(true);
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('Open data builds &lt;trust&gt; | # for everyone');
    // The rapporteur exports but does not publish.
    expect(await desk.getByRole('button', { name: 'Publish the record' }).count()).toBe(0);
  });

  it('REC10 the facilitator publishes; the public page needs no login and is accessible', async () => {
    await console_.goto(`${server.url}/s/${world.sessionId}/console#token=${world.created.facilitatorToken}`);
    await console_.getByRole('tab', { name: /^Record/ }).click(); // the console by phase
    await console_.getByRole('button', { name: 'Publish the record' }).click();
    await expect.poll(() => console_.getByTestId('publication-status').textContent()).toMatch(/^Published since/);
    publicLink = await console_.getByLabel('Public link').inputValue();
    expect(publicLink).toMatch(new RegExp(`^${server.url}/p/[A-Za-z0-9_-]+$`));
    if (SHOTS) await console_.locator('.record-panel').screenshot({ path: `${SHOTS}/console-record-panel.png` });

    const reader = await (await browser.newContext()).newPage(); // nobody logged in here
    await reader.goto(publicLink);
    await expect.poll(() => reader.getByRole('heading', { level: 1 }).textContent()).toBe('Notepad café');
    await expect.poll(() => reader.getByText(NOTE).count()).toBeGreaterThan(0);
    await expectAccessible(reader, 'the public outcome page');
    if (SHOTS) await reader.screenshot({ path: `${SHOTS}/public-page.png`, fullPage: true });
    // UI chrome in another language; the content stays as written.
    await reader.getByLabel('Language').first().selectOption('fr');
    await expect.poll(() => reader.getByRole('heading', { name: 'Tour 1' }).count()).toBe(1);
    await expect.poll(() => reader.getByText(NOTE).count()).toBeGreaterThan(0);
    await reader.getByLabel('Langue').first().selectOption('ar');
    await expect.poll(() => reader.evaluate(() => document.documentElement.dir)).toBe('rtl');
    if (SHOTS) await reader.screenshot({ path: `${SHOTS}/public-page-ar.png` });
    await expectAccessible(reader, 'the public outcome page in Arabic');
    await reader.context().close();
  });

  it('REC1 ATTR5 the public page of an anonymous session shows neither Government (1) nor Academia (3) when the total 4 would give Government back; a larger group next to them keeps its count', async () => {
    const created = await createSession(server.url, { title: 'Chatham House record', format: 'townhall', attribution: 'anonymous' });
    await join(server.url, created.session.joinCode, { displayName: 'Gil Lone', stakeholderGroup: 'government' });
    for (const name of ['Ada', 'Bea', 'Cy']) await join(server.url, created.session.joinCode, { displayName: name, stakeholderGroup: 'academia' });
    const published = await http(server.url, 'POST', `/api/sessions/${created.session.id}/publication`, { token: created.facilitatorToken, body: {} });
    const reader = await (await browser.newContext()).newPage();
    await reader.goto(`${server.url}${published.body.publication.path}`);
    await expect.poll(() => reader.getByRole('heading', { level: 1 }).textContent()).toBe('Chatham House record');
    const cells = async (group: string) => (await reader.getByRole('row', { name: group }).first().getByRole('cell').allTextContents()).map((c) => c.trim());
    expect(await cells('Government')).toEqual(['Government', 'not shown (Chatham House Rule)']);
    expect(await cells('Academia')).toEqual(['Academia', 'not shown (Chatham House Rule)']);
    expect(await cells('Civil society')).toEqual(['Civil society', '0']);
    expect(await cells('Total')).toEqual(['Total', '4']);
    if (SHOTS) await reader.screenshot({ path: `${SHOTS}/public-page-anonymous.png`, fullPage: true });
    await reader.context().close();

    // One more from government and four from civil society: Government 2 and Academia 3 hide each other, Civil society shows 4.
    const second = await createSession(server.url, { title: 'Chatham House record 2', format: 'townhall', attribution: 'anonymous' });
    for (const [name, stakeholderGroup] of [
      ['Gil', 'government'],
      ['Gus', 'government'],
      ['Ada', 'academia'],
      ['Bea', 'academia'],
      ['Cy', 'academia'],
      ['C1', 'civil-society'],
      ['C2', 'civil-society'],
      ['C3', 'civil-society'],
      ['C4', 'civil-society'],
    ] as const) {
      await join(server.url, second.session.joinCode, { displayName: name, stakeholderGroup });
    }
    const again = await http(server.url, 'POST', `/api/sessions/${second.session.id}/publication`, { token: second.facilitatorToken, body: {} });
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}${again.body.publication.path}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Chatham House record 2');
    const row = async (group: string) => (await page.getByRole('row', { name: group }).first().getByRole('cell').allTextContents()).map((c) => c.trim());
    expect(await row('Civil society')).toEqual(['Civil society', '4']);
    expect(await row('Government')).toEqual(['Government', 'not shown (Chatham House Rule)']);
    expect(await row('Academia')).toEqual(['Academia', 'not shown (Chatham House Rule)']);
    await page.context().close();
  });

  it('REC10 taking the page down makes it say so; publishing again uses the same link', async () => {
    await console_.getByRole('button', { name: 'Take the page down' }).click();
    await expect.poll(() => console_.getByTestId('publication-status').textContent()).toBe('Not published.');
    const reader = await (await browser.newContext()).newPage();
    await reader.goto(publicLink);
    await expect.poll(() => reader.getByRole('heading', { level: 1 }).textContent()).toBe('This record is not published, or no longer.');
    expect(await reader.getByText(NOTE).count()).toBe(0);
    await console_.getByRole('button', { name: 'Publish the record' }).click();
    await expect.poll(() => console_.getByLabel('Public link').inputValue()).toBe(publicLink);
    await reader.reload();
    await expect.poll(() => reader.getByRole('heading', { level: 1 }).textContent()).toBe('Notepad café');
    await reader.context().close();
  });
});
