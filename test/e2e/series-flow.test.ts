import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { http } from '../helpers/api.js';
import { browserSuite, expectAccessible, missingChromium, openPage, shot } from '../helpers/browser.js';
import { evidenceWorld, type EvidenceWorld } from '../helpers/series-evidence-world.js';
import type { TestServer } from '../helpers/server.js';

const missing = missingChromium();

/** Where the page is now: its hash, the :target's id, and whether that element is on screen. */
async function landing(page: Page): Promise<{ hash: string; target: string | null; inView: boolean }> {
  return page.evaluate(() => {
    const target = document.querySelector(':target');
    const box = target?.getBoundingClientRect();
    return { hash: decodeURIComponent(location.hash), target: target?.id ?? null, inView: box ? box.bottom > 0 && box.top < window.innerHeight : false };
  });
}

/** Footnote 1 leads to its note, the note's first annex link to an annex entry of the same series. */
async function followFirstFootnote(page: Page): Promise<void> {
  await page.locator('a[href="#fn-1"]').first().click();
  await expect.poll(() => landing(page)).toEqual({ hash: '#fn-1', target: 'fn-1', inView: true });
  const annexLink = page.locator('#fn-1 a[href^="#A."]').first();
  const href = (await annexLink.getAttribute('href'))!;
  await annexLink.click();
  await expect.poll(() => landing(page)).toEqual({ hash: href, target: href.slice(1), inView: true });
}

