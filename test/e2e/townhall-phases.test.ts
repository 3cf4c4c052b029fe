import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, join, type Created, type Joined } from '../helpers/api.js';
import { expectAccessible, browserSuite, missingChromium, openPage, shot } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { command, connect, type ClientSocket } from '../helpers/socket.js';

const missing = missingChromium();

const TABLET = { width: 768, height: 1024 }; // px, portrait
const PHONE = { width: 360, height: 740 }; // px, a small phone

/** Whether the page scrolls sideways: it must not. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const focusedText = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '');

// Issue 14: the moderator's console on a tablet, by what they are doing (tabs with counts), and
// the participant's page on a phone: what to do now first, a big vote target, the finished folded.
describe.skipIf(missing !== null)('the Town Hall by phase: a moderator on a tablet, a participant on a phone', () => {
  let server: TestServer;
  let browser: Browser;
  let created: Created;
  let staff: ClientSocket;
  let bo: ClientSocket;
  let amal: Joined;
  let moToken: string;
  const ids: Record<string, string> = {};
  const ask = async (socket: ClientSocket, text: string) => {
    const ack = await command(socket, 'qa:ask', { text });
    if (!ack.ok) throw new Error(ack.error.message);
    ids[text] = ack.question.id;
    return ack.question.id;
  };
  const poll = async (question: string, options: string[]) => {
    const ack = await command(staff, 'poll:create', { kind: 'single', question, options });
    if (!ack.ok) throw new Error(ack.error.message);
    return ack.poll.poll.id;
  };

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    created = await createSession(server.url, { title: 'Town Hall on water', format: 'townhall', attribution: 'named', languages: ['en', 'ar'] });
    staff = (await connect(server.url, created.facilitatorToken)).socket;
    const mo = await join(server.url, created.session.joinCode, { displayName: 'Mo', mode: 'in-room', stakeholderGroup: 'other' });
    expect((await command(staff, 'participant:set-role', { participantId: mo.participant.id, role: 'moderator' })).ok).toBe(true);
    moToken = mo.token;
    bo = (await connect(server.url, (await join(server.url, created.session.joinCode, { displayName: 'Bo', mode: 'remote', stakeholderGroup: 'academia' })).token)).socket;
    amal = await join(server.url, created.session.joinCode, { displayName: 'Amal', mode: 'remote', stakeholderGroup: 'civil-society' });
    expect(await command(staff, 'townhall:configure', { moderation: 'pre' })).toMatchObject({ ok: true });
    for (const title of ['Welcome', 'Water prices', 'Close']) expect(await command(staff, 'agenda:add', { title, durationMinutes: 10 })).toMatchObject({ ok: true });
    expect(await command(staff, 'agenda:next', {})).toMatchObject({ ok: true });
    // Two questions approved and one answered; one waiting; two hands up; a draft poll.
    for (const text of ['Who maintains the pipes?', 'Is there a public leak map?', 'When are bills sent?']) {
      await ask(bo, text);
      expect(await command(staff, 'qa:approve', { questionId: ids[text]! })).toMatchObject({ ok: true });
    }
    expect(await command(staff, 'qa:answer', { questionId: ids['When are bills sent?']! })).toMatchObject({ ok: true });
    await ask(bo, 'Will tariffs rise next year?');
    expect(await command(bo, 'hand:raise', { topic: 'Leaks' })).toMatchObject({ ok: true });
    ids.closed = await poll('Which district had the most leaks?', ['North', 'South']);
    for (const step of ['poll:open', 'poll:close'] as const) expect(await command(staff, step, { pollId: ids.closed })).toMatchObject({ ok: true });
    ids.draft = await poll('Which district first?', ['North', 'South', 'East']);
  }, 60_000);

  it('THUI9: at 768×1024 the moderator reaches the queue, Q&A, polls and captions with the keyboard only, approves a question and opens a poll', async () => {
    const page = await openPage(browser, `${server.url}/s/${created.session.id}/console#token=${moToken}`, { viewport: TABLET });
    const tabs = page.getByRole('tablist', { name: 'Live panels' });
    await tabs.waitFor();
    // What waits is in the tab's words, not only a colour.
    await expect.poll(() => tabs.getByRole('tab').allInnerTexts()).toEqual(['Speaker queue (hands up: 1)', 'Questions (waiting: 1)', 'Polls (open: 0)', 'Captions']);
    await expect.poll(() => page.getByTestId('th-run-summary').innerText()).toBe('Questions waiting for approval: 1. Hands raised: 1.');
    expect(await page.getByRole('tabpanel').count()).toBe(1);
    await expect.poll(() => page.getByRole('tabpanel').getByTestId('queue-table').isVisible()).toBe(true);

    // Keyboard only: into the tab list, then the arrows; selection follows focus.
    const selected = page.getByRole('tab', { name: 'Speaker queue (hands up: 1)' });
    await selected.focus();
    await page.keyboard.press('ArrowRight');
    expect(await focusedText(page)).toBe('Questions (waiting: 1)');
    await expect.poll(() => page.getByRole('tabpanel').getByRole('heading', { level: 2 }).innerText()).toMatch(/^Questions/);
    // Tab moves into the panel: Tab until the pending question's Approve button, then Enter.
    const approve = page.locator(`li[data-question="${ids['Will tariffs rise next year?']}"]`).getByRole('button', { name: 'Approve' });
    for (let i = 0; i < 30 && !(await approve.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await approve.evaluate((el) => el === document.activeElement)).toBe(true);
    // Focus is not hidden under the sticky tab list (2.4.11).
    const [bar, button] = await Promise.all([tabs.boundingBox(), approve.boundingBox()]);
    expect(button!.y).toBeGreaterThanOrEqual(Math.max(0, bar!.y + bar!.height) - 1);
    await page.keyboard.press('Enter');
    await expect.poll(() => tabs.getByRole('tab', { selected: true }).innerText()).toBe('Questions (waiting: 0)');
    await expect.poll(() => page.getByTestId('th-run-summary').innerText()).toBe('Questions waiting for approval: 0. Hands raised: 1.');
    await expect.poll(() => page.getByTestId('qa-visible').innerText()).toContain('Will tariffs rise next year?');

    await page.getByRole('tab', { selected: true }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await focusedText(page)).toBe('Polls (open: 0)');
    const draft = page.locator(`li[data-poll="${ids.draft}"]`);
    const open = draft.getByRole('button', { name: 'Open', exact: true });
    for (let i = 0; i < 30 && !(await open.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => draft.locator('.th-meta').innerText()).toContain('Open for answers');
    await expect.poll(() => page.getByRole('tab', { selected: true }).innerText()).toBe('Polls (open: 1)');

    await page.getByRole('tab', { selected: true }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await focusedText(page)).toBe('Captions');
    await expect.poll(() => page.getByRole('tabpanel').getByLabel('Caption line').isVisible()).toBe(true);
    await page.keyboard.press('End');
    expect(await focusedText(page)).toBe('Captions');
    await page.keyboard.press('Home');
    expect(await focusedText(page)).toBe('Speaker queue (hands up: 1)');
    await page.keyboard.press('ArrowLeft'); // wraps round
    expect(await focusedText(page)).toBe('Captions');

    expect(await overflow(page), 'no horizontal scroll at 768 px').toBeLessThanOrEqual(0);
    for (const tab of await tabs.getByRole('tab').all()) expect((await tab.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await page.getByRole('tab', { name: /^Questions/ }).click();
    await expectAccessible(page, 'moderator console at 768 px');
    await shot(page, 'th-moderator-768-en');

    // 1024×768 landscape is still a tablet (tabs); 1280×720 puts the panels side by side.
    await page.setViewportSize({ width: 1024, height: 768 });
    await expect.poll(() => page.getByRole('tablist').count()).toBe(1);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 720 });
    await expect.poll(() => page.getByRole('tablist').count()).toBe(0);
    for (const heading of ['Speaker queue', 'Questions', 'Polls', 'Live captions']) {
      expect(await page.getByRole('heading', { level: 2, name: new RegExp(`^${heading}`) }).isVisible(), heading).toBe(true);
    }
    const [queue, qa] = await Promise.all([page.locator('.th-queue').boundingBox(), page.locator('.th-qa').boundingBox()]);
    expect(qa!.x, 'two columns').toBeGreaterThan(queue!.x + queue!.width - 1);
    await page.context().close();
  });

  it('THUI11: a vote re-renders the one question row it changed in the moderator console, not the list', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    // React reports every commit to the developer tools' hook, in a production build too: a
    // stand-in hook counts the question rows that rendered (React's PerformedWork flag, 1).
    await context.addInitScript(() => {
      const seen = new WeakSet<object>();
      const counter = { renders: 0 };
      type Fiber = { tag: number; type: unknown; flags: number; memoizedProps: Record<string, unknown> | null; child: Fiber | null; sibling: Fiber | null; return: Fiber | null };
      const visit = (fiber: Fiber | null) => {
        for (let f = fiber; f; f = f.sibling) {
          const props = f.memoizedProps;
          if (
            f.type === 'li' &&
            props &&
            typeof props['data-question'] === 'string' &&
            f.return &&
            f.return.flags & 1 &&
            f.return.memoizedProps &&
            !seen.has(f.return.memoizedProps)
          ) {
            seen.add(f.return.memoizedProps);
            counter.renders++;
          }
          visit(f.child);
        }
      };
      Object.assign(window, {
        __rowRenders: counter,
        __REACT_DEVTOOLS_GLOBAL_HOOK__: {
          supportsFiber: true,
          renderers: new Map(),
          inject: () => 1,
          onCommitFiberRoot: (_id: number, root: { current: Fiber }) => visit(root.current),
          onCommitFiberUnmount: () => undefined,
          onPostCommitFiberRoot: () => undefined,
          checkDCE: () => undefined,
        },
      });
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/s/${created.session.id}/console#token=${moToken}`);
    const rows = page.locator('.th-qa li[data-question]');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(4);
    await page.waitForTimeout(500); // the first renders settle
    const renders = () => page.evaluate(() => (window as unknown as { __rowRenders: { renders: number } }).__rowRenders.renders);
    const before = await renders();
    expect(before, 'the hook sees the rows render').toBeGreaterThanOrEqual(4);
    const voter = (await connect(server.url, (await join(server.url, created.session.joinCode, { displayName: 'Cy', mode: 'remote' })).token)).socket;
    expect(await command(voter, 'qa:vote', { questionId: ids['Is there a public leak map?']!, up: true })).toMatchObject({ ok: true });
    await expect.poll(() => page.locator(`li[data-question="${ids['Is there a public leak map?']}"] .th-votes`).innerText()).toBe('1 vote');
    await page.waitForTimeout(300);
    expect((await renders()) - before, 'rows rendered for one vote').toBe(1);
    await context.close();
  });

  it('THUI8, THUI12, THUI13: at 360×740 the participant sees “Now” with the open poll’s “Vote now” first; big upvote targets; finished things folded', async () => {
    const page = await openPage(browser, `${server.url}/s/${created.session.id}#token=${amal.token}`, { viewport: PHONE, isMobile: true, hasTouch: true });
    const now = page.getByTestId('now-card');
    await now.waitFor();
    // The item under way is the first heading on the page.
    await expect.poll(() => page.locator('main h2').first().innerText()).toBe('Now: Welcome');
    await expect.poll(() => now.innerText()).toContain('A poll is open: Which district first?');
    const vote = now.getByRole('link', { name: 'Vote now' });
    expect(await vote.isVisible()).toBe(true);
    expect((await vote.boundingBox())!.height).toBeGreaterThanOrEqual(44);

    // Closed polls and answered questions are folded, with their count.
    const closed = page.locator('details.closed-polls');
    expect(await closed.getAttribute('open')).toBeNull();
    expect(await closed.locator('> summary').innerText()).toBe('Closed polls (1)');
    const answered = page.locator('details.answered-questions');
    expect(await answered.getAttribute('open')).toBeNull();
    expect(await answered.locator('> summary').innerText()).toMatch(/\(1\)/);

    // Every upvote target is at least 24 px (44 px aimed at); "you voted" is said in words too.
    const upvotes = page.locator('.question-item button.vote');
    await expect.poll(() => upvotes.count()).toBe(3);
    for (const button of await upvotes.all()) {
      const box = (await button.boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
    }
    const pipes = page.locator('.question-item').filter({ hasText: 'Who maintains the pipes?' });
    await pipes.getByRole('button', { name: 'Upvote' }).click();
    await expect.poll(() => pipes.getByRole('button', { name: 'Upvote' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => pipes.locator('.you-voted').innerText()).toContain('You voted');
    expect(await pipes.locator('.vote-count').innerText()).toBe('Votes: 1');

    expect(await overflow(page), 'no horizontal scroll at 360 px').toBeLessThanOrEqual(0);
    await expectAccessible(page, 'Town Hall participant on a phone');
    await shot(page, 'th-participant-phone-en');

    // "Vote now" takes them to the poll, focus on its first answer; once answered the step moves on.
    await vote.click();
    const card = page.locator(`#poll-card-${ids.draft}`);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('radio');
    await card.getByLabel('South').check();
    await card.getByRole('button', { name: 'Send my answer' }).click();
    await expect.poll(() => now.innerText()).toContain('Questions are open');
    await expect.poll(() => now.getByRole('link').innerText()).toBe('Ask a question');

    // In Arabic, right to left: still nothing sideways.
    await page.getByLabel('Language').selectOption('ar');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => page.locator('main h2').first().innerText()).toBe('الآن: Welcome');
    expect(await overflow(page), 'no horizontal scroll at 360 px in Arabic').toBeLessThanOrEqual(0);
    await expectAccessible(page, 'Town Hall participant on a phone, Arabic');
    await shot(page, 'th-participant-phone-ar');
    await page.context().close();
  });
});
