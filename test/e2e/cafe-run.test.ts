import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SeatingPlan } from '../../shared/src/index.js';
import { createSession, http, join, type Created, type Joined } from '../helpers/api.js';
import { expectAccessible, browserSuite, missingChromium, openPage, shot } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { connect } from '../helpers/socket.js';

const missing = missingChromium();

// A facilitator runs two café rounds from the console; three participants (one hosting,
// one remote, one reading Arabic) follow on their own screens, and the projector shows the round.
describe.skipIf(missing !== null)('running a World Café in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let created: Created;
  let amina: Joined;
  let bo: Joined;
  let chen: Joined;
  let console_: Page;
  const pages: Record<string, Page> = {};

  async function open(url: string, lang?: string): Promise<Page> {
    return openPage(browser, url, { ...(lang && { locale: lang }) });
  }
  const seatUrl = (person: Joined) => `${server.url}/s/${created.session.id}#token=${person.token}`;
  const planOf = async (): Promise<SeatingPlan> =>
    (await http(server.url, 'GET', `/api/sessions/${created.session.id}/cafe`, { token: created.facilitatorToken })).body.cafe.plan.plan;

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    created = await createSession(server.url, { title: 'Café on open data', format: 'cafe', attribution: 'named', languages: ['en', 'ar'] });
    const code = created.session.joinCode;
    amina = await join(server.url, code, { displayName: 'Amina', mode: 'in-room', stakeholderGroup: 'government' });
    bo = await join(server.url, code, { displayName: 'Bo', mode: 'in-room', stakeholderGroup: 'academia' });
    chen = await join(server.url, code, { displayName: 'Chen', mode: 'remote', stakeholderGroup: 'civil-society', language: 'ar' });
    for (const [i, mode] of (['in-room', 'in-room', 'remote'] as const).entries()) {
      await connect(server.url, (await join(server.url, code, { displayName: `Guest ${i + 1}`, mode, stakeholderGroup: 'private-sector' })).token);
    }
    const f = { token: created.facilitatorToken };
    const base = `/api/sessions/${created.session.id}/cafe`;
    const tables = [
      { label: 'Lotus', kind: 'in-room', capacity: 3, hostParticipantId: amina.participant.id },
      { label: 'Cedar', kind: 'in-room', capacity: 3 },
      { label: 'Online', kind: 'remote', capacity: 3, videoUrl: 'https://meet.example.org/online' },
    ];
    expect((await http(server.url, 'PUT', `${base}/tables`, { ...f, body: { tables } })).status).toBe(200);
    const rounds = [
      { question: 'What data should be open by default?', durationMinutes: 10 },
      { question: 'Who should decide?', durationMinutes: 10 },
    ];
    expect((await http(server.url, 'PUT', `${base}/rounds`, { ...f, body: { rounds } })).status).toBe(200);
    expect((await http(server.url, 'POST', `${base}/plan`, { ...f, body: { seed: 5 } })).status).toBe(201);

    console_ = await open(created.links.console);
    await console_.waitForURL(/\/console$/);
    pages.amina = await open(seatUrl(amina));
    pages.bo = await open(seatUrl(bo));
    pages.chen = await open(seatUrl(chen), 'ar');
    pages.projector = await open(created.links.projector);
  }, 60_000);

  /** Bo's heading for a round, from the plan the server made: "go to" first, then "you move to" or "you stay at" (SEAT10). */
  async function expectedHeadingForBo(round: number, total: number): Promise<RegExp> {
    const plan = await planOf();
    const tableOf = (r: number) => Object.entries(plan.rounds[r - 1]!).find(([, ids]) => ids.includes(bo.participant.id))![0];
    const tableId = tableOf(round);
    const label = tableId === Object.entries(plan.rounds[0]!).find(([, ids]) => ids.includes(amina.participant.id))![0] ? 'Lotus' : 'Cedar';
    const n = label === 'Lotus' ? 1 : 2;
    const host = label === 'Lotus' ? ', host: Amina' : '';
    const verb = round === 1 ? 'go to' : tableOf(round - 1) === tableId ? 'you stay at' : 'you move to';
    return new RegExp(`^Round ${round} of ${total} — ${verb} table ${n}, ${label}${host}$`);
  }

  it('round 1: everyone is told where to go, with the question, the countdown and the video room', async () => {
    await expect.poll(() => pages.bo!.getByTestId('cafe-card').innerText()).toContain('The café has not started yet.');
    await expect.poll(() => pages.bo!.getByTestId('next-seat').innerText()).toMatch(/Next: Round 1 of 2 — go to table/);

    await console_.getByRole('tab', { name: /^Run/ }).click(); // the console by phase: Prepare until the café starts
    await console_.getByRole('button', { name: 'Start round 1 of 2' }).click();
    await expect.poll(() => pages.amina!.locator('#cafe-card-heading').innerText()).toBe('Round 1 of 2 — you host table 1, Lotus');
    const boHeading = await expectedHeadingForBo(1, 2);
    await expect.poll(() => pages.bo!.locator('#cafe-card-heading').innerText()).toMatch(boHeading);
    await expect.poll(() => pages.bo!.getByTestId('cafe-card').innerText()).toContain('What data should be open by default?');
    await expect.poll(() => pages.bo!.getByTestId('countdown').innerText()).toMatch(/^(10:00|9:5\d)$/);
    // Chen reads Arabic, right to left, and gets the virtual table's video room.
    await expect.poll(() => pages.chen!.locator('html').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => pages.chen!.locator('#cafe-card-heading').innerText()).toContain('الجولة 1 من 2');
    expect(await pages.chen!.locator('a.video-link').getAttribute('href')).toBe('https://meet.example.org/online');
    await expect.poll(() => pages.projector!.locator('.projector-question').innerText()).toBe('What data should be open by default?');
    await expect.poll(() => pages.projector!.locator('.table-tile').count()).toBe(3);
    // The table's notepad opens beside the question; what Bo types is kept by the server.
    await expect.poll(() => pages.bo!.getByTestId('notepad-status').textContent()).toMatch(/^Connected/);
    await pages.bo!.getByRole('textbox', { name: 'Table notes, round 1' }).click();
    await pages.bo!.keyboard.type('Open by default, unless personal');
    await pages.bo!.getByLabel('New key idea').fill('Publish budgets as data');
    await pages.bo!.getByRole('button', { name: 'Add', exact: true }).click();
    await shot(pages.bo!, 'participant-round1');
    await pages.bo!.waitForTimeout(1_200); // the server writes notes at most ~0.5 s behind
    await pages.bo!.reload();
    await expect.poll(() => pages.bo!.getByRole('textbox', { name: 'Table notes, round 1' }).textContent()).toContain('Open by default, unless personal');
    await expect.poll(() => pages.bo!.locator('.cafe-card').getByRole('listitem').filter({ hasText: 'Publish budgets as data' }).count()).toBe(1);
    await shot(pages.chen!, 'participant-round1-ar');
    await shot(pages.projector!, 'projector-round1');
    await expectAccessible(pages.bo!, 'participant in round 1');
    await expectAccessible(pages.chen!, 'participant in round 1, Arabic');
    await expectAccessible(pages.projector!, 'projector in round 1');
  });

  it('pause, +5 min, resume and a prompt reach every screen at once; THUI5 keyboard focus moves from Pause to Resume', async () => {
    await console_.getByRole('button', { name: 'Pause' }).focus();
    await console_.keyboard.press('Enter');
    await expect.poll(() => pages.bo!.getByTestId('cafe-card').innerText()).toContain('Paused');
    // Pause is gone once paused: focus goes to Resume, in its place, never to the page.
    await expect.poll(() => console_.evaluate(() => document.activeElement?.textContent)).toBe('Resume');
    await console_.getByRole('button', { name: 'Add 5 min to this round' }).click();
    await expect.poll(() => pages.bo!.getByTestId('countdown').innerText()).toMatch(/^1[45]:\d\d$/);
    await console_.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => pages.bo!.getByTestId('cafe-card').innerText()).not.toContain('Paused');

    await console_.getByLabel('Message or new prompt').fill('Write down one key idea before the bell');
    await console_.getByRole('button', { name: 'Send' }).click();
    for (const page of [pages.amina!, pages.bo!, pages.chen!]) {
      await expect.poll(() => page.locator('.prompt-text').first().innerText()).toBe('Write down one key idea before the bell');
    }
    await expect.poll(() => pages.projector!.locator('.projector-prompt').innerText()).toContain('Write down one key idea before the bell');
    await shot(console_, 'console-round1');
    await expectAccessible(console_, 'console running round 1');
  });

  it('ending round 1 shows the next seating; round 2 starts for everyone', async () => {
    await console_.getByRole('button', { name: 'End round now' }).click();
    await console_.getByRole('dialog').getByRole('button', { name: 'End round now', exact: true }).click();
    await expect.poll(() => pages.bo!.locator('#cafe-card-heading').innerText()).toBe('Round 1 of 2 is over.');
    const boNext = await expectedHeadingForBo(2, 2);
    await expect.poll(() => pages.bo!.getByTestId('next-seat').innerText()).toMatch(new RegExp(`^Next: ${boNext.source.slice(1)}`));
    await expect.poll(() => pages.projector!.locator('.projector-status').innerText()).toContain('Round 1 of 2 is over.');

    await console_.getByRole('button', { name: 'Start round 2 of 2' }).focus();
    await console_.keyboard.press('Enter');
    await expect.poll(() => pages.bo!.locator('#cafe-card-heading').innerText()).toMatch(boNext);
    // THUI5: the next action is one button whatever it says, so focus stays on it (CONSOLE1).
    await expect.poll(() => console_.evaluate(() => document.activeElement?.textContent)).toBe('End round now');
    await expect.poll(() => pages.amina!.locator('#cafe-card-heading').innerText()).toBe('Round 2 of 2 — you stay at table 1, Lotus (you host it)');
    await expect.poll(() => pages.projector!.locator('.projector-question').innerText()).toBe('Who should decide?');
    await expect.poll(() => console_.getByTestId('run-status').innerText()).toContain('Round 2 of 2');
    await shot(pages.amina!, 'participant-host-round2');
  });
});
