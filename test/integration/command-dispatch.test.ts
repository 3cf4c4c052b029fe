// One dispatcher per socket (MEM10–MEM12): every command in the table reaches its handler, a
// connection holds no listener per command, and the answers to what is not a proper command are
// the ones the socket guard and the dispatcher gave before.
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../shared/src/protocol/index.js';
import { createSession, join } from '../helpers/api.js';
import { serverForFile } from '../helpers/server.js';
import { command, connect, type ClientSocket } from '../helpers/socket.js';
import { within } from '../helpers/wait.js';
import type { IoServer } from '../../server/src/realtime/types.js';

let url: string;
let io: IoServer;
serverForFile((started) => {
  url = started.url;
  io = started.io;
});

const emit = (socket: ClientSocket, ...args: unknown[]) => (socket.emit as (...args: unknown[]) => void)(...args);
const ack = (socket: ClientSocket, ...args: unknown[]) =>
  within(new Promise<{ ok: boolean; error?: { code: string; message: string } }>((resolve) => emit(socket, ...args, resolve)), `the ack of ${String(args[0])}`);

async function participant() {
  const created = await createSession(url);
  const person = await join(url, created.session.joinCode);
  const { socket } = await connect(url, person.token);
  return { created, person, socket };
}

describe('one dispatcher per socket', () => {
  it('MEM10: a connection holds no listener per command', async () => {
    const { socket } = await participant();
    const local = io.of('/').sockets.get(socket.id!)!; // the client's id is the server socket's
    const commandListeners = COMMAND_NAMES.filter((name) => local.listenerCount(name as never) > 0);
    expect(commandListeners).toEqual([]);
    expect(local.eventNames().length).toBeLessThanOrEqual(2); // 'error' and 'disconnect'
  });

  it('MEM11: every command of the table is answered by its own handler, none as unknown', async () => {
    const { socket } = await participant();
    // A null payload changes nothing: each command is refused by its permission or its schema.
    const replies = await Promise.all(COMMAND_NAMES.map(async (name) => ({ name, reply: await ack(socket, name, null) })));
    const unknown = replies.filter(({ reply }) => reply.error?.message.startsWith('Unknown command'));
    expect(unknown).toEqual([]);
    expect(replies.every(({ reply }) => reply.ok === false && typeof reply.error?.code === 'string')).toBe(true);
    expect(await command(socket, 'session:sync', {})).toMatchObject({ ok: true });
  });

  it('MEM12: an unknown event is answered bad_request, with or without a payload', async () => {
    const { socket } = await participant();
    expect(await ack(socket, 'qa:destroy-everything', { all: true })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: 'Unknown command "qa:destroy-everything"' },
    });
    expect(await ack(socket, 'toString')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await ack(socket, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(socket.connected).toBe(true);
    expect(await command(socket, 'session:sync', {})).toMatchObject({ ok: true });
  });

  it('MEM12: a command whose callback is not its second argument is run for nobody and not answered', async () => {
    const { socket, created, person } = await participant();
    let answered = 0;
    emit(socket, 'profile:update', () => answered++); // the callback where the payload goes
    emit(socket, 'profile:update', { displayName: 'Renamed' }, 'extra', () => answered++);
    emit(socket, 'profile:update', { displayName: 'Renamed' }); // no callback at all
    // Same connection, in order: once this is answered, the three above have been handled.
    const synced = await command(socket, 'session:sync', {});
    expect(synced).toMatchObject({ ok: true });
    expect(answered).toBe(0);
    const { socket: staff } = await connect(url, created.facilitatorToken);
    const list = await command(staff, 'participant:list', {});
    expect(list.ok && list.participants.find((p) => p.id === person.participant.id)?.displayName).not.toBe('Renamed');
    expect(socket.connected).toBe(true);
  });
});
