import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, browserSuite, missingChromium, openPage } from '../helpers/browser.js';
import { cafeWorld, type CafeWorld } from '../helpers/notepad.js';
import type { TestServer } from '../helpers/server.js';

// NOTE3 in a browser: an observer follows the tables' notes read-only, and the facilitator can
// close (and reopen) that from the console; the observer's page follows at once.

const missing = missingChromium();

describe.skipIf(missing !== null)('observers and the tables’ notes', () => {
  let server: TestServer;
  let browser: Browser;
  let world: CafeWorld;

  async function pageAs(token: string, path: string): Promise<Page> {
    return openPage(browser, `${server.url}${path}#token=${token}`, { locale: 'en-GB' });
  }

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    world = await cafeWorld(server.url, server.store);
  });

  it('an observer opens a table’s notes read-only; the facilitator closes them to observers and the page follows', async () => {
    const observer = await pageAs(world.olga.token, `/s/${world.sessionId}`);
    const section = observer.locator('section.observer-tables');
    await expect.poll(() => section.getByRole('heading', { level: 2 }).innerText()).toBe("The tables' notes");
    await expectAccessible(observer, "observer page with the tables' notes");
    await section.getByRole('link', { name: 'Table 1, A: notes of round 1' }).click();
    await expect.poll(() => observer.getByTestId('notepad-status').textContent()).toBe('Connected: you follow the changes live (read-only).');
    await observer.getByTestId('notepad-read-only').waitFor();
    await observer.goBack();

    const console_ = await pageAs(world.created.facilitatorToken, `/s/${world.sessionId}/console`);
    await console_.getByRole('tab', { name: /^Prepare/ }).click(); // the console by phase: sharing is prepared
    const setting = console_.getByRole('checkbox', { name: "Observers may read the tables' notes" });
    await expect.poll(() => setting.isChecked()).toBe(true);
    await setting.uncheck();
    await expect.poll(() => console_.locator('.observer-notes [role=status]').innerText()).toBe("Observers can no longer read the tables' notes.");
    await expect.poll(() => section.innerText()).toContain("In this session the tables' notes are not shared with observers.");
    expect(await section.getByRole('link').count()).toBe(0);

    await console_.reload();
    await expect.poll(() => console_.getByRole('checkbox', { name: "Observers may read the tables' notes" }).isChecked()).toBe(false);
    await console_.getByRole('checkbox', { name: "Observers may read the tables' notes" }).check();
    await expect.poll(() => section.getByRole('link').count()).toBe(2);
  });
});
