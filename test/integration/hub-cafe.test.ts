import { describe, expect, it, vi } from 'vitest';
import type { CafeView } from '../../shared/src/protocol/index.js';
import { createSession, http, join, type Created, type Joined } from '../helpers/api.js';
import { command, connect } from '../helpers/socket.js';
import { storageTargets } from '../helpers/storage-kinds.js';
import { serversPerTest } from '../helpers/townhall.js';

// SEAT11, HUB50, HUB51, HUB52 (docs/hubs.md, docs/seating.md): a hub joining a café gets a table of
// its own with no facilitator action; the plan seats it there alone every round, nobody else
// there; it finds that table as its seat, late arrival included; under anonymous attribution the
// table's label tells nothing of the hub.

const targets = await storageTargets();

const NAIROBI = { name: 'Nairobi hub', place: 'iHub, Nairobi', headcount: 25, groups: ['civil-society' as const, 'academia' as const] };
const GROUPS = ['government', 'civil-society', 'academia', 'private-sector'] as const;
const TABLES = [
  { label: 'Room 1', kind: 'in-room' as const, capacity: 4 },
  { label: 'Room 2', kind: 'in-room' as const, capacity: 4 },
  { label: 'Online', kind: 'remote' as const, capacity: 4, videoUrl: 'https://meet.example.org/online' },
];
const ROUNDS = [1, 2, 3].map((n) => ({ question: `Question ${n}?`, durationMinutes: 20 }));

async function cafeOf(url: string, created: Created): Promise<CafeView> {
  return (await http(url, 'GET', `/api/sessions/${created.session.id}/cafe`, { token: created.facilitatorToken })).body.cafe;
}

/** The café once `check` passes: a hub's table is made after its join is answered. */
async function cafeWhen(url: string, created: Created, check: (cafe: CafeView) => void): Promise<CafeView> {
  let seen: CafeView | undefined;
  await vi.waitFor(
    async () => {
      seen = await cafeOf(url, created);
      check(seen);
    },
    { timeout: 15_000, interval: 200 },
  );
  return seen!;
}

async function people(url: string, created: Created, count: number): Promise<Joined[]> {
  const joined: Joined[] = [];
  for (let i = 0; i < count; i++) {
    joined.push(await join(url, created.session.joinCode, { displayName: `Person ${i}`, mode: i < 6 ? 'in-room' : 'remote', stakeholderGroup: GROUPS[i % GROUPS.length] }));
  }
  return joined;
}

