import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createSeries, http } from '../helpers/api.js';
import { browserSuite, expectAccessible, missingChromium, shot } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';

// Two rapporteurs draft the information document together in real browsers (SER46–SER48).

const missing = missingChromium();

describe.skipIf(missing !== null)('the series draft in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  browserSuite((started) => ({ server, browser } = started));

  /** A member's browser with their series credential stored as the app stores it, on the draft page. */
  async function draftAs(seriesId: string, token: string, role: string, path: string, locale: string): Promise<Page> {
    const context = await browser.newContext({ locale });
    const credential = { seriesId, title: 'Data governance', token, role };
    await context.addInitScript(
      ([value, language]) => {
        localStorage.setItem('openTalks.series', value!);
        localStorage.setItem('openTalks.language', language!);
      },
      [JSON.stringify({ [seriesId]: credential }), locale.slice(0, 2)],
    );
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}${path}`);
    return page;
  }

  /** A rapporteur invited by the organiser (POST /api/series/:id/members). */
  async function rapporteur(seriesId: string, organiserToken: string, displayName: string): Promise<string> {
    const res = await http<{ token: string }>(server.url, 'POST', `/api/series/${seriesId}/members`, { token: organiserToken, body: { role: 'rapporteur', displayName } });
    expect(res.status).toBe(201);
    return res.body.token;
  }

  const numbers = (page: Page) => page.getByTestId('draft-preview').locator('.draft-number').allTextContents();

  it('SER46 SER48 an organiser and a rapporteur type into the same draft and both see the other’s paragraphs numbered', async () => {
    const { series, facilitatorToken } = await createSeries(server.url, { languages: ['en', 'ar'], displayName: 'Olga' });
    const ritaToken = await rapporteur(series.id, facilitatorToken, 'Rita');
    const olga = await draftAs(series.id, facilitatorToken, 'facilitator', `/series/${series.id}/draft`, 'en-GB');
    const rita = await draftAs(series.id, ritaToken, 'rapporteur', `/series/${series.id}/draft/en`, 'en-GB');
    for (const page of [olga, rita]) await expect.poll(() => page.getByTestId('notepad-status').textContent()).toMatch(/^Connected/);

    const editor = (page: Page) => page.getByRole('textbox', { name: /Text of the information document/ });
    await editor(olga).click();
    await olga.keyboard.type('The series met three times.');
    await olga.keyboard.press('Enter');
    await olga.keyboard.press('Enter');
    await expect.poll(() => numbers(rita)).toEqual(['1.']);

    await editor(rita).click();
    await rita.keyboard.press('Control+End');
    await rita.keyboard.type('Participants asked for open data.');
    await rita.keyboard.press('Enter');
    await rita.getByTestId('draft-tool-item').click();
    await rita.keyboard.type('in every ministry');
    await rita.keyboard.press('Enter');
    await rita.keyboard.type('- within a year');
    await expect.poll(() => numbers(olga)).toEqual(['1.', '2.', 'a)', 'b)']);
    await expect.poll(() => numbers(rita)).toEqual(['1.', '2.', 'a)', 'b)']);
    // The gutter shows the same numbers beside the text.
    // (The gutter's width spacer is hidden and left out.)
    const gutter = () =>
      olga.locator('.draft-gutter .cm-gutterElement').evaluateAll((elements) =>
        elements
          .filter((e) => (e as HTMLElement).style.visibility !== 'hidden')
          .map((e) => e.textContent)
          .filter((text) => text !== ''),
      );
    await expect.poll(gutter).toEqual(['1.', '2.', 'a)', 'b)']);

    // A statistics block from the toolbar, shown as a labelled block on both sides.
    await rita.keyboard.press('Enter');
    await rita.getByTestId('draft-tool-stats').click();
    await expect.poll(() => olga.getByTestId('draft-editor').locator('.draft-block').allTextContents()).toEqual([expect.stringContaining('Statistics table')]);

    // The title block is shared too.
    await olga.getByLabel('Symbol').fill('OT/2026/INF.1');
    await expect.poll(() => rita.getByLabel('Symbol').inputValue()).toBe('OT/2026/INF.1');
    // Rita sees Olga's caret under her name.
    await expect.poll(() => rita.locator('.cm-ySelectionInfo').allTextContents()).toContain('Olga');

    await expectAccessible(olga, 'series draft');
    await shot(olga, 'series-draft-en');
    const stored = await server.notepads.readWith(`series/${series.id}/document/en`, (doc) => doc.getText('body').toString());
    expect(stored).toContain('- in every ministry');

    // SER41: the organiser removes Rita; her open draft says so in the series' words.
    const members = await http<{ members: { id: string; displayName: string }[] }>(server.url, 'GET', `/api/series/${series.id}/members`, { token: facilitatorToken });
    const ritaId = members.body.members.find((m) => m.displayName === 'Rita')!.id;
    expect((await http(server.url, 'DELETE', `/api/series/${series.id}/members/${ritaId}`, { token: facilitatorToken })).status).toBe(204);
    await expect.poll(() => rita.getByTestId('notepad-status').textContent()).toBe('You were removed from this series.');
    expect(await rita.getByRole('textbox', { name: /Text of the information document/ }).getAttribute('aria-readonly')).toBe('true');
  });

  it('SER46 the Arabic draft reads right to left, numbered, and stays accessible', async () => {
    const { series, facilitatorToken } = await createSeries(server.url, { languages: ['ar', 'en'], displayName: 'عليا' });
    const page = await draftAs(series.id, facilitatorToken, 'facilitator', `/series/${series.id}/draft/ar`, 'ar');
    await expect.poll(() => page.getByTestId('notepad-status').textContent()).not.toBe('');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('.draft-main').getAttribute('dir')).toBe('rtl');
    const editor = page.getByRole('textbox', { name: /نص وثيقة المعلومات/ });
    await editor.click();
    await page.keyboard.type('اجتمعت السلسلة ثلاث مرات.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- في كل وزارة');
    await expect.poll(() => numbers(page)).toEqual(['1.', 'a)']);
    await expectAccessible(page, 'series draft, Arabic');
    await shot(page, 'series-draft-ar');
  });

  it('SER46 a reference token shows as one chip, deleted whole', async () => {
    const { series, facilitatorToken } = await createSeries(server.url, { languages: ['en'] });
    const page = await draftAs(series.id, facilitatorToken, 'facilitator', `/series/${series.id}/draft`, 'en-GB');
    await expect.poll(() => page.getByTestId('notepad-status').textContent()).toMatch(/^Connected/);
    await page.getByRole('textbox', { name: /Text of the information document/ }).click();
    await page.keyboard.type('See [[ref:abc]]');
    // No such reference in the series: still a chip, with a word for it, in the editor and the preview.
    await expect.poll(() => page.getByTestId('draft-editor').locator('.draft-chip').allTextContents()).toEqual(['[reference]']);
    await expect.poll(() => page.getByTestId('draft-preview').locator('.draft-chip').allTextContents()).toEqual(['[reference]']);
    await page.keyboard.press('Backspace');
    await expect.poll(() => server.notepads.readWith(`series/${series.id}/document/en`, (doc) => doc.getText('body').toString())).toBe('See ');
  });

  it('SER46 without a credential the page says so and links back to the series', async () => {
    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    await page.goto(`${server.url}/series/nope/draft`);
    await expect.poll(() => page.getByTestId('draft-no-credential').textContent()).toContain('no link for this series');
    expect(await page.getByRole('link', { name: 'Back to the series' }).getAttribute('href')).toBe('/series/nope');
    await expectAccessible(page, 'draft without a credential');
  });
});
