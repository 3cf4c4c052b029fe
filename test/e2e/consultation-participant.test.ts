import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConsultationView, ContributionView } from '../../shared/src/protocol/index.js';
import { createSession, http, type Created } from '../helpers/api.js';
import { expectAccessible, browserSuite, missingChromium, openPage, shot } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';

const missing = missingChromium();

// A participant takes part in an online consultation from the browser (CONS40–CONS47): joins
// while it is a draft, sees it open live, contributes (offered similar contributions while
// typing), supports up to the limit and moves a support, comments with a stance, flags, answers
// statements, and sees their contribution approved and answered live. The organiser's side is
// set up and driven through the HTTP API (the command table's routes).
describe.skipIf(missing !== null)('a consultation from a participant’s browser', () => {
  let server: TestServer;
  let browser: Browser;
  let created: Created;
  let page: Page;
  let questionId: string;

  const api = <T = unknown>(method: string, path: string, body?: unknown) =>
    http<T>(server.url, method, `/api/sessions/${created.session.id}/consultation${path}`, { body, token: created.facilitatorToken });

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    created = await createSession(server.url, { title: 'Consultation on open budgets', format: 'consultation', attribution: 'named' });
    expect(
      (await api('PATCH', '', { background: 'The city publishes its budget every year.\n\nHow should it be opened up?', supportsPerQuestion: 1, moderation: 'pre' })).status,
    ).toBe(200);
    const added = await api<{ consultation: ConsultationView }>('POST', '/questions', {
      text: 'How should the budget be published?',
      description: 'Formats, timing, access.',
      statements: true,
    });
    expect(added.status).toBe(201);
    questionId = added.body.consultation.questions[0]!.id;
  }, 60_000);

  it('CONS40, CONS41: a participant joins a draft, reads “not open yet”, and sees it open live', async () => {
    page = await openPage(browser, `${server.url}/join/${created.session.joinCode}`);
    await page.getByLabel('Display name').fill('Amal');
    await page.getByLabel('Stakeholder group').selectOption('civil-society');
    await page.getByLabel('Remote', { exact: true }).check();
    await page.getByRole('button', { name: /^Join$/ }).click();
    await expect.poll(() => page.getByTestId('consult-phase').innerText()).toBe('Not open yet.');
    await expect.poll(() => page.locator('.consult-background').innerText()).toContain('How should it be opened up?');

    expect((await api('PUT', '/phase', { phase: 'contributions' })).status).toBe(200);
    const seeds = [
      { title: 'Publish the budget as open data', text: 'Every line of the budget as open data in a machine-readable format, every quarter.' },
      { title: 'Hold budget hearings in every district', text: 'Public hearings before the council votes, with remote participation.' },
    ];
    for (const seed of seeds) {
      const posted = await api<{ contribution: ContributionView }>('POST', '/contributions', { questionId, ...seed });
      expect(posted.status).toBe(201);
      expect(posted.body.contribution.status).toBe('published');
    }
    for (const text of ['The budget should be published monthly.', 'Citizens should vote on part of the budget.', 'Budget data should be free to reuse.']) {
      expect((await api('POST', '/statements', { questionId, text })).status).toBe(201);
    }
    await expect.poll(() => page.getByTestId('consult-phase').innerText()).toBe('Open for contributions.');
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'How should the budget be published?' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('consult-supports-left').innerText()).toBe('Supports left: 1 of 1');
    // Posted while the list was open: counted as new ones, shown when asked (or in the first fetch).
    const cards = page.locator('.consult-board .consult-card');
    const show = page.getByRole('button', { name: 'Show them' });
    await expect
      .poll(async () => {
        if (await show.isVisible()) await show.click();
        return cards.count();
      })
      .toBe(2);
  });

  it('CONS43: while typing, similar contributions are offered to support instead; the contribution waits for review', async () => {
    const form = page.locator('.consult-contribute').first();
    await form.getByLabel('Title', { exact: true }).fill('Open budget data');
    await form.getByLabel('Your contribution', { exact: true }).fill('The budget should be open data, machine-readable');
    await expect.poll(() => form.getByText('Characters left: 4952 of 5000').count()).toBe(1);
    const similar = form.locator('.consult-similar');
    await expect.poll(() => similar.isVisible()).toBe(true);
    expect(await similar.getByRole('heading').innerText()).toBe('Is your idea already here? Support it instead');
    await expect.poll(() => similar.locator('.consult-similar-title').first().innerText()).toBe('Publish the budget as open data');
    expect(await similar.getByRole('button', { name: 'Support' }).count()).toBeGreaterThan(0);
    await shot(page, 'consultation-similar');

    await form.getByRole('button', { name: 'Send my contribution' }).click();
    await expect.poll(() => form.getByRole('status').filter({ hasText: 'Sent.' }).innerText()).toBe('Sent. It will be shown once a moderator has approved it.');
    const mine = page.locator('.consult-mine-item').filter({ hasText: 'Open budget data' });
    await expect.poll(() => mine.getByTestId('consult-mine-status').innerText()).toBe("Status: Waiting for a moderator's review");
  });

  it('CONS44: supports up to the limit, is refused beyond it with the reason, then moves the support', async () => {
    const board = page.locator('.consult-board');
    const open = board.locator('.consult-card').filter({ hasText: 'Publish the budget as open data' });
    const hearings = board.locator('.consult-card').filter({ hasText: 'Hold budget hearings' });
    await open.getByRole('button', { name: 'Support', exact: true }).click();
    await expect.poll(() => open.getByRole('button', { name: /^Supported/ }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByTestId('consult-supports-left').innerText()).toBe('Supports left: 0 of 1');
    await expect.poll(() => open.locator('.consult-counts').innerText()).toContain('Supports: 1');

    await hearings.getByRole('button', { name: 'Support', exact: true }).click();
    await expect.poll(() => hearings.getByRole('alert').innerText()).toContain('You have used all 1 of your supports for this question');
    await hearings.getByRole('button', { name: /Move my support from this one/ }).click();
    await expect.poll(() => hearings.getByRole('button', { name: /^Supported/ }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => open.getByRole('button', { name: 'Support', exact: true }).getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => hearings.getByRole('status').innerText()).toBe('Your support is moved.');
    // The support taken away from the first one leaves no stale "counted" there.
    await expect.poll(() => open.locator('.consult-support [role="status"]').innerText()).toBe('');
  });

  it('CONS44: comments with a stance, reads the thread, and flags after a confirmation', async () => {
    const card = page.locator('.consult-board .consult-card').filter({ hasText: 'Publish the budget as open data' });
    await card.getByRole('button', { name: /^Comments \(0\)/ }).click();
    await expect.poll(() => card.getByText('No comments yet.').count()).toBe(1);
    await card.getByRole('radio', { name: 'Agree', exact: true }).check();
    await card.getByLabel('Your comment').fill('Yes, and with a changelog.');
    await card.getByRole('button', { name: 'Send my comment' }).click();
    await expect.poll(() => card.getByRole('status').filter({ hasText: 'comment' }).innerText()).toBe('Your comment is sent.');
    await expect.poll(() => card.locator('.consult-comment').innerText()).toContain('Yes, and with a changelog.');
    expect(await card.locator('.consult-comment .consult-stance').innerText()).toContain('Agree');

    await card.getByText('Report this contribution').click();
    await card.getByRole('button', { name: 'Report as off-topic' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.innerText()).toContain('Report “Publish the budget as open data” as off-topic?');
    await dialog.getByRole('button', { name: 'Report it' }).click();
    await expect.poll(() => card.getByRole('status').filter({ hasText: 'Thank you' }).innerText()).toBe('Thank you. A moderator will look at it.');
  });

  it('CONS42: searches on the server, filters, and sorts at random', async () => {
    const board = page.locator('.consult-board');
    await board.getByLabel('Search', { exact: true }).fill('hearings');
    await expect.poll(() => board.locator('.consult-total').innerText()).toBe('Contributions found: 1');
    expect(await board.locator('.consult-card-title').innerText()).toBe('Hold budget hearings in every district');
    await board.getByLabel('Search', { exact: true }).fill('');
    await expect.poll(() => board.locator('.consult-total').innerText()).toBe('Contributions found: 2');
    await board.getByLabel('Sort by').selectOption('random');
    await expect.poll(() => board.locator('.consult-card').count()).toBe(2);
    await board.getByText('Filters').click();
    await board.getByLabel('Stakeholder group').selectOption('academia');
    await expect.poll(() => board.locator('.consult-total').innerText()).toBe('Contributions found: 0');
    await board.getByLabel('Stakeholder group').selectOption('');
    await expect.poll(() => board.locator('.consult-total').innerText()).toBe('Contributions found: 2');
  });

  it('CONS45: answers statements one at a time with the progress, and sees the opinion groups section', async () => {
    const statements = page.locator('.consult-statements');
    const progress = statements.getByTestId('consult-statement-progress');
    await expect.poll(() => progress.innerText()).toBe('Statement 1 of 3');
    await statements.getByRole('button', { name: 'Agree', exact: true }).click();
    await expect.poll(() => progress.innerText()).toBe('Statement 2 of 3');
    await statements.getByRole('button', { name: 'Disagree', exact: true }).click();
    await expect.poll(() => progress.innerText()).toBe('Statement 3 of 3');
    await statements.getByRole('button', { name: 'Pass / unsure' }).click();
    await expect.poll(() => progress.innerText()).toBe('You have answered all 3 statements. Thank you.');
    expect(await statements.getByRole('heading', { name: 'Opinion groups' }).count()).toBe(1);
  });

  it('CONS47: sees their contribution approved and answered live, announced politely', async () => {
    const mine = page.locator('.consult-mine-item').filter({ hasText: 'Open budget data' });
    const listed = await api<{ page: { items: ContributionView[] } }>('GET', `/queue?filter=pending`);
    const own = listed.body.page.items.find((c) => c.title === 'Open budget data');
    expect(own, JSON.stringify(listed.body)).toBeDefined();
    expect((await api('POST', `/contributions/${own!.id}/approve`, {})).status).toBe(200);
    await expect.poll(() => mine.getByTestId('consult-mine-status').innerText()).toBe('Status: Published');
    await expect.poll(() => page.locator('.consult-mine [role="status"]').first().innerText()).toBe('Your contribution “Open budget data” is now: Published.');

    expect((await api('POST', '/responses', { contributionIds: [own!.id], status: 'taken-up', text: 'The open data portal will carry it from next year.' })).status).toBe(201);
    await expect.poll(() => mine.locator('.consult-response').innerText()).toContain('Official response: Taken up');
    await expect.poll(() => page.locator('.consult-mine [role="status"]').first().innerText()).toBe('Your contribution “Open budget data” has an official response: Taken up.');
    await shot(page, 'consultation-participant-en');
    await expectAccessible(page, 'consultation participant page (English)');
  });

  it('CONS47: the personal return link logs the same person in on another device', async () => {
    const link = await page.getByLabel('Your personal link', { exact: true }).inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/s/${created.session.id}#token=otp_`));
    const other = await openPage(browser, link);
    await expect.poll(() => other.locator('.consult-mine-item').filter({ hasText: 'Open budget data' }).count()).toBe(1);
    expect(other.url()).not.toContain('token=');
    await other.getByLabel('Your e-mail (optional)').fill('amal@example.org');
    await other.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => other.locator('.consult-email').getByRole('status').innerText()).toBe('Your e-mail is saved.');
  });

  it('CONS48: the page works in Arabic, right to left, and is accessible', async () => {
    await page.getByLabel('Language', { exact: true }).selectOption('ar');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect.poll(() => page.getByTestId('consult-phase').innerText()).toBe('مفتوحة لتلقي المساهمات.');
    await expect.poll(() => page.locator('.consult-mine h2').innerText()).toBe('مساهماتك');
    await shot(page, 'consultation-participant-ar');
    await expectAccessible(page, 'consultation participant page (Arabic)');
    await page.setViewportSize({ width: 375, height: 800 });
    await shot(page, 'consultation-participant-ar-phone');
  });

  it('CONS47: a consultation by invitation asks for the code on the join form, and says why it refuses', async () => {
    const byInvitation = await createSession(server.url, { title: 'Invited consultation', format: 'consultation', attribution: 'group' });
    const as = (method: string, path: string, body?: unknown) =>
      http<{ invitations: { code: string }[] }>(server.url, method, `/api/sessions/${byInvitation.session.id}/consultation${path}`, { body, token: byInvitation.facilitatorToken });
    expect((await as('PATCH', '', { access: 'invitation' })).status).toBe(200);
    const invited = await as('POST', '/invitations', { count: 1 });
    expect(invited.status).toBe(201);
    const guest = await openPage(browser, `${server.url}/join/${byInvitation.session.joinCode}`);
    await guest.getByLabel('Stakeholder group').selectOption('academia');
    await guest.getByLabel('In the room', { exact: true }).check();
    await guest.getByRole('button', { name: /^Join$/ }).click();
    // A11Y1: the page's alert regions are there, empty, from the first render; the one with text is read.
    await expect
      .poll(() => guest.getByRole('alert').filter({ hasText: /\S/ }).allInnerTexts())
      .toContainEqual(expect.stringContaining('This consultation is by invitation only: enter your invitation code.'));
    await guest.getByLabel('Invitation code (if you were given one)').fill(invited.body.invitations[0]!.code);
    await guest.getByRole('button', { name: /^Join$/ }).click();
    await expect.poll(() => guest.getByTestId('consult-phase').innerText()).toBe('Not open yet.');
    await expectAccessible(guest, 'consultation participant page, draft');
  });
});
