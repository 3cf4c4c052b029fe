import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { EngineConfig } from './content/machine/engines.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every setting, read once from the environment; documented in README.md's table. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  /** PostgreSQL only: work inside this schema (created if missing). */
  databaseSchema: string | undefined;
  /** When set, creating a session needs `Authorization: Bearer <operatorKey>`. */
  operatorKey: string | undefined;
  /** The public origin used in links (https://talks.example.org); otherwise taken from each request. */
  publicUrl: string | undefined;
  /**
   * Without publicUrl: the host names a request's Host header may carry for links to be built
   * from it (LINK1). Other hosts get relative links, so a forged Host never carries a secret away.
   */
  allowedHosts: string[] | undefined;
  /** Number of proxies in front of the server, for client IPs and https detection. */
  trustProxy: number;
  logLevel: string;
  /** The built client to serve; absent in API-only setups. */
  clientDir: string;
  limits: {
    createPerWindow: number; // sessions created per IP per 10 minutes
    joinPerMinute: number; // joins per IP per minute (a venue's Wi-Fi is one IP)
    previewPerMinute: number; // join-code previews per IP per minute, a budget apart from joining
    joinFailuresPerMinute: number; // wrong join codes (preview or join) per IP per minute
    commandsPer10s: number; // commands per participant per 10 seconds, Socket.IO and HTTP together
    socketsPerPerson: number; // open Socket.IO connections per participant; the oldest closes first
    questionsPerMinute: number; // Town Hall questions asked per participant per minute
    votesPer10s: number; // Town Hall votes (questions and polls) per participant per 10 seconds
    handsPerMinute: number; // hands raised per participant per minute
    contributionsPerMinute: number; // consultation contributions, edits, comments, flags, statements per participant per minute
  };
  notepads: {
    maxDocumentBytes: number; // bytes: a notepad's whole Yjs document
    messagesPer10s: number; // y-websocket messages (edits, cursor moves) per person per 10 seconds, across their connections
    connectionsPerPerson: number; // open notepad connections per person; a new one past it closes their oldest
    idleUnloadMs: number; // ms without a connection before a document leaves memory
  };
  /** The mailer: `smtp://user:pass@host:587`; unset, nothing is ever mailed ("send me my link again" is off). */
  smtpUrl: string | undefined;
  /** The From of every mail. */
  mailFrom: string;
  /** ms without a command, a read or a connection before a Town Hall room and its people leave memory (MEM1). */
  townhallIdleUnloadMs: number;
  /** Several nodes behind a proxy (docs/cluster.md); absent, this process is the whole server. */
  cluster: ClusterConfig | undefined;
  /** Machine translation (docs/languages.md "Machine translation"): `none`, the default, is off for every session. */
  translate: EngineConfig;
}

/** Set when REDIS_URL is: the nodes share Redis (adapter, leases, limits) and PostgreSQL. */
export interface ClusterConfig {
  redisUrl: string;
  /** This node's name, unique in the cluster (default: host name and port). */
  nodeId: string;
  /** How the other nodes reach this one directly, not through the proxy (http://10.0.0.5:3000). */
  nodeUrl: string;
  /** Shared by the nodes: a forwarded request carries it, so nothing from outside can pose as a node. */
  secret: string;
  /** ms a session's lease lasts without renewal: how long a dead node's sessions wait for a new owner. */
  leaseMs: number;
  /** Put before every Redis key and stream of this cluster, so two clusters (or test runs) can share one Redis. */
  redisPrefix: string;
}

