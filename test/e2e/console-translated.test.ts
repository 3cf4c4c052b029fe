import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createSession } from '../helpers/api.js';
import { browserSuite, expectAccessible, missingChromium, openPage, shot } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { command, connect } from '../helpers/socket.js';

const missing = missingChromium();

// LANG72: a facilitator who reads Arabic sees the console's poll cards (question, and options in results) and
// agenda rows in the Arabic versions, marked, with lang="ar" dir="rtl", like the participants do.
describe.skipIf(missing !== null)('the Town Hall console in the facilitator’s language', () => {
  let server: TestServer;
  let browser: Browser;
  browserSuite((started) => ({ server, browser } = started));

  /** Clicks the console's phase tabs until `target` shows (the tabs' names are in the page's language). */
  async function reveal(page: Page, target: string): Promise<void> {
    const tabs = page.locator('[role=tab][id^="console-phase-tab"]');
    await expect.poll(() => tabs.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    for (let i = 0; i < (await tabs.count()); i++) {
      if (await page.locator(target).first().isVisible()) return;
      await tabs.nth(i).click();
    }
    await expect.poll(() => page.locator(target).first().isVisible(), { timeout: 30_000 }).toBe(true);
  }

  it('LANG72 poll cards and agenda rows show the Arabic versions live, rtl and marked', async () => {
    const created = await createSession(server.url, { title: 'Town Hall in two languages', format: 'townhall', languages: ['en', 'ar'], language: 'ar' });
    const { socket } = await connect(server.url, created.facilitatorToken);
    const poll = await command(socket, 'poll:create', { kind: 'single', question: 'Which first?', options: ['Roads', 'Parks'] });
    if (!poll.ok) throw new Error(poll.error.message);
    const pollId = poll.poll.poll.id;
    const agenda = await command(socket, 'agenda:add', { title: 'Welcome', durationMinutes: 5 });
    if (!agenda.ok) throw new Error(agenda.error.message);
    const itemId = agenda.agenda.items[0]!.id;

    const page = await openPage(browser, `${server.url}/s/${created.session.id}/console#token=${created.facilitatorToken}`);
    page.setDefaultTimeout(30_000);
    await reveal(page, `li[data-poll="${pollId}"]`);
    const card = page.locator(`li[data-poll="${pollId}"]`);
    await expect.poll(() => card.locator('h3').textContent()).toBe('Which first?');
    expect(await card.locator('h3').getAttribute('lang')).toBe('en');

    for (const [key, text] of [
      [`poll/${pollId}/question`, 'بماذا نبدأ؟'],
      [`poll/${pollId}/option:o1`, 'الطرق'],
      [`agenda-item/${itemId}/title`, 'الترحيب'],
    ] as const) {
      expect(await command(socket, 'content:set-version', { key, language: 'ar', text })).toMatchObject({ ok: true });
    }
    await expect.poll(() => card.locator('h3').textContent()).toBe('بماذا نبدأ؟');
    expect(await card.locator('h3').getAttribute('dir')).toBe('rtl');
    expect(await card.getByTestId('translated-mark').count()).toBeGreaterThan(0);
    // Opened, its results name the options in the facilitator's version too (PollResults).
    expect(await command(socket, 'poll:open', { pollId })).toMatchObject({ ok: true });
    await expect.poll(() => card.locator('[lang="ar"]', { hasText: 'الطرق' }).count()).toBeGreaterThan(0);

    await reveal(page, `li[data-item="${itemId}"]`);
    const row = page.locator(`li[data-item="${itemId}"] .th-agenda-title`);
    await expect.poll(() => row.textContent()).toBe('الترحيب');
    expect(await row.getAttribute('lang')).toBe('ar');
    await shot(page, 'console-translated');
    await expectAccessible(page, 'the console with translated polls and agenda');
  }, 90_000);
});
