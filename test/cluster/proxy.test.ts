import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/child-server.js';
import { checkHaproxy, haproxyPath } from './environment.js';
import { SHIPPED_CONFIG, startProxy, testConfig, type Proxy } from './haproxy.js';
import { requireAll } from '../helpers/environment.js';

// The shipped HAProxy file (deploy/haproxy/open-talks.cfg) in front of three stand-in nodes that
// echo what reached them: what the proxy adds, removes and where it sends each request
// (CLU80–CLU84). The real nodes behind it are in the other files of this folder.

const missing = checkHaproxy();
if (missing && requireAll) throw new Error(`OPEN_TALKS_REQUIRE_ALL=1 but the cluster suite cannot run: ${missing}`);
if (missing) console.warn(`cluster proxy suite skipped: ${missing}`);

interface Echo {
  node: string;
  url: string;
  headers: IncomingHttpHeaders;
}

interface Backend {
  name: string;
  port: number;
  server: Server;
  /** Health checks seen: HAProxy asks each node GET /api/health. */
  checks: string[];
}

async function backend(name: string): Promise<Backend> {
  const port = await freePort();
  const checks: string[] = [];
  const server = createServer((req, res) => {
    if (req.url === '/api/health') checks.push(`${req.method} ${req.url}`);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ node: name, url: req.url ?? '', headers: req.headers } satisfies Echo));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { name, port, server, checks };
}

async function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; node: string | null; echo: Echo; setCookie: string | null }> {
  const response = await fetch(url, { headers: { connection: 'close', ...headers } });
  const echo = (await response.json()) as Echo;
  return { status: response.status, node: response.headers.get('x-open-talks-node'), echo, setCookie: response.headers.get('set-cookie') };
}

