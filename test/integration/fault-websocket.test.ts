import type { ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSession, http, join, type Created, type Joined } from '../helpers/api.js';
import { freePort, kill, spawnServer, untilHealthy } from '../helpers/child-server.js';
import { closeAllNotepads, notepadCredentials, openNotepad, until, VERSION_QUERY, type NotepadClient } from '../helpers/notepad.js';
import { BAD_FRAMES, rawUpgrade } from '../helpers/raw-websocket.js';
import { createTestDatabase, type TestDatabase } from '../helpers/server.js';
import { closeAllSockets, connect, type ClientSocket } from '../helpers/socket.js';
import { within } from '../helpers/wait.js';

// Fault tests (hardening issue, item 1): malformed WebSocket frames on every WebSocket path of
// the real server, in a child process, so a crash shows as a dead process rather than a failed
// test worker. After each one the server answers, and everyone else's connections carry on.

describe('malformed WebSocket frames', () => {
  let database: TestDatabase;
  let child: ChildProcess;
  let url: string;
  let created: Created;
  let reader: Joined;
  let writer: NotepadClient;
  let watcher: NotepadClient;
  let socket: ClientSocket;
  let round = 0;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawnServer(port, database);
    await untilHealthy(url, child);
    created = await createSession(url, { title: 'Fault café' });
    reader = await join(url, created.session.joinCode, { displayName: 'Rita' });
    const harvest = `session/${created.session.id}/harvest`;
    writer = await openNotepad(url, harvest, created.facilitatorToken);
    watcher = await openNotepad(url, harvest, reader.token);
    socket = (await connect(url, reader.token, { transports: ['websocket'] })).socket;
  }, 30_000);
  afterEach(async () => {
    // Everyone else is unaffected: the server answers, an edit still reaches the other notepad
    // connection, and the Socket.IO connection is still there.
    expect(child.exitCode).toBeNull();
    expect((await http(url, 'GET', '/api/health')).status).toBe(200);
    round += 1;
    writer.text.insert(writer.text.length, `edit ${round}. `);
    await until(watcher.doc, () => watcher.text.toString() === writer.text.toString(), 'the edit at the other connection');
    expect(socket.connected).toBe(true);
  });
  afterAll(async () => {
    closeAllNotepads();
    closeAllSockets();
    if (child) await kill(child);
    await database?.drop();
  });

  it('NOTE12 a writer pasting past the frame limit is closed with 1009 and stops reconnecting', async () => {
    const paster = await openNotepad(url, `session/${created.session.id}/harvest`, created.facilitatorToken);
    paster.text.insert(0, 'x'.repeat(3.5 * 1024 * 1024)); // over 2 MB + 1 MB
    expect(await paster.closed).toMatchObject({ code: 1009 });
    expect(paster.provider.shouldConnect).toBe(false);
  });

  for (const bad of BAD_FRAMES) {
    it(`NOTE12 ${bad.name} on /yjs/ without a token closes that connection`, async () => {
      const raw = await rawUpgrade(url, `/yjs/session/${created.session.id}/harvest?${new URLSearchParams(VERSION_QUERY)}`);
      raw.send(bad.frame());
      // The refusal (4401) and the frame's own close race: either ends this connection alone.
      expect([bad.code, 4401]).toContain(await within(raw.closed, 'the close'));
    });

    it(`NOTE12 ${bad.name} on /yjs/ on an open, authenticated connection closes it with ${bad.code}`, async () => {
      const credentials = await notepadCredentials(url, reader.token);
      const raw = await rawUpgrade(url, `/yjs/session/${created.session.id}/harvest?${new URLSearchParams(credentials)}`);
      await within(raw.firstMessage, 'the server’s first sync message');
      raw.send(bad.frame());
      expect(await within(raw.closed, 'the close')).toBe(bad.code);
    });

    it(`NOTE12 ${bad.name} on /socket.io/ closes that connection only`, async () => {
      const raw = await rawUpgrade(url, '/socket.io/?EIO=4&transport=websocket');
      await within(raw.firstMessage, 'the engine.io open packet');
      raw.send(bad.frame());
      await within(raw.closed, 'the close');
    });
  }
});
