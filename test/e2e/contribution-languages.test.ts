import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConsultationView, ContributionView } from '../../shared/src/protocol/index.js';
import { createSession, http, join, type Created } from '../helpers/api.js';
import { browserSuite, expectAccessible, missingChromium, openPage, shot } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { command, connect } from '../helpers/socket.js';

const missing = missingChromium();

// MT37, MT39: a participant says which language their comment is in when writing it, and corrects
// the language of their own comment, contribution and question afterwards, with the keyboard.
describe.skipIf(missing !== null)('a participant says and corrects the language of what they write', () => {
  let server: TestServer;
  let browser: Browser;

  browserSuite((started) => ({ server, browser } = started));

  describe('in a consultation', () => {
    let created: Created;
    let page: Page;
    const api = <T = unknown>(method: string, path: string, body?: unknown) =>
      http<T>(server.url, method, `/api/sessions/${created.session.id}/consultation${path}`, { body, token: created.facilitatorToken });

    beforeAll(async () => {
      created = await createSession(server.url, { title: 'Consultation in two languages', format: 'consultation', attribution: 'named', languages: ['en', 'fr'] });
      const added = await api<{ consultation: ConsultationView }>('POST', '/questions', { text: 'How should the budget be published?', description: '', statements: false });
      expect(added.status).toBe(201);
      const questionId = added.body.consultation.questions[0]!.id;
      expect((await api('PUT', '/phase', { phase: 'contributions' })).status).toBe(200);
      const seed = await api<{ contribution: ContributionView }>('POST', '/contributions', {
        questionId,
        title: 'Publish it as open data',
        text: 'Every line as open data, every quarter.',
      });
      expect(seed.status).toBe(201);
      const amal = await join(server.url, created.session.joinCode, { displayName: 'Amal', language: 'en' });
      const socket = (await connect(server.url, amal.token)).socket;
      // Written in French but sent with an English interface: the author corrects it below.
      expect(await command(socket, 'contribution:submit', { questionId, title: 'Des audiences publiques', text: 'Des audiences publiques dans chaque quartier.' })).toMatchObject({
        ok: true,
        contribution: { language: 'en' },
      });
      page = await openPage(browser, `${server.url}/s/${created.session.id}#token=${amal.token}`);
      page.setDefaultTimeout(30_000);
    }, 60_000);

    it('MT37: the comment form’s “Written in” sends the comment’s language', async () => {
      // Both contributions on the board first (one may arrive as "new": shown when asked).
      const show = page.getByRole('button', { name: 'Show them' });
      await expect
        .poll(async () => {
          if (await show.isVisible()) await show.click();
          return page.locator('.consult-board .consult-card').count();
        })
        .toBe(2);
      const card = page.locator('.consult-board .consult-card').filter({ hasText: 'Publish it as open data' });
      await card.getByRole('button', { name: /^Comments \(0\)/ }).click();
      await shot(page, 'comment-form-open');
      await card.getByRole('radio', { name: 'Agree', exact: true }).check();
      expect(await card.getByLabel('Written in').inputValue()).toBe('en');
      await card.getByLabel('Your comment').fill('Oui, avec un journal des modifications.');
      await card.getByLabel('Written in').selectOption('fr');
      await card.getByRole('button', { name: 'Send my comment' }).click();
      const text = card.locator('.consult-comment p[lang]').filter({ hasText: 'Oui, avec' });
      await expect.poll(() => text.getAttribute('lang')).toBe('fr');
    });

    it('MT39: the author changes their comment’s language with the keyboard, and hears it', async () => {
      const comment = page.locator('.consult-comment').filter({ hasText: 'Oui, avec' });
      await expect.poll(() => comment.locator('.language-control').innerText()).toContain('Language: French');
      const change = comment.getByRole('button', { name: 'Change language' });
      await change.focus();
      await page.keyboard.press('Enter');
      const select = comment.getByLabel('Written in');
      await expect.poll(() => select.evaluate((el) => el === document.activeElement)).toBe(true);
      await select.selectOption('ar');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => comment.getByRole('status').innerText()).toBe('Language changed to Arabic.');
      const text = comment.locator('p[lang]').first();
      await expect.poll(() => text.getAttribute('lang')).toBe('ar');
      // Its direction is its letters' (IDEA6): a French sentence tagged Arabic still reads left to right.
      expect(await text.getAttribute('dir')).toBe('ltr');
      // Focus is back on "Change", where the person was.
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Change language');
      await shot(page, 'comment-language-changed');
      await expectAccessible(page, 'a comment whose language was changed');
    });

    it('MT39: the author says their contribution is in French; the board shows it so', async () => {
      const mine = page.locator('.consult-mine-item').filter({ hasText: 'Des audiences publiques' });
      await expect.poll(() => mine.locator('.language-control').innerText()).toContain('Language: English');
      await mine.getByRole('button', { name: 'Change language' }).click();
      await mine.getByLabel('Written in').selectOption('fr');
      await mine.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => mine.getByRole('status').innerText()).toBe('Language changed to French.');
      await expect.poll(() => mine.locator('h3').getAttribute('lang')).toBe('fr');
      const onBoard = page.locator('.consult-board .consult-card').filter({ hasText: 'Des audiences publiques' });
      await expect.poll(() => onBoard.locator('h4').getAttribute('lang')).toBe('fr');
    });
  });

  describe('in a Town Hall', () => {
    it('MT39: the asker corrects their question’s language; others cannot', async () => {
      const created = await createSession(server.url, { title: 'Town Hall in two languages', format: 'townhall', languages: ['en', 'ar'] });
      const asker = await join(server.url, created.session.joinCode, { displayName: 'Ann', language: 'en' });
      const socket = (await connect(server.url, asker.token)).socket;
      const asked = await command(socket, 'qa:ask', { text: 'لماذا نُقل الاجتماع؟', anonymous: false });
      expect(asked).toMatchObject({ ok: true, question: { language: 'en' } });
      const other = await join(server.url, created.session.joinCode, { displayName: 'Bo', language: 'en' });
      const otherPage = await openPage(browser, `${server.url}/s/${created.session.id}#token=${other.token}`);
      const page = await openPage(browser, `${server.url}/s/${created.session.id}#token=${asker.token}`);
      page.setDefaultTimeout(30_000);
      const item = page.locator('.question-item').filter({ hasText: 'لماذا' });
      await expect.poll(() => item.locator('.language-control').innerText()).toContain('Language: English');
      await item.getByRole('button', { name: 'Change language' }).click();
      await item.getByLabel('Written in').selectOption('ar');
      await item.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => item.locator('.question-text').getAttribute('lang')).toBe('ar');
      expect(await item.locator('.question-text').getAttribute('dir')).toBe('rtl');
      await expect.poll(() => item.getByRole('status').innerText()).toBe('Language changed to Arabic.');
      // Another participant reads it in Arabic too, without a control to change it.
      const theirs = otherPage.locator('.question-item').filter({ hasText: 'لماذا' });
      await expect.poll(() => theirs.locator('.question-text').getAttribute('lang')).toBe('ar');
      expect(await theirs.locator('.language-control').count()).toBe(0);
      await expectAccessible(page, 'a question whose language was changed');
    }, 60_000);
  });
});
