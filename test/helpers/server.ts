import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { closeAllSockets } from './socket.js';
import pino, { type Logger } from 'pino';
import { loadConfig, startServer, type Config, type RunningServer } from '../../server/src/app.js';
import { postgresUrl } from './environment.js';
import { freePort } from './child-server.js';

export type StorageKind = 'sqlite' | 'postgres';

/** A place to keep data that outlives one server: a temp SQLite file, or a fresh PostgreSQL schema. */
export interface TestDatabase {
  kind: StorageKind;
  url: string;
  schema: string | undefined;
  /** Removes the file or drops the schema. */
  drop(): Promise<void>;
}

export async function createTestDatabase(kind: StorageKind): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'open-talks-test-'));
    return {
      kind,
      url: `sqlite:${join(dir, 'db.sqlite')}`,
      schema: undefined,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  return {
    kind,
    url: postgresUrl,
    schema,
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}

export interface StartOptions {
  /** Reuse a database (to test restarts); a fresh SQLite one otherwise. */
  database?: TestDatabase;
  /** Keep the same port across a restart so clients reconnect to it. */
  port?: number;
  env?: Record<string, string>;
  /** The server's logger (to read what it logs); quiet by default. */
  log?: Logger;
}

/**
 * Starts the real server on 127.0.0.1 and an ephemeral port (or `port`), quiet logs,
 * generous HTTP rate limits unless a test sets its own.
 */
export async function startTestServer(options: StartOptions = {}): Promise<RunningServer & { database: TestDatabase; config: Config }> {
  const database = options.database ?? (await createTestDatabase('sqlite'));
  // A cluster node must know the address the others reach it at (NODE_URL) before it listens.
  const clusterPort = options.env?.REDIS_URL && !options.env.NODE_URL ? (options.port ?? (await freePort())) : undefined;
  const config = loadConfig({
    PORT: String(clusterPort ?? options.port ?? 0),
    ...(clusterPort !== undefined && { NODE_URL: `http://127.0.0.1:${clusterPort}` }),
    HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    ...(database.schema && { DATABASE_SCHEMA: database.schema }),
    LOG_LEVEL: 'silent',
    RATE_JOIN_PER_MIN: '100000',
    RATE_CREATE_PER_10MIN: '100000',
    RATE_COMMANDS_PER_10S: '100000',
    RATE_QUESTIONS_PER_MIN: '100000',
    RATE_VOTES_PER_10S: '100000',
    RATE_HANDS_PER_MIN: '100000',
    RATE_CONTRIBUTIONS_PER_MIN: '100000',
    ...options.env,
  });
  const server = await startServer(config, options.log ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }));
  return Object.assign(server, { database, config });
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/**
 * One server for a whole test file: started before the first test (and handed to `use`),
 * sockets closed after each test, server and database gone after the last.
 */
export function serverForFile(use: (server: TestServer) => void, options: StartOptions = {}): void {
  let started: TestServer | undefined;
  beforeAll(async () => {
    started = await startTestServer(options);
    use(started);
  });
  afterEach(() => closeAllSockets());
  afterAll(async () => {
    await started?.close();
    await started?.database.drop();
  });
}
