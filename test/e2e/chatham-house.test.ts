import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, http, join, type Created } from '../helpers/api.js';
import { expectAccessible, browserSuite, missingChromium, openPage, shot } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { command, connect, nextEvent, type ClientSocket } from '../helpers/socket.js';
import { within } from '../helpers/wait.js';

const missing = missingChromium();

// ATTR1 in the browser: under the Chatham House Rule a participant's screen and the projector say
// "a participant" for the author of a question and for the speaker, never a group or a mode.
describe.skipIf(missing !== null)('the Chatham House Rule on screen', () => {
  let server: TestServer;
  let browser: Browser;
  let created: Created;
  let moderator: ClientSocket;
  let page: Page;
  let projector: Page;

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    created = await createSession(server.url, { title: 'Town Hall under Chatham House', format: 'townhall', attribution: 'anonymous' });
    moderator = (await connect(server.url, created.facilitatorToken)).socket;
    const bo = await join(server.url, created.session.joinCode, { displayName: 'Bo', mode: 'remote', stakeholderGroup: 'academia' });
    page = await openPage(browser, `${server.url}/s/${created.session.id}#token=${bo.token}`);
    projector = await openPage(browser, created.links.projector);
  }, 60_000);

  it('ATTR1 a question and the speaker read "a participant" on a participant page and the projector, with no group or mode', async () => {
    const alice = await join(server.url, created.session.joinCode, { displayName: 'Alice', mode: 'in-room', stakeholderGroup: 'technical-community' });
    const aliceSocket = (await connect(server.url, alice.token)).socket;
    expect((await command(aliceSocket, 'qa:ask', { text: 'Who decides the priorities?' })).ok).toBe(true);
    const item = page.locator('.question-item').filter({ hasText: 'Who decides the priorities?' });
    await expect.poll(() => item.innerText()).toContain('a participant');
    expect(await item.innerText()).not.toMatch(/Technical community|In the room|Alice/);
    // Every question is already without a name or group: no "Ask without my name" box to wonder about (ATTR1).
    expect(await page.getByLabel('Ask without my name').count()).toBe(0);

    const queued = within(
      nextEvent(moderator, 'hand:queue', (q) => q.hands.length === 1),
      'the hand in the queue',
    );
    expect((await command(aliceSocket, 'hand:raise', { topic: 'Priorities' })).ok).toBe(true);
    await queued;
    expect((await command(moderator, 'hand:give-floor', {})).ok).toBe(true);
    for (const screen of [page, projector]) {
      const speaker = screen.locator('.floor-speaker');
      await expect.poll(() => speaker.innerText()).toBe('a participant');
    }
    expect(await projector.locator('main').innerText()).not.toMatch(/Technical community|In the room|Alice/);
    await shot(page, 'chatham-participant');
    await shot(projector, 'chatham-projector');
    await expectAccessible(page, 'participant page under Chatham House');
  });

  it('ATTR1 a café seat lists tablemates as "a participant", with no group or mode', async () => {
    const cafe = await createSession(server.url, { title: 'Café under Chatham House', format: 'cafe', attribution: 'anonymous' });
    const facilitator = (await connect(server.url, cafe.facilitatorToken)).socket;
    const people = [];
    for (const [name, group, mode] of [
      ['Cleo', 'government', 'in-room'],
      ['Dev', 'academia', 'remote'],
      ['Eli', 'civil-society', 'in-room'],
    ] as const) {
      people.push(await join(server.url, cafe.session.joinCode, { displayName: name, stakeholderGroup: group, mode }));
    }
    const seat = await openPage(browser, `${server.url}/s/${cafe.session.id}#token=${people[2]!.token}`);
    expect((await command(facilitator, 'cafe:set-tables', { tables: [{ label: 'Mixed', kind: 'hybrid', capacity: 6, videoUrl: 'https://meet.example.org/m' }] })).ok).toBe(true);
    expect((await command(facilitator, 'cafe:set-rounds', { rounds: [{ question: 'What works?', durationMinutes: 20 }] })).ok).toBe(true);
    expect((await command(facilitator, 'cafe:plan', { seed: 1 })).ok).toBe(true);
    expect((await command(facilitator, 'cafe:start-round', {})).ok).toBe(true);
    const mates = seat.locator('.tablemates li');
    await expect.poll(() => mates.allInnerTexts()).toEqual(['a participant', 'a participant']);
    expect(await seat.locator('.tablemates').innerText()).not.toMatch(/Government|Academia|Remote|In the room|Cleo|Dev/);
    await shot(seat, 'chatham-cafe-seat');
  });

  it('ATTR4 the moderator console shows the queue and the speaker as "A participant", with no group or mode', async () => {
    const console = await openPage(browser, `${server.url}/s/${created.session.id}/console#token=${created.facilitatorToken}`);
    const dev = await join(server.url, created.session.joinCode, { displayName: 'Dev', mode: 'remote', stakeholderGroup: 'government' });
    const devSocket = (await connect(server.url, dev.token)).socket;
    expect((await command(devSocket, 'hand:raise', { topic: 'Budgets' })).ok).toBe(true);
    const queue = console.locator('.th-queue');
    await expect.poll(() => queue.locator('tr[data-hand]').count()).toBe(1);
    const row = await queue.locator('tr[data-hand]').innerText();
    expect(row).toContain('A participant');
    expect(row).toContain('Budgets');
    expect(row).not.toMatch(/Government|Remote|Dev/);
    await shot(console, 'chatham-console-queue');
    expect((await command(moderator, 'hand:give-floor', {})).ok).toBe(true);
    await expect.poll(() => queue.getByTestId('floor').innerText()).toContain('A participant has the floor');
    expect(await queue.getByTestId('floor').innerText()).not.toMatch(/Government|Remote|Dev/);
    await shot(console, 'chatham-console');
  });

  it('ATTR5 the console\'s live attendance at total 4 with Academia 3 and Government 1 shows neither count ("not shown", with the Chatham House Rule said under the table), so Government\'s 1 does not follow', async () => {
    const session = await createSession(server.url, { title: 'Counted under Chatham House', format: 'cafe', attribution: 'anonymous' });
    const console_ = await (await browser.newContext()).newPage();
    console_.setDefaultTimeout(15_000);
    for (const stakeholderGroup of ['academia', 'academia', 'academia', 'government'] as const) {
      const person = await join(server.url, session.session.joinCode, { mode: 'remote', stakeholderGroup });
      await connect(server.url, person.token);
    }
    await console_.goto(session.links.console);
    const count = (key: string) => console_.locator(`.attendance tr[data-key="${key}"] .count`).innerText();
    await expect.poll(() => count('remote')).toBe('4');
    expect(await count('academia')).toBe('not shown');
    expect(await count('government')).toBe('not shown');
    expect(await console_.getByTestId('not-shown-note').innerText()).toContain('Chatham House Rule');
    expect(await count('civil-society')).toBe('0');
    await shot(console_, 'chatham-console-attendance');
    await expectAccessible(console_, 'the console under the Chatham House Rule');
    await console_.context().close();
  });

  it('POLL13 a group being looked at that leaves the breakdown (a group of one answered, so it hides the smallest group with it) gives way to the overall, not "no answers"', async () => {
    const created2 = await createSession(server.url, { title: 'Poll under Chatham House', format: 'townhall', attribution: 'anonymous' });
    const staff = (await connect(server.url, created2.facilitatorToken)).socket;
    const voters: Record<string, ClientSocket[]> = {};
    for (const [group, n] of [
      ['civil-society', 3],
      ['other', 4],
      ['government', 1],
    ] as const) {
      voters[group] = [];
      for (let i = 0; i < n; i++)
        voters[group].push((await connect(server.url, (await join(server.url, created2.session.joinCode, { stakeholderGroup: group, mode: 'remote' })).token)).socket);
    }
    const made = await http(server.url, 'POST', `/api/sessions/${created2.session.id}/townhall/polls`, {
      token: created2.facilitatorToken,
      body: { kind: 'single', question: 'Which first?', options: ['Privacy', 'Access'] },
    });
    const pollId: string = made.body.poll.poll.id;
    expect((await command(staff, 'poll:open', { pollId })).ok).toBe(true);
    for (const socket of [...voters['civil-society']!, ...voters.other!]) expect((await command(socket, 'poll:vote', { pollId, choice: 'o1' })).ok).toBe(true);
    const console_ = await openPage(browser, created2.links.console);
    const results = console_.locator(`li.th-poll[data-poll="${pollId}"]`).getByTestId('poll-results');
    const privacy = () => results.locator('tr').filter({ hasText: 'Privacy' }).innerText();
    await expect.poll(privacy).toMatch(/Privacy\s+7\s+100\s?%/);
    await results.locator('select').selectOption('civil-society');
    await expect.poll(privacy).toMatch(/Privacy\s+3\s+100\s?%/);
    // Government's one answer: civil society (3) would give it back from the overall, so it leaves too.
    expect((await command(voters.government![0]!, 'poll:vote', { pollId, choice: 'o2' })).ok).toBe(true);
    await expect.poll(privacy).toMatch(/Privacy\s+7\s+88\s?%/);
    expect(await results.locator('select').inputValue()).toBe('');
    expect(await results.locator('select option').allTextContents()).toEqual(['Everyone', 'Other']);
    await console_.context().close();
  });
});
