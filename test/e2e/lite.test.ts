import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { http } from '../helpers/api.js';
import { browserSuite, expectAccessible, missingChromium, shot } from '../helpers/browser.js';
import { requireAll } from '../helpers/environment.js';
import { csrfOf, liteRequest } from '../helpers/lite.js';
import { liteCafe, liteConsultation, liteTownHall, startCafe } from '../helpers/lite-world.js';
import type { TestServer } from '../helpers/server.js';

const run = promisify(execFile);
const missing = missingChromium();
const LYNX = '/usr/bin/lynx';
const W3M = '/usr/bin/w3m';
const noLynx = existsSync(LYNX) ? null : 'lynx is not installed (apt-get install lynx)';
if (noLynx && requireAll) throw new Error(noLynx);

const FEATURE_PHONE = { width: 320, height: 480 }; // px

/**
 * A browser context with JavaScript off, as on a feature phone's browser (LITE3). The pages'
 * own reload (meta refresh, 15–30 s) is taken out of what this browser receives: on a slow
 * machine it would navigate in the middle of a check. Tests reload by hand, as a person can, and
 * the refresh itself is checked over HTTP.
 */
async function noScript(browser: Browser, url: string, javaScriptEnabled = false): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: FEATURE_PHONE });
  await context.route('**/lite/**', async (route) => {
    const response = await route.fetch({ maxRedirects: 0 });
    if (!(response.headers()['content-type'] ?? '').startsWith('text/html')) return route.fulfill({ response });
    const body = (await response.text()).replace(/<meta http-equiv="refresh"[^>]*>/, '');
    await route.fulfill({ response, body });
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(url);
  return page;
}

/**
 * axe on the page as the person sees it now. axe runs as a script, so it looks at the same address
 * with the same cookies in a context of its own where scripts may run; the page has none itself.
 */
async function accessible(browser: Browser, page: Page, label: string): Promise<void> {
  const checker = await noScript(browser, 'about:blank', true);
  await checker.context().addCookies(await page.context().cookies());
  await checker.goto(page.url());
  await expectAccessible(checker, label);
  await checker.context().close();
}

/** Joins through the lite form as a person would: name, group, language, where from. */
async function joinAs(page: Page, name: string, mode: 'In the room' | 'Remote'): Promise<void> {
  await page.getByLabel('Display name').fill(name);
  await page.getByLabel('Stakeholder group').selectOption('civil-society');
  await page.getByLabel('Your language').selectOption('en');
  await page.getByLabel(mode).check();
  await page.getByRole('button', { name: 'Join' }).click();
}

/** No horizontal scrolling at 320 px. */
async function fitsNarrowScreen(page: Page): Promise<void> {
  const widths = await page.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]');
  const [scroll, client] = widths as [number, number];
  expect(scroll).toBeLessThanOrEqual(client);
}

