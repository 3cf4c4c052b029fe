import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, missingChromium } from '../helpers/browser.js';
import { http } from '../helpers/api.js';
import { cafeWorld, type CafeWorld } from '../helpers/notepad.js';
import type { TestServer } from '../helpers/server.js';

// TITLE1 (WCAG 2.4.2): each view says in the tab's title which page it is and of which session.

const missing = missingChromium();

describe.skipIf(missing !== null)('page titles in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let world: CafeWorld;

  /** A page in `locale` whose browser holds `token` for the session, as the app stores it. */
  async function pageAs(token: string | null, locale = 'en-GB', extra: { facilitator?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ locale });
    if (token) {
      const credential = { sessionId: world.sessionId, joinCode: world.created.session.joinCode, title: world.created.session.title, token, ...extra };
      await context.addInitScript((value) => localStorage.setItem('openTalks.credentials', value), JSON.stringify({ [world.sessionId]: credential }));
    }
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }

  async function expectTitle(page: Page, path: string, title: string) {
    await page.goto(`${server.url}${path}`);
    await expect.poll(() => page.title(), { timeout: 15_000 }).toBe(title);
  }

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    world = await cafeWorld(server.url, server.store);
  });

  it('TITLE1 home and join pages: what the page is for, and the session being joined', async () => {
    const page = await pageAs(null);
    await expectTitle(page, '/', 'Start or join a session — Open Talks');
    await expectTitle(page, '/join', 'Join a session — Open Talks');
    await expectTitle(page, `/join/${world.created.session.joinCode}`, 'Join — Notepad café — Open Talks');
    await expectTitle(page, `/join/${world.created.session.joinCode}?as=observer`, 'Follow as observer — Notepad café — Open Talks');
  });

  it('TITLE1 the facilitator’s console, harvest and projector name the view and the session', async () => {
    const page = await pageAs(world.created.facilitatorToken, 'en-GB', { facilitator: true });
    await expectTitle(page, `/s/${world.sessionId}/console`, 'Console — Notepad café — Open Talks');
    await expectTitle(page, `/s/${world.sessionId}/harvest`, 'Harvest — Notepad café — Open Talks');
    const projector = new URL(world.created.links.projector);
    await expectTitle(page, `${projector.pathname}${projector.hash}`, 'Projector — Notepad café — Open Talks');
  });

  it('TITLE1 a participant’s session view and the notes page of their table and round', async () => {
    const page = await pageAs(world.ann.token);
    await expectTitle(page, `/s/${world.sessionId}`, 'Notepad café — Open Talks');
    await expectTitle(page, `/s/${world.sessionId}/notes/${world.tableA}/1`, 'Notes, table 1, A, round 1 — Notepad café — Open Talks');
  });

  it('TITLE1 the rapporteur’s desk', async () => {
    const role = await http(server.url, 'PATCH', `/api/sessions/${world.sessionId}/participants/${world.dan.participant.id}`, {
      token: world.created.facilitatorToken,
      body: { role: 'rapporteur' },
    });
    expect(role.status).toBe(200);
    const page = await pageAs(world.dan.token);
    await expectTitle(page, `/s/${world.sessionId}/rapporteur`, 'Rapporteur — Notepad café — Open Talks');
  });

  it('TITLE1 titles follow the language: French and Arabic', async () => {
    const french = await pageAs(world.created.facilitatorToken, 'fr-FR', { facilitator: true });
    // The projector speaks the language the facilitator chose for it (PROJ5; test/e2e/projector.test.ts).
    await expectTitle(french, `/s/${world.sessionId}/harvest`, 'Moisson — Notepad café — Open Talks');
    const arabic = await pageAs(null, 'ar');
    await expectTitle(arabic, `/join/${world.created.session.joinCode}`, 'انضمام — Notepad café — Open Talks');
  });
});
