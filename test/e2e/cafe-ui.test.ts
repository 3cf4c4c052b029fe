import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SeatingPlan } from '../../shared/src/index.js';
import { createSession, http, join, type Created, type Joined } from '../helpers/api.js';
import { expectAccessible, browserSuite, missingChromium, shot, SHOTS } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';

const missing = missingChromium();

const ARABIC_LINE = 'نريد بيانات مفتوحة للجميع';
const LATIN_LINE = 'Bob: plain language everywhere.';

// What people meet first in a café: the console's tables editor at tablet and laptop widths, the
// plan's figures and everyone's seat once it is locked, "you move to / you stay at" between
// rounds (SEAT10), the "Send to" choice, the tables' notes for the staff, a notepad mixing
// Arabic and English, the harvest's and the synthesis' words, and the public page on a phone.
describe.skipIf(missing !== null)('the café as people first meet it', () => {
  let server: TestServer;
  let browser: Browser;
  let created: Created;
  let amina: Joined;
  let bo: Joined;
  let chen: Joined;
  let mo: Joined;
  let ria: Joined;
  let console_: Page;
  const pages: Record<string, Page> = {};

  async function open(url: string, options: { lang?: string; width?: number; height?: number } = {}): Promise<Page> {
    const context = await browser.newContext({
      locale: options.lang ?? 'en-GB',
      viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(url);
    return page;
  }
  const seatUrl = (person: Joined) => `${server.url}/s/${created.session.id}#token=${person.token}`;
  const planOf = async (): Promise<SeatingPlan> =>
    (await http(server.url, 'GET', `/api/sessions/${created.session.id}/cafe`, { token: created.facilitatorToken })).body.cafe.plan.plan;
  const tableOf = (plan: SeatingPlan, round: number, person: Joined) => Object.entries(plan.rounds[round - 1]!).find(([, ids]) => ids.includes(person.participant.id))![0];

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    created = await createSession(server.url, { title: 'Café on open data', format: 'cafe', attribution: 'named', languages: ['en', 'ar'] });
    const code = created.session.joinCode;
    amina = await join(server.url, code, { displayName: 'Amina', mode: 'in-room', stakeholderGroup: 'government' });
    bo = await join(server.url, code, { displayName: 'Bo', mode: 'in-room', stakeholderGroup: 'academia' });
    await join(server.url, code, { displayName: 'Dan', mode: 'in-room', stakeholderGroup: 'civil-society' });
    await join(server.url, code, { displayName: 'Eve', mode: 'in-room', stakeholderGroup: 'private-sector' });
    chen = await join(server.url, code, { displayName: 'Chen', mode: 'remote', stakeholderGroup: 'civil-society', language: 'ar' });
    await join(server.url, code, { displayName: 'Fay', mode: 'remote', stakeholderGroup: 'other' });
    mo = await join(server.url, code, { displayName: 'Mo', mode: 'in-room', stakeholderGroup: 'other' });
    ria = await join(server.url, code, { displayName: 'Ria', mode: 'in-room', stakeholderGroup: 'other' });
    const f = { token: created.facilitatorToken };
    const sid = created.session.id;
    for (const [person, role] of [
      [mo, 'moderator'],
      [ria, 'rapporteur'],
    ] as const) {
      expect((await http(server.url, 'PATCH', `/api/sessions/${sid}/participants/${person.participant.id}`, { ...f, body: { role } })).status).toBe(200);
    }
    const tables = [
      { label: 'Lotus', kind: 'in-room', capacity: 3, hostParticipantId: amina.participant.id },
      { label: 'Cedar', kind: 'in-room', capacity: 3 },
      { label: 'Online', kind: 'remote', capacity: 3, videoUrl: 'https://meet.example.org/a-rather-long-video-room-name' },
    ];
    expect((await http(server.url, 'PUT', `/api/sessions/${sid}/cafe/tables`, { ...f, body: { tables } })).status).toBe(200);
    const rounds = [
      { question: 'What data should be open by default?', durationMinutes: 10 },
      { question: 'Who should decide?', durationMinutes: 10 },
    ];
    expect((await http(server.url, 'PUT', `/api/sessions/${sid}/cafe/rounds`, { ...f, body: { rounds } })).status).toBe(200);
    console_ = await open(created.links.console);
    await console_.waitForURL(/\/console$/);
  }, 60_000);

  /** Each control: on screen, not covered or clipped (the point at its centre is the control itself). */
  async function controlsInView(page: Page, names: string[]): Promise<string[]> {
    const hidden: string[] = [];
    for (const name of names) {
      const control = page.getByLabel(name, { exact: true });
      // Scroll the page (never the editor's own box) so the control is vertically in view.
      const top = await control.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
      await page.evaluate((y) => window.scrollTo(0, y - 200), top);
      const seen = await control.evaluate((el) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.left < 0 || r.right > document.documentElement.clientWidth) return false;
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit !== null && (hit === el || el.contains(hit));
      });
      if (!seen) hidden.push(name);
    }
    return hidden;
  }

  it('the tables editor shows Host, Video room and Remove of every table at 768 and 1280 px, without sideways scrolling', async () => {
    for (const width of [768, 1280]) {
      await console_.setViewportSize({ width, height: 900 });
      await expect.poll(() => console_.getByLabel('Host of table 3').count()).toBe(1);
      const names = [1, 2, 3].flatMap((n) => [`Host of table ${n}`, `Remove table ${n}`, `Seats at table ${n}`]).concat('Video room link of table 3');
      expect(await controlsInView(console_, names), `at ${width} px`).toEqual([]);
      const overflow = await console_.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
      expect(overflow, `sideways scroll at ${width} px`).toBeLessThanOrEqual(0);
      if (SHOTS) await console_.locator('.cafe-setup').screenshot({ path: `${SHOTS}/console-tables-${width}.png` });
    }
    await expectAccessible(console_, 'the console’s tables editor');
    await console_.setViewportSize({ width: 1280, height: 900 });
  });

  it('CAFE3 SEAT10 a seat shows as soon as the plan is made and locked; the plan says how many guests stay', async () => {
    pages.bo = await open(seatUrl(bo));
    await expect.poll(() => pages.bo!.getByTestId('cafe-card').innerText()).toContain('Your table will show here once the facilitator has made the seating plan.');
    await console_.getByRole('button', { name: 'Plan the seating' }).click();
    await console_.getByRole('button', { name: 'Lock the plan' }).click();
    await expect.poll(() => console_.getByTestId('plan-status').innerText()).toContain('Locked');
    await expect.poll(() => pages.bo!.getByTestId('next-seat').innerText()).toMatch(/^Next: Round 1 of 2 — go to table [12]/);
    expect(await pages.bo.getByTestId('cafe-card').innerText()).not.toContain('once the facilitator has made the seating plan');
    // SEAT10's figure. In the room, Amina hosts Lotus and three guests share its free seat and
    // Cedar's two: of Cedar's two, one must stay (one seat elsewhere). The two remote guests
    // have one remote table: both stay. So 3 stays, and the table sizes prove 3.
    const figures = console_.getByTestId('plan-figures');
    await expect.poll(() => figures.innerText()).toMatch(/Guests who stay at their table for another round\s+3 \(at least 3 cannot be avoided\)/);
    await shot(console_, 'console-plan');
  });

  it('CAFE6 NOTE11 a prompt to one table leaves "Send to" on everyone; the console, moderators and rapporteurs open every table’s notes', async () => {
    await console_.getByRole('tab', { name: /^Run/ }).click(); // the console by phase: Prepare until the café starts
    await console_.getByRole('button', { name: 'Start round 1 of 2' }).click();
    await expect.poll(() => console_.getByTestId('run-status').innerText()).toContain('Round 1 of 2');
    const target = console_.getByLabel('Send to');
    await target.selectOption({ label: 'table 2, Cedar' });
    await console_.getByLabel('Message or new prompt').fill('Cedar: one key idea, please');
    await console_.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => console_.locator('.prompt-text').first().innerText()).toBe('Cedar: one key idea, please');
    await expect.poll(() => target.inputValue()).toBe('');
    expect(await target.locator('option:checked').innerText()).toBe('Everyone');

    await console_.getByRole('tab', { name: /^Harvest/ }).click();
    const notes = console_.locator('section.tables-notes');
    await expect.poll(() => notes.getByRole('link').count()).toBe(3);
    for (const person of [mo, ria]) {
      const page = await open(seatUrl(person));
      await expect.poll(() => page.locator('section.tables-notes').getByRole('link', { name: 'table 3, Online: notes of round 1' }).count()).toBe(1);
      await page.context().close();
    }
    await notes.getByRole('link', { name: 'table 2, Cedar: notes of round 1' }).click();
    await expect.poll(() => console_.getByTestId('notepad-status').textContent()).toMatch(/^Connected/);
    await expectAccessible(console_, 'a table’s notes opened from the console');
    await console_.goBack();
    await console_.waitForURL(/\/console$/);
  });

  it('NOTE10 in an Arabic notepad, an English line reads left to right and an Arabic one right to left, in a proportional font', async () => {
    pages.chen = await open(seatUrl(chen), { lang: 'ar' });
    await expect.poll(() => pages.chen!.locator('html').getAttribute('dir')).toBe('rtl');
    const editor = pages.chen.locator('.cafe-card .cm-content');
    await expect.poll(() => pages.chen!.locator('.cafe-card .notepad-status').getAttribute('data-status')).toBe('connected');
    await editor.click();
    await pages.chen.keyboard.insertText(ARABIC_LINE);
    await pages.chen.keyboard.press('Enter');
    await pages.chen.keyboard.insertText(LATIN_LINE);
    const lines = pages.chen.locator('.cafe-card .cm-line');
    await expect.poll(() => lines.count()).toBe(2);
    const looks = await lines.evaluateAll((els) => els.map((el) => ({ text: el.textContent, direction: getComputedStyle(el).direction, font: getComputedStyle(el).fontFamily })));
    expect(looks.map((l) => [l.text, l.direction])).toEqual([
      [ARABIC_LINE, 'rtl'],
      [LATIN_LINE, 'ltr'],
    ]);
    for (const look of looks) expect(look.font).not.toMatch(/mono/i);
    await pages.chen.getByLabel('فكرة رئيسية جديدة').fill('Open budgets, open data');
    await pages.chen.getByRole('button', { name: 'إضافة', exact: true }).click();
    await pages.chen.getByRole('button', { name: 'تحديد للحصيلة' }).click();
    await pages.chen.locator('.cafe-card .notepad').scrollIntoViewIfNeeded();
    await shot(pages.chen, 'notepad-ar-mixed');
  });

  it('IDEA6 in an Arabic notepad, an English key idea reads left to right while its list number stays on the page’s side', async () => {
    const item = pages.chen!.locator('.key-ideas li').filter({ hasText: 'Open budgets, open data' });
    await expect.poll(() => item.count()).toBe(1);
    const text = item.locator('.key-idea-text');
    expect(await text.innerText()).toBe('Open budgets, open data');
    expect(await text.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    expect(await item.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  });

  it('HARV5 NOTE5 the harvest says "Marked by table 3, Online" once; the synthesis says who sees it', async () => {
    const board = console_.getByTestId('harvest-board');
    const idea = board.getByTestId('harvest-idea').filter({ hasText: 'Open budgets, open data' });
    await expect.poll(() => idea.locator('.harvest-marked').innerText()).toBe('★ Marked by table 3, Online');
    expect(await idea.innerText()).not.toMatch(/table table/i);

    const desk = await open(`${server.url}/s/${created.session.id}/rapporteur#token=${ria.token}`);
    const status = desk.getByTestId('synthesis').getByTestId('notepad-status');
    await expect.poll(() => status.textContent()).toBe('Connected: the other rapporteurs and the facilitator see your changes as you type; moderators can read them.');
    await desk.context().close();
  });

  it('CAFE3 SEAT10 between rounds a guest is told "you move to" or "you stay at", and the host "you stay at … (you host it)"', async () => {
    pages.amina = await open(seatUrl(amina));
    await console_.getByRole('tab', { name: /^Run/ }).click();
    await console_.getByRole('button', { name: 'End round now' }).click();
    await console_.getByRole('dialog').getByRole('button', { name: 'End round now', exact: true }).click();
    const plan = await planOf();
    const boBefore = tableOf(plan, 1, bo);
    const boNow = tableOf(plan, 2, bo);
    const label = (tableId: string) => ({ 1: 'table 1, Lotus', 2: 'table 2, Cedar' })[tableId === tableOf(plan, 1, amina) ? 1 : 2];
    const host = tableOf(plan, 2, bo) === tableOf(plan, 2, amina) ? ', host: Amina' : '';
    const boLine = boBefore === boNow ? `you stay at ${label(boNow)}${host}` : `you move to ${label(boNow)}${host}`;
    await expect.poll(() => pages.bo!.getByTestId('next-seat').innerText()).toBe(`Next: Round 2 of 2 — ${boLine}`);
    await expect.poll(() => pages.amina!.getByTestId('next-seat').innerText()).toBe('Next: Round 2 of 2 — you stay at table 1, Lotus (you host it)');
    await console_.getByRole('button', { name: 'Start round 2 of 2' }).click();
    await expect.poll(() => pages.bo!.locator('#cafe-card-heading').innerText()).toBe(`Round 2 of 2 — ${boLine}`);
    await expect.poll(() => pages.amina!.locator('#cafe-card-heading').innerText()).toBe('Round 2 of 2 — you stay at table 1, Lotus (you host it)');
    await expect.poll(() => pages.chen!.locator('#cafe-card-heading').innerText()).toMatch(/^الجولة 2 من 2 — (انتقل إلى|ابقَ في) الطاولة 3/);
    await shot(pages.bo!, 'participant-round2');
  });

  it('REC10 the public page in Arabic at 390 px keeps its list bullets on screen and does not scroll sideways', async () => {
    await console_.getByRole('tab', { name: /^Record/ }).click();
    await console_.getByRole('button', { name: 'Publish the record' }).click();
    await expect.poll(() => console_.getByTestId('publication-status').textContent()).toMatch(/^Published since/);
    const link = await console_.getByLabel('Public link').inputValue();
    const reader = await open(link, { lang: 'ar', width: 390, height: 844 });
    await expect.poll(() => reader.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect.poll(() => reader.getByText('Open budgets, open data').count()).toBeGreaterThan(0);
    // The notes keep each line's own direction here too.
    expect(
      await reader
        .getByText(LATIN_LINE, { exact: true })
        .first()
        .evaluate((el) => getComputedStyle(el).direction),
    ).toBe('ltr');
    await shot(reader, 'public-page-ar-390');
    const overflow = await reader.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
    // What sticks out, to say why in the failure.
    const sticking = await reader.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && (r.left < -0.5 || r.right > document.documentElement.clientWidth + 0.5);
        })
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
        .slice(0, 5),
    );
    expect(overflow, `sideways scroll; sticking out: ${sticking.join(', ')}`).toBeLessThanOrEqual(0);
    // An outside marker sits beyond the item's start edge (left in LTR, right in RTL): it needs room there.
    const clipped = await reader.locator('.record-page li').evaluateAll((items) =>
      items.flatMap((li) => {
        const style = getComputedStyle(li);
        if (style.listStylePosition === 'inside' || style.listStyleType === 'none') return [];
        const r = li.getBoundingClientRect();
        const room = style.direction === 'rtl' ? document.documentElement.clientWidth - r.right : r.left;
        return room < 16 ? [`${li.textContent} (${Math.round(room)} px)`] : []; // px: a bullet and its gap
      }),
    );
    expect(clipped).toEqual([]);
  });

  it('REC18 on the Arabic public page a round’s English question is isolated from its label and reads left to right', async () => {
    const link = await console_.getByLabel('Public link').inputValue();
    const reader = await open(link, { lang: 'ar' });
    await expect.poll(() => reader.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const question = reader.locator('.record-page p > bdi').filter({ hasText: /^What data should be open by default\?$/ });
    await expect.poll(() => question.count()).toBe(1);
    expect(await question.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    const line = question.locator('..');
    expect(await line.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(await line.innerText()).toMatch(/^\S+: What data should be open by default\?$/);
  });
});
