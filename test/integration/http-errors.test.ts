import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, join, type Created } from '../helpers/api.js';
import { createTestDatabase, startTestServer, type TestServer } from '../helpers/server.js';
import { storageTargets } from '../helpers/storage-kinds.js';

// HTTP1: input the server cannot even read — a body whose Content-Encoding lies, a path that is
// not valid URL encoding, an id with a null byte — is a typed 400 like any other bad input,
// never a 500, on SQLite and on PostgreSQL.

const targets = await storageTargets();

async function send(url: string, method: string, path: string, headers: Record<string, string> = {}, body?: Buffer | string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}${path}`, { method, headers: { connection: 'close', ...headers }, body: typeof body === 'string' ? body : body && new Uint8Array(body) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: kept as text, and the expectation below says so
  }
  return { status: response.status, body: parsed };
}

function expectTyped400(result: { status: number; body: unknown }): void {
  expect(result).toMatchObject({ status: 400, body: { error: { code: 'bad_request', message: expect.any(String) } } });
}

describe.each(targets)('HTTP1 unreadable input on $kind', ({ kind, skip }) => {
  let server: TestServer;
  let created: Created;
  const json = { 'content-type': 'application/json' };

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ database: await createTestDatabase(kind) });
    created = await createSession(server.url, { title: 'Errors' });
  });

  afterAll(async () => {
    await server?.close();
    await server?.database.drop();
  });

  it.skipIf(skip !== undefined)('HTTP1 a body whose Content-Encoding is broken is a typed 400', async () => {
    const body = JSON.stringify({ title: 'x', format: 'cafe' });
    expectTyped400(await send(server.url, 'POST', '/api/sessions', { ...json, 'content-encoding': 'gzip' }, body));
    expectTyped400(await send(server.url, 'POST', '/api/sessions', { ...json, 'content-encoding': 'deflate' }, body));
    expectTyped400(await send(server.url, 'POST', '/api/sessions', { ...json, 'content-encoding': 'br' }, body));
    expectTyped400(await send(server.url, 'POST', '/api/sessions', { ...json, 'content-encoding': 'gzip' }, gzipSync(body).subarray(0, 20)));
    expectTyped400(await send(server.url, 'POST', '/api/sessions', { ...json, 'content-encoding': 'x-unheard-of' }, body));
    // A well-formed gzip body still works.
    expect((await send(server.url, 'POST', '/api/sessions', { ...json, 'content-encoding': 'gzip' }, gzipSync(body))).status).toBe(201);
  });

  it.skipIf(skip !== undefined)('HTTP1 a path that is not valid URL encoding is a typed 400', async () => {
    const auth = { authorization: `Bearer ${created.facilitatorToken}` };
    expectTyped400(await send(server.url, 'GET', '/api/sessions/%E0%A4%A', auth));
    expectTyped400(await send(server.url, 'GET', '/api/join/%ZZ'));
    expectTyped400(await send(server.url, 'DELETE', `/api/sessions/${created.session.id}/participants/%FF`, auth));
  });

  it.skipIf(skip !== undefined)('HTTP1 path ids are checked like body ids: a null byte is a typed 400', async () => {
    const auth = { authorization: `Bearer ${created.facilitatorToken}` };
    const id = created.session.id;
    const guest = await join(server.url, created.session.joinCode, { displayName: 'Stays' });
    expectTyped400(await send(server.url, 'DELETE', `/api/sessions/${id}/participants/%00`, auth));
    expectTyped400(await send(server.url, 'PATCH', `/api/sessions/${id}/participants/%00`, { ...auth, ...json }, JSON.stringify({ role: 'moderator' })));
    expectTyped400(await send(server.url, 'GET', '/api/sessions/%00', auth));
    expectTyped400(await send(server.url, 'GET', '/api/sessions/%00/export', auth));
    expectTyped400(await send(server.url, 'POST', `/api/sessions/${id}/townhall/questions/%00/vote`, { ...auth, ...json }, '{}'));
    expectTyped400(await send(server.url, 'GET', '/api/join/ABC%00EF'));
    expectTyped400(await send(server.url, 'GET', '/api/public/%00'));
    // Nothing changed: the guest is still there.
    const people = await send(server.url, 'GET', `/api/sessions/${id}/participants`, auth);
    expect((people.body as { participants: { id: string }[] }).participants.map((p) => p.id)).toContain(guest.participant.id);
  });
});
