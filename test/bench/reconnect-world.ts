// The people of `npm run bench:reconnect`: N real socket.io clients with the web client's own
// reconnection settings, each recording when it got fresh state after a restart.
import { io, type Socket } from 'socket.io-client';
import { CLOCK_RESYNC_SPREAD, RECONNECT_OPTIONS } from '../../client/src/net/reconnect-options.js';
import type { ClientToServerEvents, ServerToClientEvents, SessionState } from '../../shared/src/protocol/index.js';
import { PROTOCOL_VERSION } from '../../shared/src/version.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
export type Scenario = 'townhall' | 'cafe' | 'floor';

const JOIN_CONCURRENCY = 50;
const CONNECT_CONCURRENCY = 100;
const SETUP_TIMEOUT = 180_000; // ms for one client's first state, or one command's ack (a loaded machine is slow)

export const now = () => performance.timeOrigin + performance.now(); // ms, one clock for the run

/** One connected person and what happened to them across the restart. */
export interface Tracked {
  socket: Client;
  /** Had a café seat before the restart, so fresh state must carry one again. */
  seated: boolean;
  /** When fresh state (with the seat, if seated) arrived after the restart. */
  freshAt: number | null;
  /** connect_error events since the restart, before and after the new server listened. */
  errorsWhileDown: number;
  errorsAfterUp: number;
}

export interface Restart {
  killedAt: number | null;
  listeningAt: number | null;
  fresh: number;
  onAllFresh: () => void;
  /** Every client made, so a run that fails half-way still closes them all. */
  sockets: Client[];
  /** Only to take load off the clients' own process: the web client starts with long-polling. */
  websocketOnly: boolean;
  /** connect_error messages once the new server listens ("timeout": the 20 s connect timeout), with counts. */
  errorsAfterUp: Map<string, number>;
  /** Events the clients received after the kill, by name (what the storm cost in messages). */
  eventsAfterKill: Map<string, number>;
}

export async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map((item, j) => work(item, i + j)))));
  return out;
}

