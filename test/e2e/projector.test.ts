import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { HARVEST_PLACEMENT, HARVEST_THEMES, notepadRoomName, type Language } from '../../shared/src/index.js';
import type { ProjectorChoice } from '../../shared/src/domain/projector.js';
import type { StakeholderGroup } from '../../shared/src/domain/words.js';
import { createSession, http, join, type Created } from '../helpers/api.js';
import { browserSuite, expectAccessible, missingChromium, openPage, shot } from '../helpers/browser.js';
import { cafeWorld, ideasAt, openNotepad, type CafeWorld } from '../helpers/notepad.js';
import type { TestServer } from '../helpers/server.js';
import { command, connect, type ClientSocket } from '../helpers/socket.js';

const missing = missingChromium();

// The room's big screen (docs/spec.md, PROJ1–PROJ16): every mode at 1920×1080 in English and in
// Arabic, chosen from the console's command and followed without a reload; nothing on it to press.

const FULL_HD = { width: 1920, height: 1080 };
const LANGUAGES = ['en', 'ar'] as const;
type Catalog = Record<string, unknown>;
const catalogs = Object.fromEntries(LANGUAGES.map((l) => [l, JSON.parse(readFileSync(new URL(`../../shared/src/i18n/${l}.json`, import.meta.url), 'utf8')) as Catalog]));
/** A catalog string with its placeholders filled, as the page shows it. */
function text(language: Language, key: string, params: Record<string, string | number> = {}): string {
  let value: unknown = catalogs[language];
  for (const part of key.split('.')) value = (value as Catalog)[part];
  if (typeof value !== 'string') throw new Error(`no ${key} in ${language}`);
  return value.replace(/{{(\w+)}}/g, (_, name: string) => String(params[name]));
}

const INTERACTIVE = 'button, select, input, textarea, a[href], summary, details, [tabindex="0"], [contenteditable="true"]';

/** PROJ7, PROJ16: nothing to press, nothing cut off, axe clean; then the screenshot. */
async function checkScreen(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(1_100); // bars finish growing (900 ms), so the screenshot shows them whole
  expect(await page.locator('main').locator(INTERACTIVE).count(), `interactive elements on ${name}`).toBe(0);
  const overflow = await page.evaluate(() => {
    const body = document.querySelector('.pj-body');
    const root = document.documentElement;
    return {
      body: body ? body.scrollHeight - body.clientHeight : 0,
      pageY: root.scrollHeight - root.clientHeight,
      pageX: root.scrollWidth - root.clientWidth,
    };
  });
  expect(overflow, `nothing cut off or scrolling on ${name}`).toEqual({ body: 0, pageY: 0, pageX: 0 });
  await expectAccessible(page, name);
  await shot(page, name);
}

/** Whether the header's join address is laid out host first, "/join" to its right (PROJ18). */
async function joinAddressReadsLeftToRight(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const line = document.querySelector('.projector-small-join');
    const node = line?.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) throw new Error('no join line');
    const text = node.textContent ?? '';
    const box = (from: number, length: number) => {
      const range = document.createRange();
      range.setStart(node, from);
      range.setEnd(node, from + length);
      return range.getBoundingClientRect();
    };
    const host = box(text.indexOf(location.host), 1);
    const join = box(text.indexOf('/join'), 5);
    return host.left < join.left;
  });
}

/** The projector shows `language` (PROJ5): the document's language and direction follow the command. */
async function inLanguage(page: Page, language: Language): Promise<void> {
  await expect.poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([language, language === 'ar' ? 'rtl' : 'ltr']);
}

async function show(socket: ClientSocket, change: Partial<ProjectorChoice>): Promise<void> {
  const ack = await command(socket, 'projector:show', change);
  expect(ack, JSON.stringify(ack)).toMatchObject({ ok: true });
}

