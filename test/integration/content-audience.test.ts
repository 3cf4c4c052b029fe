import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ContentVersions } from '../../shared/src/domain/content/index.js';
import { join } from '../helpers/api.js';
import { createTestDatabase, startTestServer, type TestServer } from '../helpers/server.js';
import { closeAllSockets, command, connect, nextEvent, type ClientSocket } from '../helpers/socket.js';
import { storageTargets } from '../helpers/storage-kinds.js';
import { openTownHall, record, type TownHall } from '../helpers/townhall.js';
import { within } from '../helpers/wait.js';

// LANG37–LANG38 (docs/languages.md "Versions"): a text's versions go to those who may read the
// text, no further and no less: a draft poll's to the staff only, a public question's to everyone.

const targets = await storageTargets();

describe.each(targets)('who hears of a version on $kind', ({ kind, skip }) => {
  if (skip) console.warn(`content audience on ${kind} skipped: ${skip}`);
  let server: TestServer;
  let th: TownHall;
  let translatorToken: string;
  let readerToken: string;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ database: await createTestDatabase(kind) });
    th = await openTownHall(server.url, { languages: ['en', 'fr'] });
    expect(await command(th.facilitator.socket, 'townhall:configure', { moderation: 'post' })).toMatchObject({ ok: true });
    const translator = await join(server.url, th.created.session.joinCode, { displayName: 'Tess Translator', language: 'fr' });
    expect(await command(th.facilitator.socket, 'participant:set-role', { participantId: translator.participant.id, role: 'translator' })).toMatchObject({ ok: true });
    translatorToken = translator.token;
    readerToken = (await join(server.url, th.created.session.joinCode, { displayName: 'Rémi Reader', language: 'fr' })).token;
  });
  afterEach(() => closeAllSockets());
  afterAll(async () => {
    await server?.close();
    await server?.database.drop();
  });

  /** A question everyone sees, asked by the reader; its key. */
  async function publicQuestion(reader: ClientSocket, text: string): Promise<string> {
    const asked = await command(reader, 'qa:ask', { text, language: 'en' });
    if (!asked.ok) throw new Error(asked.error.message);
    return `question/${asked.question.id}/text`;
  }

  it.skipIf(Boolean(skip))('LANG38 a version of a question everyone sees reaches a participant live', async () => {
    const { socket: reader } = await connect(server.url, readerToken);
    const key = await publicQuestion(reader, 'Who pays for the new park?');
    const { socket: translator } = await connect(server.url, translatorToken);
    const heard = nextEvent(reader, 'content:versions', (v) => v.key === key);
    expect(await command(translator, 'content:set-version', { key, language: 'fr', text: 'Qui paie le nouveau parc ?' })).toMatchObject({ ok: true });
    const [versions] = await within(heard, 'the question version at the participant');
    expect(versions.versions.map((v) => [v.language, v.text])).toEqual([['fr', 'Qui paie le nouveau parc ?']]);
  });

  it.skipIf(Boolean(skip))('LANG37 a draft poll’s versions reach the staff only, live and in the state; once it opens, everyone', async () => {
    const { socket: facilitator } = await connect(server.url, th.created.facilitatorToken);
    const created = await command(facilitator, 'poll:create', { kind: 'single', question: 'Which first?', options: ['Roads', 'Parks'] });
    if (!created.ok) throw new Error(created.error.message);
    const pollId = created.poll.poll.id;
    const key = `poll/${pollId}/question`;
    const { socket: reader } = await connect(server.url, readerToken);
    const seen = record<ContentVersions>(reader, 'content:versions');
    const staffHeard = nextEvent(facilitator, 'content:versions', (v) => v.key === key);
    const { socket: translator } = await connect(server.url, translatorToken);
    expect(await command(translator, 'content:set-version', { key, language: 'fr', text: 'Par quoi commencer ?' })).toMatchObject({ ok: true });
    await within(staffHeard, 'the draft poll version at the facilitator');
    // A later public version reaches the reader: the draft's, sent before it, would have too.
    const question = await publicQuestion(reader, 'When do the works start?');
    const later = nextEvent(reader, 'content:versions', (v) => v.key === question);
    expect(await command(translator, 'content:set-version', { key: question, language: 'fr', text: 'Quand les travaux commencent-ils ?' })).toMatchObject({ ok: true });
    await within(later, 'the public version at the reader');
    expect(seen.map((v) => v.key)).not.toContain(key);
    expect((await connect(server.url, readerToken)).state.content.map((c) => c.key)).not.toContain(key);
    expect((await connect(server.url, th.created.facilitatorToken)).state.content.map((c) => c.key)).toContain(key);
    // Its options are the draft's too.
    expect(await command(translator, 'content:set-version', { key: `poll/${pollId}/option:o1`, language: 'fr', text: 'Routes' })).toMatchObject({ ok: true });
    expect((await connect(server.url, readerToken)).state.content.map((c) => c.key)).not.toContain(`poll/${pollId}/option:o1`);

    expect(await command(facilitator, 'poll:open', { pollId })).toMatchObject({ ok: true });
    const { state } = await connect(server.url, readerToken);
    expect(state.content.find((c) => c.key === key)?.versions.map((v) => v.text)).toEqual(['Par quoi commencer ?']);
    expect(state.content.find((c) => c.key === `poll/${pollId}/option:o1`)?.versions.map((v) => v.text)).toEqual(['Routes']);
    const { socket: again } = await connect(server.url, readerToken);
    const live = nextEvent(again, 'content:versions', (v) => v.key === key);
    expect(await command(translator, 'content:set-version', { key, language: 'fr', text: 'Par quoi commencer, d’abord ?' })).toMatchObject({ ok: true });
    expect((await within(live, 'the open poll version at the reader'))[0].versions.map((v) => v.text)).toEqual(['Par quoi commencer, d’abord ?']);
  });

  it.skipIf(Boolean(skip))('LANG37 a participant connected before a draft poll opens receives its Arabic versions the moment it opens', async () => {
    const hall = await openTownHall(server.url, { languages: ['en', 'ar'] });
    const created = await command(hall.facilitator.socket, 'poll:create', { kind: 'single', question: 'Which first?', options: ['Roads', 'Parks'] });
    if (!created.ok) throw new Error(created.error.message);
    const pollId = created.poll.poll.id;
    const key = `poll/${pollId}/question`;
    for (const [k, text] of [
      [key, 'بماذا نبدأ؟'],
      [`poll/${pollId}/option:o1`, 'الطرق'],
    ] as const) {
      expect(await command(hall.facilitator.socket, 'content:set-version', { key: k, language: 'ar', text })).toMatchObject({ ok: true });
    }
    const amal = await join(server.url, hall.created.session.joinCode, { displayName: 'Amal', language: 'ar' });
    const { socket: reader, state } = await connect(server.url, amal.token);
    expect(state.content.map((c) => c.key)).not.toContain(key);
    const question = nextEvent(reader, 'content:versions', (v) => v.key === key);
    const option = nextEvent(reader, 'content:versions', (v) => v.key === `poll/${pollId}/option:o1`);
    expect(await command(hall.facilitator.socket, 'poll:open', { pollId })).toMatchObject({ ok: true });
    const [heard] = await within(question, 'the Arabic question at the participant connected before the poll opened');
    expect(heard).toMatchObject({ key, originalLanguage: 'en' });
    expect(heard.versions.map((v) => [v.language, v.text])).toEqual([['ar', 'بماذا نبدأ؟']]);
    expect((await within(option, 'the Arabic option'))[0].versions.map((v) => v.text)).toEqual(['الطرق']);
  });
});
