import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible, missingChromium, openPage, shot, SHOTS } from '../helpers/browser.js';
import { http } from '../helpers/api.js';
import { insertVersion, publicWorld, type PublicWorld } from '../helpers/series-public.js';
import type { TestServer } from '../helpers/server.js';
import { fixtureDocument } from '../fixtures/series-document.js';

const missing = missingChromium();

/** Where the page is now: its hash, the :target's id, and whether that element is on screen. */
async function landing(page: Page): Promise<{ hash: string; target: string | null; inView: boolean }> {
  return page.evaluate(() => {
    const target = document.querySelector(':target');
    const box = target?.getBoundingClientRect();
    const inView = box ? box.bottom > 0 && box.top < window.innerHeight : false;
    return { hash: decodeURIComponent(location.hash), target: target?.id ?? null, inView };
  });
}

/** The viewport as it is (not the full page), to see where a link landed. */
async function viewShot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

// The series' public page in real Chromium (docs/series.md, SER114–SER118): English and Arabic,
// footnote links to the notes and on into the annex, back links, axe clean, no sideways scroll on
// a 320 px phone.
describe.skipIf(missing !== null)('the series public page in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let world: PublicWorld;

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    world = await publicWorld(server, 'Open Talks on data governance');
    await insertVersion(server, world.seriesId, [fixtureDocument('en'), fixtureDocument('ar')]);
    // The first publication shows the latest finalised version (SER112).
    const published = await http(server.url, 'POST', `/api/series/${world.seriesId}/publication`, { token: world.token, body: {} });
    expect(published.status).toBe(201);
  });

  async function followNotes(page: Page, words: { note: string; back: string }, prefix: string): Promise<void> {
    await page.getByRole('link', { name: words.note, exact: true }).click();
    await expect.poll(() => landing(page)).toEqual({ hash: '#fn-1', target: 'fn-1', inView: true });
    await viewShot(page, `${prefix}-footnote`);
    await page.locator('#fn-1').getByRole('link', { name: 'A.1.1' }).click();
    await expect.poll(() => landing(page)).toEqual({ hash: '#A.1.1', target: 'A.1.1', inView: true });
    expect(await page.locator('[id="A.1.1"]').textContent()).toContain('Open data by default in the public sector.');
    await viewShot(page, `${prefix}-annex-entry`);
    await page.goBack();
    await expect.poll(() => landing(page)).toMatchObject({ hash: '#fn-1', inView: true });
    await page.getByRole('link', { name: words.back }).click();
    await expect.poll(() => landing(page)).toEqual({ hash: '#fnref-1', target: 'fnref-1', inView: true });
  }

  it('SER114 SER116 reads in English: a footnote link leads to its note, the note into the annex and back', async () => {
    const page = await openPage(browser, `${server.url}/d/${world.slug}`);
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Open Talks on data governance');
    expect(await page.getByRole('link', { name: 'Read its public record' }).getAttribute('href')).toBe(world.cafeRecordPath);
    expect(await page.getByText('Record not published').count()).toBe(1);
    await shot(page, 'series-public-en');
    await expectAccessible(page, 'the series public page in English');
    await followNotes(page, { note: 'Note 1', back: 'Back to the text of note 1' }, 'series-public-en');
    // A paragraph's number is its permalink.
    await page.getByRole('link', { name: 'Paragraph 3' }).click();
    await expect.poll(() => landing(page)).toEqual({ hash: '#para-3', target: 'para-3', inView: true });
  });

  it('SER115 switches to Arabic by its link and reads right to left, with the same links', async () => {
    const page = await openPage(browser, `${server.url}/d/${world.slug}`);
    await page.getByRole('link', { name: 'العربية' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('article.infodoc').getAttribute('dir')).toBe('rtl');
    expect(await page.getByRole('heading', { name: 'نتائج السلسلة' }).count()).toBe(1);
    // Only the languages the version has are offered.
    expect(await page.getByRole('navigation', { name: 'لغات الوثيقة' }).getByRole('link').allTextContents()).toEqual(['English', 'العربية']);
    await shot(page, 'series-public-ar');
    await expectAccessible(page, 'the series public page in Arabic');
    await followNotes(page, { note: 'الحاشية 1', back: 'العودة إلى نص الحاشية 1' }, 'series-public-ar');
  });

  it('SER119 fits a 320 px phone without sideways scrolling, in English and Arabic', async () => {
    for (const lang of ['en', 'ar']) {
      const page = await openPage(browser, `${server.url}/d/${world.slug}?lang=${lang}`, { viewport: { width: 320, height: 640 } });
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(sideways, `sideways scroll in ${lang}`).toBeLessThanOrEqual(0);
      await shot(page, `series-public-${lang}-320`);
      await page.evaluate(() => document.querySelector('.title-block')?.scrollIntoView());
      await viewShot(page, `series-public-${lang}-320-title`);
      await page.evaluate(() => document.querySelector('.statistics')?.scrollIntoView());
      await viewShot(page, `series-public-${lang}-320-statistics`);
      await expectAccessible(page, `the series public page at 320 px in ${lang}`);
    }
  });

  it('SER111 the organiser publishes and takes the page down from the series console', async () => {
    await http(server.url, 'DELETE', `/api/series/${world.seriesId}/publication`, { token: world.token });
    const page = await openPage(browser, `${server.url}/series/${world.seriesId}#token=${world.token}`);
    const panel = page.getByRole('region', { name: 'Public page' });
    await expect.poll(() => panel.getByRole('status').first().textContent()).toBe('Not published.');
    await panel.getByRole('button', { name: 'Publish the public page' }).click();
    await expect.poll(() => panel.getByRole('status').first().textContent()).toMatch(/^Published since /);
    expect(await panel.getByRole('link', { name: 'Open the public page' }).getAttribute('href')).toBe(`/d/${world.slug}`);
    await shot(page, 'series-public-console-panel');
    await expectAccessible(page, 'the series console with its public page panel');
    expect((await fetch(`${server.url}/d/${world.slug}`)).status).toBe(200);
    await panel.getByRole('button', { name: 'Take the page down' }).click();
    await expect.poll(() => panel.getByRole('status').first().textContent()).toBe('Not published.');
    expect((await fetch(`${server.url}/d/${world.slug}`)).status).toBe(404);
    await http(server.url, 'POST', `/api/series/${world.seriesId}/publication`, { token: world.token, body: {} });
  });

  it('SER118 not published: the page says so in the visitor’s language', async () => {
    await http(server.url, 'DELETE', `/api/series/${world.seriesId}/publication`, { token: world.token });
    const page = await openPage(browser, `${server.url}/d/${world.slug}?lang=ar`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('هذه الصفحة غير منشورة، أو لم تعد منشورة.');
    await expectAccessible(page, 'the not-published page');
    await http(server.url, 'POST', `/api/series/${world.seriesId}/publication`, { token: world.token, body: {} });
  });

  it('SER112 a version finalised later is not public until the organiser publishes it from the panel', async () => {
    await insertVersion(server, world.seriesId, [fixtureDocument('en', 2)], Date.UTC(2026, 10, 5, 12));
    expect((await http(server.url, 'GET', `/api/public/series/${world.slug}`)).body.version).toBe(1);
    const page = await openPage(browser, `${server.url}/series/${world.seriesId}#token=${world.token}`);
    const panel = page.getByRole('region', { name: 'Public page' });
    await expect.poll(() => panel.getByText('The public page shows version 1.').count()).toBe(1);
    const publish = panel.getByRole('button', { name: 'Publish version 2' });
    await publish.click();
    await expect.poll(() => panel.getByText('The public page shows version 2.').count()).toBe(1);
    expect(await publish.count()).toBe(0);
    await shot(page, 'series-public-console-version');
    await expectAccessible(page, 'the public page panel after publishing version 2');
    expect((await http(server.url, 'GET', `/api/public/series/${world.slug}`)).body.version).toBe(2);
    const reader = await openPage(browser, `${server.url}/d/${world.slug}`);
    expect(await reader.getByText('Paragraph 3 corrected.').count()).toBeGreaterThan(0);
  });
});
