import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, join, type Created, type Joined } from '../helpers/api.js';
import { expectAccessible, browserSuite, missingChromium, openPage, shot } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { command, connect, type ClientSocket } from '../helpers/socket.js';

const missing = missingChromium();

const PHONE = { width: 390, height: 844 }; // px
const ROOM = 'https://meet.example.org/town-hall-water';

// The floor in a hybrid Town Hall: the facilitator sets the video room in the console; a remote
// speaker given the floor is told to speak there, with the link; an in-room speaker just speaks.
// The projector credits "Someone from …" with a capital; a 60-second turn is not one long warning.
describe.skipIf(missing !== null)('the floor for remote and in-room speakers', () => {
  let server: TestServer;
  let browser: Browser;
  let created: Created;
  let staff: ClientSocket;
  const people: Record<'rami' | 'ina' | 'salma', { joined: Joined; socket: ClientSocket; page: Page }> = {} as never;
  let facilitator: Page;
  let projector: Page;

  async function open(url: string, options: { phone?: boolean; locale?: string } = {}): Promise<Page> {
    return openPage(browser, url, { ...(options.phone && { viewport: PHONE, isMobile: true, hasTouch: true }), ...(options.locale && { locale: options.locale }) });
  }

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    created = await createSession(server.url, { title: 'Town Hall on water', format: 'townhall', attribution: 'group', languages: ['en', 'ar'] });
    staff = (await connect(server.url, created.facilitatorToken)).socket;
    const person = async (displayName: string, mode: 'in-room' | 'remote', locale = 'en') => {
      const joined = await join(server.url, created.session.joinCode, { displayName, mode, stakeholderGroup: 'academia', language: locale as 'en' });
      const socket = (await connect(server.url, joined.token)).socket;
      const page = await open(`${server.url}/s/${created.session.id}#token=${joined.token}`, { phone: true, locale });
      return { joined, socket, page };
    };
    people.rami = await person('Rami', 'remote');
    people.ina = await person('Ina', 'in-room');
    people.salma = await person('Salma', 'remote', 'ar');
    facilitator = await open(created.links.console);
    await facilitator.waitForURL(/\/console$/);
    projector = await open(created.links.projector);
  }, 60_000);

  it('HAND12: the facilitator sets the video room; remote people see it, in-room people do not', async () => {
    const settings = facilitator.locator('.th-settings');
    await settings.getByLabel('Video room for remote speakers (https link, optional)').fill(ROOM);
    await settings.getByLabel('Speaking time per intervention (seconds)').fill('60');
    await settings.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => settings.getByRole('status').innerText()).toBe('Settings saved.');
    await expect.poll(() => people.rami.page.locator('.video-room').getByRole('link').getAttribute('href')).toBe(ROOM);
    await expect.poll(() => people.salma.page.locator('.video-room h2').innerText()).toBe('غرفة الفيديو');
    expect(await people.ina.page.locator('.video-room').count()).toBe(0);
  });

  it('HAND12, HAND13, THUI1: a remote speaker is sent to the video room; a 60 s turn has no “one minute left” badge; the projector says “Someone”', async () => {
    expect((await command(people.rami.socket, 'hand:raise', { topic: 'Leaks' })).ok).toBe(true);
    expect(await command(staff, 'hand:give-floor', {})).toMatchObject({ ok: true });
    const rami = people.rami.page;
    await expect.poll(() => rami.getByTestId('hand-status').innerText()).toBe('You have the floor: speak in the video room.');
    expect(await rami.getByTestId('floor-video-room').getAttribute('href')).toBe(ROOM);
    await expect.poll(() => rami.locator('.floor-card').getByTestId('countdown').innerText()).toMatch(/^(1:00|0:5\d)$/);
    // The whole turn is a minute: no "One minute left" from its first second.
    expect(await rami.locator('.floor-card .countdown-state').count()).toBe(0);
    await expect.poll(() => projector.locator('.floor-speaker').innerText()).toMatch(/^Someone from Academia/);
    await shot(rami, 'th-floor-remote-en');
    await expectAccessible(rami, 'remote speaker with the floor');

    const ina = people.ina.page;
    await ina.getByRole('button', { name: 'Raise my hand' }).click();
    await expect.poll(() => ina.getByTestId('hand-status').innerText()).toBe('You are next. Get ready to speak.');
    expect(await command(staff, 'hand:give-floor', {})).toMatchObject({ ok: true });
    await expect.poll(() => ina.getByTestId('hand-status').innerText()).toBe('You have the floor. Please speak now.');
    // THUI3: no line still saying the hand is up.
    expect(await ina.locator('.hand-control').innerText()).not.toContain('Your hand is up.');
    expect(await ina.getByTestId('floor-video-room').count()).toBe(0);
    await expect.poll(() => rami.getByTestId('hand-status').innerText()).toBe('Your hand is down.');

    expect((await command(people.salma.socket, 'hand:raise', {})).ok).toBe(true);
    expect(await command(staff, 'hand:give-floor', {})).toMatchObject({ ok: true });
    const salma = people.salma.page;
    await expect.poll(() => salma.getByTestId('hand-status').innerText()).toBe('لك الكلمة: تحدّث في غرفة الفيديو.');
    expect(await salma.locator('html').getAttribute('dir')).toBe('rtl');
    await shot(salma, 'th-floor-remote-ar');
    await shot(projector, 'th-projector');
    await expectAccessible(salma, 'remote speaker with the floor, in Arabic');
  });
});