describe.skipIf(missing !== null)('LITE lite pages in Chromium with JavaScript off, and in lynx', () => {
  let server: TestServer;
  let browser: Browser;
  browserSuite((started) => ({ server, browser } = started));

  it('LITE30 LITE31 LITE45 a whole café: join, seat, question and time left, the next round after a reload', { timeout: 240_000 }, async () => {
    const cafe = await liteCafe(server.url, 8);
    const code = cafe.created.session.joinCode;
    const page = await noScript(browser, `${server.url}/lite/${code}`);
    await expect.poll(() => page.title()).toContain('World Café on data governance');
    await accessible(browser, page, 'lite join page');
    await shot(page, 'lite-join');
    await joinAs(page, 'Nadia', 'In the room');
    await expect.poll(() => page.locator('main').innerText()).toContain('The café has not started yet');
    await startCafe(server.url, cafe);
    await page.getByRole('link', { name: 'Reload' }).click();
    const main = page.locator('main');
    await expect.poll(() => main.innerText()).toContain('Round 1 of 3');
    const text = await main.innerText();
    expect(text).toContain('What would make sharing public data fair for everyone in this city?');
    expect(text).toMatch(/(19|20) min left/);
    expect(text).toMatch(/Table \d: Room table \d/);
    expect(text).toContain('Five minutes left: agree on one key idea.');
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await liteRequest(server.url, 'GET', `/lite/${code}`, { cookie })).html).toMatch(/<meta http-equiv="refresh" content="20;url=\/lite\/\w+">/);
    await fitsNarrowScreen(page);
    await accessible(browser, page, 'lite café page');
    await shot(page, 'lite-cafe');

    const token = { token: cafe.created.facilitatorToken };
    expect((await http(server.url, 'POST', `${cafe.base}/run/end`, { ...token, body: {} })).status).toBe(200);
    expect((await http(server.url, 'POST', `${cafe.base}/run/start`, { ...token, body: {} })).status).toBe(200);
    await page.reload();
    await expect.poll(() => main.innerText()).toContain('Round 2 of 3');
    expect(await main.innerText()).toContain('Who should decide how public algorithms are used, and how?');
  });

  it('LITE32 LITE33 LITE34 LITE35 LITE45 a whole Town Hall: ask, upvote, vote in the poll, raise a hand, read captions', { timeout: 240_000 }, async () => {
    const th = await liteTownHall(server.url, 6);
    const code = th.created.session.joinCode;
    const page = await noScript(browser, `${server.url}/lite/${code}`);
    await joinAs(page, 'Omar', 'Remote');
    const main = page.locator('main');
    await expect.poll(() => main.innerText()).toContain('Welcome and purpose');
    await fitsNarrowScreen(page);
    await accessible(browser, page, 'lite Town Hall page');
    await shot(page, 'lite-townhall');

    await page.getByRole('link', { name: 'Ask a question' }).click();
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await liteRequest(server.url, 'GET', `/lite/${code}/ask`, { cookie })).html).not.toContain('http-equiv="refresh"'); // never reloads under one's fingers
    await accessible(browser, page, 'lite ask page');
    await shot(page, 'lite-ask');
    await page.getByLabel('Your question').fill('Will the lite pages stay free of scripts?');
    await page.getByRole('button', { name: 'Send the question' }).click();
    await expect.poll(() => main.innerText()).toContain('Your question was sent.');
    expect(await main.innerText()).toContain('Will the lite pages stay free of scripts?');

    await page.getByRole('button', { name: 'Upvote' }).first().click();
    await expect.poll(() => main.innerText()).toContain('Your vote for the question was counted.');

    await page.getByLabel('Open data and transparency').check();
    await page.getByRole('button', { name: 'Send my answer' }).click();
    await expect.poll(() => main.innerText()).toContain('Your answer to the poll was counted.');
    expect(await page.getByLabel('Open data and transparency').isChecked()).toBe(true);

    await page.getByRole('button', { name: 'Raise my hand' }).click();
    await expect.poll(() => main.innerText()).toContain('Your hand is raised.');

    const staff = await http(server.url, 'GET', th.base, { token: th.created.facilitatorToken });
    const townhall = staff.body.townhall;
    expect(townhall.qa.questions.some((q: { text: string }) => q.text === 'Will the lite pages stay free of scripts?')).toBe(true);
    expect(townhall.qa.questions.reduce((sum: number, q: { votes: number }) => sum + q.votes, 0)).toBe(3);
    expect(townhall.polls.find((p: { poll: { id: string } }) => p.poll.id === th.pollId).results.overall.ballots).toBe(1);
    expect(townhall.queue.hands).toHaveLength(1);

    await page.getByRole('link', { name: 'All recent captions' }).click();
    await expect.poll(() => main.innerText()).toContain('Line 20: the strategy covers connectivity');
    await accessible(browser, page, 'lite captions page');
    await shot(page, 'lite-captions');
  });

  it('LITE35 LITE45 a consultation: read the questions and recent contributions, contribute, see it listed', { timeout: 120_000 }, async () => {
    const { created } = await liteConsultation(server.url);
    const code = created.session.joinCode;
    const page = await noScript(browser, `${server.url}/lite/${code}`);
    await joinAs(page, 'Lina', 'Remote');
    const main = page.locator('main');
    await expect.poll(() => main.innerText()).toContain('Contributions are open.');
    expect(await main.innerText()).toContain('What data should be open by default?');
    await fitsNarrowScreen(page);
    await accessible(browser, page, 'lite consultation page');
    await shot(page, 'lite-consultation');

    await page.getByRole('link', { name: 'Contribute to this question' }).first().click();
    await expect.poll(() => page.getByLabel('Your contribution').count()).toBe(1);
    await fitsNarrowScreen(page);
    await accessible(browser, page, 'lite contribute page');
    await shot(page, 'lite-contribute');
    await page.getByLabel('Title (optional)').fill('Budgets');
    await page.getByLabel('Your contribution').fill('Publish every budget line as open data, in a format anyone can read.');
    await page.getByRole('button', { name: 'Send my contribution' }).click();
    await expect.poll(() => main.innerText()).toContain('Your contribution was sent.');
    expect(await main.innerText()).toContain('Publish every budget line as open data');
    const listed = await http(server.url, 'GET', `/api/sessions/${created.session.id}/consultation/contributions?sort=newest`, { token: created.facilitatorToken });
    expect(JSON.stringify(listed.body)).toContain('Publish every budget line as open data, in a format anyone can read.');
  });

  it.skipIf(noLynx !== null)('LITE46 lynx joins with -post_data, reads the question and the forms, and asks', { timeout: 60_000 }, async () => {
    const th = await liteTownHall(server.url, 3);
    const code = th.created.session.joinCode;
    const lynx = async (url: string, post?: string) => {
      const child = run(LYNX, ['-dump', '-width=80', '-nolist', '-accept_all_cookies', ...(post === undefined ? [] : ['-post_data']), url], { timeout: 20_000 });
      if (post !== undefined) {
        child.child.stdin!.write(`${post}\n---\n`);
        child.child.stdin!.end();
      }
      return (await child).stdout;
    };
    const joinForm = await lynx(`${server.url}/lite/${code}`);
    expect(joinForm).toContain('Display name');
    expect(joinForm).toContain('Stakeholder group');
    // Lynx follows the 303 to the session page; no cookie kept between runs, so the address carries the token.
    const joined = await lynx(`${server.url}/lite/${code}/join`, 'displayName=Lynx&stakeholderGroup=academia&mode=remote&language=en&nocookie=1');
    expect(joined).toContain('Which part of the strategy should come first?');
    expect(joined).toContain('Raise my hand');
    expect(joined).toContain('Send my answer');
    expect(joined).toContain('Welcome and purpose');

    // The token, read the way a person's second visit would: the page address lynx was sent to.
    const page = await liteRequest(server.url, 'POST', `/lite/${code}/join`, { form: { stakeholderGroup: 'academia', mode: 'remote', language: 'en', nocookie: '1' } });
    const address = `${server.url}${page.location!}`;
    const html = (await liteRequest(server.url, 'GET', page.location!)).html;
    const token = new URL(address).searchParams.get('t')!;
    const asked = await lynx(`${server.url}/lite/${code}/ask`, `t=${token}&csrf=${csrfOf(html)}&text=${encodeURIComponent('Asked from lynx?')}`);
    expect(asked).toContain('Your question was sent.');
    expect(asked).toContain('Asked from lynx?');
    if (existsSync(W3M)) {
      const { stdout } = await run(W3M, ['-dump', '-cols', '80', address], { timeout: 20_000 });
      expect(stdout).toContain('Asked from lynx?');
      expect(stdout).toContain('Ask a question');
    }
  });
});