// The whole of issue 16 in real Chromium, through the screens people use (SER1–SER11): two
// rapporteurs draft the document together from their personal links, insert references and the
// statistics from the evidence panel, the organiser finalises version 1, a rapporteur drafts the
// Arabic translation and it is attached, the page is published, and the public page reads in
// English and Arabic with footnotes that lead into the annex. axe clean at each step.
describe.skipIf(missing !== null)('a series from the draft to the public page', () => {
  let server: TestServer;
  let browser: Browser;
  let world: EvidenceWorld;
  let seriesId: string;
  const tokens: Record<'rita' | 'sam', string> = { rita: '', sam: '' };

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    world = await evidenceWorld(server);
    seriesId = world.series.series.id;
    const widened = await http(server.url, 'PATCH', `/api/series/${seriesId}`, { token: world.token, body: { languages: ['en', 'fr', 'ar'] } });
    expect(widened.status).toBe(200);
    for (const name of ['rita', 'sam'] as const) {
      const made = await http<{ token: string }>(server.url, 'POST', `/api/series/${seriesId}/members`, {
        token: world.token,
        body: { role: 'rapporteur', displayName: name === 'rita' ? 'Rita' : 'Sam' },
      });
      expect(made.status).toBe(201);
      tokens[name] = made.body.token;
    }
  }, 90_000);

  const editor = (page: Page) => page.getByRole('textbox', { name: /Text of the information document|نص وثيقة المعلومات/ });
  const panel = (page: Page) => page.getByRole('complementary', { name: /Evidence|الشواهد/ });
  const numbers = (page: Page) => page.getByTestId('draft-preview').locator('.draft-number').allTextContents();
  const chips = (page: Page) => page.getByTestId('draft-editor').locator('.draft-chip').allTextContents();

  async function draftAppears(page: Page): Promise<void> {
    const status = page.getByTestId('notepad-status');
    const shown = await status.waitFor({ timeout: 45_000 }).then(
      () => true,
      () => false,
    );
    if (shown) return;
    console.warn(`series draft page without its editor after 45 s; it showed: ${(await page.locator('body').innerText()).slice(0, 500)}`);
    await page.reload();
    await status.waitFor({ timeout: 45_000 });
  }

  it('SER3 SER5 SER6 two rapporteurs draft together, with references and the statistics', async () => {
    const rita = await openPage(browser, `${server.url}/series/${seriesId}/draft/en#token=${tokens.rita}`, { locale: 'en-GB' });
    const sam = await openPage(browser, `${server.url}/series/${seriesId}/draft/en#token=${tokens.sam}`, { locale: 'en-GB' });
    // On a loaded CI machine the draft page (series, then CodeMirror) took over 45 s to appear in
    // two runs, and 7 s alone; a page still without it after 45 s is reloaded once, as a person
    // would, and what it showed is printed so the next occurrence says why.
    for (const page of [rita, sam]) await draftAppears(page);
    for (const page of [rita, sam]) await expect.poll(() => page.getByTestId('notepad-status').textContent()).toMatch(/^Connected/);

    await editor(rita).click();
    await rita.keyboard.type('Participants asked for open data by default ');
    const ritaPanel = panel(rita);
    await expect.poll(() => ritaPanel.locator('.evidence-count').textContent()).toMatch(/Matching items: \d+/);
    await ritaPanel.getByLabel('Kind').selectOption('consultation-contribution');
    // Filtering is announced once the filtered page is in.
    await expect.poll(() => ritaPanel.getByRole('status').textContent()).toMatch(/^Matching items: [2-9]/);
    const boxes = ritaPanel.getByRole('checkbox');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await ritaPanel.getByRole('button', { name: 'Insert reference (2 selected)' }).click();
    await expect.poll(() => ritaPanel.getByRole('status').textContent()).toBe('Reference to 2 items inserted in the draft.');

    // Sam writes the second paragraph below, quoting a Town Hall question, then the statistics.
    await editor(sam).click();
    await sam.keyboard.press('Control+End');
    await sam.keyboard.press('Enter');
    await sam.keyboard.press('Enter');
    await sam.keyboard.type('Remote participants asked ');
    const samPanel = panel(sam);
    await expect.poll(() => samPanel.locator('.evidence-count').textContent()).toMatch(/Matching items: \d+/);
    await samPanel.getByLabel('Kind').selectOption('townhall-question');
    await expect.poll(() => samPanel.getByRole('status').textContent()).toMatch(/^Matching items: [1-9]/);
    await samPanel
      .getByRole('button', { name: /^Quote/ })
      .first()
      .click();
    await expect.poll(() => samPanel.getByRole('status').textContent()).toBe('Quotation inserted in the draft.');
    await sam.keyboard.press('Control+End');
    await samPanel.getByRole('button', { name: 'Insert statistics' }).click();

    // Both see the same numbered document, the references in words, the statistics block.
    for (const page of [rita, sam]) {
      await expect.poll(() => numbers(page)).toEqual(['1.', '2.']);
      await expect.poll(() => chips(page)).toEqual([expect.stringMatching(/^\[2 contributions/), expect.stringMatching(/^\[“.+”\]$/)]);
      await expect.poll(() => page.getByTestId('draft-editor').locator('.draft-block').count()).toBe(1);
    }
    expect((await chips(rita)).join(' ')).not.toContain('[reference]');
    await rita.getByLabel('Symbol').fill('OT/2026/INF.3');
    await expect.poll(() => sam.getByLabel('Symbol').inputValue()).toBe('OT/2026/INF.3');
    await expectAccessible(sam, 'the draft with references and statistics');
    await shot(sam, 'series-flow-draft');
  }, 180_000);

  it('SER7 SER11 the organiser finalises version 1 and attaches the Arabic translation', async () => {
    const console = await openPage(browser, `${server.url}/series/${seriesId}#token=${world.token}`, { locale: 'en-GB' });
    await console.getByRole('button', { name: 'Finalise version 1' }).click();
    await console.getByRole('alertdialog').getByRole('button', { name: 'Yes, finalise' }).click();
    await expect.poll(() => console.getByText('Version 1 finalised.').count()).toBe(1);

    const sam = await openPage(browser, `${server.url}/series/${seriesId}/draft/ar#token=${tokens.sam}`, { locale: 'ar' });
    await sam.getByTestId('notepad-status').waitFor({ timeout: 45_000 });
    await expect.poll(() => sam.getByTestId('notepad-status').textContent()).not.toBe('');
    // A translator copies the original's references: the same ids, words in Arabic.
    const original = await http<{ text: string }>(server.url, 'GET', `/api/series/${seriesId}/drafts/en`, { token: tokens.sam });
    const reference = /\[\[ref:[A-Za-z0-9_-]+\]\]/.exec(original.body.text)![0];
    await editor(sam).click();
    await sam.keyboard.type(`طالب المشاركون بالبيانات المفتوحة افتراضيًا ${reference}`);
    await expect.poll(() => numbers(sam)).toEqual(['1.']);
    await expect.poll(() => chips(sam)).toEqual([expect.stringMatching(/^\[2 /)]);

    await console.getByRole('button', { name: /Attach the (Arabic|العربية) translation/ }).click();
    await expect.poll(() => console.getByText(/translation attached to version 1/).count()).toBe(1);
    await console.getByRole('button', { name: 'Publish the public page' }).click();
    await expect.poll(() => console.getByText(/^Published since/).count()).toBe(1);
    await expectAccessible(console, 'the series console with version 1');
    await shot(console, 'series-flow-console');
  });

  it('SER8 SER9 SER10 the public page reads in English and Arabic; footnotes lead into the annex', async () => {
    const publication = await http<{ publication: { path: string } }>(server.url, 'GET', `/api/series/${seriesId}/publication`, { token: world.token });
    const path = publication.body.publication.path;
    expect(path).toMatch(/^\/d\//);

    const en = await openPage(browser, `${server.url}${path}`);
    expect(await en.locator('html').getAttribute('lang')).toBe('en');
    expect(await en.locator('#para-1').textContent()).toContain('Participants asked for open data by default');
    expect(await en.locator('#para-2').count()).toBe(1);
    expect(await en.getByRole('table').count()).toBeGreaterThan(0);
    await followFirstFootnote(en);
    await expectAccessible(en, 'the public page in English');
    await shot(en, 'series-flow-public-en');

    const ar = await openPage(browser, `${server.url}${path}?lang=ar`);
    expect(await ar.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await ar.locator('#para-1').textContent()).toContain('طالب المشاركون');
    await followFirstFootnote(ar);
    await expectAccessible(ar, 'the public page in Arabic');
    await shot(ar, 'series-flow-public-ar');

    // Chatham House across the series: the anonymous Town Hall's question is in the annex, with no one's name or group.
    const annexEntry = en.locator('li.entry', { hasText: 'A question under Chatham House' });
    expect(await annexEntry.count()).toBe(1);
    expect(await annexEntry.textContent()).not.toMatch(/By /);
  });
});
