import { io } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET } from '../../shared/src/domain/join-code.js';
import type { ParticipantView } from '../../shared/src/protocol/index.js';
import { createSession, http, join, type Created } from '../helpers/api.js';
import { serverForFile, startTestServer } from '../helpers/server.js';
import { connect } from '../helpers/socket.js';
import { PROTOCOL_VERSION } from '../../shared/src/version.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const JOIN_CODE = new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`);

let url: string;
serverForFile((started) => {
  url = started.url;
});

async function participantsOf(created: Created): Promise<ParticipantView[]> {
  const result = await http<{ participants: ParticipantView[] }>(url, 'GET', `/api/sessions/${created.session.id}/participants`, { token: created.facilitatorToken });
  expect(result.status).toBe(200);
  return result.body.participants;
}

describe('GET /api/health', () => {
  it('answers ok with a version', async () => {
    const result = await http(url, 'GET', '/api/health');
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ status: 'ok', version: expect.any(String), storage: 'sqlite' });
  });

  it('unknown API paths are a JSON 404', async () => {
    const result = await http(url, 'GET', '/api/nothing-here');
    expect(result.status).toBe(404);
    expect(result.body.error.code).toBe('not_found');
  });
});

describe('POST /api/sessions', () => {
  it('creates a session: 201, a short join code, links and a working facilitator token', async () => {
    const result = await http<Created>(url, 'POST', '/api/sessions', {
      body: { title: '  Open Talks: AI and the Internet  ', format: 'townhall', languages: ['fr', 'en'], attribution: 'anonymous' },
    });
    expect(result.status).toBe(201);
    const created = result.body;
    expect(created.session).toMatchObject({ title: 'Open Talks: AI and the Internet', format: 'townhall', languages: ['fr', 'en'], attribution: 'anonymous' });
    expect(created.session.joinCode).toMatch(JOIN_CODE);
    expect(created.participant.role).toBe('facilitator');
    expect(created.participant.language).toBe('fr');

    expect(created.links.join).toBe(`${url}/join/${created.session.joinCode}`);
    expect(created.links.observer).toBe(`${url}/join/${created.session.joinCode}?as=observer`);
    expect(created.links.projector).toBe(`${url}/s/${created.session.id}/projector#key=${created.projectorKey}`);
    // Secrets only ever in the fragment, which browsers do not send to servers.
    expect(created.links.console).toBe(`${url}/s/${created.session.id}/console#token=${created.facilitatorToken}`);

    const state = await http(url, 'GET', `/api/sessions/${created.session.id}`, { token: created.facilitatorToken });
    expect(state.status).toBe(200);
    expect(state.body.session).toEqual(created.session);
    expect(state.body.viewer).toEqual({ kind: 'participant', participant: { ...created.participant, online: false } });
    expect(state.body.participants).toHaveLength(1);
  });

  it('applies defaults: English, named attribution', async () => {
    const created = await createSession(url);
    expect(created.session.languages).toEqual(['en']);
    expect(created.session.attribution).toBe('named');
  });

  it('tokens are random, not derived from the session, its code or each other', async () => {
    const a = await createSession(url);
    const b = await createSession(url);
    for (const created of [a, b]) {
      for (const secret of [created.facilitatorToken, created.projectorKey]) {
        // 32 random bytes in base64url after a 4-character prefix.
        expect(secret).toMatch(/^ot[pd]_[A-Za-z0-9_-]{43}$/);
        expect(secret).not.toContain(created.session.id);
        expect(secret.toUpperCase()).not.toContain(created.session.joinCode);
        expect(secret).not.toContain(created.participant.id);
      }
      expect(created.facilitatorToken).not.toBe(created.projectorKey);
    }
    expect(a.facilitatorToken).not.toBe(b.facilitatorToken);
    expect(a.projectorKey).not.toBe(b.projectorKey);
    expect(a.session.id).not.toBe(b.session.id);
    // Nothing in common beyond the prefix, as two random strings would have.
    expect(a.facilitatorToken.slice(0, 12)).not.toBe(b.facilitatorToken.slice(0, 12));
  });

  it.each([
    ['no title', { format: 'cafe' }],
    ['an empty title', { title: '   ', format: 'cafe' }],
    ['an unknown format', { title: 'x', format: 'party' }],
    ['a title that is a number', { title: 42, format: 'cafe' }],
    ['an unknown language', { title: 'x', format: 'cafe', languages: ['de'] }],
    ['repeated languages', { title: 'x', format: 'cafe', languages: ['en', 'en'] }],
    ['an unknown field', { title: 'x', format: 'cafe', admin: true }],
    ['a control character in the title', { title: 'a\u202Eb', format: 'cafe' }],
  ])('refuses %s with 400', async (_label, body) => {
    const result = await http(url, 'POST', '/api/sessions', { body });
    expect(result.status).toBe(400);
    expect(result.body.error).toMatchObject({ code: 'bad_request', message: expect.any(String) });
  });
});

