import type { Browser, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, join, type Created, type Joined } from '../helpers/api.js';
import { expectAccessible, browserSuite, missingChromium, openPage, shot } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { command, connect, type ClientSocket } from '../helpers/socket.js';

const missing = missingChromium();

/** Whether an element is wholly inside the viewport and not cut off by a scrolling ancestor. */
async function wholeInView(locator: Locator): Promise<{ inViewport: boolean; clipped: boolean }> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const inViewport = box.left >= 0 && box.right <= document.documentElement.clientWidth;
    let clipped = false;
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (style.overflowX === 'visible') continue;
      const outer = parent.getBoundingClientRect();
      if (box.left < outer.left - 1 || box.right > outer.right + 1) clipped = true;
    }
    return { inViewport, clipped };
  });
}

// The staff console of a Town Hall on a laptop and a tablet: the raised-hands table reflows
// instead of hiding "Give the floor" past an invisible scrollbar; "are you sure?" is an
// accessible dialog; a status line goes once it is no longer true.
describe.skipIf(missing !== null)('the Town Hall console at laptop and tablet widths', () => {
  let server: TestServer;
  let browser: Browser;
  let created: Created;
  let staff: ClientSocket;
  const people: { joined: Joined; socket: ClientSocket }[] = [];
  let facilitator: Page;

  /** Opens a phase of the facilitator's console by its tab (CONSOLE4): the queue and Q&A are in Run, the agenda list in Prepare. */
  const phase = async (page: Page, name: 'Prepare' | 'Run') => {
    await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
    await expect.poll(() => page.locator('[role=tab][aria-selected=true][id^="console-phase-tab"]').innerText()).toMatch(new RegExp(name));
  };

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    created = await createSession(server.url, { title: 'Town Hall on water', format: 'townhall', attribution: 'named' });
    staff = (await connect(server.url, created.facilitatorToken)).socket;
    const names = ['Maximiliana Oyelaran-Castellanos', 'Bartholomew Nakamura-Lindqvist', 'Chen'];
    for (const [i, displayName] of names.entries()) {
      const joined = await join(server.url, created.session.joinCode, { displayName, mode: i % 2 ? 'remote' : 'in-room', stakeholderGroup: 'intergovernmental' });
      people.push({ joined, socket: (await connect(server.url, joined.token)).socket });
    }
    for (const [i, person] of people.entries()) {
      expect((await command(person.socket, 'hand:raise', { topic: `A long topic about water tariffs and subsidies, number ${i + 1}` })).ok).toBe(true);
    }
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    facilitator = await context.newPage();
    facilitator.setDefaultTimeout(15_000);
    await facilitator.goto(created.links.console);
    await facilitator.waitForURL(/\/console$/);
  }, 60_000);

  for (const width of [1280, 768]) {
    it(`HAND14 at ${width} px: every raised hand’s “Give the floor” is visible, without a hidden horizontal scroll`, async () => {
      await facilitator.setViewportSize({ width, height: 900 });
      await phase(facilitator, 'Run');
      const rows = facilitator.getByTestId('queue-table').locator('tbody tr');
      await expect.poll(() => rows.count()).toBe(3);
      for (let i = 0; i < 3; i++) {
        const give = rows.nth(i).getByRole('button', { name: /^Give the floor to/ });
        // Not scrolled into view: a table that scrolls sideways would then show it anyway.
        expect(await give.isVisible()).toBe(true);
        expect(await wholeInView(give), `row ${i + 1} at ${width} px`).toEqual({ inViewport: true, clipped: false });
      }
      const page = await facilitator.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: document.documentElement.clientWidth }));
      expect(page.scroll, 'no horizontal scroll of the page').toBeLessThanOrEqual(page.view);
      await shot(facilitator, `th-console-${width}`);
    });
  }

  it('HAND14 at 768 px: the café tables editor shows each table’s host, video room and Remove in view (the same staff-table CSS)', async () => {
    const cafe = await createSession(server.url, { title: 'Café on water', format: 'cafe' });
    const cafeStaff = (await connect(server.url, cafe.facilitatorToken)).socket;
    const tables = [1, 2, 3].map((n) => ({
      label: `Table with a rather long name ${n}`,
      kind: n === 1 ? ('in-room' as const) : ('remote' as const),
      capacity: 6,
      videoUrl: n === 1 ? null : `https://meet.example.org/table-${n}`,
    }));
    expect(await command(cafeStaff, 'cafe:set-tables', { tables })).toMatchObject({ ok: true });
    const page = await openPage(browser, cafe.links.console, { viewport: { width: 768, height: 1000 } });
    await expect.poll(() => page.getByTestId('tables-editor').locator('li').count()).toBe(3);
    for (const n of [1, 2, 3]) {
      for (const name of [`Host of table ${n}`, `Remove table ${n}`, ...(n > 1 ? [`Video room link of table ${n}`] : [])]) {
        const control = page.getByLabel(name, { exact: true });
        expect(await wholeInView(control), name).toEqual({ inViewport: true, clipped: false });
      }
    }
    await shot(page, 'cafe-tables-768');
    await page.context().close();
  });

  it('THUI2: removing an agenda item asks in an accessible dialog: focus moves in, Escape cancels and returns focus, Enter confirms', async () => {
    await facilitator.setViewportSize({ width: 1280, height: 900 });
    await phase(facilitator, 'Prepare');
    for (const title of ['Welcome', 'Spare item']) expect(await command(staff, 'agenda:add', { title, durationMinutes: 5 })).toMatchObject({ ok: true });
    const remove = facilitator.getByRole('button', { name: 'Remove Spare item' });
    await remove.focus();
    await facilitator.keyboard.press('Enter');
    const dialog = facilitator.getByRole('dialog', { name: 'Remove “Spare item” from the agenda?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await facilitator.evaluate(() => document.activeElement?.closest('dialog') !== null && document.activeElement?.textContent)).toBe('Cancel');
    await expectAccessible(facilitator, 'console with the confirm dialog open');
    await facilitator.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await remove.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await facilitator.locator('.th-agenda-item').filter({ hasText: 'Spare item' }).count()).toBe(1);

    await facilitator.keyboard.press('Enter');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await facilitator.keyboard.press('Tab');
    await facilitator.keyboard.press('Enter');
    await expect.poll(() => facilitator.locator('.th-agenda-item').filter({ hasText: 'Spare item' }).count()).toBe(0);
    // The row goes when the change is broadcast; focus moves to the agenda's heading once the
    // command is acknowledged, a moment later.
    await expect.poll(() => facilitator.evaluate(() => document.activeElement?.id)).toBe('th-agenda-heading');
  });

  it('THUI3: “New question waiting for approval” goes once the question is no longer waiting (merged)', async () => {
    expect(await command(staff, 'townhall:configure', { moderation: 'pre' })).toMatchObject({ ok: true });
    await phase(facilitator, 'Run');
    const first = await command(people[0]!.socket, 'qa:ask', { text: 'Who owns the water utility?' });
    if (!first.ok) throw new Error(first.error.message);
    expect(await command(staff, 'qa:approve', { questionId: first.question.id })).toMatchObject({ ok: true });
    const announced = facilitator.locator('.th-qa [role=status].visually-hidden');
    const second = await command(people[1]!.socket, 'qa:ask', { text: 'Who owns the utility for water?' });
    if (!second.ok) throw new Error(second.error.message);
    await expect.poll(() => announced.innerText()).toBe('New question waiting for approval: Who owns the utility for water?');
    expect(await command(staff, 'qa:merge', { sourceId: second.question.id, targetId: first.question.id })).toMatchObject({ ok: true });
    await expect.poll(() => announced.innerText()).toBe('');
  });
});
