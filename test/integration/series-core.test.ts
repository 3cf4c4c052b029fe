import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/src/store/db.js';
import { createSeries, createSession, http, join, type CreatedSeries } from '../helpers/api.js';
import { createTestDatabase, startTestServer, type TestServer } from '../helpers/server.js';
import { closeAllSockets } from '../helpers/socket.js';
import { storageTargets } from '../helpers/storage-kinds.js';

// The series as a first-class thing (docs/series.md SER20–SER39) through the real server, on
// SQLite and PostgreSQL: settings, sessions (existing and new), the list, members.

const targets = await storageTargets();

describe.each(targets)('the series core on $kind', ({ kind, skip }) => {
  if (skip) console.warn(`series core on ${kind} skipped: ${skip}`);
  let server: TestServer;
  let series: CreatedSeries;
  const path = (rest = '') => `/api/series/${series.series.id}${rest}`;
  const asOrganiser = (method: string, rest: string, body?: unknown) => http(server.url, method, path(rest), { token: series.facilitatorToken, body });

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ database: await createTestDatabase(kind) });
    series = await createSeries(server.url, { languages: ['en', 'fr'], attribution: 'group', topic: 'Data governance' });
  });
  afterAll(async () => {
    closeAllSockets();
    await server?.close();
    await server?.database.drop();
  });

  it.skipIf(skip)('SER21 the organiser changes the settings; the original language must stay among the languages', async () => {
    const changed = await asOrganiser('PATCH', '', { title: 'Open Talks 2026', languages: ['en', 'fr', 'ar'], originalLanguage: 'fr' });
    expect(changed.status).toBe(200);
    expect(changed.body.series).toMatchObject({ title: 'Open Talks 2026', languages: ['en', 'fr', 'ar'], originalLanguage: 'fr' });

    const orphan = await asOrganiser('PATCH', '', { languages: ['en'] });
    expect(orphan.status).toBe(400);
    expect(orphan.body.error.code).toBe('bad_request');
    for (const body of [{}, { title: '' }, { languages: ['xx'] }, { attribution: 'secret' }, { unknown: 1 }, { languages: ['en', 'en'] }]) {
      expect((await asOrganiser('PATCH', '', body)).status).toBe(400);
    }
    const read = await asOrganiser('GET', '');
    expect(read.body.series).toMatchObject({ title: 'Open Talks 2026', languages: ['en', 'fr', 'ar'], originalLanguage: 'fr', attribution: 'group' });
  });

  it.skipIf(skip)('SER21 a language with a finalised version cannot be removed', async () => {
    const other = await createSeries(server.url, { languages: ['en', 'es'] });
    // A finalised version, as the publish part stores it (its endpoint belongs to that part).
    const handle = await openDatabase({ url: server.database.url, pgSchema: server.database.schema });
    try {
      await handle.db
        .insertInto('series_versions')
        .values({ series_id: other.series.id, version: 1, language: 'es', original: 0, document: '{}', changes: '', finalised_by: null, finalised_at: Date.now() })
        .execute();
    } finally {
      await handle.db.destroy();
    }
    const refused = await http(server.url, 'PATCH', `/api/series/${other.series.id}`, { token: other.facilitatorToken, body: { languages: ['en'] } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('es');
    const read = await http(server.url, 'GET', `/api/series/${other.series.id}`, { token: other.facilitatorToken });
    expect(read.body.series.languages).toEqual(['en', 'es']);
  });

  it.skipIf(skip)('SER25 adds an existing session only with its facilitator token, once, to one series', async () => {
    const cafe = await createSession(server.url, { title: 'Café', format: 'cafe' });
    const someoneElses = await createSession(server.url, { title: 'Not mine', format: 'townhall' });
    const participant = await join(server.url, cafe.session.joinCode);

    const attempts = [
      { sessionId: cafe.session.id, facilitatorToken: 'otp_wrong' },
      { sessionId: cafe.session.id, facilitatorToken: someoneElses.facilitatorToken },
      { sessionId: someoneElses.session.id, facilitatorToken: cafe.facilitatorToken },
      { sessionId: cafe.session.id, facilitatorToken: participant.token },
      { sessionId: cafe.session.id, facilitatorToken: series.facilitatorToken },
    ];
    for (const attempt of attempts) {
      const refused = await asOrganiser('POST', '/sessions', { kind: 'existing', ...attempt });
      expect(refused.status, JSON.stringify(attempt)).toBe(403);
    }
    expect((await asOrganiser('GET', '/sessions')).body.sessions).toEqual([]);

    const added = await asOrganiser('POST', '/sessions', { kind: 'existing', sessionId: cafe.session.id, facilitatorToken: cafe.facilitatorToken });
    expect(added.status).toBe(201);
    expect(added.body.session).toMatchObject({ sessionId: cafe.session.id, title: 'Café', format: 'cafe', state: 'not-started', publicPath: null });
    expect(added.body.created).toBeUndefined();

    const again = await asOrganiser('POST', '/sessions', { kind: 'existing', sessionId: cafe.session.id, facilitatorToken: cafe.facilitatorToken });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already in this series/);

    const elsewhere = await createSeries(server.url);
    const taken = await http(server.url, 'POST', `/api/series/${elsewhere.series.id}/sessions`, {
      token: elsewhere.facilitatorToken,
      body: { kind: 'existing', sessionId: cafe.session.id, facilitatorToken: cafe.facilitatorToken },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toMatch(/another series/);
  });

  it.skipIf(skip)('SER26 makes a new session with the series defaults and hands its credentials once', async () => {
    const added = await asOrganiser('POST', '/sessions', { kind: 'new', title: 'Town Hall', format: 'townhall' });
    expect(added.status).toBe(201);
    expect(added.body.session).toMatchObject({ title: 'Town Hall', format: 'townhall', attribution: 'group', languages: ['en', 'fr', 'ar'], state: 'not-started' });
    const { created } = added.body;
    expect(created.facilitatorToken).toMatch(/^otp_/);
    expect(created.links.console).toContain(`/s/${created.session.id}/console#token=`);
    // The token opens the new session as its facilitator.
    const state = await http(server.url, 'GET', `/api/sessions/${created.session.id}`, { token: created.facilitatorToken });
    expect(state.status).toBe(200);

    const consultation = await asOrganiser('POST', '/sessions', { kind: 'new', title: 'Online', format: 'consultation', attribution: 'anonymous', languages: ['en'] });
    expect(consultation.body.session).toMatchObject({ attribution: 'anonymous', languages: ['en'], state: 'draft' });
  });

  it.skipIf(skip)('SER24 lists the sessions with attendance (in the room / remote), state and public record', async () => {
    const cafe = await createSession(server.url, { title: 'Counted café', format: 'cafe' });
    await join(server.url, cafe.session.joinCode, { mode: 'in-room' });
    await join(server.url, cafe.session.joinCode, { mode: 'remote' });
    await join(server.url, cafe.session.joinCode, { mode: 'remote', role: 'observer' });
    await asOrganiser('POST', '/sessions', { kind: 'existing', sessionId: cafe.session.id, facilitatorToken: cafe.facilitatorToken });
    const published = await http(server.url, 'POST', `/api/sessions/${cafe.session.id}/publication`, { token: cafe.facilitatorToken, body: {} });
    expect(published.status).toBe(201);

    const read = await asOrganiser('GET', '');
    expect(read.status).toBe(200);
    const titles = read.body.sessions.map((s: { title: string }) => s.title);
    expect(titles).toEqual(['Café', 'Town Hall', 'Online', 'Counted café']);
    const counted = read.body.sessions[3];
    // The facilitator counts (in the room); the projector is no participant.
    expect(counted.attendance).toEqual({ total: 4, byMode: { 'in-room': 2, remote: 2 } });
    expect(counted.publicPath).toBe(`/p/${published.body.publication.slug}`);
    expect(JSON.stringify(read.body.sessions)).not.toMatch(/displayName|joinCode|token/);
    expect(read.body.members).toHaveLength(1);
  });

  it.skipIf(skip)('SER27 removes a session from the series; the session stays', async () => {
    const list = (await asOrganiser('GET', '/sessions')).body.sessions as { sessionId: string; title: string }[];
    const townhall = list.find((s) => s.title === 'Town Hall')!;
    expect((await asOrganiser('DELETE', `/sessions/${townhall.sessionId}`)).status).toBe(204);
    expect((await asOrganiser('DELETE', `/sessions/${townhall.sessionId}`)).status).toBe(404);
    expect((await asOrganiser('GET', '/sessions')).body.sessions.map((s: { title: string }) => s.title)).not.toContain('Town Hall');
    expect(await server.store.sessions.byId(townhall.sessionId)).toBeDefined();
  });

  it.skipIf(skip)('SER28 SER29 a rapporteur gets a personal link; removed, their token is refused at once', async () => {
    const added = await asOrganiser('POST', '/members', { role: 'rapporteur', displayName: 'Rita' });
    expect(added.status).toBe(201);
    expect(added.body.link).toBe(`${server.url}/series/${series.series.id}#token=${added.body.token}`);
    expect(added.body.member).toMatchObject({ role: 'rapporteur', displayName: 'Rita' });
    const token = added.body.token as string;

    const asRapporteur = await http(server.url, 'GET', path(), { token });
    expect(asRapporteur.status).toBe(200);
    expect(asRapporteur.body.member.role).toBe('rapporteur');
    expect(asRapporteur.body.members).toBeUndefined();
    expect(asRapporteur.body.sessions.length).toBeGreaterThan(0);

    const members = (await asOrganiser('GET', '/members')).body.members as { id: string; role: string }[];
    expect(members.map((m) => m.role)).toEqual(['facilitator', 'rapporteur']);
    expect(JSON.stringify(members)).not.toContain(token);

    const self = members.find((m) => m.role === 'facilitator')!;
    expect((await asOrganiser('DELETE', `/members/${self.id}`)).status).toBe(409);
    expect((await asOrganiser('DELETE', `/members/${added.body.member.id}`)).status).toBe(204);
    const refused = await http(server.url, 'GET', path(), { token });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('removed');
    expect((await asOrganiser('DELETE', `/members/${added.body.member.id}`)).status).toBe(404);
  });

  it.skipIf(skip)('SER20 bad bodies and ids change nothing', async () => {
    const before = await asOrganiser('GET', '');
    const bad: [string, string, unknown][] = [
      ['POST', '/sessions', {}],
      ['POST', '/sessions', { kind: 'new', title: '', format: 'cafe' }],
      ['POST', '/sessions', { kind: 'new', title: 'x', format: 'party' }],
      ['POST', '/sessions', { kind: 'existing', sessionId: 'a\u0000b', facilitatorToken: 'x' }],
      ['POST', '/members', { role: 'facilitator' }],
      ['POST', '/members', { role: 'rapporteur', extra: true }],
      ['DELETE', '/members/%00', undefined],
      ['DELETE', '/sessions/%00', undefined],
    ];
    for (const [method, rest, body] of bad) {
      const res = await asOrganiser(method, rest, body);
      expect(res.status, `${method} ${rest} ${JSON.stringify(body)}`).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
    const after = await asOrganiser('GET', '');
    expect(after.body).toEqual(before.body);
  });
});