describe('GET /api/sessions/:id', () => {
  it('a participant sees the session but not the participant list', async () => {
    const created = await createSession(url);
    const joined = await join(url, created.session.joinCode, { displayName: 'Kofi' });
    const result = await http(url, 'GET', `/api/sessions/${created.session.id}`, { token: joined.token });
    expect(result.status).toBe(200);
    expect(result.body.session.id).toBe(created.session.id);
    expect(result.body.viewer.participant).toMatchObject({ id: joined.participant.id, displayName: 'Kofi', role: 'participant' });
    expect(result.body.attendance).toMatchObject({ joined: 2, present: 0 });
    expect(result.body).not.toHaveProperty('participants');
  });

  it('the projector display sees the session as a display', async () => {
    const created = await createSession(url);
    const result = await http(url, 'GET', `/api/sessions/${created.session.id}`, { token: created.projectorKey });
    expect(result.status).toBe(200);
    expect(result.body.viewer).toEqual({ kind: 'display' });
    expect(result.body).not.toHaveProperty('participants');
  });

  it('a token of another session is refused with 403', async () => {
    const a = await createSession(url);
    const b = await createSession(url);
    const result = await http(url, 'GET', `/api/sessions/${a.session.id}`, { token: b.facilitatorToken });
    expect(result.status).toBe(403);
    expect(result.body.error.code).toBe('forbidden');
    const projector = await http(url, 'GET', `/api/sessions/${a.session.id}`, { token: b.projectorKey });
    expect(projector.status).toBe(403);
  });

  it('no token, an unknown token or a malformed header is refused with 401', async () => {
    const created = await createSession(url);
    const path = `/api/sessions/${created.session.id}`;
    const none = await http(url, 'GET', path);
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('unauthenticated');
    const unknown = await http(url, 'GET', path, { token: 'otp_notarealtokenatall' });
    expect(unknown.status).toBe(401);
    const unknownProjector = await http(url, 'GET', path, { token: 'otd_notarealtokenatall' });
    expect(unknownProjector.status).toBe(401);
    const malformed = await fetch(`${url}${path}`, { headers: { authorization: `Token ${created.facilitatorToken}` } });
    expect(malformed.status).toBe(401);
  });
});

describe('POST /api/join', () => {
  it('joins with the code as typed: any case, spaces or a dash', async () => {
    const created = await createSession(url);
    const code = created.session.joinCode;
    const variants = [code, code.toLowerCase(), ` ${code.slice(0, 3)} ${code.slice(3)} `, `${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`];
    for (const typed of variants) {
      const result = await http(url, 'POST', '/api/join', { body: { joinCode: typed, stakeholderGroup: 'government', mode: 'remote' } });
      expect(result.status, typed).toBe(201);
      expect(result.body.session.id).toBe(created.session.id);
      expect(result.body.token).toMatch(/^otp_/);
    }
    expect(await participantsOf(created)).toHaveLength(1 + variants.length);
  });

  it('records what the person chose; anonymous when no name; the session language by default', async () => {
    const created = await createSession(url, { languages: ['es', 'en'] });
    const joined = await join(url, created.session.joinCode, { stakeholderGroup: 'private-sector', mode: 'remote', role: 'observer' });
    expect(joined.participant).toMatchObject({ displayName: null, stakeholderGroup: 'private-sector', mode: 'remote', role: 'observer', language: 'es' });
    const named = await join(url, created.session.joinCode, { displayName: '  Li Wei  ', language: 'zh' });
    expect(named.participant).toMatchObject({ displayName: 'Li Wei', language: 'zh', role: 'participant' });
  });

  describe('bad input changes nothing', () => {
    let created: Created;
    let before: ParticipantView[];

    beforeAll(async () => {
      created = await createSession(url);
      await join(url, created.session.joinCode, { displayName: 'Already here' });
      before = await participantsOf(created);
    });

    afterEach(async () => {
      expect(await participantsOf(created)).toEqual(before);
    });

    const valid = () => ({ joinCode: created.session.joinCode, stakeholderGroup: 'academia', mode: 'in-room' });

    it('an unknown join code is 404', async () => {
      const unused = created.session.joinCode === 'ABCDEF' ? 'ABCDEG' : 'ABCDEF';
      const result = await http(url, 'POST', '/api/join', { body: { ...valid(), joinCode: unused } });
      expect(result.status).toBe(404);
      expect(result.body.error.code).toBe('not_found');
    });

    it.each([
      ['an empty displayName', { displayName: '' }],
      ['a blank displayName', { displayName: '    ' }],
      ['a join code of the wrong length', { joinCode: 'ABC' }],
      ['a join code with an O', { joinCode: 'OOOOOO' }],
      ['role facilitator', { role: 'facilitator' }],
      ['role moderator', { role: 'moderator' }],
      ['a stakeholder group that is a number', { stakeholderGroup: 3 }],
      ['a mode that is a list', { mode: ['remote'] }],
      ['a displayName that is an object', { displayName: { first: 'A' } }],
      ['a join code that is a number', { joinCode: 123456 }],
      ['an unknown field', { isAdmin: true }],
      ['a displayName over 60 characters', { displayName: 'x'.repeat(61) }],
      ['a displayName with a control character', { displayName: 'Eve\u0000' }],
    ])('%s is 400', async (_label, overrides) => {
      const result = await http(url, 'POST', '/api/join', { body: { ...valid(), ...overrides } });
      expect(result.status).toBe(400);
      expect(result.body.error.code).toBe('bad_request');
    });

    it('a missing required field is 400', async () => {
      const { mode: _mode, ...body } = valid();
      const result = await http(url, 'POST', '/api/join', { body });
      expect(result.status).toBe(400);
    });

    it('a body that is not an object is 400', async () => {
      for (const raw of ['[]', '"join"', 'null', '42']) {
        const result = await http(url, 'POST', '/api/join', { raw });
        expect(result.status, raw).toBe(400);
      }
    });

    it('invalid JSON is 400', async () => {
      const result = await http(url, 'POST', '/api/join', { raw: '{"joinCode": "ABCDEF", ' });
      expect(result.status).toBe(400);
      expect(result.body.error.code).toBe('bad_request');
    });

    it('a 10 MB display name is 413 (the body limit is 64 KB)', async () => {
      const result = await http(url, 'POST', '/api/join', { body: { ...valid(), displayName: 'x'.repeat(10 * 1024 * 1024) } });
      expect(result.status).toBe(413);
      expect(result.body.error.code).toBe('payload_too_large');
    });

    it('a body just over 64 KB is 413, and one under it is judged on its content', async () => {
      const over = await http(url, 'POST', '/api/join', { body: { ...valid(), displayName: 'x'.repeat(65 * 1024) } });
      expect(over.status).toBe(413);
      const under = await http(url, 'POST', '/api/join', { body: { ...valid(), displayName: 'x'.repeat(60 * 1024) } });
      expect(under.status).toBe(400);
    });
  });
});

