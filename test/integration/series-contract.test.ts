import { describe, expect, it } from 'vitest';
import { createSeries, createSession, http } from '../helpers/api.js';
import { serverForFile, type TestServer } from '../helpers/server.js';

let server: TestServer;
serverForFile((s) => (server = s));

describe('SER1 a series is made and opened with its own token', () => {
  it('SER1 makes a series; its token reads it, a session token and no token do not', async () => {
    const created = await createSeries(server.url, { languages: ['fr', 'en'], attribution: 'named' });
    expect(created.series).toMatchObject({ title: 'Open Talks on data governance', originalLanguage: 'fr', attribution: 'named' });
    expect(created.facilitatorToken).toMatch(/^ots_/);
    expect(created.links.console).toContain(`/series/${created.series.id}#token=`);

    const read = await http(server.url, 'GET', `/api/series/${created.series.id}`, { token: created.facilitatorToken });
    expect(read.status).toBe(200);
    expect(read.body.series.id).toBe(created.series.id);
    expect(read.body.member.role).toBe('facilitator');

    const session = await createSession(server.url);
    const wrong = await http(server.url, 'GET', `/api/series/${created.series.id}`, { token: session.facilitatorToken });
    expect(wrong.status).toBe(401);
    expect((await http(server.url, 'GET', `/api/series/${created.series.id}`)).status).toBe(401);
    expect((await http(server.url, 'GET', '/api/series/nope', { token: created.facilitatorToken })).status).toBe(404);
    // A series token opens no session.
    expect((await http(server.url, 'GET', `/api/sessions/${session.session.id}`, { token: created.facilitatorToken })).status).toBe(401);
  });

  it('SER1 refuses a bad body and changes nothing', async () => {
    const bad = await http(server.url, 'POST', '/api/series', { body: { title: '', languages: ['xx'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_request');
  });
});
