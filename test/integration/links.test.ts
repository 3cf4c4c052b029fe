import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionLinks } from '../../shared/src/protocol/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

// LINK1: links carrying a secret (console, projector) are built only from PUBLIC_URL or from a
// Host on the allow-list; any other Host gets relative links, resolved by the browser it is in.

const servers: TestServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    await server.close();
    await server.database.drop();
  }
});

async function start(env: Record<string, string> = {}): Promise<TestServer> {
  const server = await startTestServer({ env });
  servers.push(server);
  return server;
}

/** POST with a Host header of our choosing (fetch will not let us set one). */
function post(server: TestServer, path: string, host: string, body: unknown, token?: string): Promise<{ status: number; body: any }> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: 'POST',
        headers: { host, 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), ...(token && { authorization: `Bearer ${token}` }) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

async function linksFor(server: TestServer, host: string): Promise<SessionLinks & { rotated: string }> {
  const created = await post(server, '/api/sessions', host, { title: 'Links', format: 'cafe' });
  expect(created.status).toBe(201);
  const rotated = await post(server, `/api/sessions/${created.body.session.id}/projector-key`, host, {}, created.body.facilitatorToken);
  expect(rotated.status).toBe(201);
  return { ...created.body.links, rotated: rotated.body.link };
}

const all = (links: SessionLinks & { rotated: string }) => [links.join, links.observer, links.projector, links.console, links.rotated];

describe('LINK1 links and the Host header', () => {
  it('LINK1 a Host that is not this machine gets relative links: no secret goes to another site', async () => {
    const server = await start();
    const links = await linksFor(server, 'evil.example');
    for (const link of all(links)) {
      expect(link).not.toContain('evil.example');
      expect(link.startsWith('/')).toBe(true);
    }
    expect(links.console).toMatch(/^\/s\/[^/]+\/console#token=/);
  });

  it("LINK1 localhost, 127.0.0.1 and the machine's own addresses get full links (a venue LAN works without PUBLIC_URL)", async () => {
    const server = await start();
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`]) {
      for (const link of all(await linksFor(server, host))) expect(link.startsWith(`http://${host}/`)).toBe(true);
    }
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (lan) expect((await linksFor(server, `${lan.address}:${server.port}`)).console.startsWith(`http://${lan.address}:${server.port}/s/`)).toBe(true);
  });

  it('LINK1 ALLOWED_HOSTS replaces the defaults; PUBLIC_URL wins over any Host', async () => {
    const listed = await start({ ALLOWED_HOSTS: 'talks.lan, Other.Example' });
    expect((await linksFor(listed, 'talks.lan:3000')).console.startsWith('http://talks.lan:3000/s/')).toBe(true);
    expect((await linksFor(listed, 'other.example')).join).toMatch(/^http:\/\/other\.example\/join\//);
    expect((await linksFor(listed, `127.0.0.1:${listed.port}`)).console.startsWith('/s/')).toBe(true);
    const pub = await start({ PUBLIC_URL: 'https://talks.example.org/' });
    for (const link of all(await linksFor(pub, 'evil.example'))) expect(link.startsWith('https://talks.example.org/')).toBe(true);
  });
});
