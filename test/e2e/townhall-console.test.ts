import type { Browser, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, join, type Created, type Joined } from '../helpers/api.js';
import { expectAccessible, browserSuite, missingChromium, openPage, shot } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { command, connect, nextEvent, type ClientSocket } from '../helpers/socket.js';

const missing = missingChromium();

// The staff side of a Town Hall (issue 5): the facilitator and a moderator run Q&A, the speaker
// queue, a poll and the agenda from the console; a captioner (reading Arabic) sees only captions.
// Participants are real socket.io clients.
describe.skipIf(missing !== null)('running a Town Hall from the console', () => {
  let server: TestServer;
  let browser: Browser;
  let created: Created;
  const people: Record<'amina' | 'bo' | 'chen' | 'dee', { joined: Joined; socket: ClientSocket }> = {} as never;
  let facilitator: Page;
  let moderator: Page;
  let captioner: Page;
  const questionIds: Record<string, string> = {};

  async function open(url: string, lang?: string): Promise<Page> {
    return openPage(browser, url, { ...(lang && { locale: lang }) });
  }
  const consoleUrl = (token: string) => `${server.url}/s/${created.session.id}/console#token=${token}`;
  const question = (page: Page, id: string): Locator => page.locator(`li[data-question="${id}"]`);
  const ask = async (who: keyof typeof people, text: string) => {
    const ack = await command(people[who].socket, 'qa:ask', { text });
    if (!ack.ok) throw new Error(ack.error.message);
    questionIds[text] = ack.question.id;
    return ack.question.id;
  };

  /** Opens a phase of the facilitator's console by its tab (CONSOLE4). */
  const phase = async (page: Page, name: 'Prepare' | 'Run') => {
    await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
    await expect.poll(() => page.locator('[role=tab][aria-selected=true][id^="console-phase-tab"]').innerText()).toMatch(new RegExp(name));
  };

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    created = await createSession(server.url, { title: 'Town Hall on open data', format: 'townhall', attribution: 'named', languages: ['en', 'ar'] });
    const code = created.session.joinCode;
    const joinAs = async (displayName: string, mode: 'in-room' | 'remote', stakeholderGroup: Joined['participant']['stakeholderGroup']) => {
      const joined = await join(server.url, code, { displayName, mode, stakeholderGroup });
      return { joined, socket: (await connect(server.url, joined.token)).socket };
    };
    people.amina = await joinAs('Amina', 'in-room', 'government');
    people.bo = await joinAs('Bo', 'remote', 'academia');
    people.chen = await joinAs('Chen', 'remote', 'civil-society');
    people.dee = await joinAs('Dee', 'in-room', 'private-sector');
    const mo = await join(server.url, code, { displayName: 'Mo', mode: 'in-room', stakeholderGroup: 'other' });
    const cap = await join(server.url, code, { displayName: 'Cai', mode: 'in-room', stakeholderGroup: 'other', language: 'ar' });
    const { socket: staff } = await connect(server.url, created.facilitatorToken);
    expect((await command(staff, 'participant:set-role', { participantId: mo.participant.id, role: 'moderator' })).ok).toBe(true);
    expect((await command(staff, 'participant:set-role', { participantId: cap.participant.id, role: 'captioner' })).ok).toBe(true);

    facilitator = await open(created.links.console);
    await facilitator.waitForURL(/\/console$/);
    moderator = await open(consoleUrl(mo.token));
    captioner = await open(consoleUrl(cap.token), 'ar');
  }, 60_000);

  it('each role sees its panels: the captioner only captions, in Arabic, right to left', async () => {
    // The facilitator's console is by phase (CONSOLE2, THUI10): the live panels in Run, the set-up in Prepare.
    await phase(facilitator, 'Run');
    for (const heading of ['Speaker queue', 'Questions', 'Polls', 'Live captions']) {
      await expect.poll(() => facilitator.getByRole('heading', { level: 2, name: new RegExp(`^${heading}`) }).count(), { message: heading }).toBe(1);
    }
    await phase(facilitator, 'Prepare');
    for (const heading of ['Polls', 'Agenda', 'Town Hall settings']) {
      await expect.poll(() => facilitator.getByRole('heading', { level: 2, name: new RegExp(`^${heading}`) }).count(), { message: heading }).toBe(1);
    }
    await expect.poll(() => moderator.getByRole('heading', { level: 1 }).innerText()).toContain('Town Hall console (Moderator)');
    for (const heading of ['Speaker queue', 'Questions', 'Polls', 'Live captions']) {
      await expect.poll(() => moderator.getByRole('heading', { level: 2, name: new RegExp(`^${heading}`) }).count(), { message: heading }).toBe(1);
    }
    expect(await moderator.getByRole('heading', { name: 'Agenda', exact: true }).count()).toBe(0);
    expect(await moderator.getByRole('heading', { name: 'Town Hall settings', exact: true }).count()).toBe(0);

    await expect.poll(() => captioner.locator('html').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => captioner.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['الترجمة النصية المباشرة']);
  });

  it('the facilitator switches to pre-moderation', async () => {
    await facilitator.getByLabel('Pre-moderated: questions wait for approval').check();
    await facilitator.getByLabel('Speaking time per intervention (seconds)').fill('90');
    await facilitator.locator('.th-settings').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => facilitator.locator('.th-settings [role=status]').innerText()).toBe('Settings saved.');
    await expect.poll(() => moderator.locator('.th-qa .hint').innerText()).toMatch(/^Pre-moderated/);
    await expect.poll(() => moderator.locator('.th-queue .hint').first().innerText()).toContain('1:30');
  });

  it('Q&A: questions wait; the moderator approves, merges a duplicate (votes add up), hides one with a reason, pins one', async () => {
    const data = await ask('amina', 'How will personal data be protected?');
    await ask('bo', 'Who pays for the open data portal?');
    const duplicate = await ask('chen', 'How is personal data protected?');
    const spam = await ask('dee', 'Buy my product!!!');
    await expect.poll(() => moderator.getByTestId('qa-pending-count').innerText()).toBe('(4 waiting for approval)');
    await expect.poll(() => moderator.locator('.th-qa [role=status].visually-hidden').innerText()).not.toBe('');
    // Anonymous questions are not allowed in a named session; the author shows with the group.
    await expect.poll(() => question(moderator, data).innerText()).toContain('Amina (Government)');

    await question(moderator, data).getByRole('button', { name: 'Approve' }).click();
    await question(moderator, duplicate).getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => moderator.getByTestId('qa-pending-count').innerText()).toBe('(2 waiting for approval)');
    await phase(facilitator, 'Run');
    await expect.poll(() => question(facilitator, data).locator('.th-badge').innerText()).toBe('Shown');

    // Bo votes for both; Chen for Amina's; Dee for Chen's. Merged: Bo, Chen and Dee, once each.
    for (const [who, id] of [
      ['bo', data],
      ['bo', duplicate],
      ['chen', data],
      ['dee', duplicate],
    ] as const) {
      const ack = await command(people[who].socket, 'qa:vote', { questionId: id, up: true });
      expect(ack.ok, `${who} votes`).toBe(true);
    }
    await expect.poll(() => question(moderator, data).locator('.th-votes').innerText()).toBe('2 votes');
    await expect.poll(() => question(moderator, duplicate).locator('.th-votes').innerText()).toBe('2 votes');

    await question(moderator, duplicate).getByRole('button', { name: 'Merge into another…' }).click();
    await question(moderator, duplicate).getByLabel('Merge this duplicate into').selectOption(data);
    await question(moderator, duplicate).getByRole('button', { name: 'Merge', exact: true }).click();
    await expect.poll(() => question(moderator, data).locator('.th-votes').innerText()).toBe('3 votes');
    await expect.poll(() => question(moderator, duplicate).innerText()).toContain('Merged into: How will personal data be protected?');
    await expect.poll(() => moderator.locator('.th-qa [role=status]:not(.visually-hidden)').innerText()).toBe('Merged into: How will personal data be protected?');

    const toldDee = nextEvent(people.dee.socket, 'qa:question', (q) => q.id === spam && q.status === 'hidden');
    await question(moderator, spam).getByRole('button', { name: 'Hide' }).click();
    await question(moderator, spam).getByLabel('Reason shown to the author (optional)').fill('Advertising is off topic');
    await question(moderator, spam).getByRole('button', { name: 'Hide' }).click();
    const [seenByDee] = await toldDee;
    expect(seenByDee.hiddenReason).toBe('Advertising is off topic');
    await expect.poll(() => question(moderator, spam).innerText()).toContain('Reason given to the author: Advertising is off topic');

    await question(moderator, data).getByRole('button', { name: 'Pin as now answering' }).click();
    await expect.poll(() => facilitator.getByTestId('qa-pinned').innerText()).toContain('How will personal data be protected?');
    await expect.poll(() => moderator.getByTestId('qa-pending-count').innerText()).toBe('(1 waiting for approval)');
    await shot(moderator, 'th-console-moderator-qa');
    await expectAccessible(moderator, 'moderator console with questions');
  });

  it('speaker queue: raised hands appear with mode and group; the moderator reorders and gives the floor with a countdown', async () => {
    expect((await command(people.bo.socket, 'hand:raise', { topic: 'Funding' })).ok).toBe(true);
    expect((await command(people.dee.socket, 'hand:raise', {})).ok).toBe(true);
    const rows = moderator.getByTestId('queue-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(() => rows.nth(0).innerText()).toMatch(/Bo\s+Academia\s+Remote\s+Funding/);
    await expect.poll(() => rows.nth(1).innerText()).toMatch(/Dee\s+Private sector\s+In the room\s+No topic/);

    await moderator.getByRole('button', { name: 'Move Dee (Private sector) up' }).click();
    await expect.poll(() => rows.nth(0).innerText()).toContain('Dee');

    const toldDee = nextEvent(people.dee.socket, 'hand:you', (you) => you.hasFloor);
    await moderator.getByRole('button', { name: 'Give the floor to the next: Dee (Private sector)' }).click();
    await toldDee;
    await expect.poll(() => facilitator.getByTestId('floor').innerText()).toContain('Dee (Private sector) has the floor');
    await expect.poll(() => moderator.locator('.th-queue').getByTestId('countdown').innerText()).toMatch(/^1:(30|2\d)$/);
    await moderator.locator('.th-queue').getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => facilitator.locator('.th-queue .countdown-state').innerText()).toBe('Paused');
    await moderator.getByRole('button', { name: 'Give 30 seconds more' }).click();
    await expect.poll(() => moderator.locator('.th-queue').getByTestId('countdown').innerText()).toMatch(/^(2:00|1:5\d)$/);
    await moderator.locator('.th-queue').getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => moderator.locator('.th-queue .countdown-state').count()).toBe(0);

    await moderator.getByRole('button', { name: 'Give the floor to Bo (Academia)' }).click();
    await expect.poll(() => moderator.getByTestId('floor').innerText()).toContain('Bo (Academia) has the floor');
    await expect.poll(() => moderator.getByTestId('floor').innerText()).toContain('Topic: Funding');
    await expect.poll(() => rows.count()).toBe(0);
    await shot(facilitator, 'th-console-facilitator-floor');
    await moderator.getByRole('button', { name: 'End the intervention' }).click();
    await expect.poll(() => moderator.getByTestId('floor').innerText()).toBe('Nobody has the floor.');
  });

  it('a poll is prepared, opened, answered by participants and its results shown by group', async () => {
    const polls = moderator.locator('.th-polls');
    await polls.getByText('Prepare a new poll').click();
    await polls.getByLabel('Question').fill('Which comes first?');
    await polls.getByRole('textbox', { name: 'Option 1' }).fill('Privacy');
    await polls.getByRole('textbox', { name: 'Option 2' }).fill('Access');
    await polls.getByRole('button', { name: 'Add an option' }).click();
    await polls.getByRole('textbox', { name: 'Option 3' }).fill('Cost');
    await polls.getByRole('button', { name: 'Create the poll as a draft' }).click();
    const poll = polls.locator('li.th-poll').filter({ hasText: 'Which comes first?' });
    await expect.poll(() => poll.locator('.th-meta').innerText()).toContain('Draft');
    const pollId = (await poll.getAttribute('data-poll'))!;
    // The "new poll" fold stays open after a poll is created, ready for the next one.
    expect(await polls.locator('details.th-new-poll').getAttribute('open')).not.toBeNull();

    await poll.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => poll.locator('.th-meta').innerText()).toContain('Open for answers');
    for (const [who, choice] of [
      ['amina', 'o1'],
      ['bo', 'o2'],
      ['chen', 'o1'],
    ] as const) {
      const ack = await command(people[who].socket, 'poll:vote', { pollId, choice });
      expect(ack.ok, `${who} answers`).toBe(true);
    }
    const privacy = () => poll.getByTestId('poll-results').locator('tr').filter({ hasText: 'Privacy' }).innerText();
    await expect.poll(privacy).toMatch(/Privacy\s+2\s+67\s?%/);
    await poll.getByTestId('poll-results').locator('select').selectOption('government');
    await expect.poll(privacy).toMatch(/Privacy\s+1\s+100\s?%/);

    const toldAmina = nextEvent(people.amina.socket, 'poll:changed', (p) => p.id === pollId && p.resultsVisible);
    await poll.getByRole('button', { name: 'Show results to participants' }).click();
    await toldAmina;
    await expect.poll(() => poll.locator('.th-meta').innerText()).toContain('On the projector'); // opening projects it
    await poll.getByRole('button', { name: 'Take off the projector' }).click();
    await expect.poll(() => poll.locator('.th-meta').innerText()).not.toContain('On the projector');
    await poll.getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => poll.locator('.th-meta').innerText()).toContain('Closed');
    await shot(moderator, 'th-console-moderator-poll');

    // POLL12: a draft made by mistake is deleted after a confirmation; the other staff see it go.
    // Under a loaded machine a click of this test sometimes lands beside its target while the page
    // re-renders from live events, closing the fold (its intent is checked above, right after the
    // poll is created): open it again if so.
    const fold = polls.locator('details.th-new-poll');
    if ((await fold.getAttribute('open')) === null) await polls.getByText('Prepare a new poll').click();
    await polls.getByLabel('Question').fill('Scratch poll');
    await polls.getByRole('textbox', { name: 'Option 1' }).fill('Yes');
    await polls.getByRole('textbox', { name: 'Option 2' }).fill('No');
    await polls.getByRole('button', { name: 'Create the poll as a draft' }).click();
    const scratch = (page: Page) => page.locator('.th-polls li.th-poll').filter({ hasText: 'Scratch poll' });
    await expect.poll(() => scratch(facilitator).count()).toBe(1);
    await scratch(moderator).getByRole('button', { name: 'Delete draft' }).click();
    await moderator.getByRole('dialog').getByRole('button', { name: 'Delete draft', exact: true }).click();
    await expect.poll(() => scratch(moderator).count()).toBe(0);
    await expect.poll(() => scratch(facilitator).count()).toBe(0);
    await expect.poll(() => poll.count()).toBe(1);
  });

  it('the captioner sends a line with Enter and pastes a feed; participants receive them', async () => {
    const box = captioner.getByLabel('سطر الترجمة');
    const oneLine = nextEvent(people.amina.socket, 'caption:lines', (lines) => lines.some((l) => l.text === 'Welcome, everyone'));
    await box.fill('Welcome, everyone');
    await box.press('Enter');
    await oneLine;
    await expect.poll(() => captioner.getByTestId('caption-lines').innerText()).toContain('Welcome, everyone');
    await expect.poll(() => box.inputValue()).toBe('');

    await captioner.getByLabel('لصق تدفق نصي').check();
    const feed = nextEvent(people.bo.socket, 'caption:lines', (lines) => lines.some((l) => l.text === 'Second line of the feed'));
    await captioner.getByLabel('تدفق الترجمة').fill('First line of the feed\n\nSecond line of the feed');
    await captioner.getByRole('button', { name: 'إرسال كل الأسطر' }).click();
    await feed;
    await expect.poll(() => captioner.getByTestId('caption-lines').locator('li').count()).toBe(3);
    await shot(captioner, 'th-console-captioner-ar');
    await expectAccessible(captioner, 'captioner console, Arabic');
  });

  it('the facilitator sets the agenda and starts the first item with a countdown', async () => {
    await phase(facilitator, 'Prepare');
    const agenda = facilitator.locator('.th-agenda');
    for (const [title, minutes] of [
      ['Opening', '5'],
      ['Open floor', '30'],
    ] as const) {
      await agenda.getByLabel('Item', { exact: true }).fill(title);
      await agenda.getByLabel('Minutes').fill(minutes);
      await agenda.getByRole('button', { name: 'Add the item' }).click();
      await expect.poll(() => agenda.getByTestId('agenda-list').innerText()).toContain(title);
    }
    await agenda.getByRole('button', { name: 'Move Open floor up' }).click();
    await expect.poll(() => agenda.getByTestId('agenda-list').locator('li').first().innerText()).toContain('Open floor');
    await agenda.getByRole('button', { name: 'Move Open floor down' }).click();
    await expect.poll(() => agenda.getByTestId('agenda-list').locator('li').first().innerText()).toContain('Opening');

    // Items are started from Run, where the agenda is its "now / next" card (THUI10).
    await phase(facilitator, 'Run');
    const now = facilitator.locator('.th-agenda-now');
    const everyone = nextEvent(people.chen.socket, 'agenda:changed', (a) => a.currentId !== null);
    await now.getByRole('button', { name: 'Start the next item: Opening' }).click();
    await everyone;
    await expect.poll(() => now.getByTestId('agenda-status').innerText()).toBe('Now: Opening');
    await expect.poll(() => now.getByTestId('countdown').innerText()).toMatch(/^(5:00|4:5\d)$/);
    await shot(facilitator, 'th-console-facilitator-run');
    await phase(facilitator, 'Prepare');
    await expect.poll(() => agenda.locator('li.th-agenda-current').innerText()).toContain('Current');
    // A started item can no longer be edited or moved (AGENDA2).
    expect(await agenda.getByRole('button', { name: 'Edit Opening' }).count()).toBe(0);
    await shot(facilitator, 'th-console-facilitator');
    await expectAccessible(facilitator, 'facilitator console, Town Hall');
  });
});
