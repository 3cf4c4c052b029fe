import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible, missingChromium, openPage, SHOTS } from '../helpers/browser.js';
import { evidenceWorld, type EvidenceWorld } from '../helpers/series-evidence-world.js';
import type { TestServer } from '../helpers/server.js';

const missing = missingChromium();

// The evidence side panel in a real browser (SER75–SER78), mounted by the draft page
// (/series/:id/draft/:lang): filters, inserting a reference and a quotation, the references tab
// with a changed source resolved, in English and Arabic; axe clean.
describe.skipIf(missing !== null)('the evidence panel in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let world: EvidenceWorld;

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    world = await evidenceWorld(server);
  }, 60_000);

  const draft = (lang: string) => `${server.url}/series/${world.series.series.id}/draft/${lang}#token=${world.token}`;
  const panel = (page: Page) => page.getByRole('complementary', { name: /Evidence|الشواهد/ });

  it('SER75 SER77 filters, inserts a reference and a quotation, and announces them', async () => {
    const page = await openPage(browser, draft('en'));
    const aside = panel(page);
    await expect.poll(() => aside.locator('.evidence-count').textContent()).toMatch(/Matching items: \d+/);
    // The first page is not announced; filtering is.
    expect(await aside.getByRole('status').textContent()).toBe('');
    await aside.getByLabel('Kind').selectOption('consultation-contribution');
    await expect.poll(() => aside.locator('.evidence-item').count()).toBe(4);
    await aside.getByLabel('Search').fill('data');
    await expect.poll(() => aside.getByRole('status').textContent()).toBe('Matching items: 2');
    await expectAccessible(page, 'the evidence panel');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/series-evidence-en.png`, fullPage: true });
    for (const box of await aside.getByRole('checkbox').all()) await box.check();
    await aside.getByRole('button', { name: 'Insert reference (2 selected)' }).click();
    await expect.poll(() => aside.getByRole('status').textContent()).toBe('Reference to 2 items inserted in the draft.');
    await aside
      .getByRole('button', { name: /^Quote/ })
      .first()
      .click();
    await expect.poll(() => aside.getByRole('status').textContent()).toBe('Quotation inserted in the draft.');
    await aside.getByRole('tab', { name: 'References' }).click();
    await expect.poll(() => aside.getByText('[2 contributions, private sector and academia]').count()).toBe(1);
    await expect.poll(() => aside.locator('.evidence-reference').count()).toBe(2);
    await expectAccessible(page, 'the references tab');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/series-evidence-references-en.png`, fullPage: true });
  });

  it('SER76 a changed source is said and resolved; Arabic runs right to left', async () => {
    const key = `${world.townhall.created.session.id}:townhall-question:${world.questions.small}`;
    const added = await fetch(`${server.url}/api/series/${world.series.series.id}/references`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${world.token}` },
      body: JSON.stringify({ sources: [key] }),
    });
    expect(added.status).toBe(201);
    await fetch(`${server.url}${world.townhall.base}/questions/${world.questions.small}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${world.townhall.created.facilitatorToken}` },
      body: JSON.stringify({ text: 'What about small island states?' }),
    });
    const page = await openPage(browser, draft('en'));
    const aside = panel(page);
    await expect.poll(() => aside.locator('.evidence-count').textContent()).toMatch(/Matching items: \d+/);
    await aside.getByRole('tab', { name: /References/ }).click();
    await expect.poll(() => aside.getByText("A source's text was edited.").count()).toBe(1);
    await aside.getByRole('button', { name: /^Resolve/ }).click();
    await expect.poll(() => aside.getByRole('status').textContent()).toMatch(/Reference resolved/);
    await page.evaluate(() => localStorage.setItem('openTalks.language', 'ar'));
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect.poll(() => panel(page).locator('.evidence-count').textContent()).toMatch(/العناصر المطابقة/);
    await expectAccessible(page, 'the evidence panel in Arabic');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/series-evidence-ar.png`, fullPage: true });
  });
});
