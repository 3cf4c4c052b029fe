import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, http, join, type Created } from '../helpers/api.js';
import { expectAccessible, browserSuite, missingChromium, openPage, shot } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { connect } from '../helpers/socket.js';

const missing = missingChromium();
const LAPTOP = { width: 1280, height: 720 };
const GROUPS = ['government', 'private-sector', 'civil-society', 'academia', 'technical-community'] as const;

// The facilitator's console by phase (issue 14): a café of 3 rounds, 6 tables and 20 people,
// on a 1280×720 laptop. Prepare, Run, Harvest and Record are tabs; the phase follows the café's
// state and can be chosen with the keyboard alone; the Run screen fits without scrolling and its
// next action is the biggest button.
describe.skipIf(missing !== null)('the console by phase', () => {
  let server: TestServer;
  let browser: Browser;
  let created: Created;
  let console_: Page;

  const base = () => `/api/sessions/${created.session.id}/cafe`;
  const run = async (verb: 'start' | 'end') => expect((await http(server.url, 'POST', `${base()}/run/${verb}`, { token: created.facilitatorToken, body: {} })).status).toBe(200);
  const tab = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) });
  const selectedTab = (page: Page) => page.locator('[role=tab][aria-selected=true]').innerText();
  const activeTab = (page: Page) => page.evaluate(() => (document.activeElement?.getAttribute('role') === 'tab' ? document.activeElement.id : null));
  /** Nothing to scroll: the whole Run screen is in the window. */
  const scrollsBy = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
  /** The largest visible button, by area, and the next action's own area. */
  const buttonAreas = (page: Page) =>
    page.evaluate(() => {
      const areas = [...document.querySelectorAll('button')]
        .filter((b) => b.offsetParent !== null)
        .map((b) => ({ id: b.dataset.testid ?? b.textContent ?? '', area: b.getBoundingClientRect().width * b.getBoundingClientRect().height }));
      areas.sort((a, b) => b.area - a.area);
      return { largest: areas[0]?.id, second: areas[1]?.area ?? 0, next: areas.find((a) => a.id === 'next-action')?.area ?? 0 };
    });

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    created = await createSession(server.url, { title: 'Open data café', format: 'cafe', attribution: 'named', languages: ['en', 'ar'] });
    const code = created.session.joinCode;
    for (let i = 0; i < 20; i++) {
      const mode = i % 5 === 4 ? 'remote' : 'in-room';
      const person = await join(server.url, code, { displayName: `Person ${i + 1}`, mode, stakeholderGroup: GROUPS[i % GROUPS.length] });
      if (i < 12) await connect(server.url, person.token);
    }
    const f = { token: created.facilitatorToken };
    const tables = [
      ...['Lotus', 'Cedar', 'Olive', 'Palm'].map((label) => ({ label, kind: 'in-room', capacity: 5 })),
      { label: 'Online A', kind: 'remote', capacity: 4, videoUrl: 'https://meet.example.org/a' },
      { label: 'Online B', kind: 'remote', capacity: 4, videoUrl: 'https://meet.example.org/b' },
    ];
    expect((await http(server.url, 'PUT', `${base()}/tables`, { ...f, body: { tables } })).status).toBe(200);
    const rounds = [
      { question: 'Which public data should be open by default, and which should never be?', durationMinutes: 20 },
      { question: 'Who should decide what is published, and how are they held to account?', durationMinutes: 20 },
      { question: 'What would make you trust a dataset published by a government agency?', durationMinutes: 15 },
    ];
    expect((await http(server.url, 'PUT', `${base()}/rounds`, { ...f, body: { rounds } })).status).toBe(200);
    expect((await http(server.url, 'POST', `${base()}/plan`, { ...f, body: { seed: 3 } })).status).toBe(201);

    console_ = await openPage(browser, created.links.console, { viewport: LAPTOP });
    await console_.waitForURL(/\/console$/);
  }, 90_000);

  it('CONSOLE3 CONSOLE2 before the café the console opens in Prepare, which says the café is ready', async () => {
    await expect.poll(() => selectedTab(console_)).toMatch(/Prepare/);
    expect(await console_.getByRole('tab').allInnerTexts()).toHaveLength(4);
    await expect.poll(() => console_.getByTestId('ready-note').innerText()).toContain('the café can start');
    // Everything of Prepare is there: share, people, tables, rounds, plan.
    await expect.poll(() => console_.getByTestId('join-code').count()).toBe(1);
    await expect.poll(() => console_.locator('.plan-table').count()).toBe(3);
    await expect.poll(() => console_.getByRole('heading', { name: /^People/ }).count()).toBe(1);
    await shot(console_, 'console-prepare-en');
    await expectAccessible(console_, 'console, Prepare');
  });

  it('CONSOLE4 the phases are reached with the keyboard alone: Tab to the tabs, arrows, Enter and Space; the choice survives a reload', async () => {
    await console_.locator('body').focus();
    for (let i = 0; i < 30 && (await activeTab(console_)) === null; i++) await console_.keyboard.press('Tab');
    expect(await activeTab(console_)).toBe('console-phase-tab-prepare');
    await console_.keyboard.press('ArrowRight');
    expect(await activeTab(console_)).toBe('console-phase-tab-run');
    expect(await selectedTab(console_)).toMatch(/Prepare/); // manual activation: arrows only move
    await console_.keyboard.press('ArrowRight');
    await console_.keyboard.press('Space');
    await expect.poll(() => selectedTab(console_)).toMatch(/Harvest/);
    await console_.keyboard.press('End');
    expect(await activeTab(console_)).toBe('console-phase-tab-record');
    await console_.keyboard.press('Enter');
    await expect.poll(() => selectedTab(console_)).toMatch(/Record/);
    await expect.poll(() => console_.locator('.record-panel').count()).toBe(1);
    await console_.keyboard.press('ArrowRight'); // wraps to the first
    expect(await activeTab(console_)).toBe('console-phase-tab-prepare');
    await console_.keyboard.press('ArrowRight');
    await console_.keyboard.press('Enter');
    await expect.poll(() => selectedTab(console_)).toMatch(/Run/);
    // Focus stays on the tab that was chosen: nothing moved it.
    expect(await activeTab(console_)).toBe('console-phase-tab-run');
    await console_.reload();
    await expect.poll(() => selectedTab(console_)).toMatch(/Run/);
  });

  it('CONSOLE1 CONSOLE6 CONSOLE7 Run fits 1280×720 without scrolling; the next action is the biggest button and starts round 1', async () => {
    const next = console_.getByTestId('next-action');
    await expect.poll(() => next.innerText()).toBe('Start round 1 of 3');
    expect((await buttonAreas(console_)).largest).toBe('next-action');
    expect(await scrollsBy(console_)).toBeLessThanOrEqual(0);
    await expectAccessible(console_, 'console, Run before the café');

    await next.click();
    await expect.poll(() => console_.getByTestId('run-status').innerText()).toContain('Round 1 of 3');
    await expect.poll(() => next.innerText()).toBe('End round now');
    await expect.poll(() => selectedTab(console_)).toMatch(/Run/);
    // A few prompts sent: the list scrolls inside, the page does not.
    for (const text of ['Welcome! Introduce yourselves in one sentence each.', 'Host: write down one key idea before the bell.', 'Ten minutes left: move towards proposals.']) {
      await console_.getByLabel('Message or new prompt').fill(text);
      await console_.getByRole('button', { name: 'Send', exact: true }).click();
      await expect.poll(() => console_.locator('.prompt-text').first().innerText()).toBe(text);
    }
    const sizes = await buttonAreas(console_);
    expect(sizes.largest).toBe('next-action');
    expect(sizes.next).toBeGreaterThan(sizes.second * 1.5);
    expect(await scrollsBy(console_)).toBeLessThanOrEqual(0);
    // CONSOLE7: only Run is on the page: no set-up, board or record below it.
    expect(await console_.locator('.cafe-setup, [data-testid="harvest-board"], .record-panel').count()).toBe(0);
    await shot(console_, 'console-run-en');
    await expectAccessible(console_, 'console, Run in round 1');
  });

  it('PROJ1 PROJ2: the Run screen’s projector control changes what the projector shows, and back to following the session', async () => {
    const projector = await openPage(browser, created.links.projector, { viewport: { width: 1920, height: 1080 } });
    const mode = () => projector.locator('main').getAttribute('data-mode');
    await expect.poll(mode).toBe('round');
    const view = console_.getByLabel('What the projector shows');
    await view.selectOption('join');
    await expect.poll(mode).toBe('join');
    await expect.poll(() => console_.getByTestId('projector-now').innerText()).toMatch(/how to join/i);
    await view.selectOption('auto');
    await expect.poll(mode).toBe('round');
    expect(await scrollsBy(console_)).toBeLessThanOrEqual(0);
    await projector.context().close();
  });

  it('CONSOLE6 CONSOLE8 Run in Arabic, right to left, fits too; the arrows follow the reading direction', async () => {
    const ar = await openPage(browser, created.links.console, { viewport: LAPTOP, locale: 'ar' });
    await expect.poll(() => ar.locator('html').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => selectedTab(ar)).toMatch(/الإدارة/);
    await expect.poll(() => ar.getByTestId('next-action').innerText()).not.toBe('');
    expect((await buttonAreas(ar)).largest).toBe('next-action');
    expect(await scrollsBy(ar)).toBeLessThanOrEqual(0);
    await ar.locator('#console-phase-tab-run').focus();
    await ar.keyboard.press('ArrowLeft'); // forward, right to left
    expect(await activeTab(ar)).toBe('console-phase-tab-harvest');
    await ar.locator('#console-phase-tab-run').focus();
    await shot(ar, 'console-run-ar');
    await expectAccessible(ar, 'console, Run in Arabic');
    await ar.context().close();
  });

  it('CONSOLE3 CONSOLE5 a phase chosen by hand sticks until the café moves on; then the console follows, says so, and focus is not dropped', async () => {
    await run('end');
    await expect.poll(() => console_.getByTestId('next-action').innerText()).toBe('Start round 2 of 3');
    await run('start');
    await tab(console_, 'Prepare').click();
    await run('end'); // between rounds: still Run for the café, so the choice stands
    await run('start');
    await expect.poll(() => console_.getByTestId('run-status').count()).toBe(0);
    expect(await selectedTab(console_)).toMatch(/Prepare/);

    // Focus in the Prepare panel; the last round ends elsewhere (the API): the console follows to Harvest.
    await console_.getByRole('button', { name: 'Save rounds' }).focus();
    await run('end');
    await expect.poll(() => selectedTab(console_)).toMatch(/Harvest/);
    await expect.poll(() => console_.getByTestId('phase-announcement').innerText()).toBe('The session moved on: the console now shows Harvest.');
    // The focused button went with its panel: focus is on the new phase's tab, not the page.
    await expect.poll(() => activeTab(console_)).toBe('console-phase-tab-harvest');
    await expect.poll(() => console_.getByTestId('harvest-board').count()).toBe(1);
    await expect.poll(() => console_.locator('section.tables-notes').count()).toBe(1);
    await shot(console_, 'console-harvest-en');
    await expectAccessible(console_, 'console, Harvest');
  });

  it('CONSOLE1 CONSOLE3 after the last round, Run offers the harvest on the projector; Record holds the record, and opens once it is published', async () => {
    await tab(console_, 'Run').click();
    const next = console_.getByTestId('next-action');
    await expect.poll(() => next.innerText()).toBe('Start the harvest');
    await next.click();
    await expect.poll(() => next.innerText()).toBe('Open the harvest');
    expect((await http(server.url, 'GET', `/api/sessions/${created.session.id}`, { token: created.facilitatorToken })).status).toBe(200);
    await tab(console_, 'Harvest').click();
    await expect.poll(() => console_.getByTestId('harvest-projector-toggle').getAttribute('aria-pressed')).toBe('true');

    await tab(console_, 'Record').click();
    await expect.poll(() => console_.getByRole('button', { name: 'Publish the record' }).count()).toBe(1);
    await shot(console_, 'console-record-en');
    await expectAccessible(console_, 'console, Record');
    // Once the record is out, a finished café's console opens on Record.
    await console_.getByRole('button', { name: 'Publish the record' }).click();
    await expect.poll(() => console_.getByTestId('publication-status').textContent()).toMatch(/^Published since/);
    await tab(console_, 'Harvest').click();
    await console_.evaluate(() => sessionStorage.clear());
    await console_.reload();
    await expect.poll(() => selectedTab(console_)).toMatch(/Record/);
  });

  it('CONSOLE2 CONSOLE3 a Town Hall has Prepare, Run and Record; starting the first agenda item takes the console to Run', async () => {
    const th = await createSession(server.url, { title: 'Town Hall on open data', format: 'townhall', languages: ['en'] });
    const f = { token: th.facilitatorToken };
    const api = `/api/sessions/${th.session.id}/townhall`;
    expect((await http(server.url, 'POST', `${api}/agenda`, { ...f, body: { title: 'Opening', durationMinutes: 5 } })).status).toBe(201);
    const page = await openPage(browser, th.links.console, { viewport: LAPTOP });
    await expect.poll(() => selectedTab(page)).toMatch(/Prepare/);
    expect((await page.getByRole('tab').allInnerTexts()).map((text) => text.replace(/\s+/g, ' '))).toEqual(['1 Prepare NOW', '2 Run', '3 Record']);
    await expectAccessible(page, 'Town Hall console, Prepare');
    expect((await http(server.url, 'POST', `${api}/agenda/next`, { ...f, body: {} })).status).toBe(200);
    await expect.poll(() => selectedTab(page)).toMatch(/Run/);
    await expect.poll(() => page.getByTestId('phase-announcement').innerText()).toBe('The session moved on: the console now shows Run.');
    // Focus was nowhere in particular: the console does not take it anywhere.
    expect(await activeTab(page)).toBeNull();
    await expect.poll(() => page.getByTestId('agenda-status').innerText()).toBe('Now: Opening');
    await shot(page, 'console-townhall-run-en');
    await expectAccessible(page, 'Town Hall console, Run');
    await page.context().close();
  });
});
