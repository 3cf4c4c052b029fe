import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, join, type Created } from '../helpers/api.js';
import { browserSuite, missingChromium } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { command, connect, type ClientSocket } from '../helpers/socket.js';

const missing = missingChromium();

// THUI5: a moderator working the console with the keyboard alone. Approve moves the question to
// another list and Give the floor takes the hand out of the queue, so the pressed button goes
// away; focus must then land somewhere predictable, never on the page itself.
describe.skipIf(missing !== null)('the console keeps keyboard focus after an action', () => {
  let server: TestServer;
  let browser: Browser;
  let created: Created;
  let moderator: Page;
  const sockets: Record<'bo' | 'dee', ClientSocket> = {} as never;

  /** What has keyboard focus: its tag, its accessible label or text, and the question or hand it is in. */
  const focused = () =>
    moderator.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return {
        tag: el?.tagName ?? null,
        label: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '',
        question: el?.closest<HTMLElement>('[data-question]')?.dataset.question ?? null,
      };
    });

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    created = await createSession(server.url, { title: 'Town Hall on water', format: 'townhall', attribution: 'named', languages: ['en'] });
    const code = created.session.joinCode;
    const { socket: staff } = await connect(server.url, created.facilitatorToken);
    expect(await command(staff, 'townhall:configure', { moderation: 'pre' })).toMatchObject({ ok: true });
    const mo = await join(server.url, code, { displayName: 'Mo', mode: 'in-room', stakeholderGroup: 'other' });
    expect((await command(staff, 'participant:set-role', { participantId: mo.participant.id, role: 'moderator' })).ok).toBe(true);
    for (const [name, mode, stakeholderGroup] of [
      ['bo', 'remote', 'academia'],
      ['dee', 'in-room', 'private-sector'],
    ] as const) {
      const joined = await join(server.url, code, { displayName: name === 'bo' ? 'Bo' : 'Dee', mode, stakeholderGroup });
      sockets[name] = (await connect(server.url, joined.token)).socket;
    }
    const context = await browser.newContext({ locale: 'en-GB' });
    moderator = await context.newPage();
    moderator.setDefaultTimeout(15_000);
    await moderator.goto(`${server.url}/s/${created.session.id}/console#token=${mo.token}`);
  }, 60_000);

  it('THUI5: keyboard only, Approve leaves focus on the same question in its new place (never the page)', async () => {
    const ack = await command(sockets.bo, 'qa:ask', { text: 'Who maintains the pipes?' });
    if (!ack.ok) throw new Error(ack.error.message);
    const id = ack.question.id;
    const approve = moderator.locator(`[data-testid="qa-pending"] li[data-question="${id}"]`).getByRole('button', { name: 'Approve' });
    await approve.focus();
    await moderator.keyboard.press('Enter');
    await expect.poll(() => moderator.locator(`[data-testid="qa-visible"] li[data-question="${id}"]`).count()).toBe(1);
    await expect.poll(async () => (await focused()).tag).not.toBe('BODY');
    expect(await focused()).toMatchObject({ tag: 'BUTTON', question: id });
  });

  it('THUI5: keyboard only, Give the floor moves focus with the hand to the floor’s controls (never the page)', async () => {
    expect(await command(sockets.bo, 'hand:raise', { topic: 'Funding' })).toMatchObject({ ok: true });
    expect(await command(sockets.dee, 'hand:raise', {})).toMatchObject({ ok: true });
    const rows = moderator.getByTestId('queue-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const inFloor = () => moderator.evaluate(() => document.activeElement?.closest('[data-testid="floor"]') !== null);
    await moderator.getByRole('button', { name: 'Give the floor to Bo (Academia)' }).focus();
    await moderator.keyboard.press('Enter');
    await expect.poll(() => moderator.getByTestId('floor').innerText()).toContain('Bo (Academia) has the floor');
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(async () => (await focused()).tag).not.toBe('BODY');
    expect(await focused()).toMatchObject({ tag: 'BUTTON', label: 'Pause' });
    expect(await inFloor()).toBe(true);

    // The last hand: its row goes, and the queue table with it.
    await moderator.getByRole('button', { name: 'Give the floor to Dee (Private sector)' }).focus();
    await moderator.keyboard.press('Enter');
    await expect.poll(() => moderator.getByTestId('floor').innerText()).toContain('Dee (Private sector) has the floor');
    await expect.poll(async () => (await focused()).tag).not.toBe('BODY');
    expect(await inFloor()).toBe(true);
  });
});
