import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createSession } from '../helpers/api.js';
import { freePort, kill, untilHealthy } from '../helpers/child-server.js';
import { createTestDatabase, type TestDatabase } from '../helpers/server.js';
import { closeAllSockets, connect } from '../helpers/socket.js';

// `npm start` compiles the server once and runs it with plain node; build tools are not
// production dependencies (README, "Choices made beyond the stack").

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILD_TOOLS = ['tsx', 'esbuild', 'vite', 'typescript', '@vitejs/plugin-react', 'vitest'];

describe('the compiled server', () => {
  let child: ChildProcess | undefined;
  let database: TestDatabase | undefined;

  afterEach(async () => {
    closeAllSockets();
    if (child) await kill(child);
    await database?.drop();
    child = undefined;
    database = undefined;
  });

  it('no workspace lists a build tool among its production dependencies', () => {
    for (const workspace of ['.', 'shared', 'server', 'client']) {
      const manifest = JSON.parse(readFileSync(`${ROOT}/${workspace}/package.json`, 'utf8')) as { dependencies?: Record<string, string> };
      expect(
        Object.keys(manifest.dependencies ?? {}).filter((name) => BUILD_TOOLS.includes(name)),
        workspace,
      ).toEqual([]);
    }
  });

  it('builds to server/dist and runs with plain node: HTTP, Socket.IO and storage', { timeout: 60_000 }, async () => {
    execFileSync('npm', ['run', 'build:server'], { cwd: ROOT, stdio: 'ignore' });
    database = await createTestDatabase('sqlite');
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: database.url, LOG_LEVEL: 'silent' };
    delete env.DATABASE_SCHEMA;
    delete env.OPERATOR_KEY;
    delete env.NODE_OPTIONS; // nothing preloaded: no tsx
    child = spawn(process.execPath, ['server/dist/main.js'], { cwd: ROOT, env, stdio: 'ignore' });
    await untilHealthy(url, child);
    const created = await createSession(url, { title: 'Compiled', format: 'townhall' });
    const { state } = await connect(url, created.facilitatorToken);
    expect(state.session.title).toBe('Compiled');
    expect(state.townhall).toBeTruthy();
  });
});
