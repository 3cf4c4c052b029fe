// A real server in a child process, for tests that kill it hard (SIGKILL) and start it again.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { TestDatabase } from './server.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `extra`: more settings (a cluster node's REDIS_URL, NODE_ID…). */
export function spawnServer(port: number, database: TestDatabase, extra: Record<string, string> = {}): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: database.url, LOG_LEVEL: 'silent', ...extra };
  delete env.DATABASE_SCHEMA;
  delete env.OPERATOR_KEY;
  if (database.schema) env.DATABASE_SCHEMA = database.schema;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.once('exit', (code, signal) => {
    if (code !== null && code !== 0) console.error(`server exited with ${code}: ${stderr}`);
    void signal;
  });
  return child;
}

export async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}

/** A port nobody is using right now, so both runs of the server can take the same one. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * Waits for a child server to answer /api/health. With LOG_LEVEL=silent it prints nothing,
 * so we ask; each refused attempt is retried after a short pause (this is a readiness
 * probe for another process, not a wait for an event we could subscribe to).
 */
export async function untilHealthy(url: string, child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  const RETRY_PAUSE = 50; // ms between attempts while the process boots
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server at ${url} was not ready after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE));
  }
}
