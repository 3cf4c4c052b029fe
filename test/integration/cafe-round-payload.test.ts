import { afterEach, describe, expect, it } from 'vitest';
import type { Attribution } from '../../shared/src/domain/words.js';
import type { CafeView, PromptView } from '../../shared/src/protocol/index.js';
import { createSession, http, join, type Created, type Joined } from '../helpers/api.js';
import { startTestServer } from '../helpers/server.js';
import { closeAllSockets, command, connect, nextEvent, type ClientSocket } from '../helpers/socket.js';
import { within } from '../helpers/wait.js';

// CAFE-PERF1–3 (docs/seating.md): at a round start a participant receives their seat (their table,
// their tablemates as the attribution allows), the round and its timer, and nothing of the other
// tables' people; staff and the projector get the table map. Table rooms rebuilt a table at a time
// still carry a table prompt to exactly that table.

type Server = Awaited<ReturnType<typeof startTestServer>>;
const GROUPS = ['government', 'civil-society', 'academia', 'private-sector', 'technical-community'] as const;
const PEOPLE = 9;

interface Person {
  joined: Joined;
  socket: ClientSocket;
}

/** Every event a socket receives from now on, as sent. */
function record(socket: ClientSocket): { event: string; payload: unknown }[] {
  const seen: { event: string; payload: unknown }[] = [];
  socket.onAny((event: string, payload: unknown) => seen.push({ event, payload }));
  return seen;
}

/** A clock ping answered after everything the server sent this socket before it. */
async function drained(socket: ClientSocket): Promise<void> {
  expect((await command(socket, 'clock:ping', {})).ok).toBe(true);
}

