import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QuestionItem } from '../../shared/src/protocol/index.js';
import { createSession, join, type Created, type Joined } from '../helpers/api.js';
import { expectAccessible, browserSuite, missingChromium, openPage, shot } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { command, connect, nextEvent, type ClientSocket } from '../helpers/socket.js';
import { within } from '../helpers/wait.js';

const missing = missingChromium();

// A participant takes part in a Town Hall from the browser: asks (pre-moderated), upvotes,
// raises a hand and gets the floor, answers a poll, reads captions and follows the agenda.
// The moderator's side is driven over Socket.IO here; its own screens have their own test.
describe.skipIf(missing !== null)('a Town Hall from a participant’s browser', () => {
  let server: TestServer;
  let browser: Browser;
  let created: Created;
  let amal: Joined;
  let moderator: ClientSocket;
  let page: Page;
  let projector: Page;

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    created = await createSession(server.url, { title: 'Town Hall on the budget', format: 'townhall', attribution: 'named' });
    moderator = (await connect(server.url, created.facilitatorToken)).socket;
    expect(await command(moderator, 'townhall:configure', { moderation: 'pre' })).toMatchObject({ ok: true });
    amal = await join(server.url, created.session.joinCode, { displayName: 'Amal', mode: 'remote', stakeholderGroup: 'civil-society' });
    page = await openPage(browser, `${server.url}/s/${created.session.id}#token=${amal.token}`);
    projector = await openPage(browser, created.links.projector);
  }, 60_000);

  it('asks a question that waits for approval, then shows for everyone', async () => {
    const arrived = within(
      nextEvent(moderator, 'qa:question', (q) => q.text === 'Will the budget be published as open data?'),
      'the question at the moderator',
    );
    await page.getByLabel('Your question').fill('Will the budget be published as open data?');
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await expect.poll(() => page.locator('.question-mine').innerText()).toContain('Waiting for a moderator.');
    const [question] = await arrived;
    expect(question.status).toBe('pending');
    expect(await command(moderator, 'qa:approve', { questionId: question.id })).toMatchObject({ ok: true });
    await expect.poll(() => page.locator('.question-item').filter({ hasText: 'open data' }).innerText()).toContain('your question');
    expect(await page.locator('.question-mine').count()).toBe(0);
  });

  it('upvotes someone else’s question once; the vote survives a reload', async () => {
    const bo = await join(server.url, created.session.joinCode, { displayName: 'Bo', mode: 'in-room' });
    const boSocket = (await connect(server.url, bo.token)).socket;
    const asked = await command(boSocket, 'qa:ask', { text: 'How are priorities chosen?' });
    expect(asked.ok).toBe(true);
    const id = (asked as { question: QuestionItem }).question.id;
    expect(await command(moderator, 'qa:approve', { questionId: id })).toMatchObject({ ok: true });
    const item = page.locator('.question-item').filter({ hasText: 'How are priorities chosen?' });
    await item.getByRole('button', { name: /Upvote/ }).click();
    await expect.poll(() => item.getByRole('button', { name: /Upvote/ }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => item.innerText()).toContain('Votes: 1');
    await page.reload();
    await expect
      .poll(() =>
        page
          .locator('.question-item')
          .filter({ hasText: 'How are priorities chosen?' })
          .getByRole('button', { name: /Upvote/ })
          .getAttribute('aria-pressed'),
      )
      .toBe('true');

    expect(await command(moderator, 'qa:pin', { questionId: id })).toMatchObject({ ok: true });
    await expect.poll(() => page.locator('.question-pinned').innerText()).toContain('Now answering');
    await expect.poll(() => projector.locator('.projector-pinned').innerText()).toContain('How are priorities chosen?');
  });

  it('raises a hand, is told “you are next”, then has the floor with a countdown everyone sees', async () => {
    await page.getByLabel('Topic (optional)').fill('Local budgets');
    await page.getByRole('button', { name: 'Raise my hand' }).click();
    await expect.poll(() => page.getByTestId('hand-status').innerText()).toBe('You are next. Get ready to speak.');
    expect(await command(moderator, 'hand:give-floor', {})).toMatchObject({ ok: true });
    await expect.poll(() => page.getByTestId('hand-status').innerText()).toBe('You have the floor. Please speak now.');
    await expect.poll(() => page.locator('.floor-speaker').innerText()).toContain('Amal (Civil society)');
    await expect.poll(() => projector.locator('.floor-topic').innerText()).toBe('Local budgets');
    await expect.poll(() => page.locator('.floor-card').getByTestId('countdown').innerText()).toMatch(/^(2:00|1:5\d)$/);
  });

  it('answers a poll and sees the results; reads captions; follows the agenda', async () => {
    const created_ = await command(moderator, 'poll:create', { kind: 'single', question: 'Which area first?', options: ['Schools', 'Transport', 'Health'] });
    expect(created_.ok).toBe(true);
    const pollId = (created_ as { poll: { poll: { id: string } } }).poll.poll.id;
    expect(await command(moderator, 'poll:open', { pollId })).toMatchObject({ ok: true });
    expect(await command(moderator, 'poll:results-visible', { pollId, visible: true })).toMatchObject({ ok: true });
    const card = page.locator('.poll-card').filter({ hasText: 'Which area first?' });
    await card.getByLabel('Transport').check();
    await card.getByRole('button', { name: 'Send my answer' }).click();
    await expect.poll(() => card.locator('.poll-ballots').innerText()).toBe('Answers: 1');
    await expect.poll(() => card.locator('.poll-bars tr').filter({ hasText: 'Transport' }).innerText()).toMatch(/Transport\s+1\s+100\s?%/);

    expect(await command(moderator, 'caption:add', { text: 'Welcome to the Town Hall.' })).toMatchObject({ ok: true });
    await page.getByLabel('Show captions').check();
    await expect.poll(() => page.locator('.caption-log').innerText()).toContain('Welcome to the Town Hall.');

    expect(await command(moderator, 'agenda:add', { title: 'Opening remarks', durationMinutes: 10 })).toMatchObject({ ok: true });
    expect(await command(moderator, 'agenda:next', {})).toMatchObject({ ok: true });
    await expect.poll(() => page.locator('.agenda-current').innerText()).toBe('Now: Opening remarks');
    await expect.poll(() => projector.locator('.agenda-current').innerText()).toBe('Now: Opening remarks');
    await shot(page, 'townhall-participant');
    await shot(projector, 'townhall-projector');
    await expectAccessible(page, 'Town Hall participant view');
    await expectAccessible(projector, 'Town Hall projector');
  });
});
