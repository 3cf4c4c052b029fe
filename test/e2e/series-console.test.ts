import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible, missingChromium, openPage, shot } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';

const missing = missingChromium();

// The series console in a real Chromium (docs/series.md SER31–SER36): made from the home page,
// a café made in the same browser and a new Town Hall added, a rapporteur's personal link opened
// in a second browser (Arabic, right to left) that sees the console without the organiser's controls.
describe.skipIf(missing !== null)('the series console (SER31–SER36)', () => {
  let server: TestServer;
  let browser: Browser;
  let organiser: Page;
  let rapporteurLink = '';
  browserSuite((started) => ({ server, browser } = started));

  const rows = (page: Page) => page.locator('table.series-table tbody tr');

  it('SER36 SER31 the organiser makes a series from the home page and lands in its console', async () => {
    organiser = await openPage(browser, server.url, { locale: 'en' });
    // A café this browser facilitates, made the usual way.
    await organiser.getByLabel('Title', { exact: true }).fill('Café on data');
    await organiser.getByRole('button', { name: 'Create session' }).click();
    await organiser.waitForURL(/\/console$/);

    await organiser.goto(server.url);
    const form = organiser.locator('section', { has: organiser.getByRole('heading', { name: 'Start a series' }) });
    await form.getByRole('button', { name: 'Set up a series' }).click();
    await expect.poll(() => organiser.evaluate(() => document.activeElement?.id)).toBe('create-series-title');
    await shot(organiser, 'home-series-form-en');
    await form.getByLabel('Title of the series').fill('Open Talks on data governance');
    await form.getByLabel('Topic').fill('How should data be governed?');
    await form.getByRole('checkbox', { name: 'العربية' }).check();
    await form.getByRole('button', { name: 'Create series' }).click();
    await organiser.waitForURL(/\/series\/[^/]+$/);
    await expect.poll(() => organiser.getByRole('heading', { level: 1 }).innerText()).toContain('Open Talks on data governance');
    expect(await organiser.title()).toContain('Open Talks on data governance');
    expect(await organiser.getByText('How should data be governed?').count()).toBe(1);
    expect(await organiser.getByText('No session in this series yet.').count()).toBe(1);
  }, 60_000);

  it('SER33 adds the café made in this browser and a new Town Hall', async () => {
    const existing = organiser.locator('form', { has: organiser.getByRole('heading', { name: 'Add a session you run' }) });
    expect(await existing.getByLabel('Session').locator('option').allInnerTexts()).toEqual(['Café on data (World Café)']);
    await existing.getByRole('button', { name: 'Add to the series' }).click();
    await expect.poll(() => rows(organiser).count()).toBe(1);
    await expect.poll(() => organiser.getByRole('status').filter({ hasText: 'was added to the series' }).count()).toBe(1);
    // The café is in the list now, so it is no longer offered.
    await expect.poll(() => existing.getByText(/runs no other session/).count()).toBe(1);

    const fresh = organiser.locator('form', { has: organiser.getByRole('heading', { name: 'Create a new session in the series' }) });
    await fresh.getByLabel('Title of the session').fill('Town Hall on data');
    await fresh.getByRole('radio', { name: 'Town Hall' }).check();
    await fresh.getByRole('button', { name: 'Create session' }).click();
    await expect.poll(() => rows(organiser).count()).toBe(2);

    const second = rows(organiser).nth(1);
    expect(await second.innerText()).toMatch(/Town Hall on data[\s\S]*Town Hall[\s\S]*1 in total: 1 in the room, 0 remote[\s\S]*Not started/);
    // This browser keeps the new session's facilitator credential: its console is a link away.
    const consoleLink = second.getByRole('link', { name: 'Console of “Town Hall on data”' });
    expect(await consoleLink.getAttribute('href')).toMatch(/^\/s\/[^/]+\/console$/);
    const kept = await organiser.evaluate(() =>
      Object.values(JSON.parse(localStorage.getItem('openTalks.credentials') ?? '{}') as Record<string, { title: string; facilitator?: boolean }>),
    );
    expect(kept.filter((c) => c.facilitator).map((c) => c.title)).toEqual(expect.arrayContaining(['Café on data', 'Town Hall on data']));
    await expectAccessible(organiser, 'the series console (en)');
  }, 60_000);

  it('SER35 makes a rapporteur link; the draft links follow the languages', async () => {
    const section = organiser.locator('section', { has: organiser.getByRole('heading', { name: 'Rapporteurs' }) });
    await section.getByLabel("Rapporteur's name (optional)").fill('Rita');
    await section.getByRole('button', { name: 'Make a personal link' }).click();
    const field = section.getByLabel('Personal link for Rita');
    await expect.poll(() => field.inputValue()).toMatch(/\/series\/[^/]+#token=ots_/);
    rapporteurLink = await field.inputValue();
    expect(rapporteurLink.startsWith(server.url)).toBe(true);
    await expect.poll(() => section.getByRole('button', { name: 'Remove Rita' }).count()).toBe(1);

    const seriesPath = new URL(organiser.url()).pathname;
    expect(await organiser.getByRole('link', { name: 'Draft the document' }).getAttribute('href')).toBe(`${seriesPath}/draft`);
    expect(await organiser.getByRole('link', { name: 'Draft the translation into العربية' }).getAttribute('href')).toBe(`${seriesPath}/draft/ar`);
    await expectAccessible(organiser, 'the series console with a rapporteur link (en)');
    await shot(organiser, 'series-console-en');
  }, 60_000);

  it('SER31 the rapporteur opens the link in another browser, in Arabic: the same page, read only', async () => {
    const rapporteur = await openPage(browser, rapporteurLink, { locale: 'ar' });
    await expect.poll(() => rapporteur.locator('html').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => rapporteur.getByRole('heading', { level: 1 }).innerText()).toContain('Open Talks on data governance');
    // The token left the address bar and stays in this browser.
    expect(rapporteur.url()).not.toContain('#token=');
    await expect.poll(() => rows(rapporteur).count()).toBe(2);
    expect(await rapporteur.getByRole('button', { name: 'تعديل السلسلة' }).count()).toBe(0);
    expect(await rapporteur.getByRole('heading', { name: 'المقررون' }).count()).toBe(0);
    expect(await rapporteur.getByRole('heading', { name: 'إضافة جلسة تديرها' }).count()).toBe(0);
    expect(await rapporteur.locator('table.series-table button').count()).toBe(0);
    // Not this browser's sessions: no console links.
    expect(await rapporteur.locator('table.series-table a').count()).toBe(0);
    expect(await rapporteur.getByRole('link', { name: 'صياغة الوثيقة' }).count()).toBe(1);
    await expectAccessible(rapporteur, 'the series console, rapporteur (ar)');
    await shot(rapporteur, 'series-console-ar-rapporteur');

    // Reloaded without the fragment, the kept token still opens it.
    await rapporteur.reload();
    await expect.poll(() => rows(rapporteur).count()).toBe(2);
  }, 60_000);

  it('SER21 SER27 SER29 SER35 the organiser edits, removes a session and the rapporteur; focus and announcements follow', async () => {
    await organiser.getByRole('button', { name: 'Edit the series' }).click();
    await organiser.getByLabel('Topic').fill('Data governance, after the café');
    await organiser.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => organiser.getByRole('status').filter({ hasText: 'Changes saved.' }).count()).toBe(1);
    await expect.poll(() => organiser.getByText('Data governance, after the café').count()).toBe(1);
    // The form is gone: focus is back on the button that opened it.
    await expect.poll(() => organiser.evaluate(() => document.activeElement?.textContent)).toBe('Edit the series');

    await organiser.getByRole('button', { name: 'Remove “Town Hall on data” from the series' }).click();
    await expect.poll(() => rows(organiser).count()).toBe(1);
    await expect.poll(() => organiser.evaluate(() => document.activeElement?.id)).toBe('series-sessions-heading');
    await expect.poll(() => organiser.getByRole('status').filter({ hasText: 'the session itself is kept' }).count()).toBe(1);

    await organiser.getByRole('button', { name: 'Remove Rita' }).click();
    await expect.poll(() => organiser.evaluate(() => document.activeElement?.id)).toBe('series-rapporteurs-heading');
    await expect.poll(() => organiser.getByText('No rapporteur yet.').count()).toBe(1);
    await expectAccessible(organiser, 'the series console after removals (en)');

    // The removed rapporteur's kept token no longer opens the series.
    const removed = await openPage(browser, rapporteurLink, { locale: 'en' });
    await expect.poll(() => removed.getByRole('heading', { level: 1 }).innerText()).toBe('This series cannot be opened here');
    await expect.poll(() => removed.getByText('You were removed from this series.').count()).toBe(1);
  }, 60_000);

  it('SER31 without a token the page says so (not a blank page)', async () => {
    const stranger = await openPage(browser, new URL(rapporteurLink).pathname.replace(/^/, server.url), { locale: 'en' });
    await expect.poll(() => stranger.getByRole('heading', { level: 1 }).innerText()).toBe('This series cannot be opened here');
    expect(await stranger.getByText(/personal link you were given/).count()).toBe(1);
    await expectAccessible(stranger, 'the series console without a token');
    await shot(stranger, 'series-console-no-token');
  }, 30_000);
});
