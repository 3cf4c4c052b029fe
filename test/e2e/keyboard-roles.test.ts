import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, http, join } from '../helpers/api.js';
import { browserSuite, missingChromium, openPage } from '../helpers/browser.js';
import { cafeWorld, ideasAt, openNotepad, type CafeWorld } from '../helpers/notepad.js';
import type { TestServer } from '../helpers/server.js';

// Issue 19: a keyboard-only run of each role's main task, checking after every key press that
// focus is on an element with an accessible name, never on <body> (A11Y30). The participant's
// join, vote, ask and raise a hand are in announcements.test.ts; here a participant types notes in
// the table's notepad, the facilitator starts, pauses and resumes a round from the console's Run
// tab (A11Y33), and a rapporteur moves a key idea into a theme on the harvest board (A11Y34).

const missing = missingChromium();

/** What the accessibility tree says of the focused element (`- button "Pause"`), or `body`. */
async function focused(page: Page): Promise<string> {
  const onBody = await page.evaluate(() => document.activeElement === null || document.activeElement === document.body);
  if (onBody) return 'body';
  return page.locator('*:focus').first().ariaSnapshot();
}

/** Focus is on an element with an accessible name, never on <body> (A11Y30). */
async function expectNamedFocus(page: Page, step: string): Promise<string> {
  const said = await focused(page);
  expect(said, `focus after ${step}`).not.toBe('body');
  // Playwright's snapshot gives a disclosure's <summary> no role ("- text: …"), though its words are its name.
  const summary = await page.evaluate(() => document.activeElement?.tagName === 'SUMMARY' && (document.activeElement.textContent ?? '').trim() !== '');
  if (!summary) expect(said.split('\n')[0], `focus after ${step} has a name`).toMatch(/^- [\w-]+ "[^"]+"/);
  return said;
}

/** Presses Tab (or Shift+Tab) until the focused element matches, checking after every press that focus is on a named element. */
async function tabTo(page: Page, target: RegExp, step: string, { back = false, max = 80 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const said = await expectNamedFocus(page, `Tab towards ${step}`);
    if (target.test(said.split('\n')[0]!)) return;
  }
  throw new Error(`Tab never reached ${step}`);
}

