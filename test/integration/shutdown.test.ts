import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { rawUpgrade } from '../helpers/raw-websocket.js';
import { startTestServer } from '../helpers/server.js';

// A server stops (a deploy, a restart) even when a client never answers the WebSocket closing
// handshake: it used to wait ws's 30 s close time-out for each such client, holding the port.

describe('shutdown', () => {
  it('a client that never answers the closing handshake does not hold the server for 30 s', async () => {
    const server = await startTestServer();
    try {
      // An Engine.IO connection over a raw socket that reads nothing and never sends a close frame back.
      const silent = await rawUpgrade(server.url, '/socket.io/?EIO=4&transport=websocket');
      await silent.firstMessage; // the Engine.IO open packet: the connection is established
      silent.socket.pause();
      const started = performance.now();
      await server.close();
      // The grace is 5 s; ws's own close time-out, which it waited for before, is 30 s.
      expect(performance.now() - started).toBeLessThan(20_000);
      silent.socket.destroy();
    } finally {
      await server.close();
      await server.database.drop();
    }
  }, 60_000);
});