describe('participants: role changes and removal over HTTP', () => {
  it('the facilitator changes a role with PATCH; the person sees it', async () => {
    const created = await createSession(url);
    const joined = await join(url, created.session.joinCode);
    const path = `/api/sessions/${created.session.id}/participants/${joined.participant.id}`;
    const result = await http(url, 'PATCH', path, { token: created.facilitatorToken, body: { role: 'moderator' } });
    expect(result.status).toBe(200);
    expect(result.body.participant).toMatchObject({ id: joined.participant.id, role: 'moderator' });
    const seen = await http(url, 'GET', `/api/sessions/${created.session.id}`, { token: joined.token });
    expect(seen.body.viewer.participant.role).toBe('moderator');
    // A moderator may list participants now.
    expect(seen.body.participants).toHaveLength(2);
  });

  it('PATCH refuses roles that cannot be handed out and unknown fields, and changes nothing', async () => {
    const created = await createSession(url);
    const joined = await join(url, created.session.joinCode);
    const path = `/api/sessions/${created.session.id}/participants/${joined.participant.id}`;
    for (const body of [{ role: 'facilitator' }, { role: 'king' }, { role: 'host', extra: 1 }, {}, { role: 7 }]) {
      const result = await http(url, 'PATCH', path, { token: created.facilitatorToken, body });
      expect(result.status, JSON.stringify(body)).toBe(400);
    }
    expect((await participantsOf(created)).find((p) => p.id === joined.participant.id)?.role).toBe('participant');
  });

  it("the facilitator's own role cannot be changed and the facilitator cannot be removed (409)", async () => {
    const created = await createSession(url);
    const path = `/api/sessions/${created.session.id}/participants/${created.participant.id}`;
    const patch = await http(url, 'PATCH', path, { token: created.facilitatorToken, body: { role: 'observer' } });
    expect(patch.status).toBe(409);
    const del = await http(url, 'DELETE', path, { token: created.facilitatorToken });
    expect(del.status).toBe(409);
    expect((await participantsOf(created))[0]?.role).toBe('facilitator');
  });

  it('a participant of another session cannot be targeted (404)', async () => {
    const a = await createSession(url);
    const b = await createSession(url);
    const stranger = await join(url, b.session.joinCode);
    const path = `/api/sessions/${a.session.id}/participants/${stranger.participant.id}`;
    expect((await http(url, 'PATCH', path, { token: a.facilitatorToken, body: { role: 'host' } })).status).toBe(404);
    expect((await http(url, 'DELETE', path, { token: a.facilitatorToken })).status).toBe(404);
    expect((await participantsOf(b)).find((p) => p.id === stranger.participant.id)?.role).toBe('participant');
  });

  it('a removed participant is gone from the list, and their token gets 403 "removed" on HTTP and on the socket', async () => {
    const created = await createSession(url);
    const joined = await join(url, created.session.joinCode, { displayName: 'Gone soon' });
    const path = `/api/sessions/${created.session.id}/participants/${joined.participant.id}`;
    const del = await http(url, 'DELETE', path, { token: created.facilitatorToken });
    expect(del.status).toBe(204);
    expect((await participantsOf(created)).map((p) => p.id)).toEqual([created.participant.id]);

    const state = await http(url, 'GET', `/api/sessions/${created.session.id}`, { token: joined.token });
    expect(state.status).toBe(403);
    expect(state.body.error.code).toBe('removed');
    const profile = await http(url, 'PATCH', `/api/sessions/${created.session.id}/me`, { token: joined.token, body: { displayName: 'Back' } });
    expect(profile.status).toBe(403);
    expect(profile.body.error.code).toBe('removed');

    await expect(connect(url, joined.token)).rejects.toMatchObject({ data: { code: 'removed' } });
    // Removing again finds nobody.
    expect((await http(url, 'DELETE', path, { token: created.facilitatorToken })).status).toBe(404);
  });

  it('a removed participant is refused over polling too', async () => {
    const created = await createSession(url);
    const joined = await join(url, created.session.joinCode);
    await http(url, 'DELETE', `/api/sessions/${created.session.id}/participants/${joined.participant.id}`, { token: created.facilitatorToken });
    const socket = io(url, { auth: { token: joined.token, version: PROTOCOL_VERSION }, transports: ['polling'], reconnection: false, forceNew: true });
    try {
      const error = await new Promise<Error & { data?: { code?: string } }>((resolve) => socket.once('connect_error', resolve));
      expect(error.data?.code).toBe('removed');
    } finally {
      socket.close();
    }
  });
});

