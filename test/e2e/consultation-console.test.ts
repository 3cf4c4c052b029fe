import type { Browser, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContributionView } from '../../shared/src/protocol/index.js';
import { createSession, join } from '../helpers/api.js';
import { browserSuite, expectAccessible, missingChromium, openPage, shot } from '../helpers/browser.js';
import { ok } from '../helpers/consultation.js';
import type { TestServer } from '../helpers/server.js';
import { connect, type ClientSocket } from '../helpers/socket.js';

const missing = missingChromium();

/** What the home page kept in this browser for the session it created. */
interface Stored {
  sessionId: string;
  joinCode: string;
  token: string;
  projectorKey: string;
  format?: string;
}

// The organiser's and moderators' console of an online consultation (issue 15, CONS50–CONS59):
// created from the home page in a real Chromium; participants are real socket.io clients.
describe.skipIf(missing !== null)('the consultation console (CONS50–CONS59)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let stored: Stored;
  let staff: ClientSocket;
  let questionId: string;
  const people: Record<string, ClientSocket> = {};
  const ids: Record<'a' | 'b' | 'c' | 'd', string> = { a: '', b: '', c: '', d: '' };

  browserSuite((started) => ({ server, browser } = started));

  const tab = async (name: RegExp) => {
    await page.getByRole('tab', { name }).click();
    await expect.poll(() => page.locator('[role=tab][aria-selected=true]').innerText()).toMatch(name);
  };
  const card = (title: string, on: Page = page): Locator => on.locator('[data-testid=cc-contribution]', { has: on.getByRole('heading', { name: title, exact: true }) });
  const get = async (contributionId: string): Promise<ContributionView> => (await ok(staff, 'contribution:get', { contributionId })).contribution;

  beforeAll(async () => {
    page = await openPage(browser, server.url, { locale: 'en' });
  }, 30_000);

  it('CONS50: the organiser creates a consultation from the home page, with the format explained, and lands in its console', async () => {
    const format = page.getByRole('radio', { name: 'Online consultation' });
    // The explanation is the radio's description, read with it.
    const hint = await format.getAttribute('aria-describedby');
    expect(await page.locator(`#${hint}`).innerText()).toMatch(/open for days or weeks/);
    await page.getByLabel('Title').fill('Digital cooperation roadmap');
    await format.check();
    await page.getByRole('button', { name: 'Create session' }).click();
    await page.waitForURL(/\/console$/);
    await expect.poll(() => page.locator('[role=tab][aria-selected=true]').innerText()).toMatch(/Prepare/);
    expect(await page.getByRole('tab').allInnerTexts()).toEqual([
      expect.stringMatching(/Prepare/),
      expect.stringMatching(/Moderate/),
      expect.stringMatching(/Respond/),
      expect.stringMatching(/Opinion groups/),
      expect.stringMatching(/Record/),
    ]);
    expect(await page.getByTestId('cc-status').innerText()).toContain('Phase now: Draft');
    // SharePanel: the join code and link as for the other formats.
    expect(await page.getByRole('heading', { level: 2, name: /Invite/ }).count()).toBeGreaterThan(0);

    const all = await page.evaluate(() => JSON.parse(localStorage.getItem('openTalks.credentials') ?? '{}') as Record<string, Stored>);
    stored = Object.values(all)[0]!;
    expect(stored.format).toBe('consultation');
    staff = (await connect(server.url, stored.token)).socket;
    await expectAccessible(page, 'the consultation console, Prepare (en)');
  }, 60_000);

  it('CONS51–CONS52: adds questions and a closing date in local time, then starts contributions by hand after a confirmation', async () => {
    const add = page.locator('form.cc-add-question');
    for (const text of ['How should public transport change?', 'What should the city do about heat waves?']) {
      await add.getByLabel('Question', { exact: true }).fill(text);
      await add.getByRole('button', { name: 'Add the question' }).click();
      await expect.poll(() => page.getByTestId('cc-question').filter({ hasText: text }).count()).toBe(1);
    }
    // Turn statements on for the second question by editing it.
    const second = page.getByTestId('cc-question').nth(1);
    await second.getByRole('button', { name: /^Edit/ }).click();
    await second.getByLabel(/Short statements/).check();
    await second.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => second.innerText()).toContain('Statements on');

    // A closing date three weeks out, typed in this browser's time zone.
    const closes = new Date(Date.now() + 21 * 86_400_000);
    closes.setSeconds(0, 0);
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = `${closes.getFullYear()}-${pad(closes.getMonth() + 1)}-${pad(closes.getDate())}T${pad(closes.getHours())}:${pad(closes.getMinutes())}`;
    await page.getByLabel('Closes on').fill(local);
    await page.getByRole('button', { name: 'Save the dates' }).click();
    await expect.poll(async () => (await ok(staff, 'consultation:get', {})).consultation.schedule.closed).toBe(closes.getTime());

    const view = (await ok(staff, 'consultation:get', {})).consultation;
    expect(view.questions.map((q) => q.statements)).toEqual([false, true]);
    questionId = view.questions[0]!.id;
    await shot(page, 'cc-prepare');

    await page.getByRole('button', { name: 'Start “Contributions open” now' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.innerText()).toContain('for everyone?');
    await dialog.getByRole('button', { name: 'Start “Contributions open” now' }).click();
    await expect.poll(() => page.getByTestId('cc-status').innerText()).toContain('Phase now: Contributions open');
    expect((await ok(staff, 'consultation:get', {})).consultation.phase).toBe('contributions');
    // The console follows the consultation: open contributions call for the queue (CONS50).
    await expect.poll(() => page.locator('[role=tab][aria-selected=true]').innerText()).toMatch(/Moderate/);
  }, 60_000);

  it('CONS50, CONS54: participants contribute and flag; a moderator merges two duplicates (supports add up, nobody twice) and hides one with a reason', async () => {
    for (const name of ['Ana', 'Ben', 'Caro', 'Dev', 'Eli', 'Fay']) {
      const joined = await join(server.url, stored.joinCode, { displayName: name });
      people[name] = (await connect(server.url, joined.token)).socket;
    }
    const submit = async (who: string, title: string, text: string) => (await ok(people[who]!, 'contribution:submit', { questionId, title, text })).contribution.id;
    ids.a = await submit('Ana', 'More night buses', 'Run night buses every 20 minutes on the main lines.');
    ids.b = await submit('Ben', 'Night buses, more often', 'Night buses should come more often, every 20 minutes.');
    ids.c = await submit('Caro', 'Spam about cars', 'Buy my car now, best prices in town!!!');
    ids.d = await submit('Dev', 'Free transport for students', 'Students should ride for free.');
    // Eli supports both duplicates: after the merge Eli counts once.
    for (const [who, id] of [
      ['Caro', ids.a],
      ['Eli', ids.a],
      ['Eli', ids.b],
      ['Fay', ids.b],
    ] as const)
      await ok(people[who]!, 'contribution:support', { contributionId: id, support: true });
    for (const who of ['Ana', 'Ben']) await ok(people[who]!, 'contribution:flag', { contributionId: ids.c, reason: 'abusive' });

    // A moderator's console: the queue and the opinion board only (CONS50).
    const mo = await join(server.url, stored.joinCode, { displayName: 'Mo' });
    await ok(staff, 'participant:set-role', { participantId: mo.participant.id, role: 'moderator' });
    const mod = await openPage(browser, `${server.url}/s/${stored.sessionId}/console#token=${mo.token}`, { locale: 'en' });
    await expect.poll(() => mod.getByRole('tab').allInnerTexts()).toEqual([expect.stringMatching(/Moderate/), expect.stringMatching(/Opinion groups/)]);
    expect(await mod.getByRole('heading', { level: 1 }).innerText()).toContain('moderation');

    // The counts are live (moderation:counts): two flags reach no threshold of 3, but it is flagged.
    await expect.poll(() => mod.getByTestId('cc-status').innerText(), { timeout: 10_000 }).toMatch(/1 flagged/);
    await mod.getByRole('radio', { name: /^All/ }).check();
    await expect.poll(() => mod.getByTestId('cc-contribution').count()).toBe(4);
    expect(await card('Spam about cars', mod).innerText()).toContain('flagged by 2 people');
    await shot(mod, 'cc-moderate');

    // Merge B into A, finding A by a search.
    const b = card('Night buses, more often', mod);
    await b.getByRole('button', { name: /^Merge into another/ }).click();
    await b.getByLabel('Find the contribution to merge into').fill('night buses');
    await b.getByRole('button', { name: 'Search' }).click();
    await b.getByRole('radio', { name: /More night buses/ }).check();
    await b.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect.poll(() => mod.getByTestId('cc-moderate-said').innerText()).toContain('which now has 3 supports');
    await expect.poll(() => card('Night buses, more often', mod).count()).toBe(0);
    expect((await get(ids.a)).supports).toBe(3);

    // Hide the spam with a reason its author sees.
    const c = card('Spam about cars', mod);
    await c.getByRole('button', { name: /^Hide/ }).click();
    await c.getByLabel('Reason (the author will see it)').fill('Advertising is not allowed here.');
    await c.getByRole('button', { name: 'Hide it' }).click();
    await expect.poll(() => card('Spam about cars', mod).locator('.cc-badge').innerText()).toBe('Hidden');
    const hidden = (await ok(people.Caro!, 'contribution:get', { contributionId: ids.c })).contribution;
    expect(hidden.status).toBe('hidden');
    expect(hidden.hiddenReason).toBe('Advertising is not allowed here.');

    // Tag A with a theme and mark it for the information document.
    const a = card('More night buses', mod);
    await a.getByRole('button', { name: /^Themes/ }).click();
    await a.getByLabel('Theme', { exact: true }).fill('Night mobility');
    await a.getByRole('button', { name: 'Add the theme' }).click();
    await a.getByRole('button', { name: 'Save the themes' }).click();
    await a.getByRole('checkbox', { name: /Carry into the information document/ }).check();
    await expect
      .poll(async () => {
        const now = await get(ids.a);
        return [now.themes, now.carry];
      })
      .toEqual([['Night mobility'], true]);
    await shot(mod, 'cc-moderated');
    await expectAccessible(mod, "the moderator's console, Moderate (en)");
    await mod.context().close();

    // The organiser's queue shows the same, live.
    await tab(/Moderate/);
    await page.getByRole('radio', { name: /^All/ }).check();
    await expect.poll(() => card('Spam about cars').locator('.cc-badge').innerText()).toBe('Hidden');
    await expectAccessible(page, 'the consultation console, Moderate (en)');
  }, 90_000);

  it('CONS55: the organiser writes one official response to two contributions', async () => {
    await tab(/Respond/);
    await page.getByRole('checkbox', { name: 'Choose “More night buses”' }).check();
    await page.getByRole('checkbox', { name: 'Choose “Free transport for students”' }).check();
    expect(await page.locator('.cc-response-form').innerText()).toContain('2 contributions chosen.');
    await page.getByRole('radio', { name: 'Partly taken up' }).check();
    await page.getByLabel('Response and reason').fill('Night buses every 20 minutes from June; free rides for students are under study with the region.');
    await page.getByRole('button', { name: 'Publish the response' }).click();
    await expect.poll(() => page.getByTestId('cc-respond-said').innerText()).toBe('Response published for 2 contributions.');
    const [a, d] = [await get(ids.a), await get(ids.d)];
    expect(a.response?.status).toBe('partly-taken-up');
    expect(d.response?.id).toBe(a.response?.id);
    expect(a.response?.contributionIds.sort()).toEqual([ids.a, ids.d].sort());
    // The author sees it on their own contribution.
    expect((await ok(people.Dev!, 'contribution:get', { contributionId: ids.d })).contribution.response?.status).toBe('partly-taken-up');
    await page.getByRole('checkbox', { name: 'Only those without a response' }).uncheck();
    await expect.poll(() => card('More night buses').innerText()).toContain('Partly taken up');
    await shot(page, 'cc-respond');
    await expectAccessible(page, 'the consultation console, Respond (en)');
    await tab(/Opinion groups/);
    await expectAccessible(page, 'the consultation console, Opinion groups (en)');
  }, 60_000);

  it('CONS57: the opinion board shows the groups, what unites and what divides, as tables', async () => {
    const heat = (await ok(staff, 'consultation:get', {})).consultation.questions[1]!.id;
    const texts = ['Plant more trees in streets', 'Open cooling centres', 'Ban cars downtown in summer', 'Subsidise air conditioning', 'Warn people by SMS'];
    const statementIds: string[] = [];
    for (const text of texts) statementIds.push((await ok(staff, 'statement:propose', { questionId: heat, text })).statement.id);
    // Two blocs that disagree on four statements and agree on the last one.
    const first = ['Ana', 'Ben', 'Caro'];
    for (const who of [...first, 'Dev', 'Eli', 'Fay'])
      for (const [i, statementId] of statementIds.entries()) {
        const mine = first.includes(who);
        const vote = i === 4 ? 'agree' : i < 2 === mine ? 'agree' : 'disagree';
        await ok(people[who]!, 'statement:answer', { statementId, vote });
      }
    await tab(/Opinion groups/);
    const board = page.locator('.cc-opinion');
    await expect.poll(() => board.innerText(), { timeout: 20_000 }).toContain('6 people placed in 2 groups');
    expect(await board.innerText()).toMatch(/Group A — 3 people[\s\S]*Group B — 3 people/);
    const byGroup = page.getByRole('table', { name: 'Each statement by opinion group' });
    expect(await byGroup.getByRole('columnheader').allInnerTexts()).toEqual(['Statement', 'Everyone', 'Group A', 'Group B']);
    expect(await byGroup.getByRole('row', { name: /Warn people by SMS/ }).innerText()).toContain('100% agree, 0% disagree, 0% pass');
    expect(await page.getByRole('table', { name: 'Each statement by stakeholder group' }).getByRole('columnheader').allInnerTexts()).toEqual(['Statement', 'Academia']);
    await shot(page, 'cc-opinion');
    await expectAccessible(page, 'the consultation console, Opinion groups with a report (en)');
  }, 90_000);

  it('CONS56: the projector shows how to join and the live counts per question', async () => {
    const projector = await openPage(browser, `${server.url}/s/${stored.sessionId}/projector#key=${stored.projectorKey}`, { viewport: { width: 1280, height: 720 } });
    await expect.poll(() => projector.getByTestId('pj-question').count()).toBe(2);
    // A published (2 supports, Caro's and Eli's, + Fay's through the merge), D published, B merged, C hidden.
    await expect.poll(() => projector.getByTestId('pj-question').first().innerText()).toMatch(/2 contributions/);
    expect(await projector.locator('main').innerText()).toContain('Digital cooperation roadmap');
    await shot(projector, 'cc-projector');
    await expectAccessible(projector, 'the consultation projector');
    await projector.context().close();
  }, 60_000);

  it('CONS53: invitation codes made, listed and used; a Town Hall this browser runs is carried in with its provenance', async () => {
    // A Town Hall this browser facilitates, with a question nobody answered.
    const townhall = await createSession(server.url, { format: 'townhall', title: 'Open data Town Hall', attribution: 'named' });
    const asker = await join(server.url, townhall.session.joinCode, { displayName: 'Gil' });
    await ok((await connect(server.url, asker.token)).socket, 'qa:ask', { text: 'Will the bus timetables be open data?' });
    await page.evaluate(
      (c) => {
        const all = JSON.parse(localStorage.getItem('openTalks.credentials') ?? '{}') as Record<string, unknown>;
        all[c.sessionId] = c;
        localStorage.setItem('openTalks.credentials', JSON.stringify(all));
      },
      {
        sessionId: townhall.session.id,
        joinCode: townhall.session.joinCode,
        title: townhall.session.title,
        token: townhall.facilitatorToken,
        facilitator: true,
        format: 'townhall',
      },
    );
    await page.reload();
    await tab(/Prepare/);
    const bring = page.locator('section.cc-import');
    expect(await bring.getByLabel('Session').locator('option').allInnerTexts()).toEqual(['Open data Town Hall (Town Hall)']);
    await bring.getByLabel('Into the question').selectOption({ label: 'How should public transport change?' });
    await bring.getByRole('button', { name: 'Bring them in' }).click();
    await expect.poll(() => bring.getByRole('status').innerText()).toContain('1 contribution brought in.');
    expect(await bring.getByRole('status').innerText()).toContain('from the Town Hall “Open data Town Hall”, question');
    const list = await ok(staff, 'consultation:list', { questionId, q: 'timetables' });
    expect(list.page.items.map((c) => c.origin?.format)).toEqual(['townhall']);

    // Only invited people from now on: two codes, one used.
    await page.getByRole('radio', { name: 'Only people with an invitation code' }).check();
    await page.getByRole('button', { name: 'Save the set-up' }).click();
    const invitations = page.locator('section.cc-invitations');
    await invitations.getByLabel('How many codes').fill('2');
    await invitations.getByRole('button', { name: 'Make the codes' }).click();
    await expect.poll(() => invitations.locator('.cc-said').innerText()).toBe('2 codes made.');
    const codes = await invitations.locator('tbody td.code').allInnerTexts();
    expect(codes).toHaveLength(2);
    await join(server.url, stored.joinCode, { displayName: 'Hana', invitationCode: codes[0] });
    await page.reload();
    await tab(/Prepare/);
    await expect.poll(() => page.locator('section.cc-invitations').innerText()).toContain('1 unused, 1 used.');
    await shot(page, 'cc-prepare-invitations');
    await expectAccessible(page, 'the consultation console, Prepare with invitations and an import (en)');
  }, 90_000);

  it('CONS59: the console in French is translated and axe clean in every tab', async () => {
    const fr = await openPage(browser, `${server.url}/s/${stored.sessionId}/console#token=${stored.token}`, { locale: 'fr' });
    await expect
      .poll(() => fr.locator('[role=tab]').allInnerTexts())
      .toEqual([
        expect.stringMatching(/Préparer/),
        expect.stringMatching(/Modérer/),
        expect.stringMatching(/Répondre/),
        expect.stringMatching(/Groupes d’opinion/),
        expect.stringMatching(/Compte rendu/),
      ]);
    for (const name of [/Préparer/, /Modérer/, /Répondre/, /Groupes d’opinion/]) {
      await fr.getByRole('tab', { name }).click();
      await expect.poll(() => fr.locator('[role=tab][aria-selected=true]').innerText()).toMatch(name);
      await expect.poll(() => fr.locator('[role=tabpanel] [role=status]').filter({ hasText: 'Chargement' }).count()).toBe(0);
      await shot(fr, `cc-fr-${name.source.replace(/\W/g, '')}`);
      await expectAccessible(fr, `the consultation console in French, ${name.source}`);
    }
    // A refusal is said from the ack's reason, in French: a phase date in the past.
    await fr.getByRole('tab', { name: /Préparer/ }).click();
    await fr.getByLabel(/Clôture le/).fill('2020-01-01T10:00');
    await fr.getByRole('button', { name: 'Enregistrer les dates' }).click();
    await expect.poll(() => fr.locator('.cc-schedule .form-error').innerText()).not.toBe('');
    expect((await ok(staff, 'consultation:get', {})).consultation.schedule.closed).not.toBe(Date.parse('2020-01-01T10:00'));
    await fr.context().close();

    // Arabic: right to left, translated.
    const ar = await openPage(browser, `${server.url}/s/${stored.sessionId}/console#token=${stored.token}`, { locale: 'ar' });
    await expect.poll(() => ar.locator('[role=tab]').first().innerText()).toMatch(/التحضير/);
    expect(await ar.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await shot(ar, 'cc-ar-prepare');
    await ar.context().close();
  }, 120_000);
});
