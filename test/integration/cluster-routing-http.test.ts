import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { connect as tcpConnect, type Socket } from 'node:net';
import { NodeClient, NotSent } from '../../server/src/cluster/forward.js';
import { clusterHttp, ownerGuard } from '../../server/src/cluster/forward-http.js';
import { internalEndpoint } from '../../server/src/cluster/internal.js';
import { secretDigest } from '../../server/src/cluster/internal-auth.js';
import { capturedLog } from '../helpers/log-capture.js';
import type { SessionOwnership } from '../../server/src/cluster/ownership.js';
import { freePort } from '../helpers/child-server.js';

// The HTTP forwarding itself (CLU33, CLU34, CLU40, CLU41), between two real HTTP servers with the
// real middleware and client: who the owner sees as the client, what is passed on and back, and
// which failures may be sent again. Who owns what is set by the test (the leases are tried in
// cluster-routing.test.ts).

const SECRET = 'a-secret-for-these-two-nodes-only';
const SESSION = 'sessionone';
const log = pino({ level: 'silent' });

/** Ownership as the test sets it: `owners` says who owns the session, changed by the test or on forget. */
class SetOwnership implements SessionOwnership {
  forgotten = 0;
  afterForget: string | undefined;
  constructor(
    readonly nodeId: string,
    public owner: string,
  ) {}
  ownerOf = () => Promise.resolve(this.owner);
  owns = () => this.owner === this.nodeId;
  fence = () => (this.owner === this.nodeId ? 1 : undefined);
  forget = () => {
    this.forgotten++;
    if (this.afterForget) this.owner = this.afterForget;
  };
  onAcquired = () => undefined;
  onLost = () => undefined;
  close = () => Promise.resolve();
}

interface TestNode {
  url: string;
  ownership: SetOwnership;
  hits: { echo: number; die: number };
  server: Server;
  client: NodeClient;
}

async function node(nodeId: string, urls: Record<string, string>, trustProxy: number): Promise<TestNode> {
  const ownership = new SetOwnership(nodeId, 'y');
  const client = new NodeClient(nodeId, SECRET);
  const hits = { echo: 0, die: 0 };
  const app: Express = express();
  app.set('trust proxy', trustProxy);
  app.use(
    clusterHttp({
      ownership,
      nodes: { urlOf: (id) => Promise.resolve(urls[id]) },
      client,
      run: (_sessionId, fn) => fn(),
      internal: (_req, res) => void res.status(404).end(),
      secretDigest: secretDigest(SECRET),
      sessionExists: (id) => Promise.resolve(id === SESSION),
      log,
    }),
  );
  app.use(express.json());
  app.post('/api/sessions/:id/echo', (req, res) => {
    hits.echo++;
    res
      .status(201)
      .set('x-answered-by', nodeId)
      .json({ ip: req.ip, protocol: req.protocol, host: req.get('host'), body: req.body as unknown, query: req.query });
  });
  app.post('/api/sessions/:id/die', (req) => {
    hits.die++;
    req.socket.destroy(); // the owner dies with the request in hand
  });
  app.use((_req, res) => void res.status(404).json({ error: { code: 'not_found' } }));
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  urls[nodeId] = url;
  return { url, ownership, hits, server, client };
}

