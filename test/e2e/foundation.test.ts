import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, browserSuite, missingChromium } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const missing = missingChromium();

describe.skipIf(missing !== null)('foundation in a real browser', () => {
  let server: TestServer;
  let browser: Browser;

  async function newPage(language = 'en'): Promise<Page> {
    const context = await browser.newContext({ locale: language === 'en' ? 'en-GB' : language });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }

  const suite = browserSuite((started) => ({ server, browser } = started));

  let facilitator: Page;
  let projector: Page;
  let inRoom: Page;
  let remote: Page;
  let joinCode = '';
  let sessionPath = '';

  async function joinAs(page: Page, name: string, group: string, mode: 'in-room' | 'remote', path = `/join/${joinCode}`) {
    await page.goto(`${server.url}${path}`);
    await page.getByLabel('Display name').fill(name);
    await page.getByLabel('Stakeholder group').selectOption(group);
    await page.getByLabel(mode === 'in-room' ? 'In the room' : 'Remote', { exact: true }).check();
    await page.getByRole('button', { name: /^(Join|Follow as observer)$/ }).click();
    await page.waitForURL(/\/s\/[^/]+$/);
  }

  it('a facilitator creates a session and lands in the console with code, links and QR', async () => {
    facilitator = await newPage();
    await facilitator.goto(server.url);
    await expectAccessible(facilitator, 'home');
    await facilitator.getByLabel('Title').fill('Open Talks on digital cooperation');
    await facilitator.getByLabel('Town Hall').check();
    await facilitator.getByLabel('Français').check();
    await facilitator.getByLabel(/^By group/).check();
    await facilitator.getByLabel('Your name (optional)').fill('Fatou');
    await facilitator.getByRole('button', { name: 'Create session' }).click();
    await facilitator.waitForURL(/\/s\/[^/]+\/console$/);
    sessionPath = new URL(facilitator.url()).pathname.replace(/\/console$/, '');
    joinCode = (await facilitator.getByTestId('join-code').innerText()).replace(/\s/g, '');
    expect(joinCode).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    await expect.poll(() => facilitator.getByTestId('qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(await facilitator.getByLabel('Join link').inputValue()).toBe(`${server.url}/join/${joinCode}`);
    expect(await facilitator.getByLabel('Observer link').inputValue()).toBe(`${server.url}/join/${joinCode}?as=observer`);
    await expect.poll(() => facilitator.locator('[data-participant]').count()).toBe(1);
    await expectAccessible(facilitator, 'console');
  });

  it('the projector shows title, code, QR and live attendance', async () => {
    const link = await facilitator.getByLabel('Projector link').inputValue();
    projector = await newPage();
    await projector.goto(link);
    await expect.poll(() => projector.getByTestId('projector-code').innerText()).toBe(`${joinCode.slice(0, 3)} ${joinCode.slice(3)}`);
    await expect.poll(() => projector.getByRole('heading', { level: 1 }).innerText()).toBe('Open Talks on digital cooperation');
    expect(projector.url()).not.toContain('#key='); // the key leaves the address bar
    // ATTEND1: the facilitator is staff, counted apart from participants.
    await expect.poll(() => projector.getByTestId('present-count').innerText()).toBe('0 present');
    await expect.poll(() => projector.getByTestId('others-count').innerText()).toBe('Staff and observers, not counted above: 1');
    await expectAccessible(projector, 'projector');
  });

  it('an in-room and a remote participant join; console and projector update live', async () => {
    inRoom = await newPage();
    await joinAs(inRoom, 'Amina', 'civil-society', 'in-room');
    await expect.poll(() => inRoom.getByTestId('my-role').innerText()).toContain('Participant');
    await expectAccessible(inRoom, 'participant view');

    remote = await newPage();
    await remote.goto(`${server.url}/join/${joinCode}`);
    await expectAccessible(remote, 'join form');
    await joinAs(remote, 'Li Wei', 'technical-community', 'remote');

    await expect.poll(() => projector.getByTestId('present-count').innerText()).toBe('2 present');
    await expect.poll(() => facilitator.locator('[data-participant]').count()).toBe(3);
    const remoteRow = facilitator.locator('tr', { hasText: 'Li Wei' });
    await expect.poll(() => remoteRow.innerText()).toMatch(/Remote[\s\S]*Technical community[\s\S]*Online/);
    const byMode = facilitator.locator('.attendance tr[data-key="remote"] .count');
    await expect.poll(() => byMode.innerText()).toBe('1');
    await expect.poll(() => facilitator.locator('.attendance tr[data-key="in-room"] .count').innerText()).toBe('1'); // Amina; the facilitator apart (ATTEND1)
  });

  it('the facilitator makes someone host; their screen says so at once', async () => {
    await facilitator.getByLabel('Role of Amina').selectOption('host');
    await expect.poll(() => inRoom.getByTestId('my-role').innerText()).toContain('Table host');
    await expect.poll(() => facilitator.getByRole('status').filter({ hasText: 'Amina is now Table host' }).count()).toBe(1);
  });

  it('reopening the tab or the join link puts a person back as the same participant', async () => {
    await inRoom.reload();
    await expect.poll(() => inRoom.getByTestId('my-role').innerText()).toContain('Table host');
    await inRoom.goto(`${server.url}/join/${joinCode}`);
    await inRoom.waitForURL(new RegExp(`${sessionPath}$`));
    await expect.poll(() => inRoom.getByTestId('my-role').innerText()).toContain('Table host');
    expect(await facilitator.locator('[data-participant]').count()).toBe(3);
  });

  it('typing the code on the home page (any case, with a dash) leads to the join form', async () => {
    const page = await newPage();
    await page.goto(server.url);
    await page.getByLabel('Join code').fill(`${joinCode.slice(0, 3).toLowerCase()}-${joinCode.slice(3)}`);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(new RegExp(`/join/${joinCode}$`));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Join “Open Talks on digital cooperation”');
  });

  it('an observer joins read-only from the observer link', async () => {
    const observer = await newPage();
    await joinAs(observer, 'Press', 'other', 'remote', `/join/${joinCode}?as=observer`);
    await expect.poll(() => observer.getByTestId('my-role').innerText()).toContain('Observer');
    await expect.poll(() => facilitator.locator('[data-participant]').count()).toBe(4);
  });

  it('a removed participant is told so and disappears from the console', async () => {
    await facilitator.getByRole('button', { name: 'Remove Li Wei' }).click();
    await facilitator.getByRole('dialog').getByRole('button', { name: 'Remove', exact: true }).click();
    await expect.poll(() => remote.getByRole('heading', { level: 1 }).innerText()).toBe('The facilitator removed you from this session.');
    await expect.poll(() => facilitator.locator('tr', { hasText: 'Li Wei' }).count()).toBe(0);
  });

  it('after a server restart, open pages reconnect by themselves and stay live', async () => {
    const { port, database } = server;
    await server.close();
    await expect.poll(() => facilitator.locator('.connection-banner').isVisible()).toBe(true);
    server = await startTestServer({ database, port });
    suite.adopt(server);
    await expect.poll(() => facilitator.locator('.connection-banner').isVisible(), { timeout: 20_000 }).toBe(false);
    const late = await newPage();
    await joinAs(late, 'Carlos', 'government', 'in-room');
    await expect.poll(() => facilitator.locator('tr', { hasText: 'Carlos' }).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => inRoom.getByTestId('my-role').innerText()).toContain('Table host');
  });

  it('the Arabic UI renders right to left and stays accessible', async () => {
    const page = await newPage('ar');
    await page.goto(`${server.url}/join/${joinCode}`);
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    const button = await page.getByRole('button').last().innerText();
    expect(button).toMatch(/[\u0600-\u06FF]/);
    await expectAccessible(page, 'join form in Arabic');
    // The choice is remembered: switching to French on one page keeps French on the next.
    await page.getByLabel(/اللغة/).first().selectOption('fr');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await page.goto(server.url);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('fr');
  });
});