describe.each(targets)('hubs in a café on $kind', ({ kind, skip }) => {
  const { start } = serversPerTest(kind);

  it.skipIf(Boolean(skip))(
    'SEAT11 HUB50 HUB51 a hub gets its own table when it joins; the plan seats it there alone; it sees that table as its seat',
    { timeout: 60_000 },
    async () => {
      const { url } = await start();
      const created = await createSession(url, { title: 'Café with a hub', attribution: 'named' });
      const joined = await people(url, created, 8);
      const others = joined.map((p) => p.participant.id);
      const hub = await join(url, created.session.joinCode, { displayName: 'Coordinator', mode: 'remote', stakeholderGroup: 'civil-society', role: 'hub', hub: NAIROBI });
      const hubId = hub.participant.id;
      const withHub = await cafeWhen(url, created, (cafe) => expect(cafe.tables).toHaveLength(1));
      const hubTable = withHub.tables[0]!;
      expect(hubTable).toMatchObject({ label: 'Nairobi hub', kind: 'remote', capacity: 1, hostParticipantId: null, hubParticipantId: hubId });

      // The facilitator's tables leave the hub's table as it is.
      const { socket: facilitator } = await connect(url, created.facilitatorToken);
      expect((await command(facilitator, 'cafe:set-tables', { tables: TABLES })).ok).toBe(true);
      expect((await command(facilitator, 'cafe:set-rounds', { rounds: ROUNDS })).ok).toBe(true);
      let cafe = await cafeOf(url, created);
      expect(cafe.tables.map((t) => t.label)).toEqual(['Room 1', 'Room 2', 'Online', 'Nairobi hub']);
      expect(cafe.tables[3]).toEqual(hubTable);
      // "Make tables" (for whoever is here) keeps it too.
      await connect(url, joined[0]!.token);
      expect((await command(facilitator, 'cafe:make-tables', { tableSize: 4 })).ok).toBe(true);
      expect((await cafeOf(url, created)).tables.filter((t) => t.hubParticipantId !== null)).toEqual([hubTable]);
      expect((await command(facilitator, 'cafe:set-tables', { tables: TABLES })).ok).toBe(true);

      expect((await command(facilitator, 'cafe:plan', { seed: 7 })).ok).toBe(true);
      cafe = await cafeOf(url, created);
      const plan = cafe.plan!.plan;
      expect(plan.rounds).toHaveLength(3);
      for (const round of plan.rounds) {
        expect(round[hubTable.id]).toEqual([hubId]);
        const seated = Object.entries(round).flatMap(([tableId, ids]) => (tableId === hubTable.id ? [] : ids));
        expect(seated.sort()).toEqual([...others].sort());
        for (const table of cafe.tables) expect(round[table.id]!.length).toBeLessThanOrEqual(table.capacity);
      }
      // A hand move onto the hub's table breaks SEAT11.
      expect(await command(facilitator, 'cafe:move', { participantId: others[6]!, round: 1, tableId: hubTable.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });

      expect((await command(facilitator, 'cafe:start-round', {})).ok).toBe(true);
      const { state } = await connect(url, hub.token);
      const seat = state.cafe!.seat!;
      expect(seat).toMatchObject({ round: 1, table: { id: hubTable.id, label: 'Nairobi hub', kind: 'remote', hub: true }, tablemates: [] });
      const map = (await connect(url, created.facilitatorToken)).state.cafe!.live.tables;
      expect(map.find((t) => t.id === hubTable.id)).toMatchObject({ hub: true, seated: 1 });
      // The coordinator marks a key idea for its room at its own table (NOTE2, IDEA1), not at another.
      const ideas = (tableId: string) => `/api/sessions/${created.session.id}/cafe/tables/${tableId}/rounds/1/ideas`;
      const idea = await http(url, 'POST', ideas(hubTable.id), { token: hub.token, body: { id: 'hub-idea-1', text: 'Open data needs local champions' } });
      expect(idea.status).toBe(201);
      const elsewhere = await http(url, 'POST', ideas(cafe.tables[0]!.id), { token: hub.token, body: { id: 'hub-idea-2', text: 'Not our table' } });
      expect(elsewhere.status).toBe(403);
    },
  );

  it.skipIf(Boolean(skip))(
    'SEAT11 HUB50 HUB52 a hub arriving during the café is seated at its own new table; under anonymous its label is "Hub 1"',
    { timeout: 60_000 },
    async () => {
      const { url } = await start();
      const created = await createSession(url, { title: 'Anonymous café', attribution: 'anonymous' });
      const others = (await people(url, created, 8)).map((p) => p.participant.id);
      const { socket: facilitator } = await connect(url, created.facilitatorToken);
      expect((await command(facilitator, 'cafe:set-tables', { tables: TABLES })).ok).toBe(true);
      expect((await command(facilitator, 'cafe:set-rounds', { rounds: ROUNDS })).ok).toBe(true);
      expect((await command(facilitator, 'cafe:plan', { seed: 3 })).ok).toBe(true);
      expect((await command(facilitator, 'cafe:start-round', {})).ok).toBe(true);

      const hub = await join(url, created.session.joinCode, { displayName: 'Coordinator', mode: 'remote', stakeholderGroup: 'civil-society', role: 'hub', hub: NAIROBI });
      const hubId = hub.participant.id;
      const cafe = await cafeWhen(url, created, (c) => expect(c.plan!.plan.rounds[0]![c.tables[3]?.id ?? '']).toEqual([hubId]));
      const hubTable = cafe.tables[3]!;
      expect(hubTable).toMatchObject({ label: 'Hub 1', kind: 'remote', capacity: 1, hubParticipantId: hubId });
      for (const round of cafe.plan!.plan.rounds) {
        expect(round[hubTable.id]).toEqual([hubId]);
        expect(Object.values(round).flat().sort()).toEqual([...others, hubId].sort());
      }

      const { state } = await connect(url, hub.token);
      expect(state.cafe!.seat).toMatchObject({ round: 1, table: { id: hubTable.id, label: 'Hub 1', hub: true }, tablemates: [] });
      // What a participant sees of the café names neither the hub nor its place.
      const participant = await join(url, created.session.joinCode, { displayName: 'Late', mode: 'in-room', stakeholderGroup: 'government' });
      const seen = JSON.stringify((await connect(url, participant.token)).state.cafe);
      expect(seen).not.toContain('Nairobi');
      expect(seen).toContain('Hub 1');
    },
  );
});
