// Machine translation against a real Apertium APY server started here (MT40–MT45), and a
// LibreTranslate-compatible one served by the test itself (MT46). Skipped, saying why, only where
// apertium-apy is not installed and OPEN_TALKS_REQUIRE_ALL is not 1 (CI installs it: .ci/run).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http } from '../helpers/api.js';
import { freePort } from '../helpers/child-server.js';
import { requireAll } from '../helpers/environment.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { cafeWorld } from '../helpers/notepad.js';
import { closeAllSockets, command, connect } from '../helpers/socket.js';
import { member, openTownHall, townhallAs } from '../helpers/townhall.js';
import { fakeLibreTranslate, type FakeLibreTranslate } from '../helpers/fake-libretranslate.js';

const APY = process.env.APERTIUM_APY ?? '/usr/bin/apertium-apy';
const MODES = process.env.APERTIUM_MODES ?? '/usr/share/apertium/modes';
const missing =
  existsSync(APY) && existsSync(MODES) ? null : `apertium-apy not found at ${APY} with pairs under ${MODES} (apt-get install apertium-apy apertium-eng-spa apertium-fr-es)`;
if (missing && requireAll) throw new Error(`OPEN_TALKS_REQUIRE_ALL=1 but ${missing}`);
if (missing) console.warn(`SKIPPED machine-translation (Apertium) suite: ${missing}`);