describe.skipIf(missing !== null)('each role’s main task with the keyboard only; focus always on a named element (A11Y30)', () => {
  let server: TestServer;
  let browser: Browser;
  let world: CafeWorld;

  /** A page as the holder of `token` in `sessionId`, at `path`. */
  async function pageAs(sessionId: string, joinCode: string, title: string, token: string, path: string, facilitator = false): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 1000 } });
    const credential = { sessionId, joinCode, title, token, ...(facilitator && { facilitator: true }) };
    await context.addInitScript((value) => localStorage.setItem('openTalks.credentials', value), JSON.stringify({ [sessionId]: credential }));
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}${path}`, { timeout: 60_000 });
    return page;
  }

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    world = await cafeWorld(server.url, server.store);
  }, 60_000);

  it('A11Y32 a participant types notes and adds a key idea in the table’s notepad, keyboard only', async () => {
    const page = await pageAs(world.sessionId, world.created.session.joinCode, world.created.session.title, world.ann.token, `/s/${world.sessionId}/notes/${world.tableA}/1`);
    await page.getByRole('textbox', { name: 'Table notes, round 1' }).waitFor();
    await tabTo(page, /textbox "Table notes, round 1"/, 'the notes');
    await page.keyboard.type('Trust comes first.');
    await expectNamedFocus(page, 'typing notes');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Then access.');
    await expect.poll(() => page.getByRole('textbox', { name: 'Table notes, round 1' }).innerText()).toContain('Then access.');
    // Tab leaves the editor (it is not trapped there) for the key ideas.
    await tabTo(page, /textbox "New key idea"/, 'the new key idea');
    await page.keyboard.type('Trust before tools');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('listitem').filter({ hasText: 'Trust before tools' }).count()).toBe(1);
    await expectNamedFocus(page, 'adding a key idea');
    // A second one with the Add button, which the emptied form disables: focus must not drop to <body>.
    await page.keyboard.type('Access for all');
    await tabTo(page, /button "Add"/, 'Add');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('listitem').filter({ hasText: 'Access for all' }).count()).toBe(1);
    await expectNamedFocus(page, 'adding a key idea with Add');
    await tabTo(page, /button "Mark for the harvest Trust before tools"/, 'marking the idea', { back: true });
    await page.keyboard.press('Space');
    await expectNamedFocus(page, 'marking the idea for the harvest');
    await page.context().close();
  }, 180_000);

  it('A11Y33 the facilitator starts, pauses and resumes a round from the console’s Run tab, keyboard only', async () => {
    // A café of its own, set up but not started (the shared world's round 1 is already on).
    const created = await createSession(server.url, { title: 'Keyboard café', format: 'cafe', attribution: 'named', languages: ['en'] });
    const base = `/api/sessions/${created.session.id}/cafe`;
    const f = { token: created.facilitatorToken };
    const tables = [{ label: 'Lotus', kind: 'in-room', capacity: 5 }];
    expect((await http(server.url, 'PUT', `${base}/tables`, { ...f, body: { tables } })).status).toBe(200);
    const rounds = [
      { question: 'What matters?', durationMinutes: 20 },
      { question: 'What next?', durationMinutes: 20 },
    ];
    expect((await http(server.url, 'PUT', `${base}/rounds`, { ...f, body: { rounds } })).status).toBe(200);
    expect((await http(server.url, 'POST', `${base}/plan`, { ...f, body: { seed: 1 } })).status).toBe(201);
    const timer = async () =>
      (await http<{ cafe: { live: { run: { timer: { status: string } | null } } } }>(server.url, 'GET', `${base}/live`, f)).body.cafe.live.run.timer?.status ?? null;

    const page = await openPage(browser, created.links.console, { locale: 'en-GB', viewport: { width: 1280, height: 720 } });
    await page.waitForURL(/\/console$/);
    await expect.poll(() => page.locator('[role=tab][aria-selected=true]').innerText()).toMatch(/Prepare/);
    // The phases are tabs with a roving tab stop: Tab reaches the chosen one, the arrow moves to Run, Enter opens it.
    await tabTo(page, /^- tab "[^"]*Prepare/, 'the phase tabs');
    await page.keyboard.press('ArrowRight');
    expect((await expectNamedFocus(page, 'the arrow to Run')).split('\n')[0]).toMatch(/^- tab "[^"]*Run/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[role=tab][aria-selected=true]').innerText()).toMatch(/Run/);
    await expectNamedFocus(page, 'opening Run');

    await tabTo(page, /button "Start round 1 of 2"/, 'Start round 1');
    await page.keyboard.press('Enter');
    await expect.poll(timer).toBe('running');
    await expect.poll(() => page.getByTestId('run-status').innerText()).toContain('Round 1 of 2');
    // The same button now ends the round: focus stays on it.
    await expect.poll(() => focused(page)).toMatch(/^- button "End round now"/);

    await tabTo(page, /button "Pause"/, 'Pause');
    await page.keyboard.press('Enter');
    await expect.poll(timer).toBe('paused');
    await expect.poll(() => page.getByText('Round paused.').count()).toBe(1);
    // Pause gives way to Resume, a new button: focus moves to it, not to the page (THUI5).
    await expect.poll(() => focused(page)).toMatch(/^- button "Resume"/);
    await expectNamedFocus(page, 'pausing the round');

    await page.keyboard.press('Enter');
    await expect.poll(timer).toBe('running');
    await expect.poll(() => page.getByText('Round resumed.').count()).toBe(1);
    await expect.poll(() => focused(page)).toMatch(/^- button "Pause"/);
    await expectNamedFocus(page, 'resuming the round');
    // A prompt to every table, sent with the Send button: the emptied form must not drop focus.
    await tabTo(page, /textbox "Message or new prompt"/, 'the prompt field');
    await page.keyboard.type('Ten minutes left.');
    await tabTo(page, /button "Send"/, 'Send');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.prompt-text').first().innerText()).toBe('Ten minutes left.');
    await expectNamedFocus(page, 'sending a prompt');
    // Back up the Run screen with Shift+Tab, past the timer's controls to the tabs: never on <body>.
    await tabTo(page, /button "Add 5 min to this round"/, 'the timer’s last control', { back: true });
    await tabTo(page, /tab "[^"]*Run/, 'the Run tab', { back: true });
    await page.context().close();
  }, 180_000);

  it('A11Y34 a rapporteur creates a theme and moves a key idea into it on the harvest board, keyboard only', async () => {
    const made = await http(server.url, 'PATCH', `/api/sessions/${world.sessionId}/participants/${world.dan.participant.id}`, {
      token: world.created.facilitatorToken,
      body: { role: 'rapporteur' },
    });
    expect(made.status).toBe(200);
    // Table B's notepad is open, so its key ideas are mirrored to the harvest.
    await openNotepad(server.url, world.room(world.tableB, 1), world.cem.token);
    const tableB = ideasAt(server.url, world, world.tableB, 1);
    await tableB.add(world.cem.token, 'k1', 'Local languages matter');
    await tableB.add(world.cem.token, 'k2', 'Open data by default');
    const page = await pageAs(world.sessionId, world.created.session.joinCode, world.created.session.title, world.dan.token, `/s/${world.sessionId}/harvest`);
    const board = page.getByTestId('harvest-board');
    const column = (name: RegExp) => board.getByTestId('harvest-column').filter({ has: page.getByRole('heading', { level: 3, name }) });
    const texts = (name: RegExp) => column(name).locator('.board-card-text').allTextContents();
    await expect.poll(() => texts(/^Not yet in a theme/)).toEqual(expect.arrayContaining(['Local languages matter', 'Open data by default']));

    // A theme, from its field, with the Create button (not Enter in the field).
    await tabTo(page, /textbox "New theme"/, 'the new theme field');
    await page.keyboard.type('Languages');
    await tabTo(page, /button "Create theme"/, 'Create theme');
    await page.keyboard.press('Enter');
    await column(/^Languages/).waitFor();
    await expectNamedFocus(page, 'creating a theme');

    // The card, dragged with the keyboard: Space picks it up, the arrow goes to the next column, Space drops it.
    await tabTo(page, /button "Local languages matter/, 'the card');
    await page.keyboard.press('Space');
    await expectNamedFocus(page, 'picking the card up');
    await page.keyboard.press('ArrowRight');
    // Over Languages the card is drawn in that column, a new element: focus goes with it.
    await expect.poll(() => focused(page)).toMatch(/^- button "Local languages matter/);
    await expectNamedFocus(page, 'moving the card over Languages');
    await page.keyboard.press('Space');
    await expect.poll(() => texts(/^Languages/)).toEqual(['Local languages matter']);
    await expect.poll(() => focused(page)).toMatch(/^- button "Local languages matter/);

    // The other card, with its menu (back in the column before): Enter opens it, the arrows reach the theme, Enter moves the card.
    await tabTo(page, /button "Actions for the card “Open data by default”"/, 'the card’s menu', { back: true });
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatch(/^- menuitem "/);
    for (let i = 0; i < 10 && !/menuitem "Languages"/.test(await focused(page)); i++) {
      await page.keyboard.press('ArrowDown');
      await expectNamedFocus(page, 'the arrows in the card’s menu');
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => texts(/^Languages/)).toEqual(['Local languages matter', 'Open data by default']);
    await expect.poll(() => focused(page)).toMatch(/^- button "Actions for the card “Open data by default”"/);

    // And back up the board with Shift+Tab, over everything that was just moved.
    await tabTo(page, /textbox "New theme"/, 'the new theme field', { back: true });
    await page.context().close();
  }, 180_000);
  it('A11Y35 a captioner sends a line with the Send button, keyboard only; focus goes back to the caption field', async () => {
    const created = await createSession(server.url, { title: 'Captioned Town Hall', format: 'townhall', attribution: 'named', languages: ['en'] });
    const captioner = await join(server.url, created.session.joinCode, { displayName: 'Cleo', language: 'en' });
    const role = await http(server.url, 'PATCH', `/api/sessions/${created.session.id}/participants/${captioner.participant.id}`, {
      token: created.facilitatorToken,
      body: { role: 'captioner' },
    });
    expect(role.status).toBe(200);
    const page = await pageAs(created.session.id, created.session.joinCode, created.session.title, captioner.token, `/s/${created.session.id}/console`);
    await page.getByRole('textbox', { name: 'Caption line' }).waitFor();
    await tabTo(page, /textbox "Caption line"/, 'the caption field');
    await page.keyboard.type('Welcome, everyone.');
    // The Send button, not Enter: the emptied form disables it, and focus must not drop to <body>.
    await tabTo(page, /button "Send"/, 'Send');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => JSON.stringify((await http(server.url, 'GET', `/api/sessions/${created.session.id}/townhall`, { token: created.facilitatorToken })).body))
      .toContain('Welcome, everyone.');
    await expect.poll(() => focused(page)).toMatch(/^- textbox "Caption line"/);
    await expectNamedFocus(page, 'sending a caption with the Send button');
    await page.context().close();
  }, 120_000);
});
