import { afterEach, describe, expect, it } from 'vitest';
import { createSession, http, join } from '../helpers/api.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

// LIMIT5: the door of a venue where everyone shares one address. Previews and joins have budgets
// of their own, and wrong codes are what costs: right ones never use up the wrong-code budget.

const servers: TestServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    await server.close();
    await server.database.drop();
  }
});

async function start(env: Record<string, string>): Promise<TestServer> {
  const server = await startTestServer({ env: { RATE_JOIN_PER_MIN: '5', RATE_PREVIEW_PER_MIN: '100', RATE_JOIN_FAILURES_PER_MIN: '3', ...env } });
  servers.push(server);
  return server;
}

/** A well-formed code that is not this session's. */
function wrongCode(right: string): string {
  return right === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
}

const body = (joinCode: string, displayName: string) => ({ joinCode, displayName, stakeholderGroup: 'other', mode: 'remote' });

describe('LIMIT5 join limits per address', () => {
  it('LIMIT5 previews do not use up the joins: a page reloading in a loop cannot lock the venue out', async () => {
    const server = await start({});
    const { session } = await createSession(server.url);
    for (let i = 0; i < 20; i++) expect((await http(server.url, 'GET', `/api/join/${session.joinCode}`)).status).toBe(200);
    for (let i = 0; i < 5; i++) await join(server.url, session.joinCode, { displayName: `P${i}` });
    expect((await http(server.url, 'POST', '/api/join', { body: body(session.joinCode, 'Sixth') })).status).toBe(429);
  });

  it('LIMIT5 wrong codes cost, right ones do not: past the wrong-code budget the address waits', async () => {
    const server = await start({ RATE_JOIN_PER_MIN: '100' });
    const { session } = await createSession(server.url);
    const wrong = wrongCode(session.joinCode);
    // Right codes, many at once, never count against the wrong-code budget.
    const previews = await Promise.all(Array.from({ length: 40 }, () => http(server.url, 'GET', `/api/join/${session.joinCode}`)));
    expect(previews.every((p) => p.status === 200)).toBe(true);
    await join(server.url, session.joinCode, { displayName: 'Right' });
    // A malformed code is a 400 and no guess at all.
    expect((await http(server.url, 'GET', '/api/join/nope')).status).toBe(400);
    // Wrong codes through either door share one small budget.
    expect((await http(server.url, 'GET', `/api/join/${wrong}`)).status).toBe(404);
    expect((await http(server.url, 'POST', '/api/join', { body: body(wrong, 'Guess') })).status).toBe(404);
    expect((await http(server.url, 'GET', `/api/join/${wrong}`)).status).toBe(404);
    const refused = await http(server.url, 'GET', `/api/join/${wrong}`);
    expect(refused).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
    // Refused without looking: a right code learns nothing either, until the minute is out.
    expect((await http(server.url, 'GET', `/api/join/${session.joinCode}`)).status).toBe(429);
    expect((await http(server.url, 'POST', '/api/join', { body: body(session.joinCode, 'Late') })).status).toBe(429);
  });
});
