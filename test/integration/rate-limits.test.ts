import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, http, join } from '../helpers/api.js';
import { startTestServer } from '../helpers/server.js';
import { closeAllSockets, command, connect } from '../helpers/socket.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('rate limits', () => {
  let server: Server;
  let facilitatorToken = '';

  beforeAll(async () => {
    server = await startTestServer({ env: { RATE_JOIN_PER_MIN: '3', RATE_COMMANDS_PER_10S: '4', RATE_CREATE_PER_10MIN: '2' } });
  });

  afterAll(async () => {
    closeAllSockets();
    await server.close();
    await server.database.drop();
  });

  it('refuses joins past the per-network limit with a clear error, and changes nothing', async () => {
    const created = await createSession(server.url);
    for (let i = 0; i < 3; i++) await join(server.url, created.session.joinCode, { displayName: `P${i}` });
    const refused = await http(server.url, 'POST', '/api/join', {
      body: { joinCode: created.session.joinCode, displayName: 'Too many', stakeholderGroup: 'other', mode: 'remote' },
    });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    const people = await http(server.url, 'GET', `/api/sessions/${created.session.id}/participants`, { token: created.facilitatorToken });
    expect(people.body.participants.map((p: { displayName: string | null }) => p.displayName)).not.toContain('Too many');
  });

  it('refuses session creation past its limit', async () => {
    // One session was created above; the second fills the window, the third is refused.
    // Its facilitator has spent nothing yet (the first one listed people over HTTP: LIMIT1).
    facilitatorToken = (await createSession(server.url)).facilitatorToken;
    const refused = await http(server.url, 'POST', '/api/sessions', { body: { title: 'Third', format: 'cafe' } });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
  });

  it('acks realtime commands past the per-participant limit with rate_limited', async () => {
    const { socket } = await connect(server.url, facilitatorToken); // connecting spends one of the 4 (LIMIT3)
    const acks = [];
    for (let i = 0; i < 4; i++) acks.push(await command(socket, 'session:sync', {}));
    expect(acks.slice(0, 3).every((a) => a.ok)).toBe(true);
    expect(acks[3]).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });
});