describe('CAFE-PERF a participant gets only their own seat at a round start', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    closeAllSockets();
    for (const server of servers.splice(0)) await server.close();
  });

  async function cafe(attribution: Attribution) {
    const server = await startTestServer({});
    servers.push(server);
    const url = server.url;
    const created = await createSession(url, { title: 'Café of nine', format: 'cafe', attribution });
    const facilitator = (await connect(url, created.facilitatorToken)).socket;
    const projector = (await connect(url, created.projectorKey)).socket;
    const people: Person[] = [];
    for (let i = 0; i < PEOPLE; i++) {
      const joined = await join(url, created.session.joinCode, {
        displayName: `Quillon Person${i}`,
        mode: i % 2 === 0 ? 'in-room' : 'remote',
        stakeholderGroup: GROUPS[i % GROUPS.length],
      });
      people.push({ joined, socket: (await connect(url, joined.token)).socket });
    }
    const tables = [1, 2, 3].map((n) => ({ label: `T${n}`, kind: 'hybrid' as const, capacity: 3, videoUrl: `https://meet.example.org/t${n}` }));
    expect((await command(facilitator, 'cafe:set-tables', { tables })).ok).toBe(true);
    const rounds = [1, 2].map((n) => ({ question: `Question ${n}?`, durationMinutes: 20 }));
    expect((await command(facilitator, 'cafe:set-rounds', { rounds })).ok).toBe(true);
    // The plan's announcement (map and seats for everyone) comes after the ack: let it arrive first.
    const planned = people.map((p) =>
      within(
        nextEvent(p.socket, 'cafe:seat', ({ seat }) => seat !== null),
        'a planned seat',
      ),
    );
    expect((await command(facilitator, 'cafe:plan', { seed: 5 })).ok).toBe(true);
    await Promise.all(planned);
    return { url, created, facilitator, projector, people };
  }

  async function planOf(url: string, created: Created): Promise<NonNullable<CafeView['plan']>> {
    return (await http(url, 'GET', `/api/sessions/${created.session.id}/cafe`, { token: created.facilitatorToken })).body.cafe.plan;
  }

  /** Starts the next round; returns what `person` received for it, once it has its seat and the round. */
  async function roundStart(facilitator: ClientSocket, screens: ClientSocket[], person: Person, round: number) {
    const seen = record(person.socket);
    const seat = within(
      nextEvent(person.socket, 'cafe:seat', ({ seat: s }) => s?.round === round),
      'a seat',
    );
    const live = within(
      nextEvent(person.socket, 'cafe:live', (l) => l.run.round === round && l.phase === 'in-round'),
      'the round',
    );
    const maps = screens.map((screen) =>
      within(
        nextEvent(screen, 'cafe:live', (l) => l.run.round === round),
        'the table map',
      ),
    );
    expect((await command(facilitator, 'cafe:start-round', {})).ok).toBe(true);
    await Promise.all([seat, live]);
    await drained(person.socket);
    const mapsSeen = (await Promise.all(maps)).map(([view]) => view);
    return { seen, mapsSeen };
  }

  it('CAFE-PERF1 CAFE-PERF2 named: names of their tablemates only, no table map; staff and the projector get the map', { timeout: 30_000 }, async () => {
    const { url, created, facilitator, projector, people } = await cafe('named');
    const person = people[0]!;
    const { seen, mapsSeen } = await roundStart(facilitator, [facilitator, projector], person, 1);
    const plan = await planOf(url, created);
    const myTable = Object.entries(plan.plan.rounds[0]!).find(([, ids]) => ids.includes(person.joined.participant.id))!;
    const elsewhere = people.filter((p) => !myTable[1].includes(p.joined.participant.id));
    expect(elsewhere.length).toBeGreaterThan(0);
    const text = JSON.stringify(seen);
    for (const other of elsewhere) expect(text).not.toContain(other.joined.participant.displayName!);
    for (const mate of people.filter((p) => p !== person && myTable[1].includes(p.joined.participant.id))) expect(text).toContain(mate.joined.participant.displayName!);
    // No one's participant id leaves the server either, and no map of the tables.
    for (const other of people) expect(text).not.toContain(other.joined.participant.id);
    for (const { event, payload } of seen) if (event === 'cafe:live') expect(payload).not.toHaveProperty('tables');
    for (const map of mapsSeen) expect(map.tables?.reduce((sum, t) => sum + t.seated, 0)).toBe(PEOPLE);
  });

  it('CAFE-PERF1 anonymous: the round start carries no name, group or mode of anyone, and the table is theirs', { timeout: 30_000 }, async () => {
    const { facilitator, people } = await cafe('anonymous');
    const person = people[4]!;
    const { seen } = await roundStart(facilitator, [], person, 1);
    const text = JSON.stringify(seen);
    for (const other of people) expect(text).not.toContain(other.joined.participant.displayName!);
    for (const word of [...GROUPS, 'in-room', 'remote']) expect(text).not.toContain(`"${word}"`);
    const seats = seen.filter((s) => s.event === 'cafe:seat');
    expect(seats).toHaveLength(1);
    const { seat } = seats[0]!.payload as { seat: { tablemates: object[]; host: object | null } };
    expect(seat.tablemates.length).toBeGreaterThan(0);
    for (const mate of [...seat.tablemates, ...(seat.host ? [seat.host] : [])]) expect(mate).toMatchObject({ displayName: null, stakeholderGroup: null, mode: null });
  });

  it('CAFE-PERF3 after a reseat, a table prompt reaches the people at that table in the new round and nobody else', { timeout: 30_000 }, async () => {
    const { url, created, facilitator, people } = await cafe('group');
    await roundStart(facilitator, [], people[0]!, 1);
    expect((await command(facilitator, 'cafe:end-round', {})).ok).toBe(true);
    await roundStart(facilitator, [], people[0]!, 2);
    const plan = await planOf(url, created);
    const [tableId, ids] = Object.entries(plan.plan.rounds[1]!)[0]!;
    const got = people.map(() => [] as PromptView[]);
    people.forEach((p, i) => p.socket.on('cafe:prompt', (prompt) => got[i]!.push(prompt)));
    expect((await command(facilitator, 'cafe:prompt', { text: 'Table one: sum up', tableId })).ok).toBe(true);
    for (const p of people) await drained(p.socket);
    people.forEach((p, i) => expect(got[i]!.map((x) => x.text)).toEqual(ids.includes(p.joined.participant.id) ? ['Table one: sum up'] : []));
  });
});
