// What a participant on a weak link waits for: the join page from its link, and the participant
// view with the table notepad mid-round (first visit and reload). Chromium throttled through CDP
// to 400 kbit/s down and up with 400 ms latency, a cold cache per run; median of RUNS runs.
// Serves the client as built (run `npm run build` first). Run: npm run bench:join
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, startServer } from '../../server/src/app.js';
import { launchBrowser } from '../helpers/browser.js';
import { cafeWorld } from '../helpers/notepad.js';
import { coldPage, kb, LINK, median, usableAfter, type Traffic } from './weak-link.js';

const RUNS = 3;
const BUDGET = { joinMs: 5000, joinJsBytes: 150 * 1024 };

// The join form can be used: the name field is laid out and the submit button is enabled.
const JOIN_FORM_USABLE = `(() => {
  const name = document.getElementById('join-name');
  const submit = document.querySelector('form button[type=submit]');
  return !!name && name.getBoundingClientRect().height > 0 && !!submit && !submit.disabled;
})()`;
// The table notepad can be typed into: connected to the server and editable.
const NOTEPAD_USABLE = `(() => {
  const status = document.querySelector('.notepad-status');
  return status?.getAttribute('data-status') === 'connected' && !!document.querySelector('.cm-content[contenteditable=true]');
})()`;

const clientDir = join(import.meta.dirname, '../../client/dist');
if (!existsSync(join(clientDir, 'index.html'))) throw new Error('no built client: run `npm run build` first');

const dir = mkdtempSync(join(tmpdir(), 'open-talks-bench-join-'));
const server = await startServer(
  loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`,
    CLIENT_DIR: clientDir,
    LOG_LEVEL: 'silent',
  }),
);
const browser = await launchBrowser();

interface Sample extends Traffic {
  ms: number;
}

function report(label: string, samples: Sample[], budget?: { ms: number; jsBytes: number }) {
  const ms = median(samples.map((s) => s.ms));
  const js = median(samples.map((s) => s.jsBytes));
  const total = median(samples.map((s) => s.totalBytes));
  const scripts = median(samples.map((s) => s.scripts));
  const verdict = budget ? `  (budget ${(budget.ms / 1000).toFixed(1)} s, ${kb(budget.jsBytes)} JS: ${ms <= budget.ms && js <= budget.jsBytes ? 'met' : 'MISSED'})` : '';
  console.log(`${label.padEnd(34)} ${(ms / 1000).toFixed(2).padStart(6)} s   JS ${kb(js).padStart(9)} in ${scripts} scripts   total ${kb(total).padStart(9)}${verdict}`);
  console.log(`${''.padEnd(34)} runs: ${samples.map((s) => `${(s.ms / 1000).toFixed(2)} s`).join(', ')}`);
}

try {
  const world = await cafeWorld(server.url, server.store);
  console.log(`weak link: ${LINK.kbitPerSecond} kbit/s down and up, ${LINK.latencyMs} ms latency, cold cache; median of ${RUNS} runs`);

  const joins: Sample[] = [];
  for (let run = 0; run < RUNS; run++) {
    const { context, page, traffic } = await coldPage(browser);
    await page.goto(`${server.url}/join/${world.created.session.joinCode}`, { waitUntil: 'commit' });
    const ms = await usableAfter(page, JOIN_FORM_USABLE);
    joins.push({ ms, ...traffic() });
    await context.close();
  }
  report('join form usable', joins, { ms: BUDGET.joinMs, jsBytes: BUDGET.joinJsBytes });

  // Ann is seated at table A in round 1, which is running: her view shows the table notepad. Her
  // browser holds what joining stored (client/src/state/credentials.ts).
  const { session } = world.created;
  const credentials = JSON.stringify({
    [world.sessionId]: { sessionId: world.sessionId, joinCode: session.joinCode, title: session.title, format: session.format, token: world.ann.token },
  });
  const firstVisits: Sample[] = [];
  const reloads: Sample[] = [];
  for (let run = 0; run < RUNS; run++) {
    const { context, page, traffic, reset } = await coldPage(browser, { credentials });
    await page.goto(`${server.url}/s/${world.sessionId}`, { waitUntil: 'commit' });
    firstVisits.push({ ms: await usableAfter(page, NOTEPAD_USABLE), ...traffic() });
    reset();
    await page.reload({ waitUntil: 'commit' });
    reloads.push({ ms: await usableAfter(page, NOTEPAD_USABLE), ...traffic() });
    await context.close();
  }
  report('notepad usable, first visit', firstVisits);
  report('notepad usable, reload mid-round', reloads);
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
