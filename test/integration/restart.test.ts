import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { ParticipantView } from '../../shared/src/protocol/index.js';
import { openDatabase } from '../../server/src/store/db.js';
import { createStore } from '../../server/src/store/index.js';
import { createSession, http, join, type Created, type Joined } from '../helpers/api.js';
import { createTestDatabase, startTestServer, type TestDatabase } from '../helpers/server.js';
import { closeAllSockets, connect, nextEvent } from '../helpers/socket.js';
import { storageTargets } from '../helpers/storage-kinds.js';
import { within } from '../helpers/wait.js';
import { freePort, kill, spawnServer, untilHealthy } from '../helpers/child-server.js';

// "Nothing lost": what the server acknowledged is still there after a restart or a crash.

const targets = await storageTargets();

type Server = Awaited<ReturnType<typeof startTestServer>>;

interface World {
  created: Created;
  people: Joined[];
}

/** A session with two people in it, one of them made rapporteur. */
async function populate(url: string): Promise<World> {
  const created = await createSession(url, { title: 'Survives restarts', format: 'townhall', languages: ['ar', 'en'], attribution: 'group' });
  const amal = await join(url, created.session.joinCode, { displayName: 'Amal', stakeholderGroup: 'government', mode: 'remote' });
  const boris = await join(url, created.session.joinCode, { displayName: 'Boris', role: 'observer' });
  const promoted = await http(url, 'PATCH', `/api/sessions/${created.session.id}/participants/${amal.participant.id}`, {
    token: created.facilitatorToken,
    body: { role: 'rapporteur' },
  });
  expect(promoted.status).toBe(200);
  return { created, people: [amal, boris] };
}

/** Everything populate() made is there, every token still works, and the code still joins. */
async function expectIntact(url: string, { created, people }: World): Promise<void> {
  const state = await http(url, 'GET', `/api/sessions/${created.session.id}`, { token: created.facilitatorToken });
  expect(state.status).toBe(200);
  expect(state.body.session).toEqual(created.session);
  const withoutPresence = ({ online: _online, ...rest }: ParticipantView) => rest;
  const [amal, boris] = people;
  expect((state.body.participants as ParticipantView[]).map(withoutPresence)).toEqual(
    [created.participant, { ...amal!.participant, role: 'rapporteur' as const }, boris!.participant].map(withoutPresence),
  );

  for (const person of people) {
    const own = await http(url, 'GET', `/api/sessions/${created.session.id}`, { token: person.token });
    expect(own.status).toBe(200);
    expect(own.body.viewer.participant.id).toBe(person.participant.id);
  }
  expect((await http(url, 'GET', `/api/sessions/${created.session.id}`, { token: created.projectorKey })).status).toBe(200);
  const late = await join(url, created.session.joinCode.toLowerCase(), { displayName: 'After the restart' });
  expect(late.session.id).toBe(created.session.id);
}

describe.each(targets)('restart on $kind', ({ kind, skip }) => {
  if (skip) console.warn(`restart on ${kind} skipped: ${skip}`);

  describe.skipIf(Boolean(skip))('graceful', () => {
    let database: TestDatabase | undefined;
    const servers: Server[] = [];

    afterEach(async () => {
      closeAllSockets();
      for (const server of servers.splice(0)) await server.close();
      await database?.drop();
      database = undefined;
    });

    it('a stopped and restarted server on the same database and port has everything, and clients reconnect by themselves', async () => {
      database = await createTestDatabase(kind);
      const first = await startTestServer({ database });
      servers.push(first);
      const world = await populate(first.url);
      const [amal] = world.people;
      const { socket: facilitator } = await connect(first.url, world.created.facilitatorToken);
      const { socket: amalSocket, state: before } = await connect(first.url, amal!.token);
      expect(before.viewer).toMatchObject({ participant: { role: 'rapporteur' } });

      const facilitatorBack = nextEvent(facilitator, 'session:state');
      const amalBack = nextEvent(amalSocket, 'session:state');
      const dropped = new Promise<string>((resolve) => amalSocket.once('disconnect', (reason) => resolve(reason)));
      await first.close();
      // A shutdown looks like a lost connection, not a kick: the client will try again.
      expect(await within(dropped, 'disconnect on shutdown')).toBe('transport close');

      // While the server is down, the record changes underneath (as another node would):
      // the state sent on reconnect must come from storage, not from anything remembered.
      const offline = await openDatabase({ url: database.url, ...(database.schema && { pgSchema: database.schema }) });
      const store = createStore(offline);
      await store.participants.update(amal!.participant.id, { role: 'captioner' });
      await store.close();

      const second = await startTestServer({ database, port: first.port });
      servers.push(second);
      expect(second.url).toBe(first.url);

      const [amalState] = await within(amalBack, 'a fresh session:state for Amal after reconnecting', 15_000);
      expect(amalState.session).toEqual(world.created.session);
      expect(amalState.viewer).toMatchObject({ kind: 'participant', participant: { id: amal!.participant.id, role: 'captioner', online: true } });
      expect(amalState).not.toHaveProperty('participants');
      const [facilitatorState] = await within(facilitatorBack, 'a fresh session:state for the facilitator', 15_000);
      expect(facilitatorState.participants?.map((p) => [p.displayName, p.role])).toEqual([
        [null, 'facilitator'],
        ['Amal', 'captioner'],
        ['Boris', 'observer'],
      ]);
      expect(amalSocket.connected).toBe(true);

      // Put the role back and check the rest by HTTP.
      await http(second.url, 'PATCH', `/api/sessions/${world.created.session.id}/participants/${amal!.participant.id}`, {
        token: world.created.facilitatorToken,
        body: { role: 'rapporteur' },
      });
      await expectIntact(second.url, world);
    });

    it('a removal survives the restart', async () => {
      database = await createTestDatabase(kind);
      const first = await startTestServer({ database });
      servers.push(first);
      const world = await populate(first.url);
      const [, boris] = world.people;
      await http(first.url, 'DELETE', `/api/sessions/${world.created.session.id}/participants/${boris!.participant.id}`, { token: world.created.facilitatorToken });
      await first.close();

      const second = await startTestServer({ database, port: first.port });
      servers.push(second);
      const refused = await http(second.url, 'GET', `/api/sessions/${world.created.session.id}`, { token: boris!.token });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('removed');
      await expect(connect(second.url, boris!.token)).rejects.toMatchObject({ data: { code: 'removed' } });
    });
  });

  describe.skipIf(Boolean(skip))('hard kill (SIGKILL of the real process)', () => {
    let database: TestDatabase | undefined;
    const children: ChildProcess[] = [];

    afterEach(async () => {
      for (const child of children.splice(0)) await kill(child);
      await database?.drop();
      database = undefined;
    });

    it('what was acknowledged before the kill is there after starting again', async () => {
      database = await createTestDatabase(kind);
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;

      const first = spawnServer(port, database);
      children.push(first);
      await untilHealthy(url, first);
      const world = await populate(url);
      await kill(first);
      expect(first.signalCode).toBe('SIGKILL');
      // The server is really gone.
      await expect(fetch(`${url}/api/health`)).rejects.toThrow();

      const second = spawnServer(port, database);
      children.push(second);
      await untilHealthy(url, second);
      await expectIntact(url, world);
    });
  });
});