async function post<T>(base: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

function command(socket: Client, event: keyof ClientToServerEvents, payload: unknown): Promise<{ ok: boolean } & Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${event}: no ack`)), SETUP_TIMEOUT);
    (socket.emit as (...args: unknown[]) => void)(event, payload, (reply: { ok: boolean }) => {
      clearTimeout(timer);
      if (!reply.ok) reject(new Error(`${event}: ${JSON.stringify(reply)}`));
      else resolve(reply);
    });
  });
}

const CLOCK_SAMPLES = 5; // as client/src/net/realtime.ts
const ACK_TIMEOUT = 10_000; // ms, as client/src/net/realtime.ts

async function measureClock(socket: Client): Promise<void> {
  for (let i = 0; i < CLOCK_SAMPLES; i++) {
    const ok = await new Promise<boolean>((resolve) =>
      socket.timeout(ACK_TIMEOUT).emit('clock:ping', {}, (error: Error | null, reply?: { ok: boolean }) => resolve(!error && reply?.ok === true)),
    );
    if (!ok) return;
  }
}

/** Connects one client as the web client does, waiting for its first state. */
function connectOne(base: string, token: string, restart: Restart, total: () => number): Promise<Tracked> {
  const socket: Client = io(base, {
    auth: { token, version: PROTOCOL_VERSION },
    ...RECONNECT_OPTIONS,
    forceNew: true,
    ...(restart.websocketOnly && { transports: ['websocket'] }),
  });
  restart.sockets.push(socket);
  const tracked: Tracked = { socket, seated: false, freshAt: null, errorsWhileDown: 0, errorsAfterUp: 0 };
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect') socket.connect(); // as client/src/net/realtime.ts
  });
  // As the web client: the first connect measures the clock offset with a few pings, a reconnect after a random pause.
  let connectedBefore = false;
  socket.on('connect', () => {
    if (!connectedBefore) void measureClock(socket);
    else setTimeout(() => socket.connected && void measureClock(socket), Math.random() * CLOCK_RESYNC_SPREAD).unref();
    connectedBefore = true;
  });
  socket.onAny((event: string) => {
    if (restart.killedAt !== null) restart.eventsAfterKill.set(event, (restart.eventsAfterKill.get(event) ?? 0) + 1);
  });
  socket.on('connect_error', (error) => {
    if (restart.killedAt === null) return;
    if (restart.listeningAt === null) tracked.errorsWhileDown++;
    else {
      tracked.errorsAfterUp++;
      restart.errorsAfterUp.set(error.message, (restart.errorsAfterUp.get(error.message) ?? 0) + 1);
    }
  });
  socket.on('cafe:seat', ({ seat }) => {
    if (restart.killedAt === null) tracked.seated = seat !== null;
  });
  const onState = (state: SessionState) => {
    if (restart.killedAt === null) {
      tracked.seated = Boolean(state.cafe?.seat);
      return;
    }
    if (tracked.freshAt !== null || (tracked.seated && !state.cafe?.seat)) return;
    tracked.freshAt = now();
    if (++restart.fresh === total()) restart.onAllFresh();
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no first state')), SETUP_TIMEOUT);
    socket.once('session:state', (state) => {
      clearTimeout(timer);
      onState(state);
      socket.on('session:state', onState);
      resolve(tracked);
    });
  });
}

/**
 * Creates the scenario's session on `base` and connects N people (plus the facilitator):
 * a Town Hall; a café with tables, a locked plan and round 1 running; or, for the bare
 * floor server, N clients with made-up tokens.
 */
export async function populate(base: string, scenario: Scenario, n: number, restart: Restart): Promise<Tracked[]> {
  const clients: Tracked[] = [];
  const total = () => clients.length;
  if (scenario === 'floor') {
    clients.push(
      ...(await inBatches(
        Array.from({ length: n }, (_, i) => i),
        CONNECT_CONCURRENCY,
        (i) => connectOne(base, `floor-${i}`, restart, total),
      )),
    );
    return clients;
  }
  const created = await post<{ session: { joinCode: string }; facilitatorToken: string }>(base, '/api/sessions', {
    title: `Restart bench ${scenario}`,
    format: scenario,
    attribution: 'group',
  });
  const groups = ['government', 'private-sector', 'civil-society', 'academia', 'technical-community', 'intergovernmental', 'other'];
  const joined = await inBatches(
    Array.from({ length: n }, (_, i) => i),
    JOIN_CONCURRENCY,
    (i) =>
      post<{ token: string }>(base, '/api/join', {
        joinCode: created.session.joinCode,
        displayName: `P${i}`,
        stakeholderGroup: groups[i % groups.length],
        mode: i % 3 === 0 ? 'remote' : 'in-room',
      }),
  );
  clients.push(await connectOne(base, created.facilitatorToken, restart, total));
  clients.push(...(await inBatches(joined, CONNECT_CONCURRENCY, (person) => connectOne(base, person.token, restart, total))));
  if (scenario === 'cafe') {
    const facilitator = clients[0]!.socket;
    await command(facilitator, 'cafe:set-rounds', { rounds: [1, 2, 3].map((r) => ({ question: `Question ${r}?`, durationMinutes: 60 })) });
    await command(facilitator, 'cafe:make-tables', { tableSize: 8 });
    await command(facilitator, 'cafe:plan', { seed: 7 });
    await command(facilitator, 'cafe:start-round', {}); // locks the plan; everyone gets a seat
    const seatedAll = clients.slice(1).every((c) => c.seated);
    if (!seatedAll) await untilSeated(clients.slice(1));
    // The plan seated everyone already; the start's seats are emitted before its ack, but may still
    // be on their way. A ping answered to each client comes after them: kill only once they are in.
    await inBatches(clients, CONNECT_CONCURRENCY, (c) => command(c.socket, 'clock:ping', {}));
  }
  return clients;
}

/** Seats arrive as events after the start's ack: wait for them (bounded). */
function untilSeated(clients: Tracked[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${clients.filter((c) => c.seated).length} of ${clients.length} seated`)), SETUP_TIMEOUT);
    const check = () => {
      if (!clients.every((c) => c.seated)) return;
      clearTimeout(timer);
      for (const c of clients) for (const event of ['cafe:seat', 'session:state'] as const) c.socket.off(event, check);
      resolve();
    };
    // A seat arrives as `cafe:seat`, or in `session:state` after a reconnect during set-up.
    for (const c of clients) for (const event of ['cafe:seat', 'session:state'] as const) c.socket.on(event, check);
    check();
  });
}
