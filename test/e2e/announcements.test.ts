import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SeatingPlan } from '../../shared/src/index.js';
import type { QuestionItem } from '../../shared/src/protocol/index.js';
import { createSession, http, join, type Created, type Joined } from '../helpers/api.js';
import { browserSuite, missingChromium, openPage } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { command, connect, type ClientSocket } from '../helpers/socket.js';

const missing = missingChromium();

/** What the accessibility tree says of the focused element (`- button "Send my answer"`), or `body`. */
async function focused(page: Page): Promise<string> {
  const onBody = await page.evaluate(() => document.activeElement === null || document.activeElement === document.body);
  if (onBody) return 'body';
  return page.locator('*:focus').first().ariaSnapshot();
}

/** Focus is on an element with an accessible name, never on <body> (A11Y30). */
async function expectNamedFocus(page: Page, step: string): Promise<string> {
  const said = await focused(page);
  expect(said, `focus after ${step}`).not.toBe('body');
  expect(said.split('\n')[0], `focus after ${step} has a name`).toMatch(/^- \w+ "[^"]+"/);
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

const announcer = (page: Page) => page.getByTestId('announcer');

describe.skipIf(missing !== null)('announcements, named timers and focus, from the accessibility tree', () => {
  let server: TestServer;
  let browser: Browser;

  browserSuite((started) => ({ server, browser } = started));

  describe('in a Town Hall', () => {
    let created: Created;
    let moderator: ClientSocket;
    let amal: Joined;
    let page: Page;
    let bo: ClientSocket;

    beforeAll(async () => {
      created = await createSession(server.url, { title: 'Town Hall on transport', format: 'townhall', attribution: 'named' });
      moderator = (await connect(server.url, created.facilitatorToken)).socket;
      expect(await command(moderator, 'townhall:configure', { moderation: 'post' })).toMatchObject({ ok: true });
      amal = await join(server.url, created.session.joinCode, { displayName: 'Amal', mode: 'in-room', stakeholderGroup: 'civil-society' });
      bo = (await connect(server.url, (await join(server.url, created.session.joinCode, { displayName: 'Bo', mode: 'remote' })).token)).socket;
      page = await openPage(browser, `${server.url}/s/${created.session.id}#token=${amal.token}`);
    }, 60_000);

    it('A11Y1 A11Y2 the live regions are in the tree, empty, before any message; the hand status is not an alert', async () => {
      await expect.poll(() => page.getByTestId('hand-status').innerText()).toBe('Your hand is down.');
      // The view's announcer: an empty status, in the tree (not display:none) before its first message.
      expect(await announcer(page).ariaSnapshot()).toBe('- status');
      // The hand form's outcome regions (an alert for a refusal, a status for a success), empty.
      const hand = page.locator('section.hand-control');
      expect(await hand.getByRole('alert').count()).toBe(1);
      expect(await hand.getByRole('status').count()).toBe(1);
      expect(await hand.getByRole('alert').innerText()).toBe('');
      // "Your hand is down." is shown, but no live region carries it: it is not read on every load (A11Y12).
      expect(await page.getByRole('alert').filter({ hasText: 'Your hand is down.' }).count()).toBe(0);
      expect(await page.getByRole('status').filter({ hasText: 'Your hand is down.' }).count()).toBe(0);
      const tree = await page.locator('main').ariaSnapshot();
      expect(tree).toMatch(/- status\n/);
      expect(tree).toMatch(/- alert\n/);
    });

    it('A11Y11 a poll that opens is announced; so is being given the floor', async () => {
      const made = await command(moderator, 'poll:create', { kind: 'single', question: 'Which line first?', options: ['Tram', 'Bus'] });
      const pollId = (made as { poll: { poll: { id: string } } }).poll.poll.id;
      expect(await command(moderator, 'poll:open', { pollId })).toMatchObject({ ok: true });
      await expect.poll(() => announcer(page).innerText()).toContain('A poll is open: Which line first?');

      expect(await command(moderator, 'townhall:configure', { interventionSeconds: 122 })).toMatchObject({ ok: true });
      await page.getByLabel('Topic (optional)').fill('Night buses');
      await page.getByRole('button', { name: 'Raise my hand' }).click();
      await expect.poll(() => announcer(page).innerText()).toContain('You are next. Get ready to speak.');
      expect(await command(moderator, 'hand:give-floor', {})).toMatchObject({ ok: true });
      await expect.poll(() => announcer(page).innerText()).toContain('You have the floor. Please speak now.');
    });

    it('A11Y10 A11Y13 the participant’s setting changes what is announced, and is kept on this device', async () => {
      const ask = async (text: string) => {
        const asked = await command(bo, 'qa:ask', { text });
        expect(asked.ok).toBe(true);
        return (asked as { question: QuestionItem }).question;
      };
      // The default, "what I must act on": others' questions are not said.
      await page.getByText('Screen reader announcements').click();
      expect(await page.getByRole('radio', { name: 'What I must act on' }).isChecked()).toBe(true);
      await ask('Will trams run at night?');
      await expect.poll(() => page.locator('.question-item').filter({ hasText: 'Will trams run at night?' }).count()).toBe(1);
      expect(await announcer(page).innerText()).not.toContain('New question');

      await page.getByRole('radio', { name: 'Everything' }).check();
      await ask('Where will the depot be?');
      await expect.poll(() => announcer(page).innerText()).toContain('New question: Where will the depot be?');

      // "Only what is addressed to me": a poll opening is not said.
      await page.getByRole('radio', { name: 'Only what is addressed to me' }).check();
      const made = await command(moderator, 'poll:create', { kind: 'single', question: 'Fares or frequency?', options: ['Fares', 'Frequency'] });
      expect(await command(moderator, 'poll:open', { pollId: (made as { poll: { poll: { id: string } } }).poll.poll.id })).toMatchObject({ ok: true });
      await expect.poll(() => page.locator('.poll-card').filter({ hasText: 'Fares or frequency?' }).count()).toBe(1);
      expect(await announcer(page).innerText()).not.toContain('Fares or frequency?');

      await page.reload();
      await page.getByText('Screen reader announcements').click();
      await expect.poll(() => page.getByRole('radio', { name: 'Only what is addressed to me' }).isChecked()).toBe(true);
      expect(await page.getByRole('group', { name: 'What should be announced as it happens?' }).count()).toBe(1);
      // Back to the default for the rest of the run.
      await page.getByRole('radio', { name: 'What I must act on' }).check();
    });

    it('A11Y20 A11Y21 A11Y30 a keyboard-only participant joins, votes, asks and raises a hand; focus is always on a named element', async () => {
      const kai = await (await browser.newContext()).newPage();
      kai.setDefaultTimeout(15_000);
      await kai.goto(`${server.url}/join/${created.session.joinCode}`);
      await expect.poll(() => kai.locator('h1').innerText()).toContain('Town Hall on transport');
      await tabTo(kai, /textbox "Display name/, 'the name field');
      await kai.keyboard.type('Kai');
      await tabTo(kai, /combobox/, 'the group');
      await kai.keyboard.press('ArrowDown');
      await expectNamedFocus(kai, 'choosing a group');
      await tabTo(kai, /radio/, 'the place');
      await kai.keyboard.press('Space');
      await expectNamedFocus(kai, 'choosing a place');
      await tabTo(kai, /button "Join/, 'the join button');
      await kai.keyboard.press('Enter');

      // A11Y20: the route changed: focus is on the new view's heading, and the view is announced.
      await expect.poll(() => focused(kai)).toMatch(/^- heading "Town Hall on transport" \[level=1\]/);
      await expect.poll(() => kai.getByTestId('route-announcer').innerText()).toBe('Now showing: Town Hall on transport');

      // Vote: the "Vote now" link takes focus to the open poll's first choice.
      await tabTo(kai, /link "Vote now"/, 'Vote now');
      await kai.keyboard.press('Enter');
      await expect.poll(() => focused(kai)).toMatch(/^- radio "/);
      await kai.keyboard.press('Space');
      await expectNamedFocus(kai, 'choosing an answer');
      await tabTo(kai, /button "Send my answer"/, 'Send my answer');
      await kai.keyboard.press('Enter');
      await expect.poll(() => focused(kai)).toMatch(/^- button "Change my answer"/);

      // Ask.
      await tabTo(kai, /textbox "Your question"/, 'the question field');
      await kai.keyboard.type('Can bikes go on trams?');
      await tabTo(kai, /button "Ask"/, 'Ask');
      await kai.keyboard.press('Enter');
      await expect.poll(() => kai.locator('.question-item').filter({ hasText: 'Can bikes go on trams?' }).count()).toBe(1);
      await expectNamedFocus(kai, 'asking');

      // Raise a hand (above, before the polls): back to the topic field; Enter sends its form.
      await tabTo(kai, /textbox "Topic \(optional\)"/, 'the topic field', { back: true });
      await kai.keyboard.type('Cycling');
      await kai.keyboard.press('Enter');
      await expect.poll(() => kai.getByTestId('hand-status').innerText()).toMatch(/queue|next/);
      await expectNamedFocus(kai, 'raising the hand');
    });

    it('A11Y5 A11Y6 A11Y7 the timers are named, and say which timer in the Town Hall’s words', async () => {
      const speaker = page.getByRole('timer', { name: /^Time left for the speaker: \d+:\d\d$/ });
      await expect.poll(() => speaker.count()).toBe(1);
      const floorCard = page.locator('section.floor-card');
      // 2:02 of speaking time, given in an earlier test (a timer warns only when longer than two minutes): one minute is left 62 s after.
      await expect.poll(() => floorCard.getByRole('status').innerText(), { timeout: 90_000 }).toBe('One minute left for the speaker.');
      expect(await command(moderator, 'hand:pause-floor', {})).toMatchObject({ ok: true });
      await expect.poll(() => floorCard.getByRole('status').innerText()).toBe('The speaker’s time is paused.');
      expect(await page.getByText('The round is paused.').count()).toBe(0);

      expect(await command(moderator, 'agenda:add', { title: 'Bus lanes', durationMinutes: 10 })).toMatchObject({ ok: true });
      expect(await command(moderator, 'agenda:next', {})).toMatchObject({ ok: true });
      const agenda = page.getByRole('timer', { name: /^Time left for this agenda item: \d+:\d\d$/ });
      await expect.poll(() => agenda.count()).toBe(1);
      expect(await command(moderator, 'agenda:pause', {})).toMatchObject({ ok: true });
      await expect.poll(() => page.getByTestId('now-card').getByRole('status').innerText()).toBe('The time for this agenda item is paused.');
      expect(await page.getByTestId('now-card').ariaSnapshot()).toMatch(/timer "Time left for this agenda item: \d+:\d\d"/);
      expect(await command(moderator, 'hand:end-floor', {})).toMatchObject({ ok: true });
    }, 120_000);

    it('A11Y20 A11Y22 following a link in the header moves focus to the new view’s heading, not <body>', async () => {
      await page.getByRole('link', { name: 'Open Talks home' }).click();
      await expect.poll(() => focused(page)).toMatch(/^- heading "[^"]+" \[level=1\]/);
      await expect.poll(() => page.getByTestId('route-announcer').innerText()).toMatch(/^Now showing: /);
      // Changing the language is not a change of view: focus stays on the language picker.
      const picker = page.locator('header select:has(option[value="zh"])'); // the language picker, whatever its label says
      await picker.focus();
      await picker.selectOption('fr');
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fr');
      await page.waitForTimeout(500);
      expect(await picker.evaluate((el) => el === document.activeElement)).toBe(true);
      await picker.selectOption('en');
    });
  });

  describe('in a World Café', () => {
    it('A11Y1 A11Y8 A11Y14 the announcer is there before its message; the round timer is named; a changed table is said', async () => {
      const created = await createSession(server.url, { title: 'Café on parks', format: 'cafe', attribution: 'named' });
      const f = { token: created.facilitatorToken };
      const base = `/api/sessions/${created.session.id}/cafe`;
      const code = created.session.joinCode;
      const lea = await join(server.url, code, { displayName: 'Lea', mode: 'in-room', stakeholderGroup: 'academia' });
      for (let i = 0; i < 3; i++) await join(server.url, code, { displayName: `Guest ${i}`, mode: 'in-room' });
      const tables = [
        { label: 'Oak', kind: 'in-room', capacity: 4 },
        { label: 'Elm', kind: 'in-room', capacity: 4 },
      ];
      expect((await http(server.url, 'PUT', `${base}/tables`, { ...f, body: { tables } })).status).toBe(200);
      const rounds = [
        { question: 'What do parks need?', durationMinutes: 10 },
        { question: 'Who looks after them?', durationMinutes: 10 },
      ];
      expect((await http(server.url, 'PUT', `${base}/rounds`, { ...f, body: { rounds } })).status).toBe(200);
      const facilitator = (await connect(server.url, created.facilitatorToken)).socket;
      // A plan in which Lea changes table for round 2 (the planner mixes tables; a seed that does is found).
      const tableOf = (plan: SeatingPlan, round: number) => Object.entries(plan.rounds[round - 1]!).find(([, ids]) => ids.includes(lea.participant.id))![0];
      let moves = false;
      for (let seed = 1; seed < 40 && !moves; seed++) {
        expect(await command(facilitator, 'cafe:plan', { seed })).toMatchObject({ ok: true });
        const plan = (await http(server.url, 'GET', base, f)).body.cafe.plan.plan as SeatingPlan;
        moves = tableOf(plan, 1) !== tableOf(plan, 2);
      }
      expect(moves).toBe(true);

      const page = await openPage(browser, `${server.url}/s/${created.session.id}#token=${lea.token}`);
      await expect.poll(() => page.getByTestId('cafe-card').innerText()).toContain('The café has not started yet.');
      expect(await announcer(page).ariaSnapshot()).toBe('- status');
      // The café heading is no live region of its own: its changes go through the announcer.
      expect(await page.locator('#cafe-card-heading').getAttribute('aria-live')).toBeNull();

      expect((await command(facilitator, 'cafe:start-round', {})).ok).toBe(true);
      await expect.poll(() => announcer(page).innerText()).toMatch(/Round 1 of 2 — go to table/);
      await expect.poll(() => page.getByRole('timer', { name: /^Time left in this round: \d+:\d\d$/ }).count()).toBe(1);
      expect((await command(facilitator, 'cafe:pause-round', {})).ok).toBe(true);
      await expect.poll(() => page.locator('.countdown').getByRole('status').innerText()).toBe('The round is paused.');
      expect((await command(facilitator, 'cafe:resume-round', {})).ok).toBe(true);

      // Lea goes to another table in round 2: when round 1 ends, her next table is said.
      expect((await command(facilitator, 'cafe:end-round', {})).ok).toBe(true);
      await expect.poll(() => announcer(page).innerText()).toMatch(/Next: Round 2 of 2 — you move to table/);
    });
  });
});