async function waitForPairs(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`apertium-apy exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/listPairs`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('apertium-apy did not answer /listPairs within 30 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(Boolean(missing))('machine translation with Apertium APY', () => {
  let apy: ChildProcess;
  let server: TestServer;

  beforeAll(async () => {
    const port = await freePort();
    apy = spawn(APY, ['-p', String(port), MODES], { stdio: 'ignore' });
    const apyUrl = `http://127.0.0.1:${port}`;
    await waitForPairs(apyUrl, apy);
    server = await startTestServer({ env: { TRANSLATE_ENGINE: 'apertium', TRANSLATE_URL: apyUrl } });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await server?.database.drop();
    apy?.kill();
  });

  it('MT40 a question asked in English gets a Spanish machine translation, stored, labelled, and reused', async () => {
    const th = await openTownHall(server.url, { languages: ['en', 'es'] });
    expect(th.facilitator.state.session).toMatchObject({ machineTranslation: true, machineEngine: 'apertium' });
    const asker = await member(th, { displayName: 'Ann', language: 'en' });
    const reader = await member(th, { displayName: 'Bea', language: 'es' });
    const asked = await command(asker.socket, 'qa:ask', { text: 'How will the plan reach small towns?', anonymous: false });
    if (!asked.ok) throw new Error(asked.error.message);
    expect(asked.question.language).toBe('en');
    const key = `question/${asked.question.id}/text`;

    const first = await command(reader.socket, 'content:machine-translate', { key });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.version).toMatchObject({ language: 'es', source: 'machine', engine: 'apertium' });
    expect(first.version.text).toMatch(/plan/u);
    expect(first.version.text).not.toBe('How will the plan reach small towns?');
    expect(await server.store.machineTranslations.count(th.created.session.id)).toBe(1);

    // MT12: the second reader gets the stored one, made at the same moment.
    const again = await http(server.url, 'POST', `/api/sessions/${th.created.session.id}/content/machine-translation`, {
      token: reader.joined.token,
      body: { key, language: 'es' },
    });
    expect(again.status).toBe(200);
    expect(again.body.version).toEqual(first.version);
    expect(await server.store.machineTranslations.count(th.created.session.id)).toBe(1);

    // MT11: the original stays the original in the question.
    const live = await townhallAs(th, reader.joined.token);
    expect(live.qa.questions[0]).toMatchObject({ text: 'How will the plan reach small towns?', language: 'en' });
  });

  it('MT41 an anonymous question’s translation names nobody', async () => {
    const th = await openTownHall(server.url, { languages: ['en', 'es'], attribution: 'named' });
    expect(await command(th.facilitator.socket, 'townhall:configure', { anonymousQuestions: true })).toMatchObject({ ok: true });
    const asker = await member(th, { displayName: 'Secret Sam', language: 'en' });
    const reader = await member(th, { displayName: 'Bea', language: 'es' });
    const asked = await command(asker.socket, 'qa:ask', { text: 'Why was the meeting moved?', anonymous: true });
    if (!asked.ok) throw new Error(asked.error.message);
    const answer = await http(server.url, 'POST', `/api/sessions/${th.created.session.id}/content/machine-translation`, {
      token: reader.joined.token,
      body: { key: `question/${asked.question.id}/text` },
    });
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.body)).not.toMatch(/Secret Sam|authorId|author/u);
    expect(Object.keys(answer.body.version).sort()).toEqual(['at', 'engine', 'language', 'originalHash', 'source', 'text']);
  });

  it('MT42 switched off for the session, asking is refused with conflict; the switch shows in the session', async () => {
    const th = await openTownHall(server.url, { languages: ['en', 'es'] });
    const asker = await member(th, { language: 'en' });
    const reader = await member(th, { language: 'es' });
    const asked = await command(asker.socket, 'qa:ask', { text: 'Where is the report?', anonymous: false });
    if (!asked.ok) throw new Error(asked.error.message);
    const off = await command(th.facilitator.socket, 'session:configure', { machineTranslation: false });
    expect(off).toMatchObject({ ok: true, session: { machineTranslation: false, machineEngine: 'apertium' } });
    const refused = await command(reader.socket, 'content:machine-translate', { key: `question/${asked.question.id}/text` });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await server.store.machineTranslations.count(th.created.session.id)).toBe(0);
  });

  it('MT43 a pending question cannot be translated by someone who may not see it', async () => {
    const th = await openTownHall(server.url, { languages: ['en', 'es'] });
    await command(th.facilitator.socket, 'townhall:configure', { moderation: 'pre' });
    const asker = await member(th, { language: 'en' });
    const reader = await member(th, { language: 'es' });
    const asked = await command(asker.socket, 'qa:ask', { text: 'Is this pending?', anonymous: false });
    if (!asked.ok) throw new Error(asked.error.message);
    expect(asked.question.status).toBe('pending');
    const refused = await command(reader.socket, 'content:machine-translate', { key: `question/${asked.question.id}/text` });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('MT44 the asker corrects the language; others may not, staff may', async () => {
    const th = await openTownHall(server.url, { languages: ['en', 'es', 'fr'] });
    const asker = await member(th, { language: 'en' });
    const other = await member(th, { language: 'es' });
    const asked = await command(asker.socket, 'qa:ask', { text: 'Bonjour le monde', anonymous: false, language: 'en' });
    if (!asked.ok) throw new Error(asked.error.message);
    const key = `question/${asked.question.id}/text`;
    expect(await command(other.socket, 'content:set-original-language', { key, language: 'es' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const fixed = await command(asker.socket, 'content:set-original-language', { key, language: 'fr' });
    expect(fixed).toMatchObject({ ok: true, content: { key, originalLanguage: 'fr' } });
    const translated = await command(other.socket, 'content:machine-translate', { key });
    expect(translated).toMatchObject({ ok: true, version: { language: 'es', source: 'machine', engine: 'apertium' } });
    expect(await command(th.facilitator.socket, 'content:set-original-language', { key, language: 'fr-CA' })).toMatchObject({ ok: true, content: { originalLanguage: 'fr-CA' } });
  });
});

describe('machine translation with a LibreTranslate-compatible service', () => {
  let lt: FakeLibreTranslate;
  let server: TestServer;

  beforeAll(async () => {
    lt = await fakeLibreTranslate({
      languages: [{ code: 'en', name: 'English', targets: ['fr'] }],
      answer: () => 'Pourquoi la réunion a-t-elle été déplacée ?',
    });
    const ltUrl = lt.url;
    server = await startTestServer({ env: { TRANSLATE_ENGINE: 'libretranslate', TRANSLATE_URL: ltUrl, TRANSLATE_API_KEY: 'secret-key' } });
  });

  afterAll(async () => {
    closeAllSockets();
    await server?.close();
    await server?.database.drop();
    await lt.close();
  });

  it('MT46 a contribution-language question is sent as {q, source, target, format, api_key} and labelled libretranslate', async () => {
    const th = await openTownHall(server.url, { languages: ['en', 'fr'] });
    const asker = await member(th, { language: 'en' });
    const reader = await member(th, { language: 'fr' });
    const asked = await command(asker.socket, 'qa:ask', { text: 'Why was the meeting moved?', anonymous: false });
    if (!asked.ok) throw new Error(asked.error.message);
    const answer = await command(reader.socket, 'content:machine-translate', { key: `question/${asked.question.id}/text` });
    expect(answer).toMatchObject({ ok: true, version: { language: 'fr', source: 'machine', engine: 'libretranslate', text: 'Pourquoi la réunion a-t-elle été déplacée ?' } });
    expect(lt.asked).toEqual([{ q: 'Why was the meeting moved?', source: 'en', target: 'fr', format: 'text', api_key: 'secret-key' }]);
  });

  it('MT51 a key idea is translated for who may read its table, naming nobody; an observer who may not read the notes is refused', async () => {
    const world = await cafeWorld(server.url, server.store, { languages: ['en', 'fr'], attribution: 'named' });
    const bob = await connect(server.url, world.bob.token);
    const added = await command(bob.socket, 'notepad:add-idea', { tableId: world.tableA, round: 1, id: 'idea-1', text: 'Open data by default' });
    expect(added).toMatchObject({ ok: true, idea: { language: 'en' } });
    const key = `key-idea/${world.tableA}.1.idea-1/text`;
    lt.asked.length = 0;

    // Ann sits at table A; Dan, at no table in round 1, follows its notes read-only (NOTE3).
    const ann = await connect(server.url, world.ann.token);
    const translated = await command(ann.socket, 'content:machine-translate', { key, language: 'fr' });
    expect(translated).toMatchObject({
      ok: true,
      key,
      version: { language: 'fr', source: 'machine', engine: 'libretranslate', text: 'Pourquoi la réunion a-t-elle été déplacée ?' },
    });
    if (!translated.ok) throw new Error(translated.error.message);
    expect(Object.keys(translated.version).sort()).toEqual(['at', 'engine', 'language', 'originalHash', 'source', 'text']);
    expect(JSON.stringify(translated)).not.toMatch(/Bob|author/u);
    expect(lt.asked).toEqual([{ q: 'Open data by default', source: 'en', target: 'fr', format: 'text', api_key: 'secret-key' }]);
    expect(await server.store.machineTranslations.count(world.sessionId)).toBe(1);
    const dan = await connect(server.url, world.dan.token);
    expect(await command(dan.socket, 'content:machine-translate', { key, language: 'fr' })).toMatchObject({ ok: true, version: translated.version });
    expect(lt.asked).toHaveLength(1); // MT12: stored once, reused

    // Olga observes; once the session keeps its tables' notes from observers (NOTE3): no original, no translation.
    const closed = await http(server.url, 'PATCH', `/api/sessions/${world.sessionId}`, { token: world.created.facilitatorToken, body: { observerNotes: false } });
    expect(closed.status).toBe(200);
    const olga = await http(server.url, 'POST', `/api/sessions/${world.sessionId}/content/machine-translation`, { token: world.olga.token, body: { key, language: 'fr' } });
    expect(olga.status).toBe(404);
    // A key without table and round, or naming an idea that is not there, finds nothing.
    expect(await command(ann.socket, 'content:machine-translate', { key: 'key-idea/idea-1/text', language: 'fr' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await command(ann.socket, 'content:machine-translate', { key: `key-idea/${world.tableB}.1.idea-1/text`, language: 'fr' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
