import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, http, join, type Created, type Joined } from '../helpers/api.js';
import { browserSuite, expectAccessible, missingChromium, shot } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { command, connect } from '../helpers/socket.js';
import { openTownHall, type TownHall } from '../helpers/townhall.js';

const missing = missingChromium();
const QUESTION = 'Why does trust matter?';
const QUESTION_AR = 'لماذا تهم الثقة؟';
const POLL = 'Which area first?';
const POLL_AR = 'أي مجال أولاً؟';
const OPTIONS = ['Schools', 'Transport'];
const OPTIONS_AR = ['المدارس', 'النقل'];
const SLOW = { timeout: 30_000 };

// LANG60–LANG63: an Arabic participant reads the organisers' texts in English until someone adds
// the Arabic versions; then the page shows them live, marked as translations, with lang="ar" and
// dir="rtl", and stays clean for axe.
describe.skipIf(missing !== null)('an Arabic participant and translated content', () => {
  let server: TestServer;
  let browser: Browser;

  browserSuite((started) => ({ server, browser } = started));

  async function open(url: string): Promise<Page> {
    const page = await (await browser.newContext({ locale: 'ar' })).newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(url);
    return page;
  }

  describe('in a café', () => {
    let created: Created;
    let amal: Joined;
    let page: Page;

    beforeAll(async () => {
      created = await createSession(server.url, { title: 'Café in two languages', format: 'cafe', languages: ['en', 'ar'] });
      const sid = created.session.id;
      const rounds = await http(server.url, 'PUT', `/api/sessions/${sid}/cafe/rounds`, {
        token: created.facilitatorToken,
        body: { rounds: [{ question: QUESTION, durationMinutes: 15 }] },
      });
      expect(rounds.status).toBe(200);
      amal = await join(server.url, created.session.joinCode, { displayName: 'Amal', language: 'ar' });
    }, 60_000);

    it('LANG60 the round question is in English, with no marker, before an Arabic version exists', async () => {
      page = await open(`${server.url}/s/${created.session.id}#token=${amal.token}`);
      const question = page.locator('.cafe-card p.question');
      await expect.poll(() => question.textContent(), SLOW).toBe(QUESTION);
      expect(await question.getAttribute('lang')).toBe('en');
      expect(await page.locator('.cafe-card [data-testid="translated-mark"]').count()).toBe(0);
    });

    it('LANG61 the facilitator adds the Arabic version over Socket.IO; the page shows it live, rtl, marked as translated', async () => {
      const { socket } = await connect(server.url, created.facilitatorToken);
      const ack = await command(socket, 'content:set-version', { key: 'cafe-round/1/question', language: 'ar', text: QUESTION_AR });
      expect(ack).toMatchObject({ ok: true });
      const question = page.locator('.cafe-card p.question');
      await expect.poll(() => question.textContent(), SLOW).toBe(QUESTION_AR);
      expect(await question.getAttribute('lang')).toBe('ar');
      expect(await question.getAttribute('dir')).toBe('rtl');
      await expect.poll(() => page.locator('.cafe-card [data-testid="translated-mark"]').count(), SLOW).toBe(1);
      // "Show original" brings back the English, with its own language.
      await page.locator('.cafe-card .translated-toggle').click();
      await expect.poll(() => question.textContent(), SLOW).toBe(QUESTION);
      expect(await question.getAttribute('lang')).toBe('en');
      await page.locator('.cafe-card .translated-toggle').click();
      await expect.poll(() => question.textContent(), SLOW).toBe(QUESTION_AR);
      await shot(page, 'translated-cafe');
      await expectAccessible(page, 'the café with an Arabic round question');
    });
  });

  describe('in a Town Hall', () => {
    let th: TownHall;
    let amal: Joined;
    let page: Page;
    let pollId: string;
    let optionIds: string[];

    it("LANG62 an open poll's question and options show in English first", async () => {
      th = await openTownHall(server.url, { languages: ['en', 'ar'] });
      amal = await join(server.url, th.created.session.joinCode, { displayName: 'Amal', language: 'ar' });
      const made = await command(th.facilitator.socket, 'poll:create', { kind: 'single', question: POLL, options: OPTIONS });
      expect(made.ok, JSON.stringify(made)).toBe(true);
      const poll = (made as unknown as { poll: { poll: { id: string; options: { id: string; label: string }[] } } }).poll.poll;
      pollId = poll.id;
      optionIds = OPTIONS.map((label) => poll.options.find((o) => o.label === label)!.id);
      expect(await command(th.facilitator.socket, 'poll:open', { pollId })).toMatchObject({ ok: true });
      page = await open(`${server.url}/s/${th.created.session.id}#token=${amal.token}`);
      const card = page.locator('article.poll-card');
      await expect.poll(() => card.locator('h3').textContent(), SLOW).toBe(POLL);
      expect(await card.locator('h3').getAttribute('lang')).toBe('en');
      await expect.poll(async () => (await card.locator('label.choice').allTextContents()).map((x) => x.trim()), SLOW).toEqual(OPTIONS);
    });

    it('LANG63 Arabic versions of the question and options arrive live, rtl, marked as translated; axe is clean', async () => {
      const set = (key: string, text: string) => command(th.facilitator.socket, 'content:set-version', { key, language: 'ar', text });
      expect(await set(`poll/${pollId}/question`, POLL_AR)).toMatchObject({ ok: true });
      for (const [i, id] of optionIds.entries()) expect(await set(`poll/${pollId}/option:${id}`, OPTIONS_AR[i]!)).toMatchObject({ ok: true });
      const card = page.locator('article.poll-card');
      const heading = card.locator('h3');
      await expect.poll(() => heading.textContent(), SLOW).toBe(POLL_AR);
      expect(await heading.getAttribute('lang')).toBe('ar');
      expect(await heading.getAttribute('dir')).toBe('rtl');
      await expect.poll(() => card.locator('[data-testid="translated-mark"]').count(), SLOW).toBeGreaterThan(0);
      await expect.poll(async () => (await card.locator('label.choice').allTextContents()).map((x) => x.trim()), SLOW).toEqual(OPTIONS_AR);
      for (const text of OPTIONS_AR) {
        const label = card.locator('label.choice span', { hasText: text });
        expect(await label.getAttribute('lang')).toBe('ar');
        expect(await label.getAttribute('dir')).toBe('rtl');
      }
      // The Arabic option is the one voted for: its label still names the right choice.
      await card.getByLabel(OPTIONS_AR[1]!).check();
      await shot(page, 'translated-townhall-poll');
      await expectAccessible(page, 'the Town Hall with an Arabic poll');
    });
  });

  describe('in a consultation', () => {
    it('LANG64 the title, background, question and official response get Arabic versions live', async () => {
      const created = await createSession(server.url, { title: 'Open budgets', format: 'consultation', attribution: 'named', languages: ['en', 'ar'] });
      const sid = created.session.id;
      const api = (method: string, path: string, body?: unknown) => http(server.url, method, `/api/sessions/${sid}/consultation${path}`, { body, token: created.facilitatorToken });
      expect((await api('PATCH', '', { background: 'The city publishes its budget.' })).status).toBe(200);
      const added = await api('POST', '/questions', { text: 'How should it be published?', description: 'Formats and timing.' });
      expect(added.status).toBe(201);
      const questionId: string = added.body.consultation.questions[0].id;
      expect((await api('PUT', '/phase', { phase: 'contributions' })).status).toBe(200);
      const posted = await api('POST', '/contributions', { questionId, title: 'Open data', text: 'Every line as open data.' });
      expect(posted.status).toBe(201);
      const answered = await api('POST', '/responses', { contributionIds: [posted.body.contribution.id], status: 'taken-up', text: 'The portal will carry it.' });
      expect(answered.status).toBe(201);
      const responseId: string = answered.body.response.id;
      const amal = await join(server.url, created.session.joinCode, { displayName: 'Amal', language: 'ar' });
      const page = await open(`${server.url}/s/${sid}#token=${amal.token}`);
      const heading = page.locator(`#question-${questionId}-heading`);
      await expect.poll(() => heading.textContent(), SLOW).toBe('How should it be published?');
      expect(await heading.getAttribute('lang')).toBe('en');

      const { socket } = await connect(server.url, created.facilitatorToken);
      const versions: [string, string][] = [
        [`consultation/${sid}/title`, 'الميزانيات المفتوحة'],
        [`consultation/${sid}/background`, 'تنشر المدينة ميزانيتها.'],
        [`consultation-question/${questionId}/title`, 'كيف ينبغي نشرها؟'],
        [`consultation-question/${questionId}/text`, 'الصيغ والتوقيت.'],
        [`official-response/${responseId}/text`, 'ستنشرها البوابة.'],
      ];
      for (const [key, text] of versions) expect(await command(socket, 'content:set-version', { key, language: 'ar', text }), key).toMatchObject({ ok: true });
      const expectArabic = async (locator: ReturnType<Page['locator']>, text: string) => {
        await expect.poll(() => locator.first().textContent(), SLOW).toBe(text);
        expect(await locator.first().getAttribute('lang')).toBe('ar');
        expect(await locator.first().getAttribute('dir')).toBe('rtl');
      };
      await expectArabic(page.locator('h1'), versions[0]![1]);
      await expectArabic(page.locator('.consult-background p'), versions[1]![1]);
      await expectArabic(heading, versions[2]![1]);
      await expectArabic(page.locator('.consult-question-description'), versions[3]![1]);
      await expect.poll(() => page.locator('.consult-background [data-testid="translated-mark"]').count(), SLOW).toBe(1);
      // The official response shows on the contribution's card.
      const response = page.locator('.consult-response-text');
      await expect.poll(() => response.first().textContent(), SLOW).toBe(versions[4]![1]);
      expect(await response.first().getAttribute('dir')).toBe('rtl');
      await shot(page, 'translated-consultation');
      await expectAccessible(page, 'the consultation in Arabic');
    });
  });
});
