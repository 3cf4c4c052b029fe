import { afterEach, describe, expect, it } from 'vitest';
import type { CafeView, SeatView, SessionState } from '../../shared/src/protocol/index.js';
import { createSession, http, join, type Created, type Joined } from '../helpers/api.js';
import { createTestDatabase, startTestServer, type TestDatabase } from '../helpers/server.js';
import { closeAllSockets, command, connect, nextEvent, type ClientSocket } from '../helpers/socket.js';
import { storageTargets } from '../helpers/storage-kinds.js';
import { within } from '../helpers/wait.js';

// A café running: 30 people through three rounds, with a late arrival, a leaver, a pause and
// an extension, prompts, and a restart in the middle of a round (issue 3).

const targets = await storageTargets();
type Server = Awaited<ReturnType<typeof startTestServer>>;
const GROUPS = ['government', 'civil-society', 'academia', 'private-sector', 'technical-community'] as const;

interface Person {
  joined: Joined;
  socket: ClientSocket;
  state: SessionState;
}

/** Everyone's next `cafe:seat`, keyed by participant id. */
function nextSeats(people: readonly Person[]): Promise<Map<string, SeatView | null>> {
  return within(
    Promise.all(people.map(async (p) => [p.joined.participant.id, (await nextEvent(p.socket, 'cafe:seat'))[0].seat] as const)).then((pairs) => new Map(pairs)),
    'a seat for everyone',
  );
}

