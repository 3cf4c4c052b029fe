import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, join } from '../helpers/api.js';
import { within } from '../helpers/wait.js';
import { client, closeAllClients, send } from './clients.js';
import { startCluster, type Cluster } from './cluster.js';
import { clusterSkipReason } from './environment.js';

// Socket.IO's two transports through the shipped HAProxy file to three real nodes (CLU80, CLU82).

const skip = await clusterSkipReason();

describe.skipIf(Boolean(skip))('Socket.IO through HAProxy to three nodes', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster();
  });
  afterAll(async () => {
    closeAllClients();
    await cluster?.close();
  });

  it('CLU80 a WebSocket is upgraded through the proxy and carries commands both ways', async () => {
    const created = await createSession(cluster.url, { title: 'Through the proxy', format: 'townhall' });
    const person = await join(cluster.url, created.session.joinCode, { displayName: 'Wafa', mode: 'remote' });
    const ws = await client(cluster.url, person.token);
    expect(ws.socket.io.engine.transport.name).toBe('websocket');
    expect(ws.state.viewer).toMatchObject({ participant: { id: person.participant.id } });
    const ask = await send(ws.socket, 'qa:ask', { text: 'Does the WebSocket go through?' });
    expect(ask).toMatchObject({ ok: true, question: { text: 'Does the WebSocket go through?' } });
  });

  it('CLU82 a long-polling client keeps its one Socket.IO connection over many requests', async () => {
    const created = await createSession(cluster.url, { title: 'Polling', format: 'townhall' });
    const person = await join(cluster.url, created.session.joinCode, { displayName: 'Pablo', mode: 'remote' });
    const polling = await client(cluster.url, person.token, { transports: ['polling'] });
    const sid = polling.socket.io.engine.id;
    let disconnects = 0;
    polling.socket.on('disconnect', () => disconnects++);
    // Each command is a POST and each answer a GET: dozens of requests, all to the node that
    // holds the engine.io session, or the node would answer "Session ID unknown".
    for (let i = 0; i < 15; i++) {
      const asked = await send(polling.socket, 'qa:ask', { text: `Polling question ${i}` });
      expect(asked, `question ${i}`).toMatchObject({ ok: true });
    }
    expect(polling.socket.io.engine.transport.name).toBe('polling');
    expect(polling.socket.io.engine.id).toBe(sid);
    expect(disconnects).toBe(0);
  });

  it('CLU82 a client that starts on long-polling upgrades to a WebSocket on the same node', async () => {
    const created = await createSession(cluster.url, { title: 'Upgrade', format: 'townhall' });
    const person = await join(cluster.url, created.session.joinCode, { displayName: 'Ugo', mode: 'remote' });
    const both = await client(cluster.url, person.token, { transports: ['polling', 'websocket'] });
    const sid = both.socket.io.engine.id;
    await within(
      new Promise<void>((resolve) => {
        if (both.socket.io.engine.transport.name === 'websocket') resolve();
        else both.socket.io.engine.once('upgrade', () => resolve());
      }),
      'the upgrade to a WebSocket',
    );
    expect(both.socket.io.engine.id).toBe(sid);
    expect(await send(both.socket, 'qa:ask', { text: 'Upgraded?' })).toMatchObject({ ok: true });
  });
});
