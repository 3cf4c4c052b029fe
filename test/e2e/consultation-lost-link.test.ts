import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, type Created } from '../helpers/api.js';
import { browserSuite, expectAccessible, missingChromium, openPage } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';

const missing = missingChromium();

// CONS19 from the join page: "Lost your personal link?" asks the server to mail the link again.
// This server has no SMTP_URL, so the form says, translated, that it sends no mail (the mail
// itself is tested with a real SMTP server in test/integration/consultation-mail.test.ts).
describe.skipIf(missing !== null)('a lost consultation link, from the join page', () => {
  let server: TestServer;
  let browser: Browser;
  let created: Created;

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    created = await createSession(server.url, { title: 'Consultation on open budgets', format: 'consultation', attribution: 'named' });
  }, 60_000);

  it('CONS19 the form is offered for a consultation and shows the server’s answer', async () => {
    const page = await openPage(browser, `${server.url}/join/${created.session.joinCode}`);
    await page.getByText('Lost your personal link?').click();
    await expect.poll(() => page.getByLabel('Join code', { exact: true }).inputValue()).toBe(created.session.joinCode);
    await page.getByLabel('E-mail address').fill('me@example.org');
    await page.getByRole('button', { name: 'Send me a new link' }).click();
    await expect.poll(() => page.locator('.lost-link [role=alert]').innerText()).toContain('This server does not send e-mail');
    await expectAccessible(page, 'join page with the lost-link form');
  });

  it('CONS19 a café’s join page has no such form', async () => {
    const cafe = await createSession(server.url, { title: 'A café', format: 'cafe' });
    const page = await openPage(browser, `${server.url}/join/${cafe.session.joinCode}`);
    await expect.poll(() => page.locator('h1').innerText()).toContain('A café');
    expect(await page.getByText('Lost your personal link?').count()).toBe(0);
  });
});