describe('PATCH /api/sessions/:id/me', () => {
  it('updates only the caller; bad fields are 400 and change nothing', async () => {
    const created = await createSession(url);
    const joined = await join(url, created.session.joinCode, { displayName: 'Ana' });
    const path = `/api/sessions/${created.session.id}/me`;
    const ok = await http(url, 'PATCH', path, { token: joined.token, body: { displayName: null, mode: 'remote', language: 'ru' } });
    expect(ok.status).toBe(200);
    expect(ok.body.participant).toMatchObject({ id: joined.participant.id, displayName: null, mode: 'remote', language: 'ru' });
    for (const body of [{}, { role: 'facilitator' }, { language: 'xx' }, { displayName: '' }]) {
      const bad = await http(url, 'PATCH', path, { token: joined.token, body });
      expect(bad.status, JSON.stringify(body)).toBe(400);
    }
    const me = (await participantsOf(created)).find((p) => p.id === joined.participant.id);
    expect(me).toMatchObject({ displayName: null, mode: 'remote', language: 'ru', role: 'participant' });
  });
});

describe('operator key', () => {
  const OPERATOR_KEY = 'operator-key-for-tests-0123456789';
  let guarded: Server;

  beforeAll(async () => {
    guarded = await startTestServer({ env: { OPERATOR_KEY } });
  });

  afterAll(async () => {
    await guarded.close();
    await guarded.database.drop();
  });

  it('health says a key is needed', async () => {
    expect((await http(guarded.url, 'GET', '/api/health')).body.createRequiresKey).toBe(true);
    expect((await http(url, 'GET', '/api/health')).body.createRequiresKey).toBe(false);
  });

  it('creating a session without the key, or with a wrong one, is 401', async () => {
    const body = { title: 'Guarded', format: 'cafe' };
    const none = await http(guarded.url, 'POST', '/api/sessions', { body });
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('unauthenticated');
    for (const token of ['wrong', `${OPERATOR_KEY}x`, OPERATOR_KEY.slice(0, -1)]) {
      expect((await http(guarded.url, 'POST', '/api/sessions', { body, token })).status).toBe(401);
    }
  });

  it('with the key, a session is created and people join it without any key', async () => {
    const result = await http<Created>(guarded.url, 'POST', '/api/sessions', { body: { title: 'Guarded', format: 'cafe' }, token: OPERATOR_KEY });
    expect(result.status).toBe(201);
    const joined = await join(guarded.url, result.body.session.joinCode);
    expect(joined.session.id).toBe(result.body.session.id);
  });

  it('without a configured key anyone may create', async () => {
    expect((await http(url, 'POST', '/api/sessions', { body: { title: 'Open', format: 'cafe' } })).status).toBe(201);
  });
});
