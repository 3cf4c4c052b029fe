// The console's document panel in a real browser (SER91–SER94): finalise version 1 after a
// confirmation, download the DOCX, a later version refused without its list of changes, an
// unresolved reference's refusal in words; axe clean.
import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSeries } from '../helpers/api.js';
import { browserSuite, expectAccessible, missingChromium, SHOTS } from '../helpers/browser.js';
import { writeDraft } from '../helpers/series-draft.js';
import type { TestServer } from '../helpers/server.js';

const missing = missingChromium();

describe.skipIf(missing !== null)('the document panel in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    const created = await createSeries(server.url, { languages: ['en', 'ar'], attribution: 'group' });
    const title = { symbol: 'OT/2026/INF.7', date: '2026-11-29', submittedBy: 'The Secretariat', title: 'Connectivity for all' };
    expect(await writeDraft(server.url, created.series.id, created.facilitatorToken, 'en', '# Findings\nPeople want affordable access.\n- in villages\n- in schools', title)).toBe(
      true,
    );
    page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/series/${created.series.id}#token=${created.facilitatorToken}`);
  }, 60_000);

  it('SER91 finalises version 1 after a confirmation and downloads its DOCX', async () => {
    await page.getByRole('button', { name: 'Finalise version 1' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.textContent()).toContain('The English draft is frozen');
    await dialog.getByRole('button', { name: 'Yes, finalise' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Version 1 finalised.' }).count()).toBe(1);
    const row = page.getByRole('row', { name: /^1 / });
    await expect.poll(() => row.textContent()).toContain('English');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Word (DOCX), English' }).click()]);
    expect(download.suggestedFilename()).toBe('OT 2026 INF.7 v1-en.docx');
    const { value: text } = await mammoth.extractRawText({ buffer: await readFile(await download.path()) });
    expect(text).toContain('People want affordable access.');
    expect(text).toContain('Submitted by: The Secretariat');
  });

  it('SER91 a later version needs its list of changes; SER93 the Arabic translation offers its draft link', async () => {
    await page.getByRole('button', { name: 'Finalise version 2' }).click();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/series-console-v2.png`, fullPage: true });
    await expect.poll(() => page.locator('.document-panel').getByRole('alert').textContent()).toContain('Say what changed since the last version.');
    await expect.poll(() => page.getByRole('link', { name: 'Draft the العربية translation' }).getAttribute('href')).toMatch(/\/draft\/ar$/);
    // Attaching before anyone drafted it: refused in words, nothing attached.
    await page.getByRole('button', { name: 'Attach the العربية translation' }).click();
    await expect.poll(() => page.locator('.document-panel').getByRole('alert').textContent()).toContain('The draft is empty.');
    await expectAccessible(page, 'the series console with its document panel');
    if (SHOTS) await page.locator('.document-panel').screenshot({ path: `${SHOTS}/series-document-panel.png` });
  });

  it('SER91 the confirmation gives the keyboard back: Escape and Cancel to "Finalise version 2", Confirm to the list of changes', async () => {
    const focused = () => page.evaluate(() => `${document.activeElement?.tagName ?? ''} ${document.activeElement?.textContent ?? ''}`.trim());
    await page.getByLabel('Changes since version 1').fill('Wording.');
    const finalise = page.getByRole('button', { name: 'Finalise version 2' });
    const dialog = page.getByRole('alertdialog');
    await finalise.click();
    await expect.poll(() => dialog.count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(focused).toBe('BUTTON Finalise version 2');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(1);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(focused).toBe('BUTTON Finalise version 2');
    await finalise.click();
    await dialog.getByRole('button', { name: 'Yes, finalise' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Version 2 finalised.' }).count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-required'))).toBe('true');
  });
});
