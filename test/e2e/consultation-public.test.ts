import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible, missingChromium, openPage, shot } from '../helpers/browser.js';
import { rowsOf } from '../helpers/consultation-seed-rows.js';
import { consultationWorld, type ConsultationWorld } from '../helpers/consultation-world.js';
import type { TestServer } from '../helpers/server.js';

const missing = missingChromium();

// The consultation's public page in real Chromium (CONS63–CONS66): no login, Arabic (RTL) and
// French, search and filters by the plain form, with JavaScript off too; axe clean; the counts
// refreshed by the small script.
describe.skipIf(missing !== null)('the consultation public page in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let world: ConsultationWorld;

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    world = await consultationWorld(server, 'named');
  });

  it('CONS63 reads in Arabic, right to left, without login, and is accessible', async () => {
    const page = await openPage(browser, `${server.url}/c/${world.slug}?lang=ar`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Digital cooperation <consultation>');
    await expect.poll(() => page.getByRole('heading', { name: 'البحث والتصفية' }).count()).toBe(1);
    expect(await page.getByText('الرد الرسمي: أُخذ بها').count()).toBe(1);
    await shot(page, 'consultation-public-ar');
    await expectAccessible(page, 'the public page in Arabic');
  });

  it('CONS63 CONS64 switches to French by its link and searches and filters by the form', async () => {
    const page = await openPage(browser, `${server.url}/c/${world.slug}?lang=en`);
    await page.getByRole('link', { name: 'Français' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fr');
    await page.getByLabel('Mots à chercher').fill('privacy');
    await page.getByRole('button', { name: 'Afficher' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Contributions trouvées : 1' }).count()).toBe(1);
    expect(await page.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Open data by default']);
    await page.getByLabel('Mots à chercher').fill('');
    await page.getByLabel('Langue', { exact: true }).selectOption('fr');
    await page.getByRole('button', { name: 'Afficher' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Éducation au numérique']);
    await shot(page, 'consultation-public-fr-filtered');
    await expectAccessible(page, 'the public page in French, filtered');
  });

  it('CONS63 CONS64 works with JavaScript disabled: comments open, filters and sorting apply', async () => {
    const page = await openPage(browser, `${server.url}/c/${world.slug}?lang=fr`, { javaScriptEnabled: false });
    await page.getByLabel('Question', { exact: true }).selectOption({ label: 'What should schools teach?' });
    await page.getByLabel('Ordre').selectOption({ label: 'Les plus récentes' });
    await page.getByRole('button', { name: 'Afficher' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Escape <script>alert(1)</script> & check', 'Éducation au numérique']);
    expect(page.url()).toContain('sort=newest');
    await page.goto(`${server.url}/c/${world.slug}?lang=fr`);
    await page.getByText('Lire les commentaires (2)').click();
    await expect.poll(() => page.getByText('Yes, but mind the costs.').isVisible()).toBe(true);
    await shot(page, 'consultation-public-fr-no-js');
  });

  it('CONS66 the small script refreshes the support counts in place', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.clock.install();
    await page.goto(`${server.url}/c/${world.slug}?lang=en`);
    const card = page.locator(`article[data-id="${world.id('c1')}"]`);
    await expect.poll(() => card.locator('[data-count="supports"]').textContent()).toBe('Supports: 7');
    const h = await rowsOf(server);
    await h.db.updateTable('consultation_contributions').set({ supports: 9 }).where('id', '=', world.id('c1')).execute();
    await h.db.destroy();
    await page.clock.fastForward(31_000);
    await expect.poll(() => card.locator('[data-count="supports"]').textContent()).toBe('Supports: 9');
  });
});