describe.skipIf(Boolean(missing))('the shipped HAProxy configuration', () => {
  let backends: Backend[] = [];
  let proxy: Proxy;

  beforeAll(async () => {
    backends = [await backend('node1'), await backend('node2'), await backend('node3')];
    const port = await freePort();
    proxy = await startProxy(
      testConfig(
        port,
        backends.map((b) => b.port),
      ),
      port,
    );
  });
  afterAll(async () => {
    await proxy?.close();
    for (const b of backends) await new Promise((resolve) => b.server.close(resolve));
  });

  it('CLU80 is valid as shipped, TLS and privileges included (only the certificate is a test one)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'open-talks-cert-'));
    try {
      const pem = join(dir, 'open-talks.pem');
      execFileSync(
        'openssl',
        ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=open-talks.test', '-days', '1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
        { stdio: 'ignore' },
      );
      writeFileSync(pem, readFileSync(join(dir, 'cert.pem'), 'utf8') + readFileSync(join(dir, 'key.pem'), 'utf8'));
      const file = join(dir, 'haproxy.cfg');
      writeFileSync(file, readFileSync(SHIPPED_CONFIG, 'utf8').replaceAll('/etc/haproxy/certs/open-talks.pem', pem));
      expect(execFileSync(haproxyPath, ['-c', '-f', file], { encoding: 'utf8' })).toContain('Configuration file is valid');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('CLU80 the test configuration differs from the shipped file only in binds, server addresses and production-only lines', () => {
    const shipped = readFileSync(SHIPPED_CONFIG, 'utf8').split('\n');
    const tested = testConfig(1, [2, 3, 4]).split('\n');
    const kept = shipped.filter((line) => !/production only\s*$/.test(line) && !/^\s+bind\s/.test(line));
    const comparable = (line: string) => line.replace(/^(\s+server\s+\S+\s+)\S+/, '$1ADDRESS');
    expect(tested.filter((line) => !/^\s+bind\s/.test(line)).map(comparable)).toEqual(kept.map(comparable));
    expect(tested.filter((line) => /^\s+server\s/.test(line))).toHaveLength(6);
  });

  it('CLU83 health checks ask every node GET /api/health, about once a second', async () => {
    await expect.poll(() => backends.every((b) => b.checks.length >= 2)).toBe(true);
    for (const b of backends) expect(new Set(b.checks)).toEqual(new Set(['GET /api/health']));
  });

  it('CLU84 the node sees one X-Forwarded-For, the client address, whatever the client claimed', async () => {
    const { echo } = await get(`${proxy.url}/api/sessions`, { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https' });
    expect(echo.headers['x-forwarded-for']).toBe('127.0.0.1');
    // No TLS in front of this test: a client saying "https" is not believed.
    expect(echo.headers['x-forwarded-proto']).toBeUndefined();
  });

  it("CLU31 the nodes' own endpoints and headers cannot be reached or forged from outside", async () => {
    const internal = await fetch(`${proxy.url}/internal/cluster/command`, { method: 'POST', headers: { connection: 'close' }, body: '{}' });
    expect(internal.status).toBe(404);
    await internal.body?.cancel();
    const { echo } = await get(`${proxy.url}/api/sessions`, {
      'x-open-talks-cluster-secret': 'guess',
      'x-open-talks-forwarded-by': 'node9',
      'x-open-talks-client-ip': '203.0.113.9',
    });
    expect(Object.keys(echo.headers).filter((name) => name.startsWith('x-open-talks-'))).toEqual([]);
  });

  it('CLU82 a client is pinned to the node that first answered it by a cookie the node never sees', async () => {
    const first = await get(`${proxy.url}/socket.io/?EIO=4&transport=polling`);
    expect(first.setCookie).toMatch(/^otnode=node[123]; path=\/; HttpOnly; SameSite=Lax$/i);
    const cookie = first.setCookie!.split(';')[0]!;
    for (let i = 0; i < 9; i++) {
      const next = await get(`${proxy.url}/socket.io/?EIO=4&transport=polling&sid=x`, { cookie });
      expect(next.node).toBe(first.node);
      expect(next.echo.node).toBe(first.node);
      expect(next.echo.headers.cookie).toBeUndefined(); // indirect: removed before the node
      expect(next.setCookie).toBeNull();
    }
    // Without the cookie, leastconn spreads new clients over every node.
    const nodes = new Set<string>();
    for (let i = 0; i < 9; i++) nodes.add((await get(`${proxy.url}/api/health`)).echo.node);
    expect(nodes).toEqual(new Set(['node1', 'node2', 'node3']));
  });

  it('CLU81 a notepad room goes to one node whatever its token, and rooms spread over the nodes', async () => {
    const rooms = Array.from({ length: 24 }, (_, i) => `session/s${i}/table/t${i % 5}/round/${(i % 3) + 1}`);
    const home = new Map<string, string>();
    for (const room of rooms) {
      const seen = new Set<string>();
      for (const token of ['a', 'b', 'c']) seen.add((await get(`${proxy.url}/yjs/${room}?token=${token}`)).echo.node);
      expect(seen.size, room).toBe(1);
      home.set(room, [...seen][0]!);
    }
    expect(new Set(home.values()).size).toBe(3);
  });

  it('CLU81 CLU83 when a node dies, its rooms move and no other room does; requests keep being answered', async () => {
    const rooms = Array.from({ length: 24 }, (_, i) => `session/d${i}/harvest`);
    const before = new Map<string, string>();
    for (const room of rooms) before.set(room, (await get(`${proxy.url}/yjs/${room}`)).echo.node);
    const dead = backends[1]!;
    dead.server.closeAllConnections();
    await new Promise((resolve) => dead.server.close(resolve));

    // At once, before any health check noticed: a refused connection is tried on another node.
    for (let i = 0; i < 12; i++) expect((await get(`${proxy.url}/api/health`)).status).toBe(200);
    // Within a few seconds the node is out (two failed checks a second apart) and rooms have moved.
    await expect
      .poll(async () => {
        const after = new Map<string, string>();
        for (const room of rooms) after.set(room, (await get(`${proxy.url}/yjs/${room}`)).echo.node);
        return after;
      })
      .toSatisfy((after: Map<string, string>) => rooms.every((room) => (before.get(room) === 'node2' ? after.get(room) !== 'node2' : after.get(room) === before.get(room))));
  });
});
