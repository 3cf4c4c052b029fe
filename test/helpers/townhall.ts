import { afterEach, expect } from 'vitest';
import type { CreateSessionBody, JoinBody, SessionState, TownhallLive } from '../../shared/src/protocol/index.js';
import { createSession, http, join, type Created, type Joined } from './api.js';
import { createTestDatabase, startTestServer, type StorageKind, type TestDatabase, type TestServer } from './server.js';
import { closeAllSockets, connect, type ClientSocket } from './socket.js';

/** Someone in a Town Hall, connected over a real socket. */
export interface Member {
  joined: Joined;
  id: string;
  socket: ClientSocket;
  state: SessionState;
}

export interface TownHall {
  url: string;
  created: Created;
  facilitator: { socket: ClientSocket; state: SessionState };
  /** The base path of its HTTP endpoints. */
  base: string;
}

/** A Town Hall session with the facilitator connected. */
export async function openTownHall(url: string, body: Partial<CreateSessionBody> = {}): Promise<TownHall> {
  const created = await createSession(url, { title: 'Town Hall', format: 'townhall', attribution: 'group', ...body });
  const facilitator = await connect(url, created.facilitatorToken);
  return { url, created, facilitator, base: `/api/sessions/${created.session.id}/townhall` };
}

/** Joins and connects someone, optionally giving them a role. */
export async function member(th: TownHall, body: Partial<JoinBody> & { as?: 'moderator' | 'captioner' } = {}): Promise<Member> {
  const { as, ...joinBody } = body;
  const joined = await join(th.url, th.created.session.joinCode, joinBody);
  if (as) {
    const set = await http(th.url, 'PATCH', `/api/sessions/${th.created.session.id}/participants/${joined.participant.id}`, {
      token: th.created.facilitatorToken,
      body: { role: as },
    });
    expect(set.status).toBe(200);
  }
  const { socket, state } = await connect(th.url, joined.token);
  return { joined, id: joined.participant.id, socket, state };
}

/** The Town Hall as a token sees it, by HTTP (from the server's copy). */
export async function townhallAs(th: TownHall, token: string, url = th.url): Promise<TownhallLive> {
  const result = await http(url, 'GET', th.base, { token });
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return result.body.townhall as TownhallLive;
}

/** Collects every payload of one event on a socket, for checking what did (not) arrive. */
export function record<T>(socket: ClientSocket, event: string): T[] {
  const seen: T[] = [];
  (socket.on as (event: string, listener: (payload: T) => void) => void)(event, (payload) => seen.push(payload));
  return seen;
}

/**
 * Servers for one test at a time on one storage kind: `start()` makes the database on first use
 * (a restart passes the same port); everything is closed and dropped after each test.
 */
export function serversPerTest(kind: StorageKind): {
  start(options?: { port?: number; env?: Record<string, string> }): Promise<TestServer>;
  stop(server: TestServer): Promise<void>;
} {
  let database: TestDatabase | undefined;
  const servers: TestServer[] = [];
  afterEach(async () => {
    closeAllSockets();
    for (const server of servers.splice(0)) await server.close();
    await database?.drop();
    database = undefined;
  });
  return {
    async start(options = {}) {
      database ??= await createTestDatabase(kind);
      const server = await startTestServer({ database, ...options });
      servers.push(server);
      return server;
    },
    async stop(server) {
      servers.splice(servers.indexOf(server), 1);
      await server.close();
    },
  };
}
