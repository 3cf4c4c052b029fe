import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible, missingChromium, shot } from '../helpers/browser.js';
import { cafeWorld, ideasAt, type CafeWorld } from '../helpers/notepad.js';
import type { TestServer } from '../helpers/server.js';

// Theme suggestions on the harvest page in a real browser (THEME9–THEME12): suggest, rename and
// accept one, reject one; the board shows the accepted theme with its ideas.

const WATER = ['Clean drinking water for every village', 'Repair the broken water pumps in the villages', 'Village wells give dirty drinking water'];
const BUSES = ['More night buses for shift workers', 'Night buses and cheaper bus fares', 'Buses at night should run every hour'];
const CODING = ['Free coding classes for girls', 'Coding classes for girls after school'];

const missing = missingChromium();
describe.skipIf(missing !== null)('theme suggestions in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let world: CafeWorld;

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    world = await cafeWorld(server.url, server.store);
    const tableA = ideasAt(server.url, world, world.tableA, 1);
    const tableB = ideasAt(server.url, world, world.tableB, 1);
    for (const [i, text] of WATER.entries()) await tableA.add(world.ann.token, `w${i}`, text);
    for (const [i, text] of BUSES.entries()) await tableB.add(world.cem.token, `b${i}`, text);
    for (const [i, text] of CODING.entries()) await tableA.add(world.bob.token, `c${i}`, text);
  });

  async function open(language = 'en'): Promise<Page> {
    const context = await browser.newContext({ locale: language === 'en' ? 'en-GB' : language, viewport: { width: 1280, height: 900 } });
    await context.addInitScript((value) => localStorage.setItem('openTalks.language', value), language);
    const credential = { sessionId: world.sessionId, joinCode: world.created.session.joinCode, title: world.created.session.title, token: world.created.facilitatorToken };
    await context.addInitScript((value) => localStorage.setItem('openTalks.credentials', value), JSON.stringify({ [world.sessionId]: credential }));
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/s/${world.sessionId}/harvest`);
    return page;
  }

  it('THEME11 THEME12 the facilitator suggests, renames and accepts one, rejects one; the board shows the theme with its ideas', async () => {
    const page = await open();
    const board = page.getByTestId('harvest-board');
    await expect.poll(() => board.getByTestId('harvest-idea').count()).toBe(WATER.length + BUSES.length + CODING.length);
    const panel = page.getByTestId('theme-suggestions');
    expect(await panel.textContent()).toContain('ideas not yet in a theme');

    await panel.getByRole('button', { name: 'Suggest themes' }).click();
    const status = panel.getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(/^3 themes proposed/);
    expect(await status.getAttribute('aria-live')).toBe('polite');
    const proposal = (term: string) => panel.getByRole('listitem').filter({ has: page.locator('.theme-proposal-term', { hasText: new RegExp(`^${term}$`) }) });

    // The ideas a proposal would take, behind a disclosure.
    const water = proposal('water');
    await water.getByText('3 ideas').click();
    for (const text of WATER) expect(await water.textContent()).toContain(text);
    await shot(page, 'theme-suggestions-en');

    await water.getByLabel('Theme name').fill('Water access');
    await water.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => status.textContent()).toBe('Theme “Water access” created with its ideas.');
    const column = board.getByTestId('harvest-column').filter({ has: page.getByRole('heading', { level: 3, name: /^Water access/ }) });
    await expect.poll(() => column.getByTestId('harvest-idea').count()).toBe(3);
    for (const text of WATER) expect(await column.textContent()).toContain(text);

    const buses = proposal('buses');
    const busName = await buses.getByLabel('Theme name').inputValue();
    await buses.getByRole('button', { name: 'Reject' }).click();
    await expect.poll(() => status.textContent()).toBe(`Proposal “${busName}” rejected.`);
    expect(await panel.locator('.theme-proposal').count()).toBe(1);
    // Rejected means nothing written: the bus ideas are still unthemed, and only one theme exists.
    expect(await board.getByRole('heading', { level: 3 }).count()).toBe(2);
    expect(await board.getByTestId('harvest-column').first().textContent()).toContain(BUSES[0]);

    await expectAccessible(page, 'theme suggestions on the harvest page');
    await shot(page, 'theme-suggestions-en-accepted');

    // Asked again, only the unthemed ideas are proposed; two proposals merged become one.
    await panel.getByRole('button', { name: 'Suggest again' }).click();
    await expect.poll(() => status.textContent()).toMatch(/^2 themes proposed/);
    expect(await panel.textContent()).not.toContain('water');
    const coding = proposal('coding');
    const [codingName, busesName] = [await coding.getByLabel('Theme name').inputValue(), await proposal('buses').getByLabel('Theme name').inputValue()];
    await coding.getByLabel('Merge with').selectOption({ label: busesName });
    await coding.getByRole('button', { name: 'Merge' }).click();
    await expect.poll(() => status.textContent()).toBe(`“${codingName}” merged into “${busesName}”.`);
    expect(await panel.locator('.theme-proposal').count()).toBe(1);
    expect(await panel.locator('.theme-proposal').textContent()).toContain('5 ideas');
  });

  it('THEME3 THEME11 in Arabic the panel reads right to left and Arabic ideas are proposed apart', async () => {
    const tableB = ideasAt(server.url, world, world.tableB, 1);
    await tableB.add(world.cem.token, 'ar1', 'توفير مياه الشرب النظيفة لكل قرية');
    await tableB.add(world.cem.token, 'ar2', 'إصلاح مضخات مياه الشرب في القرى');
    const page = await open('ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const panel = page.getByTestId('theme-suggestions');
    await expect.poll(() => page.getByTestId('harvest-idea').count()).toBe(WATER.length + BUSES.length + CODING.length + 2);
    await panel.getByRole('button', { name: 'اقتراح محاور' }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toMatch(/اقتُرحت 3 محاور/);
    const arabic = panel.locator('.theme-proposal').filter({ has: page.locator('.theme-proposal-term', { hasText: /^مياه$/ }) });
    expect(await arabic.count()).toBe(1);
    expect(await arabic.locator('details').textContent()).not.toMatch(/buses|coding/);
    await arabic.locator('summary').click();
    await expectAccessible(page, 'theme suggestions in Arabic');
    await shot(page, 'theme-suggestions-ar');
  });
});
