import { WebSocket } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { OUTDATED_CLIENT, OUTDATED_CLOSE_CODE, PROTOCOL_VERSION } from '../../shared/src/version.js';
import { createSession, type Created } from '../helpers/api.js';
import { closeAllNotepads, notepadCredentials, notepadUrl, openNotepad } from '../helpers/notepad.js';
import { serverForFile, type TestServer } from '../helpers/server.js';
import { connect, refusal } from '../helpers/socket.js';
import { within } from '../helpers/wait.js';

// VERSION1–VERSION4: a tab from another build is refused at the handshake, with a code it can act on.

let server: TestServer;
serverForFile((started) => (server = started));
afterEach(() => closeAllNotepads());

/** The close a raw notepad connection to this room with these query parameters ends with, or 'open'. */
function outcome(room: string, query: Record<string, string>): Promise<number | 'open'> {
  const ws = new WebSocket(`${notepadUrl(server.url)}/${room}?${new URLSearchParams(query)}`);
  ws.on('error', () => undefined);
  return within(
    new Promise((resolve) => {
      ws.once('message', () => {
        resolve('open');
        ws.close();
      });
      ws.once('close', (code) => resolve(code));
    }),
    'the outcome',
  );
}

const harvest = (created: Created) => `session/${created.session.id}/harvest`;

describe('VERSION2 the Socket.IO handshake', () => {
  it('refuses another or a missing version as outdated_client, whatever the token', async () => {
    const created = await createSession(server.url);
    for (const auth of [
      { token: created.facilitatorToken, version: PROTOCOL_VERSION + 1 },
      { token: created.facilitatorToken, version: PROTOCOL_VERSION - 1 },
      { token: created.facilitatorToken },
      { token: 'otp_nobody', version: '0' },
      {},
    ]) {
      const refused = await refusal(server.url, auth);
      expect(refused.data, JSON.stringify(auth)).toMatchObject({ code: OUTDATED_CLIENT, message: expect.any(String) });
    }
  });

  it('lets this version in, to the session state', async () => {
    const created = await createSession(server.url);
    const { socket, state } = await connect(server.url, created.facilitatorToken); // sends PROTOCOL_VERSION
    expect(socket.connected).toBe(true);
    expect(state.session.id).toBe(created.session.id);
  });
});

describe('VERSION3 the notepad connection', () => {
  it('closes another or a missing version with 4426 before the ticket is spent; the right version then gets in with it', async () => {
    const created = await createSession(server.url);
    const { ticket } = await notepadCredentials(server.url, created.facilitatorToken);
    expect(await outcome(harvest(created), { ticket: ticket! })).toBe(OUTDATED_CLOSE_CODE);
    expect(await outcome(harvest(created), { ticket: ticket!, version: String(PROTOCOL_VERSION + 1) })).toBe(OUTDATED_CLOSE_CODE);
    expect(await outcome(harvest(created), { ticket: ticket!, version: String(PROTOCOL_VERSION) })).toBe('open');
  });

  it('a real WebsocketProvider of another version is closed with 4426 and stops reconnecting; of this version it syncs', async () => {
    const created = await createSession(server.url);
    const old = await openNotepad(server.url, harvest(created), created.facilitatorToken, { synced: false, params: { version: String(PROTOCOL_VERSION - 1) } });
    expect(await within(old.closed, 'the close')).toMatchObject({ code: OUTDATED_CLOSE_CODE });
    expect(old.provider.shouldConnect).toBe(false);
    const current = await openNotepad(server.url, harvest(created), created.facilitatorToken);
    expect(current.provider.synced).toBe(true);
  });
});
