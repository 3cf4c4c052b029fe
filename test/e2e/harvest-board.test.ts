import type { Browser, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { http } from '../helpers/api.js';
import { browserSuite, expectAccessible, missingChromium, shot } from '../helpers/browser.js';
import { cafeWorld, ideasAt, openNotepad, type CafeWorld } from '../helpers/notepad.js';
import type { TestServer } from '../helpers/server.js';

// Issue 14: the harvest board as a board (docs/notepads.md, BOARD1–BOARD10). Cards dragged with
// the mouse between themes and within one, the same with the keyboard only (announced), the card
// menu, dropping on "New theme", two writers seeing each other's moves live, English and Arabic.

const missing = missingChromium();
describe.skipIf(missing !== null)('the harvest board in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let world: CafeWorld;
  let ann: Page; // the facilitator
  let dan: Page; // a rapporteur

  async function open(token: string, locale = 'en-GB', options: { hasTouch?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 1400 }, ...options });
    const credential = { sessionId: world.sessionId, joinCode: world.created.session.joinCode, title: world.created.session.title, token };
    await context.addInitScript((value) => localStorage.setItem('openTalks.credentials', value), JSON.stringify({ [world.sessionId]: credential }));
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/s/${world.sessionId}/harvest`);
    return page;
  }
  const board = (page: Page) => page.getByTestId('harvest-board');
  const column = (page: Page, name: RegExp) =>
    board(page)
      .getByTestId('harvest-column')
      .filter({ has: page.getByRole('heading', { level: 3, name }) });
  const card = (page: Page, text: string) => board(page).getByTestId('harvest-idea').filter({ hasText: text });
  const handle = (page: Page, text: string) => card(page, text).locator('.board-card-handle');
  const texts = (where: Locator) => where.locator('.board-card-text').allTextContents();
  const announced = (page: Page) => page.locator('[id^="DndLiveRegion"]').textContent();
  const stored = async () => {
    await server.notepads.flushAll();
    const harvest = await server.notepads.readHarvest(world.sessionId);
    const byText = new Map(harvest.ideas.map((idea) => [idea.key, idea.text]));
    const { groupHarvest } = await import('@open-talks/shared');
    const grouped = groupHarvest(harvest.ideas, harvest.themes, harvest.placement, [world.tableA, world.tableB], harvest.order);
    return Object.fromEntries(grouped.themes.map((theme) => [theme.name, theme.ideas.map((idea) => byText.get(idea.key))]));
  };

  /**
   * A mouse drag as a person makes it: press, move past the activation distance in steps, release.
   * The window is tall enough that the pointer stays away from its edges, where dnd-kit scrolls.
   */
  async function drag(page: Page, from: Locator, to: Locator, where: 'center' | 'top' | 'end' = 'center') {
    await from.scrollIntoViewIfNeeded();
    const a = (await from.boundingBox())!;
    const b = (await to.boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 10, { steps: 5 });
    const y = where === 'top' ? b.y + 4 : where === 'end' ? b.y + b.height - 6 : b.y + b.height / 2;
    await page.mouse.move(b.x + b.width / 2, y, { steps: 15 });
    await page.mouse.move(b.x + b.width / 2, y + 1, { steps: 2 });
    await page.mouse.up();
  }

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    world = await cafeWorld(server.url, server.store);
    // Dan writes the harvest too (a rapporteur); the tables' notepads are open, so their ideas are mirrored.
    const made = await http(server.url, 'PATCH', `/api/sessions/${world.sessionId}/participants/${world.dan.participant.id}`, {
      token: world.created.facilitatorToken,
      body: { role: 'rapporteur' },
    });
    expect(made.status).toBe(200);
    await openNotepad(server.url, world.room(world.tableA, 1), world.ann.token);
    await openNotepad(server.url, world.room(world.tableB, 1), world.cem.token);
    const tableA = ideasAt(server.url, world, world.tableA, 1);
    const tableB = ideasAt(server.url, world, world.tableB, 1);
    await tableA.add(world.ann.token, 'i1', 'Trust before tools');
    await tableA.add(world.ann.token, 'i2', 'Access for all');
    await tableA.mark(world.ann.token, 'i2', true);
    await tableB.add(world.cem.token, 'i3', 'Local languages matter');
    await tableB.add(world.cem.token, 'i4', 'Open data by default');
    ann = await open(world.created.facilitatorToken);
    await board(ann).getByTestId('harvest-idea').nth(3).waitFor();
    for (const name of ['Trust', 'Access']) {
      await board(ann).getByLabel('New theme').fill(name);
      await board(ann).getByRole('button', { name: 'Create theme' }).click();
      await column(ann, new RegExp(`^${name}`)).waitFor();
    }
  }, 60_000);

  it('BOARD3 a card dragged with the mouse into a theme, then reordered within it', async () => {
    await drag(ann, handle(ann, 'Trust before tools'), column(ann, /^Trust/), 'end');
    await expect.poll(() => texts(column(ann, /^Trust/))).toEqual(['Trust before tools']);
    // Below the column's last card: at its end.
    await drag(ann, handle(ann, 'Open data by default'), column(ann, /^Trust/), 'end');
    await expect.poll(() => texts(column(ann, /^Trust/))).toEqual(['Trust before tools', 'Open data by default']);
    // The second card goes above the first.
    await drag(ann, handle(ann, 'Open data by default'), handle(ann, 'Trust before tools'), 'top');
    await expect.poll(() => texts(column(ann, /^Trust/))).toEqual(['Open data by default', 'Trust before tools']);
    // BOARD1: the order is the document's, read by the server as the record reads it.
    await expect.poll(stored).toMatchObject({ Trust: ['Open data by default', 'Trust before tools'] });
    // …and the exported record lists the theme's ideas in the board's order.
    const record = await http(server.url, 'GET', `/api/sessions/${world.sessionId}/export?format=json`, { token: world.created.facilitatorToken });
    const trust = (record.body.cafe.harvest.themes as { name: string; ideas: { text: string }[] }[]).find((theme) => theme.name === 'Trust');
    expect(trust?.ideas.map((idea) => idea.text)).toEqual(['Open data by default', 'Trust before tools']);
  });

  it('BOARD3 BOARD8 the same with the keyboard only: Space, arrow keys, Space, each step announced', async () => {
    await handle(ann, 'Trust before tools').focus();
    await ann.keyboard.press('Space');
    await expect.poll(() => announced(ann)).toMatch(/^Picked up “Trust before tools”, in Trust, position 2 of 2/);
    await ann.keyboard.press('ArrowUp');
    await expect.poll(() => announced(ann)).toMatch(/^“Trust before tools” is over Trust, position 1 of 2/);
    await ann.keyboard.press('Space');
    await expect.poll(() => announced(ann)).toMatch(/^Dropped “Trust before tools” in Trust, position 1 of 2/);
    await expect.poll(() => texts(column(ann, /^Trust/))).toEqual(['Trust before tools', 'Open data by default']);
    // Focus stays on the card.
    expect(await ann.evaluate(() => document.activeElement?.textContent)).toContain('Trust before tools');

    // Across themes: right from Trust is Access.
    await ann.keyboard.press('Space');
    await expect.poll(() => announced(ann)).toMatch(/^Picked up “Trust before tools”, in Trust, position 1 of 2/);
    await ann.keyboard.press('ArrowRight');
    await expect.poll(() => announced(ann)).toMatch(/is over Access/);
    await ann.keyboard.press('Space');
    await expect.poll(() => texts(column(ann, /^Access/))).toEqual(['Trust before tools']);
    await expect.poll(() => ann.evaluate(() => document.activeElement?.closest('[data-testid="harvest-column"]')?.querySelector('h3')?.textContent)).toMatch(/^Access/);

    // Escape cancels: nothing moves.
    await ann.keyboard.press('Space');
    await expect.poll(() => announced(ann)).toMatch(/^Picked up “Trust before tools”, in Access/);
    await ann.keyboard.press('ArrowLeft');
    await expect.poll(() => announced(ann)).toMatch(/is over Trust/);
    await ann.keyboard.press('Escape');
    await expect.poll(() => announced(ann)).toMatch(/^Move cancelled\. “Trust before tools” is back in Access/);
    expect(await texts(column(ann, /^Access/))).toEqual(['Trust before tools']);
  });

  it('BOARD4 every card and theme has a menu with the same actions, from the keyboard', async () => {
    const actions = card(ann, 'Access for all').getByRole('button', { name: 'Actions for the card “Access for all”' });
    await actions.focus();
    await ann.keyboard.press('Enter');
    const menu = ann.getByRole('menu');
    await expect.poll(() => menu.getByRole('menuitem').allTextContents()).toContain('Access');
    await expectAccessible(ann, 'harvest board with a card menu open');
    await shot(ann, 'harvest-board-menu-en');
    await menu.getByRole('menuitem', { name: 'Access', exact: true }).focus();
    await ann.keyboard.press('Enter');
    await expect.poll(() => texts(column(ann, /^Access/))).toEqual(['Trust before tools', 'Access for all']);
    // The keyboard stays on the card's menu button, now in Access.
    await expect.poll(() => ann.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Actions for the card “Access for all”');
    await ann.keyboard.press('ArrowDown'); // opens the menu on its first item: "Move up"
    await expect.poll(() => ann.evaluate(() => document.activeElement?.textContent)).toBe('Move up');
    await ann.keyboard.press('Enter');
    await expect.poll(() => texts(column(ann, /^Access/))).toEqual(['Access for all', 'Trust before tools']);
    await expect.poll(() => board(ann).locator('.harvest-message').textContent()).toBe('Card moved to Access, position 1 of 2.');

    // The theme's menu: rename.
    await column(ann, /^Access/)
      .getByRole('button', { name: 'Actions for the theme Access' })
      .click();
    await ann.getByRole('menuitem', { name: 'Rename' }).click();
    await ann.keyboard.press('Control+A');
    await ann.keyboard.type('Access and languages');
    await ann.keyboard.press('Enter');
    await column(ann, /^Access and languages/).waitFor();
  });

  it('BOARD6 a card dropped on “New theme” starts a theme named after it', async () => {
    await drag(ann, handle(ann, 'Local languages matter'), board(ann).getByTestId('board-new-theme'));
    await expect.poll(() => texts(column(ann, /^Local languages matter/))).toEqual(['Local languages matter']);
    await expect.poll(() => board(ann).locator('.harvest-message').textContent()).toMatch(/^Theme “Local languages matter” created with this card/);
  });

  it('BOARD7 BOARD8 two writers see each other’s moves live, announced without names, even during a drag', async () => {
    dan = await open(world.dan.token);
    await expect.poll(() => texts(column(dan, /^Access and languages/))).toEqual(['Access for all', 'Trust before tools']);
    await expect.poll(() => dan.getByText('Connected', { exact: false }).count()).toBeGreaterThan(0);
    await dan.waitForTimeout(1200); // past the grace in which the document's arrival is not a move

    // Ann moves a card with the menu: Dan's board follows and says so politely.
    await card(ann, 'Trust before tools')
      .getByRole('button', { name: /^Actions/ })
      .click();
    await ann.getByRole('menuitem', { name: 'Trust', exact: true }).click();
    await expect.poll(() => texts(column(dan, /^Trust/))).toEqual(['Open data by default', 'Trust before tools']);
    await expect.poll(() => dan.getByTestId('board-live').textContent()).toBe('Someone else moved “Trust before tools” to Trust.');
    expect(await dan.getByTestId('board-live').getAttribute('aria-live')).toBe('polite');
    expect(await dan.getByTestId('board-live').textContent()).not.toMatch(/Ann|facilitator/i);

    // Dan is mid-drag when Ann moves another card: Dan's drag goes on and both moves stay.
    const from = (await handle(dan, 'Access for all').boundingBox())!;
    await dan.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await dan.mouse.down();
    await dan.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 12, { steps: 5 });
    await card(ann, 'Open data by default')
      .getByRole('button', { name: /^Actions/ })
      .click();
    await ann.getByRole('menuitem', { name: 'Back to not yet in a theme' }).click();
    await expect.poll(() => texts(column(dan, /^Not yet in a theme/))).toContain('Open data by default');
    const target = (await column(dan, /^Local languages matter/).boundingBox())!;
    // Below its last card: the end of the column.
    await dan.mouse.move(target.x + target.width / 2, target.y + target.height - 6, { steps: 15 });
    await dan.mouse.up();
    // The point here is that both moves stay; where in the column Dan's card lands depends on where
    // the pointer was when the remote move reflowed the board (the drop position is BOARD3's test).
    const sorted = async (list: Promise<string[]>) => [...(await list)].sort();
    await expect.poll(() => sorted(texts(column(ann, /^Local languages matter/)))).toEqual(['Access for all', 'Local languages matter']);
    await expect.poll(() => texts(column(ann, /^Not yet in a theme/))).toEqual(['Open data by default']);
    await expect
      .poll(async () => {
        const board = await stored();
        return { ...board, 'Local languages matter': [...(board['Local languages matter'] ?? [])].sort() };
      })
      .toEqual({ Trust: ['Trust before tools'], 'Access and languages': [], 'Local languages matter': ['Access for all', 'Local languages matter'] });
  });

  it('BOARD9 BOARD10 the board passes axe in English and Arabic; targets and screenshots', async () => {
    await expectAccessible(ann, 'harvest board');
    // Every card's controls are at least 24 px (WCAG 2.5.8).
    const sizes = await board(ann)
      .locator('.board-card-handle, .board-menu-button')
      .evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
    await shot(ann, 'harvest-board-en');

    const arabic = await open(world.created.facilitatorToken, 'ar');
    await expect.poll(() => arabic.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect.poll(() => board(arabic).getByTestId('harvest-idea').count()).toBe(4);
    await expectAccessible(arabic, 'harvest board in Arabic');
    // The keyboard follows what is seen: in RTL, ArrowLeft goes to the column drawn to the left.
    const columns = board(arabic).getByTestId('harvest-column');
    const [first, second] = [(await columns.nth(0).boundingBox())!, (await columns.nth(1).boundingBox())!];
    expect(second.x).toBeLessThan(first.x);
    await board(arabic).locator('.board-card-handle').filter({ hasText: 'Open data by default' }).focus();
    await arabic.keyboard.press('Space');
    await expect.poll(() => announced(arabic)).toMatch(/^تم التقاط «Open data by default»/);
    await arabic.keyboard.press('ArrowLeft');
    await expect.poll(() => announced(arabic)).toMatch(/«Open data by default» فوق Trust/);
    await arabic.keyboard.press('Space');
    await expect.poll(() => texts(column(arabic, /^Trust/))).toContain('Open data by default');
    await shot(arabic, 'harvest-board-ar');
  });

  it('BOARD3 a finger drags a card after a short hold', async () => {
    const page = await open(world.created.facilitatorToken, 'en-GB', { hasTouch: true });
    await expect.poll(() => texts(column(page, /^Trust/))).toContain('Trust before tools');
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x = 0, y = 0) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    const from = (await handle(page, 'Trust before tools').boundingBox())!;
    const to = (await column(page, /^Access and languages/).boundingBox())!;
    const [ax, ay, bx, by] = [from.x + from.width / 2, from.y + from.height / 2, to.x + to.width / 2, to.y + to.height - 10];
    await touch('touchStart', ax, ay);
    await page.waitForTimeout(350); // the hold that tells a drag from a swipe
    for (let step = 1; step <= 15; step++) await touch('touchMove', ax + ((bx - ax) * step) / 15, ay + ((by - ay) * step) / 15);
    await touch('touchEnd');
    await expect.poll(() => texts(column(page, /^Access and languages/))).toEqual(['Trust before tools']);
  });
});
