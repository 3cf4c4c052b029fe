import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { originalHash, type ContentVersions } from '../../shared/src/domain/content/index.js';
import type { DeskView } from '../../shared/src/protocol/content.js';
import { createSession, http, join, type Created, type Joined } from '../helpers/api.js';
import { createTestDatabase, startTestServer, type TestServer } from '../helpers/server.js';
import { closeAllSockets, command, connect, nextEvent, type ClientSocket } from '../helpers/socket.js';
import { storageTargets } from '../helpers/storage-kinds.js';
import { within } from '../helpers/wait.js';

// LANG1–LANG39 (docs/languages.md "Versions", "The translation desk"): a six-language café where a
// translator adds versions of the round questions live, on SQLite and on PostgreSQL.

const targets = await storageTargets();
const KEY = 'cafe-round/1/question';
const QUESTION = 'Why does trust matter?';

describe.each(targets)('content in six languages on $kind', ({ kind, skip }) => {
  if (skip) console.warn(`content versions on ${kind} skipped: ${skip}`);
  let server: TestServer;
  let created: Created;
  let facilitator: ClientSocket;
  let translator: Joined;
  let reader: Joined;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ database: await createTestDatabase(kind) });
    created = await createSession(server.url, { title: 'Six languages', languages: ['en', 'ar', 'zh', 'fr', 'ru', 'es'] });
    facilitator = (await connect(server.url, created.facilitatorToken)).socket;
    const rounds = await command(facilitator, 'cafe:set-rounds', {
      rounds: [
        { question: QUESTION, durationMinutes: 10 },
        { question: 'What next?', durationMinutes: 10 },
      ],
    });
    expect(rounds).toMatchObject({ ok: true });
    translator = await join(server.url, created.session.joinCode, { displayName: 'Tariq Translator', language: 'ar' });
    reader = await join(server.url, created.session.joinCode, { displayName: 'Amal Reader', language: 'ar' });
    expect(await command(facilitator, 'participant:set-role', { participantId: translator.participant.id, role: 'translator' })).toMatchObject({ ok: true });
  });
  afterEach(() => closeAllSockets());
  afterAll(async () => {
    await server?.close();
    await server?.database.drop();
  });

  it.skipIf(Boolean(skip))('LANG30 a version a translator adds reaches every reader live, and is in the state after a reconnect', async () => {
    facilitator = (await connect(server.url, created.facilitatorToken)).socket;
    const { socket: readerSocket, state } = await connect(server.url, reader.token);
    expect(state.content.find((c) => c.key === KEY)).toBeUndefined();
    const { socket } = await connect(server.url, translator.token);
    const heard = nextEvent(readerSocket, 'content:versions', (v) => v.key === KEY && v.versions.some((x) => x.language === 'ar'));
    const ack = await command(socket, 'content:set-version', { key: KEY, language: 'ar', text: 'لماذا تهم الثقة؟' });
    expect(ack).toMatchObject({ ok: true, content: { key: KEY, originalLanguage: 'en' } });
    const [versions] = await within(heard, 'content:versions at the reader');
    expect(versions).toEqual<ContentVersions>({
      key: KEY,
      originalLanguage: 'en',
      versions: [{ language: 'ar', text: 'لماذا تهم الثقة؟', source: 'human', originalHash: originalHash(QUESTION), at: expect.any(Number) as number }],
    });
    // LANG6: who translated is never sent.
    expect(JSON.stringify(versions)).not.toContain(translator.participant.id);
    readerSocket.disconnect();
    const again = await connect(server.url, reader.token);
    expect(again.state.content).toContainEqual(versions);
  });

  it.skipIf(Boolean(skip))('LANG31 a correction replaces the version; removing it tells everyone too', async () => {
    const { socket } = await connect(server.url, translator.token);
    expect(await command(socket, 'content:set-version', { key: KEY, language: 'FR', text: 'Pourquoi la confiance ?' })).toMatchObject({ ok: true });
    const corrected = await command(socket, 'content:set-version', { key: KEY, language: 'fr', text: 'Pourquoi la confiance compte-t-elle ?' });
    expect(corrected.ok && corrected.content.versions.filter((v) => v.language === 'fr').map((v) => v.text)).toEqual(['Pourquoi la confiance compte-t-elle ?']);
    const { socket: readerSocket } = await connect(server.url, reader.token);
    const heard = nextEvent(readerSocket, 'content:versions', (v) => v.key === KEY && !v.versions.some((x) => x.language === 'fr'));
    expect(await command(socket, 'content:remove-version', { key: KEY, language: 'fr' })).toMatchObject({ ok: true });
    await within(heard, 'the removal at the reader');
    expect(await command(socket, 'content:remove-version', { key: KEY, language: 'fr' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it.skipIf(Boolean(skip))('LANG32 a participant may not translate; a text that does not exist or a version in its own language is refused', async () => {
    const { socket: readerSocket } = await connect(server.url, reader.token);
    expect(await command(readerSocket, 'content:set-version', { key: KEY, language: 'ar', text: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await command(readerSocket, 'content:desk', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const { socket } = await connect(server.url, translator.token);
    expect(await command(socket, 'content:set-version', { key: 'cafe-round/9/question', language: 'ar', text: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await command(socket, 'content:set-version', { key: KEY, language: 'en-GB', text: 'Why?' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await command(socket, 'content:set-version', { key: 'nothing/1/x', language: 'ar', text: 'x' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await command(socket, 'content:machine-translate', { key: KEY, language: 'ar' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it.skipIf(Boolean(skip))('LANG33 the desk lists every text with what is missing per language, over HTTP too', async () => {
    const { socket } = await connect(server.url, translator.token);
    const ack = await command(socket, 'content:desk', {});
    if (!ack.ok) throw new Error(ack.error.message);
    expect(ack.desk.languages).toEqual(['en', 'ar', 'zh', 'fr', 'ru', 'es']);
    const round1 = ack.desk.items.find((item) => item.key === KEY)!;
    expect(round1).toMatchObject({ label: 'Round 1', original: { text: QUESTION, language: 'en' }, outdated: [] });
    expect(round1.missing).toEqual(['zh', 'fr', 'ru', 'es']);
    expect(ack.desk.items.find((item) => item.key === 'cafe-round/2/question')!.missing).toEqual(['ar', 'zh', 'fr', 'ru', 'es']);
    const viaHttp = await http<{ desk: DeskView }>(server.url, 'POST', `/api/sessions/${created.session.id}/content/desk`, { token: translator.token, body: {} });
    expect(viaHttp.status).toBe(200);
    expect(viaHttp.body.desk).toEqual(ack.desk);
    expect((await http(server.url, 'POST', `/api/sessions/${created.session.id}/content/desk`, { token: reader.token, body: {} })).status).toBe(403);
  });

  it.skipIf(Boolean(skip))('LANG34 once the original changes its versions are outdated: still sent, and listed as outdated and missing', async () => {
    facilitator = (await connect(server.url, created.facilitatorToken)).socket;
    expect(
      await command(facilitator, 'cafe:set-rounds', {
        rounds: [
          { question: 'Why does trust matter so much?', durationMinutes: 10 },
          { question: 'What next?', durationMinutes: 10 },
        ],
      }),
    ).toMatchObject({ ok: true });
    const { socket } = await connect(server.url, translator.token);
    const ack = await command(socket, 'content:desk', {});
    if (!ack.ok) throw new Error(ack.error.message);
    const round1 = ack.desk.items.find((item) => item.key === KEY)!;
    expect(round1.outdated).toEqual(['ar']);
    expect(round1.missing).toContain('ar');
    const { state } = await connect(server.url, reader.token);
    expect(state.content.find((c) => c.key === KEY)?.versions[0]?.originalHash).toBe(originalHash(QUESTION));
  });

  it.skipIf(Boolean(skip))('LANG35 the staff say which language an organiser wrote in; a participant may not', async () => {
    const { socket: readerSocket } = await connect(server.url, reader.token);
    expect(await command(readerSocket, 'content:set-original-language', { key: 'cafe-round/2/question', language: 'fr' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const heard = nextEvent(readerSocket, 'content:versions', (v) => v.key === 'cafe-round/2/question');
    facilitator = (await connect(server.url, created.facilitatorToken)).socket;
    expect(await command(facilitator, 'content:set-original-language', { key: 'cafe-round/2/question', language: 'fr' })).toMatchObject({
      ok: true,
      content: { key: 'cafe-round/2/question', originalLanguage: 'fr', versions: [] },
    });
    expect((await within(heard, 'the new original language'))[0].originalLanguage).toBe('fr');
  });
});
