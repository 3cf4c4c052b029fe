import { describe, expect, it } from 'vitest';
import { createSession, http, join, type Created } from '../helpers/api.js';
import { capturedLog } from '../helpers/log-capture.js';
import { serverForFile, type TestServer } from '../helpers/server.js';
import { command, connect, type ClientSocket } from '../helpers/socket.js';
import { within } from '../helpers/wait.js';
import { REFUSALS_BEFORE_CLOSE } from '../../server/src/realtime/socket-guard.js';

// Per-person limits on Socket.IO and HTTP (docs/spec.md LIMIT1–LIMIT4): a person is one budget
// and a bounded number of connections, however many tabs, sockets or scripts they use.

const LIMIT = 10; // commands per person per 10 s in this file
const SOCKETS = 3; // connections per person in this file
const captured = capturedLog('info');
let server: TestServer;
serverForFile((s) => (server = s), { env: { RATE_COMMANDS_PER_10S: String(LIMIT), SOCKETS_PER_PERSON: String(SOCKETS) }, log: captured.log });

/** Sends any event (known or not) with an ack, as a misbehaving client would. */
function raw(socket: ClientSocket, event: string, payload: unknown): Promise<{ ok: boolean; error?: { code: string; message: string } }> {
  return new Promise((resolve) => (socket.emit as (...args: unknown[]) => void)(event, payload, resolve));
}

async function townhall(): Promise<Created> {
  return createSession(server.url, { title: 'Limits', format: 'townhall' });
}