describe('HTTP forwarding between two nodes', () => {
  const urls: Record<string, string> = {};
  let x: TestNode; // receives the client's requests; behind one proxy
  let y: TestNode; // owns the session

  beforeAll(async () => {
    x = await node('x', urls, 1);
    y = await node('y', urls, 0);
  });
  beforeEach(() => {
    for (const n of [x, y]) {
      n.ownership.owner = 'y';
      n.ownership.afterForget = undefined;
      n.ownership.forgotten = 0;
      n.hits.echo = 0;
      n.hits.die = 0;
    }
  });
  afterAll(async () => {
    for (const n of [x, y]) {
      n.client.close();
      n.server.closeAllConnections();
      await new Promise((resolve) => n.server.close(resolve));
    }
  });

  const post = (base: string, path: string, headers: Record<string, string> = {}, body: unknown = { text: 'hello' }) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close', ...headers }, body: JSON.stringify(body) });

  it('CLU40 CLU41 the owner gets the request whole, sees the client as the first node saw it, and its answer comes back', async () => {
    const res = await post(x.url, `/api/sessions/${SESSION}/echo?x=1`, { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https', 'x-open-talks-client-ip': '10.0.0.66' });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-answered-by')).toBe('y');
    const answer = (await res.json()) as Record<string, unknown>;
    expect(answer).toMatchObject({ ip: '203.0.113.9', protocol: 'https', body: { text: 'hello' }, query: { x: '1' } });
    expect(answer.host).toBe(new URL(x.url).host); // the client's Host, for links
    expect(y.hits.echo).toBe(1);
    expect(x.hits.echo).toBe(0);
  });

  it('CLU41 without the secret, client addresses in headers are not believed and forwarding is refused', async () => {
    const direct = await post(y.url, `/api/sessions/${SESSION}/echo`, { 'x-open-talks-client-ip': '10.0.0.66' });
    expect(((await direct.json()) as { ip: string }).ip).not.toBe('10.0.0.66');
    const posing = await post(y.url, `/api/sessions/${SESSION}/echo`, { 'x-open-talks-forwarded-by': 'x', 'x-open-talks-client-ip': '10.0.0.66' });
    expect(posing.status).toBe(403);
    expect(y.hits.echo).toBe(1); // only the direct one
  });

  it('CLU34 a request that reached the owner is never sent again: the owner died with it, the client gets unavailable', async () => {
    const res = await post(x.url, `/api/sessions/${SESSION}/die`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: { code: 'unavailable' } });
    expect(y.hits.die).toBe(1);
    expect(x.ownership.forgotten).toBe(0);
  });

  it('CLU34 an owner that could not be reached is forgotten and the new owner gets the request once', async () => {
    urls.gone = `http://127.0.0.1:${await freePort()}`; // nobody listens there: refused, nothing written
    x.ownership.owner = 'gone';
    x.ownership.afterForget = 'y';
    const res = await post(x.url, `/api/sessions/${SESSION}/echo`);
    expect(res.status).toBe(201);
    expect(x.ownership.forgotten).toBe(1);
    expect(y.hits.echo).toBe(1);
  });

  it('CLU34 an owner still unreachable on the second look: unavailable, nothing run anywhere', async () => {
    x.ownership.owner = 'gone';
    const res = await post(x.url, `/api/sessions/${SESSION}/echo`);
    expect(res.status).toBe(503);
    expect(x.ownership.forgotten).toBe(2);
    expect(x.hits.echo + y.hits.echo).toBe(0);
  });

  it('CLU33 a forwarded request is never forwarded again: a node that lost the session says unavailable', async () => {
    y.ownership.owner = 'x'; // y thinks x took the session meanwhile; x thinks y has it
    const res = await post(x.url, `/api/sessions/${SESSION}/echo`);
    expect(res.status).toBe(503);
    expect(x.hits.echo + y.hits.echo).toBe(0);
  });

  it('CLU40 a session id that does not exist, and paths outside a session, are answered where they arrive', async () => {
    expect((await post(x.url, '/api/sessions/nosuchsession/echo')).status).toBe(201);
    expect(x.hits.echo).toBe(1);
    expect((await post(x.url, '/api/other')).status).toBe(404);
    expect(y.hits.echo).toBe(0);
  });
});

