import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { contrastRatio } from '../../client/src/theme/contrast.js';
import { formatJoinCode } from '../../shared/src/index.js';
import { createSession, http, join, type Created, type Joined } from '../helpers/api.js';
import { browserSuite, COLOUR_RULES, expectAccessible, missingChromium, shot } from '../helpers/browser.js';
import { cafeWorld, ideasAt, type CafeWorld } from '../helpers/notepad.js';
import type { TestServer } from '../helpers/server.js';
import { command, connect } from '../helpers/socket.js';

// Issue 19 items 4–7 (A11Y50–A11Y99 in docs/spec.md): every view reflows at 320 CSS px and with
// text at 200 %, passes axe in the light, dark and high-contrast themes, the header's focus ring
// stands out from the header, and controls and codes say what they are to a screen reader.

const missing = missingChromium();

interface Who {
  sessionId: string;
  token: string;
  joinCode: string;
  title: string;
  facilitator?: boolean;
}

interface View {
  name: string;
  path: string;
  who?: Who;
  /** The tabs of a console: each is looked at in turn. */
  tabs?: boolean;
  /** A projector: its language is the facilitator's choice (this token's), not a picker's. */
  projectorOf?: string;
}

const LANGUAGES = ['en', 'fr', 'es', 'ar', 'ru', 'zh'] as const;
/** At most five minutes a test, even on a shared two-core machine. */
const TEST = 300_000;

