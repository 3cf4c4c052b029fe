// HAProxy in front of the test nodes, running the shipped deploy/haproxy/open-talks.cfg (CLU80).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { haproxyPath } from './environment.js';

export const SHIPPED_CONFIG = fileURLToPath(new URL('../../deploy/haproxy/open-talks.cfg', import.meta.url));
const PRODUCTION_ONLY = /#\s*production only\s*$/;

/**
 * The shipped file with only what a test machine must change: the `bind` lines become one local
 * port, each backend's i-th `server` address becomes the i-th node's, and the lines marked
 * "production only" (privileges, TLS, admin socket) go. Everything else runs as shipped.
 */
export function testConfig(listenPort: number, nodePorts: readonly number[], source = readFileSync(SHIPPED_CONFIG, 'utf8')): string {
  let bound = false;
  let serverIndex = 0;
  const out: string[] = [];
  for (const line of source.split('\n')) {
    if (PRODUCTION_ONLY.test(line)) continue;
    if (/^\S/.test(line)) serverIndex = 0; // a new section: its servers count from the first
    const bind = /^(\s+)bind\s/.exec(line);
    if (bind) {
      if (!bound) out.push(`${bind[1]}bind 127.0.0.1:${listenPort}`);
      bound = true;
      continue;
    }
    const server = /^(\s+server\s+\S+\s+)\S+(.*)$/.exec(line);
    if (server) {
      const port = nodePorts[serverIndex++];
      if (port === undefined) throw new Error(`the shipped config has more servers than the ${nodePorts.length} test nodes`);
      out.push(`${server[1]}127.0.0.1:${port}${server[2]}`);
      continue;
    }
    out.push(line);
  }
  if (!bound) throw new Error('the shipped config has no bind line');
  return out.join('\n');
}

export interface Proxy {
  url: string;
  port: number;
  process: ChildProcess;
  /** What HAProxy printed (its request log and warnings), for a failing test's message. */
  output(): string;
  close(): Promise<void>;
}

/** Starts HAProxy in the foreground with `config`; resolves once it accepts connections. */
export async function startProxy(config: string, port: number): Promise<Proxy> {
  const dir = mkdtempSync(join(tmpdir(), 'open-talks-haproxy-'));
  const file = join(dir, 'haproxy.cfg');
  writeFileSync(file, config);
  const child = spawn(haproxyPath, ['-db', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const proxy: Proxy = {
    url: `http://127.0.0.1:${port}`,
    port,
    process: child,
    output: () => output,
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGKILL');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null) throw new Error(`haproxy exited with ${child.exitCode}: ${output}`);
    if (Date.now() > deadline) {
      await proxy.close();
      throw new Error(`haproxy did not listen on ${port}: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50)); // a readiness probe of another process
  }
  return proxy;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