describe('LIMIT per-person limits', () => {
  it('LIMIT1 one budget per person across all their sockets and the HTTP API', async () => {
    const created = await townhall();
    const person = await join(server.url, created.session.joinCode, { displayName: 'Busy' });
    const a = await connect(server.url, person.token);
    const b = await connect(server.url, person.token); // connecting spent 2 of the budget (LIMIT3)
    const path = `/api/sessions/${created.session.id}/me`;
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT / 2 - 1; i++) statuses.push((await http(server.url, 'PATCH', path, { token: person.token, body: { language: 'fr' } })).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const acks = [];
    for (let i = 0; i < LIMIT / 2 - 1; i++) acks.push(await command(i % 2 ? a.socket : b.socket, 'profile:update', { language: 'es' }));
    expect(acks.every((ack) => ack.ok)).toBe(true);
    // The budget is spent, whichever way the next command comes.
    expect(await command(a.socket, 'session:sync', {})).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(await command(b.socket, 'profile:update', { language: 'ru' })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    const refused = await http(server.url, 'PATCH', path, { token: person.token, body: { language: 'zh' } });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    // A refused command changed nothing; someone else's budget is untouched.
    const other = await join(server.url, created.session.joinCode, { displayName: 'Calm' });
    const people = await http(server.url, 'GET', `/api/sessions/${created.session.id}/participants`, { token: created.facilitatorToken });
    expect(people.status).toBe(200);
    expect(people.body.participants.find((p: { id: string }) => p.id === person.participant.id).language).toBe('es');
    expect((await http(server.url, 'PATCH', `/api/sessions/${created.session.id}/me`, { token: other.token, body: { language: 'fr' } })).status).toBe(200);
  });

  it('LIMIT1 flooding PATCH /me is refused with 429 and re-seats at most the budget', async () => {
    const created = await createSession(server.url, { title: 'Café flood' });
    const f = { token: created.facilitatorToken };
    const base = `/api/sessions/${created.session.id}/cafe`;
    const guest = await join(server.url, created.session.joinCode, { displayName: 'Toggler', mode: 'remote' });
    const tables = [
      { label: 'Room', kind: 'in-room', capacity: 4 },
      { label: 'Online', kind: 'remote', capacity: 4 },
    ];
    expect((await http(server.url, 'PUT', `${base}/tables`, { ...f, body: { tables } })).status).toBe(200);
    expect((await http(server.url, 'PUT', `${base}/rounds`, { ...f, body: { rounds: [{ question: 'Why?', durationMinutes: 20 }] } })).status).toBe(200);
    expect((await http(server.url, 'POST', `${base}/plan`, { ...f, body: {} })).status).toBe(201);
    expect((await http(server.url, 'POST', `${base}/run/start`, { ...f, body: {} })).status).toBe(200);
    const { socket } = await connect(server.url, guest.token);
    let seats = 0;
    socket.on('cafe:seat', () => seats++);

    const FLOOD = 6 * LIMIT;
    const statuses: number[] = [];
    for (let i = 0; i < FLOOD; i++) {
      const mode = i % 2 ? 'remote' : 'in-room';
      statuses.push((await http(server.url, 'PATCH', `/api/sessions/${created.session.id}/me`, { token: guest.token, body: { mode } })).status);
    }
    const accepted = statuses.filter((s) => s === 200).length;
    // One window, or two if this loop straddled a window's end on a slow machine.
    expect(accepted).toBeLessThanOrEqual(2 * LIMIT);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(FLOOD - 2 * LIMIT);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    // Once refused, the token is turned away before its body is even read (LIMIT3).
    expect((await http(server.url, 'PATCH', `/api/sessions/${created.session.id}/me`, { token: guest.token, raw: '{not json' })).status).toBe(429);
    // Each accepted switch re-seated once; the refused ones re-seated nobody.
    await within(
      new Promise<void>((resolve) => {
        const check = () => (seats >= accepted ? resolve() : socket.once('cafe:seat', () => setImmediate(check)));
        check();
      }),
      'the seat updates',
    );
    expect(seats).toBe(accepted);
  });

  it('LIMIT2 a person keeps at most SOCKETS_PER_PERSON connections: the oldest is told why and closed, and stays closed', async () => {
    const created = await townhall();
    const person = await join(server.url, created.session.joinCode, { displayName: 'Many tabs' });
    const sockets: ClientSocket[] = [];
    const replaced: Promise<unknown>[] = [];
    const closed: Promise<string>[] = [];
    for (let i = 0; i < SOCKETS + 2; i++) {
      const { socket } = await connect(server.url, person.token);
      replaced.push(new Promise((resolve) => socket.once('connection:replaced', resolve)));
      closed.push(new Promise((resolve) => socket.once('disconnect', resolve)));
      sockets.push(socket);
    }
    const mine = () => [...server.io.sockets.sockets.values()].filter((s) => s.data.participantId === person.participant.id);
    expect(mine().length).toBe(SOCKETS);
    expect(await within(replaced[0]!, 'the first tab told')).toEqual({ reason: 'too_many_connections', max: SOCKETS });
    expect(await within(replaced[1]!, 'the second tab told')).toEqual({ reason: 'too_many_connections', max: SOCKETS });
    expect(await within(closed[0]!, 'the first tab closed')).toBe('io server disconnect');
    expect(await within(closed[1]!, 'the second tab closed')).toBe('io server disconnect');
    // The newest stay connected and work; the closed ones did not reconnect to fight them.
    expect(sockets.map((s) => s.connected)).toEqual([false, false, true, true, true]);
    expect(sockets[0]!.active || sockets[1]!.active).toBe(false); // socket.io-client will not reconnect them
    expect(await command(sockets[4]!, 'clock:ping', {})).toMatchObject({ ok: true });
    expect(mine().length).toBe(SOCKETS);
    // Closing one frees its place: a new tab replaces nobody.
    const leaving = server.io.sockets.sockets.get(sockets[2]!.id!)!;
    const left = new Promise((resolve) => leaving.once('disconnect', resolve));
    sockets[2]!.close();
    await within(left, 'the third tab gone');
    const { socket: newest } = await connect(server.url, person.token);
    expect(mine().length).toBe(SOCKETS);
    expect([sockets[3]!.connected, sockets[4]!.connected, newest.connected]).toEqual([true, true, true]);
  });

  it('LIMIT3 unknown events spend the budget, are answered, and log only a short name; a flood is closed and cannot come straight back', async () => {
    const created = await townhall();
    const person = await join(server.url, created.session.joinCode, { displayName: 'Noisy' });
    const { socket } = await connect(server.url, person.token);
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const before = captured.bytes();
    const name = `x${'y'.repeat(20_000)}`;
    const FLOOD = 300;
    // Each event is answered, or not at all once the server has closed the connection.
    const acks = await Promise.all(Array.from({ length: FLOOD }, (_, i) => Promise.race([raw(socket, `${name}${i}`, { junk: 'z'.repeat(1000) }), closed.then(() => null)])));
    const answered = acks.filter((a) => a !== null);
    const unknown = answered.filter((a) => a.error?.code === 'bad_request');
    expect(unknown.length).toBeLessThanOrEqual(2 * LIMIT);
    expect(unknown[0]!.error!.message.length).toBeLessThan(100);
    // Refused in a row until the server gave up on the connection.
    expect(answered.filter((a) => a.error?.code === 'rate_limited').length).toBe(REFUSALS_BEFORE_CLOSE);
    expect(await within(closed, 'the flooding connection closed')).toBe('io server disconnect');
    // Unknown events came out of the same budget as everything else: connecting again is refused.
    await expect(connect(server.url, person.token)).rejects.toMatchObject({ data: { code: 'rate_limited' } });
    const written = captured.bytes() - before;
    expect(written).toBeLessThan(20 * 1024); // bytes: a line per answered event at most, names cut
    expect(captured.lines.some((line) => line.includes('yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy'))).toBe(false);
    expect(captured.lines.some((line) => line.includes('zzzz'))).toBe(false);
  });

  it('LIMIT3 a flood of HTTP calls is refused before the app and logged once per window, not once per call', async () => {
    const created = await townhall();
    const person = await join(server.url, created.session.joinCode, { displayName: 'Scripted' });
    const path = `/api/sessions/${created.session.id}/me`;
    const FLOOD = 4 * LIMIT;
    const statuses: number[] = [];
    for (let i = 0; i < FLOOD; i++) statuses.push((await http(server.url, 'PATCH', path, { token: person.token, body: { language: i % 2 ? 'fr' : 'es' } })).status);
    // At most two windows' budgets, if the loop straddles a window on a slow machine.
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(2 * LIMIT);
    const refused = await http(server.url, 'PATCH', path, { token: person.token, raw: '{not json' });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
    // Each refused call used to write a request line: a flood wrote a flood of logs.
    const refusals = captured.lines.filter((line) => line.includes(path) && line.includes('429'));
    expect(refusals.length).toBeLessThanOrEqual(2);
    const warned = captured.lines.filter((line) => line.includes('"rate-limited"') && line.includes(person.participant.id)).length;
    expect(warned).toBeGreaterThanOrEqual(1);
    expect(warned).toBeLessThanOrEqual(2); // one a window
  });

  it('LIMIT4 a socket error (a malformed packet) is logged as one short line, not swallowed', async () => {
    const created = await townhall();
    const person = await join(server.url, created.session.joinCode, { displayName: 'Garbled' });
    const { socket } = await connect(server.url, person.token);
    const closed = new Promise((resolve) => socket.once('disconnect', resolve));
    // An EVENT packet whose JSON does not parse, written straight to the engine.io transport.
    socket.io.engine.send(`2[${'{'.repeat(5000)}`);
    await within(closed, 'the garbled connection closed');
    const lines = captured.lines.filter((line) => line.includes('"socket-error"') && line.includes(person.participant.id));
    expect(lines.length).toBe(1);
    expect(lines[0]!.length).toBeLessThan(500);
  });
});