describe('the owner guard on the API routes (CLU47)', () => {
  let server: Server;
  let url: string;
  const ownership = new SetOwnership('x', 'y');
  let hits = 0;

  beforeAll(async () => {
    const app: Express = express();
    // No forwarding middleware: what a path the middleware read otherwise than Express would reach.
    app.use('/api/sessions/:id', ownerGuard({ ownership, run: (_id, fn) => fn(), sessionExists: (id) => Promise.resolve(id === SESSION), log }));
    app.post('/api/sessions/:id/echo', (_req, res) => {
      hits++;
      res.status(201).json({ ran: true });
    });
    app.use((_req, res) => void res.status(404).json({ error: { code: 'not_found' } }));
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('a node that does not own the session answers unavailable and runs nothing; its owner runs it; a made-up id passes on', async () => {
    hits = 0;
    ownership.owner = 'y';
    const onNonOwner = await fetch(`${url}/API/sessions/${SESSION}/echo`, { method: 'POST', headers: { connection: 'close' } });
    expect(onNonOwner.status).toBe(503);
    expect(await onNonOwner.json()).toMatchObject({ error: { code: 'unavailable' } });
    expect(hits).toBe(0);
    ownership.owner = 'x';
    expect((await fetch(`${url}/api/sessions/${SESSION}/echo`, { method: 'POST', headers: { connection: 'close' } })).status).toBe(201);
    expect(hits).toBe(1);
    ownership.owner = 'y';
    expect((await fetch(`${url}/api/sessions/nosuchsession/echo`, { method: 'POST', headers: { connection: 'close' } })).status).toBe(201);
  });
});

describe('refused forged requests are logged at most once per interval (CLU51)', () => {
  let server: Server;
  let url: string;
  const captured = capturedLog('warn');

  beforeAll(async () => {
    const digest = secretDigest(SECRET);
    const stub = { ownerOf: () => Promise.reject(new Error('not reached')) } as unknown as SessionOwnership;
    const internal = internalEndpoint({
      ownership: stub,
      local: undefined as never,
      run: (_id, fn) => fn(),
      participant: () => Promise.resolve(undefined),
      secretDigest: digest,
      log: captured.log,
    });
    const app: Express = express();
    app.use(
      clusterHttp({
        ownership: stub,
        nodes: { urlOf: () => Promise.resolve(undefined) },
        client: new NodeClient('z', SECRET),
        run: (_id, fn) => fn(),
        internal,
        secretDigest: digest,
        sessionExists: () => Promise.resolve(true),
        log: captured.log,
      }),
    );
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('twenty forged internal calls and twenty forged forwarded requests: 403 each, one warning line each kind', async () => {
    for (let i = 0; i < 20; i++) {
      const internal = await fetch(`${url}/internal/cluster/command`, { method: 'POST', headers: { connection: 'close' }, body: '{}' });
      expect(internal.status).toBe(403);
      const posing = await fetch(`${url}/api/sessions/${SESSION}/echo`, { method: 'POST', headers: { connection: 'close', 'x-open-talks-forwarded-by': 'y' }, body: '{}' });
      expect(posing.status).toBe(403);
    }
    const warnings = captured.lines.map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(warnings.filter((w) => w.msg.includes('without the cluster secret'))).toHaveLength(2);
  });
});

/**
 * A node that takes no connection: a process listening with a backlog of one whose thread sleeps,
 * so once two connections fill its queue, the next ones stay "connecting" (nothing written).
 */
async function deafNode(): Promise<{ url: string; stop(): void }> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const s=require('net').createServer();s.listen({port:0,host:'127.0.0.1',backlog:1},()=>{console.log(s.address().port);setTimeout(()=>Atomics.wait(new Int32Array(new SharedArrayBuffer(4)),0,0),50)})`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve) => child.stdout.once('data', (data: Buffer) => resolve(Number(String(data).trim()))));
  await new Promise((resolve) => setTimeout(resolve, 200));
  const fillers: Socket[] = [];
  for (let i = 0; i < 4; i++) fillers.push(tcpConnect(port, '127.0.0.1').on('error', () => undefined));
  await new Promise((resolve) => setTimeout(resolve, 200));
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => {
      for (const socket of fillers) socket.destroy();
      child.kill('SIGKILL');
    },
  };
}

describe('the not-written deadline (CLU49)', () => {
  it('requests queued behind connections that never open fail as not sent by their own deadline, not one connect after another', async () => {
    const deaf = await deafNode();
    // One connection at a time, so the others wait in the pool; a connect may take 1.5 s.
    const client = new NodeClient('x', SECRET, { maxSockets: 1, connectTimeoutMs: 1_500, notWrittenMs: 1_500 });
    try {
      const started = Date.now();
      const outcomes = await Promise.all(
        Array.from({ length: 4 }, () =>
          client.postJson(deaf.url, '/internal/cluster/command', {}).then(
            () => ({ error: undefined as unknown, ms: Date.now() - started }),
            (error: unknown) => ({ error, ms: Date.now() - started }),
          ),
        ),
      );
      expect(outcomes.every((o) => o.error instanceof NotSent)).toBe(true); // nothing written: may go elsewhere
      // Without a deadline from creation, the last would fail after four connects in a row (6 s).
      expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(4_000);
    } finally {
      client.close();
      deaf.stop();
    }
  });
});