describe.each(targets)('café rounds on $kind', ({ kind, skip }) => {
  let database: TestDatabase | undefined;
  const servers: Server[] = [];

  afterEach(async () => {
    closeAllSockets();
    for (const server of servers.splice(0)) await server.close();
    await database?.drop();
    database = undefined;
  });

  async function start(port?: number): Promise<Server> {
    const server = await startTestServer({ database, ...(port !== undefined && { port }) });
    servers.push(server);
    return server;
  }

  async function cafeOf(url: string, created: Created): Promise<CafeView> {
    return (await http(url, 'GET', `/api/sessions/${created.session.id}/cafe`, { token: created.facilitatorToken })).body.cafe;
  }

  it.skipIf(skip !== undefined)('30 people through three rounds: seats, late arrival, leaver, prompts, pause and extend, restart mid-round', { timeout: 60_000 }, async () => {
    database = await createTestDatabase(kind);
    let server = await start();
    const url = server.url;
    const created = await createSession(url, { title: 'Café of thirty', attribution: 'named' });
    const people: Person[] = [];
    for (let i = 0; i < 30; i++) {
      const joined = await join(url, created.session.joinCode, {
        displayName: `Person ${i}`,
        mode: i < 20 ? 'in-room' : 'remote',
        stakeholderGroup: GROUPS[i % GROUPS.length],
      });
      people.push({ joined, ...(await connect(url, joined.token)) });
    }
    const { socket: facilitator } = await connect(url, created.facilitatorToken);
    const tables = [
      ...[1, 2, 3, 4].map((n) => ({ label: `Room ${n}`, kind: 'in-room' as const, capacity: 6 })),
      { label: 'Online A', kind: 'remote' as const, capacity: 6, videoUrl: 'https://meet.example.org/a' },
      { label: 'Online B', kind: 'remote' as const, capacity: 6, videoUrl: 'https://meet.example.org/b' },
    ];
    expect((await command(facilitator, 'cafe:set-tables', { tables })).ok).toBe(true);
    const rounds = [
      { question: 'What works today?', durationMinutes: 20 },
      { question: 'What should change?', durationMinutes: 20 },
      { question: 'Who acts first?', durationMinutes: 0.05 }, // 3 s: this one runs out by itself
    ];
    expect((await command(facilitator, 'cafe:set-rounds', { rounds })).ok).toBe(true);

    // Bad commands change nothing.
    expect(await command(facilitator, 'cafe:start-round', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await command(facilitator, 'cafe:pause-round', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await command(facilitator, 'cafe:plan', { seed: 3 })).ok).toBe(true);
    expect(await command(facilitator, 'cafe:extend-round', { minutes: 0 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await command(people[0]!.socket, 'cafe:start-round', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await cafeOf(url, created)).run).toEqual({ round: 0, timer: null });

    // Round 1: everyone learns where to go, as planned, with their tablemates by name.
    let seats = nextSeats(people);
    const live1 = within(nextEvent(people[5]!.socket, 'cafe:live'), 'the public view');
    const map1 = within(nextEvent(facilitator, 'cafe:live'), 'the table map');
    const started = await command(facilitator, 'cafe:start-round', {});
    expect(started).toMatchObject({ ok: true, run: { round: 1, timer: { status: 'running', durationMs: 20 * 60_000 } } });
    const [live] = await live1;
    expect(live).toMatchObject({ phase: 'in-round', focusRound: 1, run: { round: 1 } });
    // CAFE-PERF2: a participant's round start carries no table map (their seat says where to go); staff get it.
    expect(live.tables).toBeUndefined();
    const map = (await map1)[0].tables!;
    expect(map.reduce((sum, t) => sum + t.seated, 0)).toBe(30);
    let plan = (await cafeOf(url, created)).plan!;
    expect(plan.locked).toBe(true);
    const round1 = await seats;
    for (const person of people) {
      const seat = round1.get(person.joined.participant.id)!;
      expect(seat.round).toBe(1);
      const planned = plan.plan.rounds[0]![seat.table.id]!;
      expect(planned).toContain(person.joined.participant.id);
      const names = planned.filter((id) => id !== person.joined.participant.id).map((id) => people.find((p) => p.joined.participant.id === id)!.joined.participant.displayName);
      expect(seat.tablemates.map((t) => t.displayName).sort()).toEqual(names.sort());
      if (person.joined.participant.mode === 'remote') expect(seat.table.videoUrl).toMatch(/^https:\/\/meet\.example\.org\//);
      else expect(seat.table.videoUrl).toBeNull();
    }

    // A late arrival gets the least full in-room table; nobody else moves.
    const before = plan.plan.rounds.map((r) => JSON.stringify(r));
    const late = await join(url, created.session.joinCode, { displayName: 'Late Lina', mode: 'in-room', stakeholderGroup: 'academia' });
    const lateConn = await connect(url, late.token);
    const lateSeat = lateConn.state.cafe!.seat!;
    expect(lateSeat.round).toBe(1);
    plan = (await cafeOf(url, created)).plan!;
    const fill = (round: Record<string, string[]>, tableId: string) => round[tableId]!.length;
    const inRoomFill = map.filter((t) => t.kind === 'in-room').map((t) => t.seated);
    expect(fill(plan.plan.rounds[0]!, lateSeat.table.id) - 1).toBe(Math.min(...inRoomFill));
    plan.plan.rounds.forEach((round, r) => {
      const without = Object.fromEntries(Object.entries(round).map(([t, ids]) => [t, ids.filter((id) => id !== late.participant.id)]));
      expect(JSON.stringify(without)).toBe(before[r]);
      expect(Object.values(round).flat()).toContain(late.participant.id);
    });
    people.push({ joined: late, ...lateConn });

    // A leaver frees their seat from this round on; their tablemates are told.
    const leaver = people[1]!;
    const leaverTable = round1.get(leaver.joined.participant.id)!.table.id;
    const mate = people.find((p) => p !== leaver && round1.get(p.joined.participant.id)?.table.id === leaverTable)!;
    const mateSeat = within(
      nextEvent(mate.socket, 'cafe:seat', ({ seat }) => seat !== null && !seat.tablemates.some((t) => t.displayName === 'Person 1')),
      'the tablemate told',
    );
    expect((await http(url, 'DELETE', `/api/sessions/${created.session.id}/participants/${leaver.joined.participant.id}`, { token: created.facilitatorToken })).status).toBe(204);
    await mateSeat;
    plan = (await cafeOf(url, created)).plan!;
    expect(plan.plan.rounds.flatMap((r) => Object.values(r).flat())).not.toContain(leaver.joined.participant.id);
    people.splice(1, 1);

    // A prompt to one table reaches that table (and staff), then one to everyone reaches all.
    const atTable = people.filter((p) => (p === people.at(-1) ? lateSeat : round1.get(p.joined.participant.id))?.table.id === lateSeat.table.id);
    const elsewhere = people.filter((p) => !atTable.includes(p));
    const tableHeard = Promise.all(atTable.map((p) => nextEvent(p.socket, 'cafe:prompt')));
    const elsewhereFirst = Promise.all(elsewhere.map((p) => nextEvent(p.socket, 'cafe:prompt')));
    expect(await command(facilitator, 'cafe:prompt', { text: 'Table: two minutes to sum up', tableId: lateSeat.table.id })).toMatchObject({ ok: true });
    for (const [prompt] of await within(tableHeard, 'the table prompt'))
      expect(prompt).toMatchObject({ text: 'Table: two minutes to sum up', tableId: lateSeat.table.id, round: 1 });
    expect(await command(facilitator, 'cafe:prompt', { text: 'Everyone: please note your key ideas', tableId: null })).toMatchObject({ ok: true });
    for (const [prompt] of await within(elsewhereFirst, 'the prompt to everyone')) expect(prompt.text).toBe('Everyone: please note your key ideas');

    // Pause, extend by five minutes, resume: everyone gets the same timer; the time left grew by five minutes.
    const paused = await command(facilitator, 'cafe:pause-round', {});
    expect(paused).toMatchObject({ ok: true, run: { timer: { status: 'paused' } } });
    const leftBefore = paused.ok ? paused.run.timer!.remainingMs! : 0;
    const timerSeen = within(Promise.all(people.map((p) => nextEvent(p.socket, 'cafe:timer', ({ timer }) => timer?.durationMs === 25 * 60_000))), 'the extension seen');
    const extended = await command(facilitator, 'cafe:extend-round', { minutes: 5 });
    expect(extended).toMatchObject({ ok: true, run: { timer: { status: 'paused', remainingMs: leftBefore + 5 * 60_000 } } });
    await timerSeen;
    expect(await command(facilitator, 'cafe:resume-round', {})).toMatchObject({ ok: true, run: { timer: { status: 'running' } } });

    // Ending round 1 shows the seats for round 2 at once.
    seats = nextSeats(people);
    expect(await command(facilitator, 'cafe:end-round', {})).toMatchObject({ ok: true, run: { round: 1, timer: { status: 'ended' } } });
    const round2Preview = await seats;
    for (const seat of round2Preview.values()) expect(seat?.round).toBe(2);

    // Round 2, then a restart in the middle of it: the stored deadline and every seat survive.
    expect(await command(facilitator, 'cafe:start-round', {})).toMatchObject({ ok: true, run: { round: 2 } });
    const runBefore = (await cafeOf(url, created)).run;
    const port = server.port;
    const reconnected = Promise.all(people.map((p) => within(nextEvent(p.socket, 'session:state'), 'a reconnect', 15_000)));
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    server = await start(port);
    const states = await reconnected;
    expect((await cafeOf(server.url, created)).run).toEqual(runBefore);
    states.forEach(([state], i) => {
      expect(state.cafe?.live.run).toEqual(runBefore);
      expect(state.cafe?.seat?.table.id).toBe(round2Preview.get(people[i]!.joined.participant.id)?.table.id);
    });

    // Round 3 runs out by itself: the server ends it and everyone sees the café finished.
    const facilitatorAgain = (await connect(server.url, created.facilitatorToken)).socket;
    expect((await command(facilitatorAgain, 'cafe:end-round', {})).ok).toBe(true);
    const finished = within(Promise.all(people.map((p) => nextEvent(p.socket, 'cafe:live', (l) => l.phase === 'finished'))), 'the café finished', 15_000);
    expect(await command(facilitatorAgain, 'cafe:start-round', {})).toMatchObject({ ok: true, run: { round: 3 } });
    const [last] = (await finished)[0]!;
    expect(last.run.timer).toMatchObject({ status: 'ended' });
    expect(last.focusRound).toBeNull();
    expect(await command(facilitatorAgain, 'cafe:start-round', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it.skipIf(skip !== undefined)('TIME4 a round whose time ran out while the server was down ends as soon as it is back', { timeout: 30_000 }, async () => {
    database = await createTestDatabase(kind);
    const server = await start();
    const created = await createSession(server.url, { title: 'Short café' });
    const guest = await join(server.url, created.session.joinCode, { displayName: 'Guest', mode: 'remote' });
    const f = { token: created.facilitatorToken };
    const base = `/api/sessions/${created.session.id}/cafe`;
    await http(server.url, 'PUT', `${base}/tables`, { ...f, body: { tables: [{ label: 'Online', kind: 'remote', capacity: 4 }] } });
    await http(server.url, 'PUT', `${base}/rounds`, {
      ...f,
      body: {
        rounds: [
          { question: 'Quick?', durationMinutes: 0.02 },
          { question: 'Next?', durationMinutes: 10 },
        ],
      },
    });
    expect((await http(server.url, 'POST', `${base}/plan`, { ...f, body: {} })).status).toBe(201);
    expect((await http(server.url, 'POST', `${base}/run/start`, { ...f, body: {} })).body.run.timer.status).toBe('running');
    await server.close();
    servers.splice(0);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // the 1.2 s round runs out while the server is down
    const again = await start();
    const { state } = await connect(again.url, guest.token);
    expect(state.cafe!.live).toMatchObject({ phase: 'between-rounds', focusRound: 2, run: { round: 1, timer: { status: 'ended' } } });
    expect(state.cafe!.seat?.round).toBe(2);
  });
});