describe.skipIf(missing !== null)('how every view looks: reflow, themes, focus, names (A11Y50–A11Y99)', () => {
  let server: TestServer;
  let browser: Browser;
  let cafe: CafeWorld;
  let th: Created;
  let thRapporteur: Joined;
  let thParticipant: Joined;
  let recordPath: string;
  const views: View[] = [];

  /** A page as `who` (or nobody), in `locale`, with the theme `theme` chosen in the switch. */
  async function pageAs(view: View, options: { locale?: string; theme?: string; context?: BrowserContextOptions } = {}): Promise<Page> {
    const context = await browser.newContext({ locale: options.locale ?? 'en-GB', ...options.context });
    const who = view.who;
    const credentials = who
      ? JSON.stringify({ [who.sessionId]: { sessionId: who.sessionId, joinCode: who.joinCode, title: who.title, token: who.token, ...(who.facilitator && { facilitator: true }) } })
      : null;
    await context.addInitScript(
      ([credential, language, theme]) => {
        if (credential) localStorage.setItem('openTalks.credentials', credential);
        if (language) localStorage.setItem('openTalks.language', language);
        if (theme) localStorage.setItem('openTalks.theme', theme);
      },
      [credentials, options.locale?.slice(0, 2) ?? null, options.theme ?? null] as const,
    );
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}${view.path}`, { timeout: 60_000, waitUntil: 'domcontentloaded' });
    await ready(page);
    return page;
  }

  /** The view has drawn its heading and is no longer loading. */
  async function ready(page: Page): Promise<void> {
    await page.locator('h1, h2').first().waitFor();
    await expect.poll(() => page.locator('[role=status]', { hasText: /^(Loading|Chargement|Cargando|جارٍ|Загрузка|加载)/ }).count()).toBe(0);
  }

  /** Elements that stick out past the right (or, in Arabic, left) edge of the viewport, for the failure message. */
  async function overflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; wide: string[] }> {
    return page.evaluate(() => {
      const root = document.documentElement;
      const wide: string[] = [];
      for (const el of document.querySelectorAll('body *')) {
        const box = el.getBoundingClientRect();
        if (box.width > 0 && (box.right > root.clientWidth + 1 || box.left < -1)) {
          const parentWide = el.parentElement && (el.parentElement.getBoundingClientRect().right > root.clientWidth + 1 || el.parentElement.getBoundingClientRect().left < -1);
          if (!parentWide) wide.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${Math.round(box.left)}–${Math.round(box.right)}`);
        }
      }
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide: wide.slice(0, 5) };
    });
  }

  /** Every tab of the view in turn (a console's phases and panels), else the view as it opens. */
  async function eachTab(page: Page, view: View, check: (label: string) => Promise<void>): Promise<void> {
    // Closed disclosure widgets ("Prepare a new poll") are opened: what they hold must reflow too.
    const openDetails = () => page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await openDetails();
    await check(view.name);
    if (!view.tabs) return;
    const tabs = page.getByRole('tab');
    const count = await tabs.count();
    for (let i = 0; i < count; i++) {
      const tab = tabs.nth(i);
      if (!(await tab.isVisible())) continue;
      const name = (await tab.innerText()).trim();
      await tab.click();
      await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
      await openDetails();
      await check(`${view.name}, tab ${name}`);
    }
  }

  async function expectReflow(page: Page, label: string): Promise<void> {
    const fits = async () => {
      const o = await overflow(page);
      return o.scrollWidth <= o.clientWidth ? 'fits' : `${label}: ${o.scrollWidth} > ${o.clientWidth}: ${o.wide.join('; ')}`;
    };
    await expect.poll(fits, { timeout: 5_000 }).toBe('fits');
  }

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    // A café, its notes and key ideas, a rapporteur, a published record.
    // Held in the six languages, so that the projectors can be shown in each (A11Y65).
    cafe = await cafeWorld(server.url, server.store, { languages: [...LANGUAGES] });
    const f = { token: cafe.created.facilitatorToken };
    const sid = cafe.sessionId;
    expect((await http(server.url, 'PATCH', `/api/sessions/${sid}/participants/${cafe.dan.participant.id}`, { ...f, body: { role: 'rapporteur' } })).status).toBe(200);
    await ideasAt(server.url, cafe, cafe.tableA, 1).add(cafe.ann.token, 'idea-open-data', 'Open data by default, with a plain-language licence');
    const published = await http<{ publication: { path: string } }>(server.url, 'POST', `/api/sessions/${sid}/publication`, { ...f, body: {} });
    expect(published.status).toBe(201);
    recordPath = published.body.publication.path;

    // A Town Hall with a question, a poll, someone on the floor and a rapporteur.
    th = await createSession(server.url, { title: 'Town Hall on open data', format: 'townhall', attribution: 'named', languages: [...LANGUAGES] });
    thParticipant = await join(server.url, th.session.joinCode, { displayName: 'Amina Haddad', mode: 'in-room' });
    thRapporteur = await join(server.url, th.session.joinCode, { displayName: 'Rosa', mode: 'in-room' });
    const { socket: staff } = await connect(server.url, th.facilitatorToken);
    expect((await command(staff, 'participant:set-role', { participantId: thRapporteur.participant.id, role: 'rapporteur' })).ok).toBe(true);
    const { socket: amina } = await connect(server.url, thParticipant.token);
    expect((await command(amina, 'qa:ask', { text: 'How will the city publish its budget data, and when?' })).ok).toBe(true);
    expect((await command(amina, 'hand:raise', { topic: 'Access for people without internet at home' })).ok).toBe(true);
    expect((await command(staff, 'hand:give-floor', {})).ok).toBe(true);
    const poll = await command(staff, 'poll:create', { kind: 'single', question: 'Which data should the city open first?', options: ['Budgets', 'Transport', 'Schools'] });
    if (!poll.ok) throw new Error(poll.error.message);
    expect((await command(staff, 'poll:open', { pollId: poll.poll.poll.id })).ok).toBe(true);

    const cafeAs = (joined: { token: string }, facilitator = false): Who => ({
      sessionId: sid,
      token: joined.token,
      joinCode: cafe.created.session.joinCode,
      title: cafe.created.session.title,
      facilitator,
    });
    const thAs = (token: string, facilitator = false): Who => ({ sessionId: th.session.id, token, joinCode: th.session.joinCode, title: th.session.title, facilitator });
    const cafeProjector = new URL(cafe.created.links.projector);
    const thProjector = new URL(th.links.projector);
    views.push(
      { name: 'home', path: '/' },
      { name: 'join', path: '/join' },
      { name: 'join a café', path: `/join/${cafe.created.session.joinCode}` },
      { name: 'café participant', path: `/s/${sid}`, who: cafeAs(cafe.ann) },
      { name: 'café notes', path: `/s/${sid}/notes/${cafe.tableA}/1`, who: cafeAs(cafe.ann) },
      { name: 'café console', path: `/s/${sid}/console`, who: cafeAs({ token: cafe.created.facilitatorToken }, true), tabs: true },
      { name: 'harvest', path: `/s/${sid}/harvest`, who: cafeAs({ token: cafe.created.facilitatorToken }, true) },
      { name: 'café projector', path: `${cafeProjector.pathname}${cafeProjector.hash}`, projectorOf: cafe.created.facilitatorToken },
      { name: 'café rapporteur', path: `/s/${sid}/rapporteur`, who: cafeAs(cafe.dan) },
      { name: 'public record', path: recordPath },
      { name: 'Town Hall participant', path: `/s/${th.session.id}`, who: thAs(thParticipant.token) },
      { name: 'Town Hall console', path: `/s/${th.session.id}/console`, who: thAs(th.facilitatorToken, true), tabs: true },
      { name: 'Town Hall rapporteur', path: `/s/${th.session.id}/rapporteur`, who: thAs(thRapporteur.token) },
      { name: 'Town Hall projector', path: `${thProjector.pathname}${thProjector.hash}`, projectorOf: th.facilitatorToken },
    );
  }, 90_000);

  /**
   * One page per locale, kept for the whole file: each view is a navigation of it (its
   * credentials put in storage first), and themes, text size and width change live on it.
   */
  const shared = new Map<string, Page>();
  async function sharedPage(locale: string): Promise<Page> {
    let page = shared.get(locale);
    if (!page) {
      const context = await browser.newContext({ locale });
      await context.addInitScript((language) => localStorage.setItem('openTalks.language', language), locale.slice(0, 2));
      page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(`${server.url}/`, { timeout: 60_000, waitUntil: 'domcontentloaded' });
      shared.set(locale, page);
    }
    return page;
  }

  /** Navigates the locale's page to `view`, as its person, at `width` px, in the device's light theme. */
  async function visit(view: View, locale: string, width: number): Promise<Page> {
    const page = await sharedPage(locale);
    const who = view.who;
    const credentials = who
      ? JSON.stringify({ [who.sessionId]: { sessionId: who.sessionId, joinCode: who.joinCode, title: who.title, token: who.token, ...(who.facilitator && { facilitator: true }) } })
      : null;
    await page.evaluate((credential) => {
      if (credential) localStorage.setItem('openTalks.credentials', credential);
      else localStorage.removeItem('openTalks.credentials');
    }, credentials);
    await page.emulateMedia({ colorScheme: 'light', contrast: 'no-preference' });
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${server.url}${view.path}`, { timeout: 60_000, waitUntil: 'domcontentloaded' });
    await ready(page);
    return page;
  }

  /** The theme as the switch would set it (live, no reload): `system` follows the emulated device. */
  async function theme(page: Page, choice: 'system' | 'contrast', device: 'light' | 'dark' = 'light'): Promise<void> {
    await page.emulateMedia({ colorScheme: device });
    await page.evaluate(
      (value) => (value === 'system' ? document.documentElement.removeAttribute('data-theme') : document.documentElement.setAttribute('data-theme', value)),
      choice,
    );
  }

  const VIEWS = [
    'home',
    'join',
    'join a café',
    'café participant',
    'café notes',
    'café console',
    'harvest',
    'café projector',
    'café rapporteur',
    'public record',
    'Town Hall participant',
    'Town Hall console',
    'Town Hall rapporteur',
    'Town Hall projector',
  ];
  const viewNamed = (name: string) => views.find((v) => v.name === name)!;

  for (const name of VIEWS) {
    it(
      `A11Y55 A11Y56 A11Y65 ${name}: reflows at 320 px and with text at 200 %; axe finds nothing in the light, dark and high-contrast themes`,
      async () => {
        const view = viewNamed(name);
        // WCAG 1.4.10: 320 CSS px wide, no sideways scrolling, every tab and disclosure open.
        const page = await visit(view, 'en-GB', 320);
        await eachTab(page, view, async (label) => {
          // The screenshot first, so a view that does not fit can be looked at.
          await shot(page, `a11y-320-en-${label.replace(/[^\w]+/g, '-')}`);
          await expectReflow(page, `${label} (en, 320 px)`);
        });
        // WCAG 1.4.4: a 640 px window, the page's text twice its size.
        await page.setViewportSize({ width: 640, height: 800 });
        await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
        await eachTab(page, view, (label) => expectReflow(page, `${label} (text at 200 %)`));
        await page.evaluate(() => (document.documentElement.style.fontSize = ''));
        await page.setViewportSize({ width: 1280, height: 800 });
        // axe in the light theme, the dark one (device set to dark) and high contrast (the switch's choice).
        await eachTab(page, view, async (label) => {
          await expectAccessible(page, `${label} (light)`);
          await theme(page, 'system', 'dark');
          await expectAccessible(page, `${label} (dark)`);
          await shot(page, `a11y-dark-${label.replace(/[^\w]+/g, '-')}`);
          await theme(page, 'contrast');
          await expectAccessible(page, `${label} (high contrast)`);
          await theme(page, 'system', 'light');
        });
      },
      TEST,
    );
  }

  it(
    'A11Y55 every view reflows at 320 CSS px in Arabic (right to left)',
    async () => {
      for (const view of views) {
        const page = await visit(view, 'ar', 320);
        await eachTab(page, view, async (label) => {
          // The screenshot first, so a view that does not fit can be looked at.
          await shot(page, `a11y-320-ar-${label.replace(/[^\w]+/g, '-')}`);
          await expectReflow(page, `${label} (ar, 320 px)`);
        });
      }
    },
    TEST,
  );

  /**
   * The page speaks `language`, changed in place: in the header's picker, as a person would, or on
   * a projector by the facilitator's choice of its language (PROJ5).
   */
  async function speak(page: Page, view: View, language: string): Promise<void> {
    if (view.projectorOf) {
      const { socket } = await connect(server.url, view.projectorOf);
      expect(await command(socket, 'projector:show', { language: language === 'en' ? null : (language as (typeof LANGUAGES)[number]) })).toMatchObject({ ok: true });
      socket.disconnect();
    } else {
      await page.locator('header .language-picker select').selectOption(language);
    }
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
  }

  // A11Y65: axe on every view in the six languages, in the light and the dark theme (the device's
  // setting, emulated: the projector follows it too). One page a view: the language and the theme
  // change in place, every tab of a console is looked at in each language.
  for (const name of VIEWS) {
    it(
      `A11Y65 ${name}: axe finds nothing in six languages, in the light and the dark theme`,
      async () => {
        const view = viewNamed(name);
        const page = await pageAs(view, { context: { viewport: { width: 1280, height: 800 } } });
        const tabs = page.getByRole('tab');
        try {
          for (const language of LANGUAGES) {
            await speak(page, view, language);
            const count = view.tabs ? await tabs.count() : 0;
            for (let i = 0; i < Math.max(count, 1); i++) {
              let label = `${name} (${language}`;
              if (count > 0) {
                const tab = tabs.nth(i);
                if (!(await tab.isVisible())) continue;
                await tab.click();
                await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
                label += `, tab ${i + 1}`;
              }
              // Every rule in the light theme; in the dark one, whose palette is all that changed,
              // the rules about colour (half the time on a console).
              await page.emulateMedia({ colorScheme: 'light' });
              await expectAccessible(page, `${label}, light)`);
              await page.emulateMedia({ colorScheme: 'dark' });
              await expectAccessible(page, `${label}, dark)`, COLOUR_RULES);
            }
          }
        } finally {
          // The projector's language and the person's stored language go back to English.
          await speak(page, view, 'en');
          await page.context().close();
        }
      },
      TEST,
    );
  }

  it(
    'A11Y50 the header’s focus ring has at least 3:1 against the header in every theme (WCAG 1.4.11)',
    async () => {
      for (const theme of ['light', 'dark', 'contrast']) {
        const page = await pageAs(views[0]!, { theme });
        const select = page.locator('header select').first();
        await select.focus();
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Tab'); // focus by keyboard, so :focus-visible applies
        const colours = await select.evaluate((el) => ({
          ring: getComputedStyle(el).outlineColor,
          width: getComputedStyle(el).outlineStyle === 'none' ? 0 : parseFloat(getComputedStyle(el).outlineWidth),
          header: getComputedStyle(el.closest('header')!).backgroundColor,
        }));
        expect(colours.width, theme).toBeGreaterThanOrEqual(2);
        expect(contrastRatio(colours.ring, colours.header), `${theme}: ring ${colours.ring} on ${colours.header}`).toBeGreaterThanOrEqual(3);
        await page.context().close();
      }
    },
    TEST,
  );

  it(
    'A11Y61 A11Y62 the switch changes the theme at once, is kept, and applies before the first paint',
    async () => {
      const page = await pageAs(views[0]!);
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor || getComputedStyle(document.documentElement).backgroundColor);
      const rootBackground = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      expect(await page.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBeNull();
      const light = await rootBackground();
      await page.getByLabel('Colours').selectOption({ label: 'Dark' });
      await expect.poll(rootBackground).not.toBe(light);
      await expect.poll(() => page.evaluate(() => localStorage.getItem('openTalks.theme'))).toBe('dark');
      // Reloaded: the attribute is on <html> before any of the app's own script ran.
      await page.reload();
      await ready(page);
      expect(await page.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBe('dark');
      expect(await page.getByLabel('Colours').inputValue()).toBe('dark');
      void background;
      await page.getByLabel('Colours').selectOption({ label: 'As on this device' });
      await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBeNull();
      await expect.poll(() => page.evaluate(() => localStorage.getItem('openTalks.theme'))).toBeNull();
      await page.context().close();
    },
    TEST,
  );

  it(
    'A11Y63 a device set to dark gets the dark theme with no choice made; the switch’s Light wins over it',
    async () => {
      const dark = await pageAs(views[0]!, { context: { colorScheme: 'dark' } });
      const paper = () => dark.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--paper').trim());
      expect(await paper()).toBe('#1b1f24');
      await dark.getByLabel('Colours').selectOption({ label: 'Light' });
      await expect.poll(paper).toBe('#fff');
      await dark.context().close();
      const contrast = await pageAs(views[0]!, { context: { contrast: 'more' } });
      expect(await contrast.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--ink').trim())).toBe('#000');
      await contrast.context().close();
    },
    TEST,
  );

  it(
    'A11Y66 the projector goes dark for a dim room when the facilitator says so, and light again',
    async () => {
      const projector = views.find((v) => v.name === 'Town Hall projector')!;
      const page = await pageAs(projector);
      const screen = page.locator('main.pj');
      const paper = () => screen.evaluate((el) => getComputedStyle(el).backgroundColor);
      const light = await paper();
      const { socket: staff } = await connect(server.url, th.facilitatorToken);
      expect(await command(staff, 'projector:show', { theme: 'dark' })).toMatchObject({ ok: true, projector: { theme: 'dark' } });
      await expect.poll(() => screen.getAttribute('data-pj-theme')).toBe('dark');
      await expect.poll(paper).toBe('rgb(14, 16, 19)');
      await expectAccessible(page, 'the Town Hall projector, dark');
      await shot(page, 'a11y-dark-projector-dim-room');
      expect(await command(staff, 'projector:show', { theme: 'light' })).toMatchObject({ ok: true });
      await expect.poll(paper).toBe(light);
      await page.context().close();
    },
    TEST,
  );

  it(
    'A11Y70 A11Y71 key-idea buttons say which idea; the join code is read as its name and characters',
    async () => {
      const notes = views.find((v) => v.name === 'café notes')!;
      const page = await pageAs(notes);
      const idea = 'Open data by default, with a plain-language licence';
      for (const button of ['Mark for the harvest', 'Edit', 'Drop']) {
        await expect.poll(() => page.getByRole('button', { name: `${button} ${idea}`, exact: true }).count()).toBe(1);
      }
      await page.context().close();
      // The running café's console opens on Run, whose side column shows the code; Prepare's
      // share panel shows it big. Both are read as "Join code:" and the characters one by one.
      const consolePage = await pageAs(views.find((v) => v.name === 'café console')!);
      const code = cafe.created.session.joinCode;
      const spoken = `Join code: ${code.split('').join(' ')}`;
      const shown = formatJoinCode(code);
      await expect.poll(() => consolePage.getByRole('tab', { selected: true }).innerText()).toMatch(/Run/);
      const run = await consolePage.locator('.run-join-code').ariaSnapshot();
      expect(run).toContain(spoken);
      expect(run).not.toContain(shown);
      await consolePage.getByRole('tab', { name: /Prepare/ }).click();
      const big = await consolePage.locator('.big-code').ariaSnapshot();
      expect(big).toContain(spoken);
      expect(big).not.toContain(shown);
      // The session details name the code in their own term: the characters alone follow it.
      const details = await consolePage
        .getByRole('definition')
        .filter({ has: consolePage.getByTestId('join-code') })
        .ariaSnapshot();
      expect(details).toContain(code.split('').join(' '));
      expect(details).not.toContain(shown);
      await consolePage.context().close();
    },
    TEST,
  );
});
