import type { Browser, BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, join } from '../helpers/api.js';
import { expectAccessible, browserSuite, missingChromium } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { connect } from '../helpers/socket.js';

const missing = missingChromium();

describe.skipIf(missing !== null)('World Café set-up in the console', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let console_: Page;

  browserSuite((started) => ({ server, browser } = started));
  beforeAll(async () => {
    // Twelve people connected (real socket.io clients): 8 in the room, 4 remote.
    const created = await createSession(server.url, { title: 'Café on data governance', format: 'cafe' });
    const groups = ['government', 'civil-society', 'academia', 'private-sector'] as const;
    for (let i = 0; i < 12; i++) {
      const person = await join(server.url, created.session.joinCode, { displayName: `Person ${i + 1}`, mode: i < 8 ? 'in-room' : 'remote', stakeholderGroup: groups[i % 4] });
      await connect(server.url, person.token);
    }
    context = await browser.newContext();
    console_ = await context.newPage();
    console_.setDefaultTimeout(15_000);
    await console_.goto(created.links.console);
    await console_.waitForURL(/\/console$/);
  });

  it('makes tables from who is here, sets three rounds, plans, locks, and shows the plan with its figures', async () => {
    await console_.getByLabel('People per table').fill('4');
    await console_.getByRole('button', { name: 'Make tables from who is here' }).click();
    await expect.poll(() => console_.getByTestId('tables-editor').getByRole('listitem').count()).toBe(3);

    for (const [n, question] of ['What works today?', 'What is missing?', 'What do we ask for?'].entries()) {
      await console_.getByLabel(`Question of round ${n + 1}`).fill(question);
    }
    await console_.getByRole('button', { name: 'Save rounds' }).click();
    await expect.poll(() => console_.getByRole('status').filter({ hasText: 'Rounds saved.' }).count()).toBe(1);

    await console_.getByRole('button', { name: 'Plan the seating' }).click();
    await expect.poll(() => console_.locator('.plan-table').count()).toBe(3);
    await expect.poll(() => console_.locator('.plan-table caption').first().innerText()).toBe('Round 1: What works today?');
    const seatedInRound1 = await console_.locator('.plan-table').first().locator('tbody td:nth-child(2)').allInnerTexts();
    expect(seatedInRound1.join(', ').split(', ').filter(Boolean)).toHaveLength(12);
    await expect.poll(() => console_.getByTestId('plan-figures').innerText()).toMatch(/People who meet twice/);
    await expectAccessible(console_, 'console with a café plan');

    await console_.getByRole('button', { name: 'Lock the plan' }).click();
    await expect.poll(() => console_.getByTestId('plan-status').innerText()).toContain('Locked');
    expect(await console_.getByRole('button', { name: 'Plan again with another seed' }).isDisabled()).toBe(true);

    // Survives a reload: it comes from the server, not from the page.
    await console_.reload();
    await expect.poll(() => console_.getByTestId('plan-status').innerText()).toContain('Locked');
    await expect.poll(() => console_.locator('.plan-table').count()).toBe(3);
  });

  it('says why a change is refused in the facilitator’s language (the server’s reason, translated)', async () => {
    await console_.getByLabel('Language').selectOption('fr');
    await console_.getByRole('button', { name: 'Enregistrer les tables' }).click();
    const alert = console_.getByRole('alert').filter({ hasText: 'impossible' });
    await expect.poll(() => alert.innerText()).toBe('Cette action est impossible pour le moment. Le plan de table est verrouillé : déverrouillez-le d’abord.');
    await console_.getByLabel('Langue').selectOption('en');
  });
});