const env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().min(1).default('sqlite:./data/open-talks.sqlite'),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .optional(),
  OPERATOR_KEY: z.string().min(16).optional(),
  PUBLIC_URL: z.url().optional(),
  ALLOWED_HOSTS: z.string().optional(),
  TRUST_PROXY: z.coerce.number().int().min(0).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CLIENT_DIR: z.string().default(`${ROOT}client/dist`),
  RATE_CREATE_PER_10MIN: z.coerce.number().int().min(1).default(30),
  RATE_JOIN_PER_MIN: z.coerce.number().int().min(1).default(600),
  RATE_PREVIEW_PER_MIN: z.coerce.number().int().min(1).default(1200),
  RATE_JOIN_FAILURES_PER_MIN: z.coerce.number().int().min(1).default(30),
  RATE_COMMANDS_PER_10S: z.coerce.number().int().min(1).default(100),
  SOCKETS_PER_PERSON: z.coerce.number().int().min(1).default(8),
  NOTEPAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(2 * 1024 * 1024),
  NOTEPAD_MESSAGES_PER_10S: z.coerce.number().int().min(1).default(1000),
  NOTEPAD_CONNECTIONS_PER_PERSON: z.coerce.number().int().min(1).default(16),
  NOTEPAD_IDLE_UNLOAD_MS: z.coerce.number().int().min(0).default(30_000),
  TOWNHALL_IDLE_UNLOAD_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(5 * 60_000),
  RATE_QUESTIONS_PER_MIN: z.coerce.number().int().min(1).default(5),
  RATE_VOTES_PER_10S: z.coerce.number().int().min(1).default(60),
  RATE_HANDS_PER_MIN: z.coerce.number().int().min(1).default(10),
  RATE_CONTRIBUTIONS_PER_MIN: z.coerce.number().int().min(1).default(20),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//)
    .optional(),
  MAIL_FROM: z.string().min(3).default('Open Talks <no-reply@localhost>'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//)
    .optional(),
  NODE_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/)
    .optional(),
  NODE_URL: z.url().optional(),
  CLUSTER_SECRET: z.string().min(16).optional(),
  LEASE_MS: z.coerce.number().int().min(1000).default(6000),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:._-]{1,64}$/)
    .default('ot:'),
  TRANSLATE_ENGINE: z.enum(['none', 'libretranslate', 'apertium']).default('none'),
  TRANSLATE_URL: z.url().optional(),
  TRANSLATE_API_KEY: z.string().min(1).optional(),
  TRANSLATE_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
});

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = env.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseSchema: e.DATABASE_SCHEMA,
    operatorKey: e.OPERATOR_KEY,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    allowedHosts: e.ALLOWED_HOSTS?.split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    clientDir: e.CLIENT_DIR,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    limits: {
      createPerWindow: e.RATE_CREATE_PER_10MIN,
      joinPerMinute: e.RATE_JOIN_PER_MIN,
      previewPerMinute: e.RATE_PREVIEW_PER_MIN,
      joinFailuresPerMinute: e.RATE_JOIN_FAILURES_PER_MIN,
      commandsPer10s: e.RATE_COMMANDS_PER_10S,
      socketsPerPerson: e.SOCKETS_PER_PERSON,
      questionsPerMinute: e.RATE_QUESTIONS_PER_MIN,
      votesPer10s: e.RATE_VOTES_PER_10S,
      handsPerMinute: e.RATE_HANDS_PER_MIN,
      contributionsPerMinute: e.RATE_CONTRIBUTIONS_PER_MIN,
    },
    notepads: {
      maxDocumentBytes: e.NOTEPAD_MAX_BYTES,
      messagesPer10s: e.NOTEPAD_MESSAGES_PER_10S,
      connectionsPerPerson: e.NOTEPAD_CONNECTIONS_PER_PERSON,
      idleUnloadMs: e.NOTEPAD_IDLE_UNLOAD_MS,
    },
    townhallIdleUnloadMs: e.TOWNHALL_IDLE_UNLOAD_MS,
    cluster: clusterConfig(e),
    translate: translateConfig(e),
  };
}

function translateConfig(e: z.infer<typeof env>): EngineConfig {
  if (e.TRANSLATE_ENGINE !== 'none' && !e.TRANSLATE_URL) throw new Error(`Invalid configuration:\n  TRANSLATE_URL: required with TRANSLATE_ENGINE=${e.TRANSLATE_ENGINE}`);
  return { engine: e.TRANSLATE_ENGINE, url: e.TRANSLATE_URL, apiKey: e.TRANSLATE_API_KEY, timeoutMs: e.TRANSLATE_TIMEOUT_MS };
}

function clusterConfig(e: z.infer<typeof env>): ClusterConfig | undefined {
  if (!e.REDIS_URL) return undefined;
  if (!e.CLUSTER_SECRET) throw new Error('Invalid configuration:\n  CLUSTER_SECRET: required with REDIS_URL (at least 16 characters, the same on every node)');
  if (!e.DATABASE_URL.startsWith('postgres')) throw new Error('Invalid configuration:\n  DATABASE_URL: several nodes need PostgreSQL (postgres://…); SQLite is one machine only');
  return {
    redisUrl: e.REDIS_URL,
    nodeId: e.NODE_ID ?? `${hostname()}-${e.PORT}`,
    nodeUrl: (e.NODE_URL ?? `http://127.0.0.1:${e.PORT}`).replace(/\/$/, ''),
    secret: e.CLUSTER_SECRET,
    leaseMs: e.LEASE_MS,
    redisPrefix: e.REDIS_PREFIX,
  };
}