describe.skipIf(missing !== null)('the projector (PROJ)', () => {
  let server: TestServer;
  let browser: Browser;

  browserSuite((started) => ({ server, browser } = started));

  describe('in a Town Hall', () => {
    let created: Created;
    let staff: ClientSocket;
    let projector: Page;
    const voters: { socket: ClientSocket; group: StakeholderGroup }[] = [];

    beforeAll(async () => {
      created = await createSession(server.url, { title: 'Town Hall on digital public goods', format: 'townhall', attribution: 'group', languages: ['en', 'ar'] });
      staff = (await connect(server.url, created.facilitatorToken)).socket;
      const groups: StakeholderGroup[] = ['government', 'government', 'civil-society', 'civil-society', 'academia', 'private-sector', 'civil-society'];
      for (const [i, group] of groups.entries()) {
        const person = await join(server.url, created.session.joinCode, { displayName: `Voter ${i + 1}`, stakeholderGroup: group });
        voters.push({ socket: (await connect(server.url, person.token)).socket, group });
      }
      projector = await openPage(browser, created.links.projector, { viewport: FULL_HD });
      await projector.getByRole('heading', { level: 1 }).waitFor();
    }, 60_000);

    it('PROJ5 PROJ7: the join screen has no language picker and nothing to press; the session’s first language by default', async () => {
      await inLanguage(projector, 'en');
      await expect.poll(() => projector.getByTestId('projector-code').innerText()).toMatch(/^\w{3} \w{3}$/);
      await checkScreen(projector, 'projector-join-en');
    });

    it('PROJ8: an open poll shows its options, where to vote and the QR code, in English and Arabic', async () => {
      const poll = await command(staff, 'poll:create', { kind: 'single', question: 'Which area first?', options: ['Schools', 'Transport', 'Health'] });
      if (!poll.ok) throw new Error(poll.error.message);
      const pollId = poll.poll.poll.id;
      expect(await command(staff, 'poll:open', { pollId })).toMatchObject({ ok: true });
      for (const language of LANGUAGES) {
        await show(staff, { view: 'poll', pollId, language });
        await inLanguage(projector, language);
        const shown = projector.getByTestId('projector-poll');
        await expect.poll(() => shown.locator('.pj-poll-question').innerText()).toBe('Which area first?');
        expect(await shown.locator('.pj-options li').allInnerTexts()).toEqual(['Schools', 'Transport', 'Health']);
        expect(await shown.innerText()).toContain(text(language, 'projector.voteAt'));
        expect(await shown.locator('.pj-url').innerText()).toBe(`${new URL(server.url).host}/join`);
        await expect.poll(() => shown.getByTestId('qr').isVisible()).toBe(true);
        await checkScreen(projector, `projector-poll-open-${language}`);
      }
    });

    it('PROJ9 PROJ16: results are large bars with counts and percentages, overall and by group; also at 1280×720', async () => {
      const poll = await command(staff, 'poll:create', { kind: 'single', question: 'Should the data be open by default?', options: ['Yes', 'No', 'Not sure'] });
      if (!poll.ok) throw new Error(poll.error.message);
      const pollId = poll.poll.poll.id;
      expect(await command(staff, 'poll:open', { pollId })).toMatchObject({ ok: true });
      const choices = ['o1', 'o1', 'o2', 'o1', 'o3', 'o1', 'o2'];
      for (const [i, voter] of voters.entries()) expect(await command(voter.socket, 'poll:vote', { pollId, choice: choices[i]! })).toMatchObject({ ok: true });
      expect(await command(staff, 'poll:results-visible', { pollId, visible: true })).toMatchObject({ ok: true });
      for (const language of LANGUAGES) {
        await show(staff, { view: 'results', pollId, byGroup: false, language });
        await inLanguage(projector, language);
        const bars = projector.getByTestId('projector-results').getByTestId('projector-bar');
        await expect.poll(() => bars.count()).toBe(3);
        const yes = await bars.first().innerText();
        expect(yes).toContain('Yes');
        // 4 of 7: the count and the percentage in text (Arabic digits and sign as Intl writes them).
        const count = new Intl.NumberFormat(language).format(4);
        const share = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(4 / 7);
        expect(yes).toContain(`${count} · ${share}`);
        await checkScreen(projector, `projector-results-${language}`);
        // PROJ18: the join address reads left to right even in Arabic ("127.0.0.1:port/join", not "join/127…").
        expect(await joinAddressReadsLeftToRight(projector), `the join address on the ${language} projector`).toBe(true);
        await show(staff, { byGroup: true });
        await expect.poll(() => projector.locator('.pj-group').count()).toBe(4);
        expect(await projector.locator('.pj-group h3').first().innerText()).toBe(text(language, 'words.group.government'));
        await checkScreen(projector, `projector-results-by-group-${language}`);
      }
      await show(staff, { byGroup: false, language: 'en' });
      const small = await openPage(browser, created.links.projector, { viewport: { width: 1280, height: 720 } });
      await expect.poll(() => small.getByTestId('projector-bar').count()).toBe(3);
      await checkScreen(small, 'projector-results-en-1280');
      await small.context().close();
    });

    it('PROJ10: a short-text poll is a word cloud whose words never overlap', async () => {
      const poll = await command(staff, 'poll:create', { kind: 'text', question: 'One word for the internet you want?', maxEntries: 3 });
      if (!poll.ok) throw new Error(poll.error.message);
      const pollId = poll.poll.poll.id;
      expect(await command(staff, 'poll:open', { pollId })).toMatchObject({ ok: true });
      const answers = [
        ['open', 'safe', 'affordable'],
        ['open', 'free', 'inclusive'],
        ['open', 'safe', 'multilingual'],
        ['secure', 'open', 'fast'],
        ['inclusive', 'safe', 'open'],
        ['مفتوح', 'آمن', 'open'],
        ['开放', 'safe', 'trustworthy'],
      ];
      for (const [i, voter] of voters.entries()) expect(await command(voter.socket, 'poll:vote', { pollId, choice: answers[i]! })).toMatchObject({ ok: true });
      expect(await command(staff, 'poll:results-visible', { pollId, visible: true })).toMatchObject({ ok: true });
      for (const language of LANGUAGES) {
        await show(staff, { view: 'results', pollId, language });
        await inLanguage(projector, language);
        const words = projector.getByTestId('projector-word');
        await expect.poll(() => words.count()).toBeGreaterThanOrEqual(10);
        expect(await words.first().innerText()).toMatch(/^open\s+\S+$/);
        const boxes = await projector.evaluate(() => {
          const area = document.querySelector('.pj-cloud')!.getBoundingClientRect();
          const words = [...document.querySelectorAll('[data-testid="projector-word"]')].map((li) => {
            const [word, count] = [...li.children].map((c) => c.getBoundingClientRect());
            return {
              left: Math.min(word!.left, count!.left),
              right: Math.max(word!.right, count!.right),
              top: Math.min(word!.top, count!.top),
              bottom: Math.max(word!.bottom, count!.bottom),
            };
          });
          return { area: { left: area.left, right: area.right, top: area.top, bottom: area.bottom }, words };
        });
        for (const [i, a] of boxes.words.entries()) {
          expect(a.left).toBeGreaterThanOrEqual(boxes.area.left - 1);
          expect(a.right).toBeLessThanOrEqual(boxes.area.right + 1);
          for (const b of boxes.words.slice(i + 1)) {
            const apart = a.right <= b.left + 0.5 || b.right <= a.left + 0.5 || a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5;
            expect(apart, `words ${JSON.stringify(a)} and ${JSON.stringify(b)} overlap`).toBe(true);
          }
        }
        await checkScreen(projector, `projector-word-cloud-${language}`);
      }
    });

    it('PROJ11 PROJ15: Q&A shows the question being answered and the top five by votes; captions run along the bottom', async () => {
      const asked: string[] = [];
      const texts = [
        'How will small businesses be consulted?',
        'Who pays for connecting rural schools?',
        'Will the data stay in the country?',
        'How can civil society follow the decisions?',
        'What happens to the old systems?',
        'When will the first results be published?',
      ];
      for (const [i, question] of texts.entries()) {
        const ack = await command(voters[i]!.socket, 'qa:ask', { text: question });
        if (!ack.ok) throw new Error(ack.error.message);
        asked.push(ack.question.id);
      }
      // Votes: question i gets i votes, so the order is known.
      for (const [i, id] of asked.entries())
        for (const voter of voters.slice(0, i)) expect(await command(voter.socket, 'qa:vote', { questionId: id, up: true })).toMatchObject({ ok: true });
      expect(await command(staff, 'qa:pin', { questionId: asked[5]! })).toMatchObject({ ok: true });
      for (const line of ['Welcome, everyone, to the Town Hall.', 'The minister will answer the first questions now.', 'Please keep your questions short.']) {
        expect(await command(staff, 'caption:add', { text: line })).toMatchObject({ ok: true });
      }
      for (const language of LANGUAGES) {
        await show(staff, { view: 'qa', language });
        await inLanguage(projector, language);
        const qa = projector.getByTestId('projector-qa');
        await expect.poll(() => qa.locator('.projector-pinned').innerText()).toContain('When will the first results be published?');
        await expect.poll(() => qa.locator('.projector-pinned').textContent()).toContain(text(language, 'townhall.qa.nowAnswering'));
        const top = qa.getByTestId('projector-top-questions').locator('li');
        await expect.poll(() => top.count()).toBe(5);
        await expect.poll(() => top.first().innerText()).toMatch(/^[4٤]\s+What happens to the old systems\?$/);
        // Names never reach the screen from the questions.
        expect(await qa.innerText()).not.toMatch(/Voter \d/);
        const captions = projector.getByTestId('projector-captions').locator('p');
        await expect.poll(() => captions.allInnerTexts()).toEqual(['The minister will answer the first questions now.', 'Please keep your questions short.']);
        await checkScreen(projector, `projector-qa-${language}`);
      }
      await shot(projector, 'projector-captions-ar');
      await show(staff, { language: 'en' });
      await inLanguage(projector, 'en');
      await shot(projector, 'projector-captions-en');
    });

    it('PROJ1: the projector follows a new choice within a second, without reloading', async () => {
      await projector.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
      await show(staff, { view: 'join' });
      await expect.poll(() => projector.locator('main').getAttribute('data-mode'), { timeout: 1_000 }).toBe('join');
      await show(staff, { view: 'qa' });
      await expect.poll(() => projector.locator('main').getAttribute('data-mode'), { timeout: 1_000 }).toBe('qa');
      expect(await projector.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
      // A reload shows the same: the choice is in the state.
      await projector.reload();
      await expect.poll(() => projector.locator('main').getAttribute('data-mode')).toBe('qa');
      await show(staff, { view: 'auto' });
    });
  });

  describe('in a café', () => {
    let world: CafeWorld;
    let staff: ClientSocket;
    let projector: Page;

    beforeAll(async () => {
      world = await cafeWorld(server.url, server.store, { languages: ['en', 'ar'], attribution: 'group' });
      staff = (await connect(server.url, world.created.facilitatorToken)).socket;
      projector = await openPage(browser, world.created.links.projector, { viewport: FULL_HD });
      await projector.getByRole('heading', { level: 1 }).waitFor();
    }, 60_000);

    it('PROJ12: a round shows round x of n, the question, a big countdown and the table map', async () => {
      for (const language of LANGUAGES) {
        await show(staff, { view: 'round', language });
        await inLanguage(projector, language);
        const cafe = projector.getByTestId('projector-cafe');
        await expect.poll(() => cafe.locator('.projector-status').innerText()).toBe(text(language, 'run.roundOf', { round: 1, total: 2 }));
        expect(await cafe.locator('.projector-question').innerText()).toBe('What matters?');
        await expect.poll(() => cafe.locator('.countdown-time').innerText()).toMatch(/^(20:00|19:\d\d)$/);
        expect(await cafe.locator('.table-tile').count()).toBe(2);
        await checkScreen(projector, `projector-round-${language}`);
      }
    });

    it('PROJ13: between rounds the screen says round 2 starts soon: check your phone', async () => {
      const ideas = ideasAt(server.url, world, world.tableA, 1);
      await ideas.add(world.ann.token, 'a1', 'Open data by default, with privacy by design');
      await ideas.add(world.ann.token, 'a2', 'Train public servants in data skills');
      await ideas.mark(world.ann.token, 'a1', true);
      const b = ideasAt(server.url, world, world.tableB, 1);
      await b.add(world.cem.token, 'b1', 'Let communities own their local data');
      await b.add(world.cem.token, 'b2', 'Publish every algorithm used to decide on benefits');
      await b.add(world.cem.token, 'b3', 'Fund open source maintainers');
      const ended = await http(server.url, 'POST', `/api/sessions/${world.sessionId}/cafe/run/end`, { token: world.created.facilitatorToken, body: {} });
      expect(ended.status).toBe(200);
      for (const language of LANGUAGES) {
        await show(staff, { view: 'round', language });
        await inLanguage(projector, language);
        await expect.poll(() => projector.getByTestId('starts-soon').innerText()).toBe(text(language, 'projector.startsSoon', { round: 2 }));
        expect(await projector.locator('.projector-status').innerText()).toBe(text(language, 'run.roundOver', { round: 1, total: 2 }));
        await checkScreen(projector, `projector-between-rounds-${language}`);
      }
    });

    it('PROJ14: the harvest shows themes as columns of cards', async () => {
      const board = await openNotepad(server.url, notepadRoomName({ kind: 'harvest', sessionId: world.sessionId }), world.created.facilitatorToken);
      const themes: [string, string][] = [
        ['t1', 'Open data'],
        ['t2', 'Skills and capacity'],
      ];
      board.doc.transact(() => {
        for (const [id, name] of themes) {
          const theme = new Y.Map<unknown>();
          board.doc.getArray(HARVEST_THEMES).push([theme]);
          theme.set('id', id);
          theme.set('name', name);
        }
        const placement = board.doc.getMap(HARVEST_PLACEMENT);
        placement.set(`${world.tableA}/1/a1`, 't1');
        placement.set(`${world.tableB}/1/b1`, 't1');
        placement.set(`${world.tableA}/1/a2`, 't2');
      });
      for (const language of LANGUAGES) {
        await show(staff, { view: 'harvest', language });
        await inLanguage(projector, language);
        const columns = projector.getByTestId('harvest-projector').getByTestId('harvest-column');
        await expect.poll(() => columns.count()).toBe(3);
        expect(await columns.nth(0).innerText()).toContain('Open data by default, with privacy by design');
        expect(await columns.nth(0).getByTestId('harvest-idea').count()).toBe(2);
        expect(await columns.nth(2).locator('h3').innerText()).toContain(text(language, 'harvest.unthemed'));
        await checkScreen(projector, `projector-harvest-${language}`);
      }
    });

    it('PROJ5: a French-first session’s projector reads French, title included', async () => {
      const french = await createSession(server.url, { title: 'Café francophone', format: 'cafe', languages: ['fr', 'en'] });
      const page = await openPage(browser, french.links.projector, { viewport: FULL_HD, locale: 'en-GB' });
      await expect.poll(() => page.title()).toBe('Projecteur — Café francophone — Open Talks');
      await inLanguage(page, 'fr');
      await page.context().close();
    });
  });
});
