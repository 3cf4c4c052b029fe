import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import { migrateToLatest } from './migrations.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** A printable description with no credentials in it. */
  describe: string;
}

export interface DatabaseOptions {
  /** `postgres://…`, `sqlite:<path>`, a plain file path, or `:memory:`. */
  url: string;
  /** PostgreSQL only: the schema to work in (tests use one per run). */
  pgSchema?: string;
}

const PG_INT8_OID = 20;

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

async function openPostgres(url: string, schema: string | undefined): Promise<DatabaseHandle> {
  // Loaded only when used: one module less for every SQLite start (a restart's clients wait for it).
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // Epoch-ms columns are BIGINT; they fit a JS number exactly, so read them as numbers.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
        oid === PG_INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const safe = new URL(url);
  safe.password = '';
  return {
    db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
    dialect: 'postgres',
    describe: `postgres ${safe.host}${safe.pathname}${schema ? ` (schema ${schema})` : ''}`,
  };
}

// Distinct SQL texts kept compiled; the app has a few hundred, so this is a bound, not a working limit.
const STATEMENTS_KEPT = 1_000;

/**
 * Kysely asks better-sqlite3 to compile every query again (a third of the busy time under load);
 * the same SQL text gets the same compiled statement instead. Kysely runs one query at a time on
 * the connection, so a statement is never used by two queries at once.
 */
function reusingStatements(database: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement) {
        // Least recently used goes first: one-off batch texts must not push out the hot ones (TH-PERF5).
        statements.delete(sql);
        statements.set(sql, statement);
      } else {
        if (statements.size >= STATEMENTS_KEPT) statements.delete(statements.keys().next().value!);
        statement = database.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

function openSqlite(url: string): DatabaseHandle {
  const path = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url;
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const database = new SQLite(path);
  // WAL + NORMAL survives a killed process (every committed write is in the WAL);
  // only a power cut can lose the last moments. FULL would fsync every vote.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: reusingStatements(database) }) }),
    dialect: 'sqlite',
    describe: `sqlite ${path}`,
  };
}

/** Opens the database named by the URL and brings its schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const handle = isPostgresUrl(options.url) ? await openPostgres(options.url, options.pgSchema) : openSqlite(options.url);
  if (handle.dialect === 'postgres' && options.pgSchema) {
    await handle.db.schema.createSchema(options.pgSchema).ifNotExists().execute();
  }
  await migrateToLatest(handle.db, handle.dialect === 'postgres' ? options.pgSchema : undefined);
  return handle;
}
