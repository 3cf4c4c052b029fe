import type { Browser, BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, browserSuite, missingChromium, shot } from '../helpers/browser.js';
import { http } from '../helpers/api.js';
import { cafeWorld, type CafeWorld } from '../helpers/notepad.js';
import type { TestServer } from '../helpers/server.js';

// Issue 4's browser test: two people in one notepad, one of them offline for a while (Playwright's
// offline mode), both converging; then the harvest board, a theme, and the projector showing it.

const missing = missingChromium();
describe.skipIf(missing !== null)('offline notepad and the harvest in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let world: CafeWorld;
  const pages: Record<string, Page> = {};

  async function open(url: string, token?: string): Promise<{ page: Page; context: BrowserContext }> {
    const context = await browser.newContext({ locale: 'en-GB' });
    if (token) {
      const credential = { sessionId: world.sessionId, joinCode: world.created.session.joinCode, title: world.created.session.title, token };
      await context.addInitScript((value) => localStorage.setItem('openTalks.credentials', value), JSON.stringify({ [world.sessionId]: credential }));
    }
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(url);
    return { page, context };
  }
  const notesUrl = () => `${server.url}/s/${world.sessionId}/notes/${world.tableA}/1`;
  const editor = (page: Page) => page.getByRole('textbox', { name: 'Table notes, round 1' });
  /** The notes as typed, without the others' carets and name labels that the editor draws inline. */
  const notes = (page: Page) =>
    editor(page).evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      for (const caret of copy.querySelectorAll('.cm-ySelectionCaret')) caret.remove();
      return (copy.textContent ?? '').replace(/\u2060/g, '');
    });
  const status = (page: Page) => page.getByTestId('notepad-status').textContent();

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    world = await cafeWorld(server.url, server.store);
  });

  it('NOTE9 one of two writers goes offline, types, comes back, and both converge', async () => {
    const ann = await open(notesUrl(), world.ann.token);
    const bob = await open(notesUrl(), world.bob.token);
    for (const { page } of [ann, bob]) await expect.poll(() => status(page)).toMatch(/^Connected/);
    await editor(ann.page).click();
    await ann.page.keyboard.type('Shared start.');
    await expect.poll(() => notes(bob.page)).toBe('Shared start.');

    await bob.context.setOffline(true);
    await expect.poll(() => status(bob.page)).toMatch(/^Offline/);
    await editor(bob.page).click();
    await editor(bob.page).press('Control+End');
    await bob.page.keyboard.type(' Bob, offline.');
    await editor(ann.page).press('Control+Home');
    await ann.page.keyboard.type('Ann, online. ');
    await expect.poll(() => notes(ann.page)).toBe('Ann, online. Shared start.');
    // Neither sees the other's words while Bob is away.
    expect(await notes(bob.page)).toBe('Shared start. Bob, offline.');
    expect(await notes(ann.page)).not.toContain('Bob');

    await bob.context.setOffline(false);
    await expect.poll(() => status(bob.page), { timeout: 20_000 }).toMatch(/^Connected/);
    await expect.poll(() => notes(ann.page)).toBe('Ann, online. Shared start. Bob, offline.');
    await expect.poll(() => notes(bob.page)).toBe('Ann, online. Shared start. Bob, offline.');
    await server.notepads.flushAll();
    expect((await server.notepads.readRoom(world.room(world.tableA, 1))).text).toBe('Ann, online. Shared start. Bob, offline.');

    // A key idea, marked for the harvest (the table has no host: anyone there curates).
    await ann.page.getByLabel('New key idea').fill('Trust before tools');
    await ann.page.getByRole('button', { name: 'Add', exact: true }).click();
    await ann.page.getByRole('button', { name: 'Mark for the harvest' }).click();
    await expect.poll(() => bob.page.locator('.key-ideas li.marked').count()).toBe(1);
    pages.ann = ann.page;
  });

  it('HARV1 HARV5 HARV6 the console’s board shows the marked idea; a theme made and the idea moved into it show on the projector', async () => {
    const console_ = (await open(world.created.links.console)).page;
    await console_.getByRole('tab', { name: /^Harvest/ }).click(); // the console by phase
    const board = console_.getByTestId('harvest-board');
    const idea = board.getByTestId('harvest-idea').filter({ hasText: 'Trust before tools' });
    // Said once: "Marked by table 1, A", never "Marked by the table table 1, A".
    await expect.poll(() => idea.locator('.harvest-marked').innerText()).toBe('★ Marked by table 1, A');
    expect(await idea.textContent()).not.toMatch(/table table/i);
    expect(await idea.textContent()).toContain('by Ann');
    // In the unthemed column, with its round; the round's question is said above the columns.
    expect(await board.getByTestId('harvest-column').first().textContent()).toContain('Round 1');
    expect(await board.textContent()).toContain('Question of round 1: What matters?');

    await board.getByLabel('New theme').fill('Trust');
    await board.getByRole('button', { name: 'Create theme' }).click();
    await expect.poll(() => board.getByRole('status').filter({ hasText: 'Theme “Trust” created.' }).count()).toBe(1);
    // The card's menu (BOARD4): the same move as a drag.
    await idea.getByRole('button', { name: 'Actions for the card “Trust before tools”' }).click();
    await console_.getByRole('menuitem', { name: 'Trust', exact: true }).click();
    const trust = board.getByTestId('harvest-column').filter({ has: console_.getByRole('heading', { name: /^Trust/ }) });
    await expect.poll(() => trust.textContent()).toContain('Trust before tools');
    // The keyboard stays on the idea, now in its theme.
    await expect.poll(() => console_.evaluate(() => document.activeElement?.closest('[data-testid="harvest-column"]')?.querySelector('h3')?.textContent)).toMatch(/^Trust/);
    await expectAccessible(console_, 'harvest board in the console');
    await shot(console_, 'harvest-board');

    const projector = (await open(world.created.links.projector)).page;
    await projector.getByRole('heading', { level: 1 }).waitFor();
    await console_.getByRole('button', { name: 'Show the harvest on the projector' }).click();
    const shown = projector.getByTestId('harvest-projector');
    await expect.poll(() => shown.getByTestId('harvest-column').first().textContent()).toContain('Trust before tools');
    expect(await shown.getByRole('heading', { level: 3 }).first().textContent()).toMatch(/^Trust/);
    expect(await console_.getByRole('button', { name: 'Show the harvest on the projector' }).getAttribute('aria-pressed')).toBe('true');

    // Live: a second idea at the table reaches the projector unthemed.
    await pages.ann!.getByLabel('New key idea').fill('Access for all');
    await pages.ann!.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => shown.textContent()).toContain('Access for all');
    await expectAccessible(projector, 'harvest on the projector');
    await shot(projector, 'harvest-projector');
    pages.projector = projector;
  });

  it('HARV5 a rapporteur sorts the harvest on the desk from the keyboard: rename, merge, delete; the projector follows', async () => {
    const made = await http(server.url, 'PATCH', `/api/sessions/${world.sessionId}/participants/${world.dan.participant.id}`, {
      token: world.created.facilitatorToken,
      body: { role: 'rapporteur' },
    });
    expect(made.status).toBe(200);
    const { page } = await open(`${server.url}/s/${world.sessionId}/rapporteur`, world.dan.token);
    const board = page.getByTestId('harvest-board');
    const column = (name: RegExp) => board.getByTestId('harvest-column').filter({ has: page.getByRole('heading', { level: 3, name }) });
    await expect.poll(() => column(/^Trust/).textContent()).toContain('Trust before tools');

    await column(/^Trust/)
      .getByRole('button', { name: 'Actions for the theme Trust' })
      .press('Enter');
    // The menu opens on its first item, Rename.
    await page.getByRole('menuitem', { name: 'Rename' }).waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Trust and safety');
    await page.keyboard.press('Enter');
    await expect.poll(() => pages.projector!.getByTestId('harvest-projector').textContent()).toContain('Trust and safety');

    await board.getByLabel('New theme').fill('Access');
    await board.getByLabel('New theme').press('Enter');
    const access = board.getByTestId('harvest-idea').filter({ hasText: 'Access for all' });
    await access.getByRole('button', { name: /^Actions for the card/ }).press('Enter');
    await page.getByRole('menuitem', { name: 'Access', exact: true }).press('Enter');
    await expect.poll(() => column(/^Access/).textContent()).toContain('Access for all');
    await column(/^Access/)
      .getByRole('button', { name: 'Actions for the theme Access' })
      .press('Enter');
    await page.getByRole('group', { name: 'Merge into' }).getByRole('menuitem', { name: 'Trust and safety' }).press('Enter');
    await expect
      .poll(() =>
        column(/^Trust and safety/)
          .getByTestId('harvest-idea')
          .count(),
      )
      .toBe(2);
    expect(await column(/^Access/).count()).toBe(0);

    await board.getByLabel('New theme').fill('Spare');
    await board.getByLabel('New theme').press('Enter');
    await column(/^Spare/)
      .getByRole('button', { name: 'Actions for the theme Spare' })
      .press('Enter');
    await page.getByRole('menuitem', { name: 'Delete' }).press('Enter');
    await expect.poll(() => column(/^Spare/).count()).toBe(0);
    // A theme with ideas offers no delete: it is merged instead.
    await column(/^Trust and safety/)
      .getByRole('button', { name: 'Actions for the theme Trust and safety' })
      .press('Enter');
    await page.getByRole('menuitem', { name: 'Rename' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Delete' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('menu').count()).toBe(0);
    await expect.poll(() => pages.projector!.getByTestId('harvest-projector').getByTestId('harvest-column').count()).toBe(1);
    await expectAccessible(page, 'harvest on the rapporteur desk');
    await server.notepads.flushAll();
    const stored = await server.notepads.readHarvest(world.sessionId);
    expect(stored.themes.map((theme) => theme.name)).toEqual(['Trust and safety']);
  });

  it('NOTE4 HARV5 a participant follows the link to the harvest and reads it, with nothing to change', async () => {
    const { page } = await open(`${server.url}/s/${world.sessionId}`, world.cem.token);
    // The café is on: the participant page links to the harvest.
    await page.getByRole('link', { name: 'See the harvest: what every table is saying' }).click();
    await page.waitForURL(/\/harvest$/);
    const board = page.getByTestId('harvest-board');
    await expect.poll(() => board.textContent()).toContain('Trust before tools');
    await expect.poll(() => status(page)).toMatch(/^Connected/);
    expect(await board.getByLabel('New theme').count()).toBe(0);
    expect(await board.getByRole('button', { name: 'Move' }).count()).toBe(0);
    expect(await board.getByRole('button', { name: /^Actions/ }).count()).toBe(0);
    expect(await board.textContent()).toContain("Every table's key ideas, live");
    await expectAccessible(page, 'harvest page, read-only');
  });
});
