import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, browserSuite, missingChromium, SHOTS } from '../helpers/browser.js';
import { cafeWorld, type CafeWorld } from '../helpers/notepad.js';
import type { TestServer } from '../helpers/server.js';

// The notepad in a real browser: CodeMirror bound to the shared document through the server.

const missing = missingChromium();

describe.skipIf(missing !== null)('notepad in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let world: CafeWorld;

  /** A browser that joined as `token` (its credential stored as the app stores it), on the notes page. */
  async function notesAs(token: string, tableId: string, round: number): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-GB' });
    const credential = { sessionId: world.sessionId, joinCode: world.created.session.joinCode, title: world.created.session.title, token };
    await context.addInitScript((value) => localStorage.setItem('openTalks.credentials', value), JSON.stringify({ [world.sessionId]: credential }));
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/s/${world.sessionId}/notes/${tableId}/${round}`);
    return page;
  }

  const editor = (page: Page, round = 1) => page.getByRole('textbox', { name: `Table notes, round ${round}` });
  /** The notes as typed, without the others' carets and name labels that the editor draws inline. */
  const notes = (page: Page) =>
    editor(page).evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      for (const caret of copy.querySelectorAll('.cm-ySelectionCaret')) caret.remove();
      return (copy.textContent ?? '').replace(/\u2060/g, '');
    });

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    world = await cafeWorld(server.url, server.store);
  });

  it('NOTE2 two people at a table type in the same notepad and see each other’s words; a key idea reaches the other', async () => {
    const ann = await notesAs(world.ann.token, world.tableA, 1);
    const bob = await notesAs(world.bob.token, world.tableA, 1);
    for (const page of [ann, bob]) await expect.poll(() => page.getByTestId('notepad-status').textContent()).toMatch(/^Connected/);

    await editor(ann).click();
    await ann.keyboard.type('Trust comes first.');
    await expect.poll(() => notes(bob)).toBe('Trust comes first.');
    // Bob sees where Ann is typing, under her name (the session's attribution is named).
    expect(await bob.locator('.cm-ySelectionInfo').first().textContent()).toBe('Ann');
    await editor(bob).press('End');
    await bob.keyboard.type(' And access.');
    await expect.poll(() => notes(ann)).toBe('Trust comes first. And access.');

    await ann.getByLabel('New key idea').fill('Trust before tools');
    await ann.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => bob.getByRole('listitem').first().textContent()).toContain('Trust before tools');
    expect(await bob.getByRole('listitem').first().textContent()).toContain('by Ann');
    await expectAccessible(ann, 'notepad');
    expect((await server.notepads.readRoom(world.room(world.tableA, 1))).text).toBe('Trust comes first. And access.');
  });

  it('IDEA5 a key idea added offline waits on the device and reaches the table once back online, even from a tab closed meanwhile, credited by the server', async () => {
    const ann = await notesAs(world.ann.token, world.tableA, 1);
    const bob = await notesAs(world.bob.token, world.tableA, 1);
    const status = (page: Page) => page.getByTestId('notepad-status').textContent();
    for (const page of [ann, bob]) await expect.poll(() => status(page)).toMatch(/^Connected/);
    const ideas = (page: Page) => page.locator('.key-ideas ol').textContent();

    await bob.context().setOffline(true);
    await expect.poll(() => status(bob)).toMatch(/^Offline/);
    await bob.getByLabel('New key idea').fill('Written on the train');
    await bob.getByRole('button', { name: 'Add', exact: true }).click();
    const waiting = bob.getByRole('list', { name: 'Key ideas not on the notepad yet' });
    await expect.poll(() => waiting.textContent()).toContain('Written on the train');
    expect(await waiting.textContent()).toContain('not sent yet');
    if (SHOTS) await bob.screenshot({ path: `${SHOTS}/key-idea-offline.png`, fullPage: true });
    await bob.context().setOffline(false);
    await expect.poll(() => ideas(ann), { timeout: 20_000 }).toContain('Written on the train');
    expect(await ideas(ann)).toContain('by Bob');
    await expect.poll(() => waiting.count()).toBe(0);

    // Offline again, an idea, and the tab closed before it could go: the next visit sends it.
    await bob.context().setOffline(true);
    await expect.poll(() => status(bob)).toMatch(/^Offline/);
    await bob.getByLabel('New key idea').fill('Kept on the device');
    await bob.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => waiting.textContent()).toContain('Kept on the device');
    const context = bob.context();
    await bob.close();
    await context.setOffline(false);
    const again = await context.newPage();
    await again.goto(`${server.url}/s/${world.sessionId}/notes/${world.tableA}/1`);
    await expect.poll(() => ideas(ann), { timeout: 20_000 }).toContain('Kept on the device');
    const stored = (await server.notepads.readRoom(world.room(world.tableA, 1))).ideas;
    expect(stored.filter((i) => i.author === 'Bob').map((i) => i.text)).toEqual(['Written on the train', 'Kept on the device']);
    await expectAccessible(again, 'notepad with key ideas');
    if (SHOTS) await ann.screenshot({ path: `${SHOTS}/key-idea-arrived.png`, fullPage: true });
  });

  it('NOTE3 an observer sees the notes read-only and cannot type into them', async () => {
    const olga = await notesAs(world.olga.token, world.tableA, 1);
    await olga.getByTestId('notepad-read-only').waitFor();
    await expect.poll(() => notes(olga)).toBe('Trust comes first. And access.');
    expect(await editor(olga).getAttribute('contenteditable')).toBe('false');
    expect(await olga.getByLabel('New key idea').count()).toBe(0);
    await expectAccessible(olga, 'notepad read-only');
  });

  it('NOTE16 the token never appears in a notepad WebSocket URL; reconnecting takes a fresh ticket', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const credential = { sessionId: world.sessionId, joinCode: world.created.session.joinCode, title: world.created.session.title, token: world.dan.token };
    await context.addInitScript((value) => localStorage.setItem('openTalks.credentials', value), JSON.stringify({ [world.sessionId]: credential }));
    const dan = await context.newPage();
    dan.setDefaultTimeout(15_000);
    const sockets: string[] = [];
    dan.on('websocket', (socket) => sockets.push(socket.url()));
    await dan.goto(`${server.url}/s/${world.sessionId}/notes/${world.tableA}/1`);
    await dan.getByTestId('notepad-read-only').waitFor(); // Dan is not seated: he reads

    // Seated at the table now: the server closes his connection (4000) and the browser comes back as a writer.
    const plan = await server.store.cafe.plan(world.sessionId);
    plan!.plan.rounds[0]![world.tableA]!.push(world.dan.participant.id);
    await server.store.cafe.savePlan(world.sessionId, plan!);
    await server.notepads.revalidate(world.sessionId);
    await expect.poll(() => dan.getByTestId('notepad-read-only').count()).toBe(0);
    await expect.poll(() => dan.getByTestId('notepad-status').textContent()).toMatch(/^Connected/);
    await editor(dan).click();
    await dan.keyboard.type('Dan writes.');
    await expect.poll(async () => (await server.notepads.readRoom(world.room(world.tableA, 1))).text).toContain('Dan writes.');

    const notepadSockets = sockets.filter((url) => new URL(url).pathname.startsWith('/yjs/'));
    expect(notepadSockets.length).toBeGreaterThanOrEqual(2);
    for (const url of sockets) expect(url).not.toContain(world.dan.token);
    const tickets = notepadSockets.map((url) => new URL(url).searchParams.get('ticket'));
    expect(new Set(tickets).size).toBe(tickets.length);
    for (const ticket of tickets) expect(ticket).toMatch(/^[\w-]{20,}$/);
  });
});

describe.skipIf(missing !== null)('notepad connections per person in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let world: CafeWorld;

  browserSuite((started) => ({ server, browser } = started), { env: { NOTEPAD_CONNECTIONS_PER_PERSON: '1' } });
  beforeAll(async () => {
    world = await cafeWorld(server.url, server.store);
  });

  it('NOTE14 a tab past the person’s cap closes their oldest, which says why and reconnects on request', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const credential = { sessionId: world.sessionId, joinCode: world.created.session.joinCode, title: world.created.session.title, token: world.ann.token };
    await context.addInitScript((value) => localStorage.setItem('openTalks.credentials', value), JSON.stringify({ [world.sessionId]: credential }));
    const notesUrl = `${server.url}/s/${world.sessionId}/notes/${world.tableA}/1`;
    const [first, second] = [await context.newPage(), await context.newPage()];
    for (const page of [first, second]) page.setDefaultTimeout(15_000);
    await first.goto(notesUrl);
    await expect.poll(() => first.getByTestId('notepad-status').textContent()).toMatch(/^Connected/);
    await second.goto(notesUrl);
    await expect.poll(() => second.getByTestId('notepad-status').textContent()).toMatch(/^Connected/);
    await expect.poll(() => first.getByTestId('notepad-status').textContent()).toMatch(/too many other tabs/);
    if (SHOTS) await first.screenshot({ path: join(SHOTS, 'notepad-too-many-tabs.png'), fullPage: true });
    await first.getByRole('button', { name: 'Reconnect' }).click();
    await expect.poll(() => first.getByTestId('notepad-status').textContent()).toMatch(/^Connected/);
    await expect.poll(() => second.getByTestId('notepad-status').textContent()).toMatch(/too many other tabs/);
    await context.close();
  });
});
