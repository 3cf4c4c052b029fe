import { describe, expect, it } from 'vitest';
import type { ParticipantView } from '../../shared/src/protocol/index.js';
import { createSession, http, join, type Created } from '../helpers/api.js';
import { serverForFile } from '../helpers/server.js';
import { command, connect, nextEvent, refusal, type ClientSocket, type ConnectError } from '../helpers/socket.js';
import { within } from '../helpers/wait.js';
import { PROTOCOL_VERSION } from '../../shared/src/version.js';

let url: string;
serverForFile((started) => {
  url = started.url;
});

/** Connects a raw client that must be refused; resolves with the refusal. */
function refused(auth: Record<string, unknown> | undefined, transports: ('polling' | 'websocket')[] = ['websocket']): Promise<ConnectError> {
  return refusal(url, { version: PROTOCOL_VERSION, ...auth }, transports);
}

async function people(created: Created): Promise<ParticipantView[]> {
  const result = await http<{ participants: ParticipantView[] }>(url, 'GET', `/api/sessions/${created.session.id}/participants`, { token: created.facilitatorToken });
  return result.body.participants;
}

/**
 * Proves that `event` about the person `trigger` brings in never reaches `socket`, without
 * sleeping. The notifier sends participant:changed to the staff room and attendance:changed
 * to the session room in one synchronous flush; once `staff` has the change, anything meant
 * for `socket` has been written to its connection, and an acked round trip on that same
 * connection comes back after it.
 */
async function neverReaches(socket: ClientSocket, staff: ClientSocket, trigger: () => Promise<{ participant: ParticipantView }>): Promise<void> {
  let seen = 0;
  const listener = () => seen++;
  socket.on('participant:changed', listener);
  let id: string | undefined;
  const staffSaw = nextEvent(staff, 'participant:changed', (p) => p.id === id);
  id = (await trigger()).participant.id;
  await within(staffSaw, 'participant:changed to staff');
  expect(await command(socket, 'session:sync', {})).toMatchObject({ ok: true });
  socket.off('participant:changed', listener);
  expect(seen, 'participant:changed should not reach this socket').toBe(0);
}

describe('connecting', () => {
  it('with a token: the first message is the session state, with the viewer and attendance', async () => {
    const created = await createSession(url, { facilitatorName: 'Fatou' });
    const { socket, state } = await connect(url, created.facilitatorToken);
    expect(socket.connected).toBe(true);
    expect(state.session).toEqual(created.session);
    expect(state.viewer).toEqual({ kind: 'participant', participant: { ...created.participant, online: true } });
    expect(state.attendance).toMatchObject({ joined: 1, present: 1, byRole: expect.objectContaining({ facilitator: 1 }) });
    expect(state.participants?.map((p) => p.id)).toEqual([created.participant.id]);
  });

  it('a participant gets the state without the participant list', async () => {
    const created = await createSession(url);
    const person = await join(url, created.session.joinCode, { mode: 'remote', stakeholderGroup: 'government' });
    const { state } = await connect(url, person.token);
    expect(state.viewer).toMatchObject({ kind: 'participant', participant: { id: person.participant.id, online: true } });
    expect(state.attendance).toMatchObject({ joined: 2, present: 1, byMode: { remote: 1, 'in-room': 0 }, byGroup: expect.objectContaining({ government: 1 }) });
    expect(state).not.toHaveProperty('participants');
  });

  it('no token, an unknown token or a token that is not a string is refused as unauthenticated', async () => {
    expect((await refused(undefined)).data?.code).toBe('unauthenticated');
    expect((await refused({})).data?.code).toBe('unauthenticated');
    expect((await refused({ token: 'otp_nobody-has-this-token' })).data?.code).toBe('unauthenticated');
    expect((await refused({ token: 'otd_nobody-has-this-key' })).data?.code).toBe('unauthenticated');
    expect((await refused({ token: 12345 })).data?.code).toBe('unauthenticated');
    expect((await refused({ token: { $ne: null } })).data?.code).toBe('unauthenticated');
  });

  it('works over HTTP long-polling alone: state, commands and pushed events', async () => {
    const created = await createSession(url);
    const { socket, state } = await connect(url, created.facilitatorToken, { transports: ['polling'] });
    expect(socket.io.engine.transport.name).toBe('polling');
    expect(state.viewer.kind).toBe('participant');
    expect(await command(socket, 'session:sync', {})).toMatchObject({ ok: true, state: { session: { id: created.session.id } } });

    const arrival = nextEvent(socket, 'participant:changed', (p) => p.displayName === 'On a weak link');
    const person = await join(url, created.session.joinCode, { displayName: 'On a weak link' });
    const { socket: remote } = await connect(url, person.token, { transports: ['polling'] });
    await within(arrival, 'participant:changed over polling');
    expect(await command(remote, 'profile:update', { language: 'ar' })).toMatchObject({ ok: true, participant: { language: 'ar' } });
    expect((await refused({ token: 'otp_nope' }, ['polling'])).data?.code).toBe('unauthenticated');
  });
});

describe('presence and attendance', () => {
  it('staff get participant:changed and everyone gets attendance:changed on join, connect and disconnect', async () => {
    const created = await createSession(url);
    const { socket: facilitator } = await connect(url, created.facilitatorToken);
    const early = await join(url, created.session.joinCode, { displayName: 'Early' });
    const { socket: earlySocket } = await connect(url, early.token);

    // Someone joins (HTTP only, not connected yet).
    const joinedForStaff = nextEvent(facilitator, 'participant:changed', (p) => p.displayName === 'Newcomer' && !p.online);
    const joinedCountsStaff = nextEvent(facilitator, 'attendance:changed', (c) => c.joined === 3);
    const joinedCountsEarly = nextEvent(earlySocket, 'attendance:changed', (c) => c.joined === 3);
    const newcomer = await join(url, created.session.joinCode, { displayName: 'Newcomer', mode: 'remote' });
    await within(joinedForStaff, 'participant:changed for the join');
    const [countsAfterJoin] = await within(joinedCountsEarly, 'attendance:changed (join) to a participant');
    await within(joinedCountsStaff, 'attendance:changed (join) to staff');
    expect(countsAfterJoin).toMatchObject({ joined: 3, present: 2 });

    // They connect.
    const online = nextEvent(facilitator, 'participant:changed', (p) => p.id === newcomer.participant.id && p.online);
    const present3 = nextEvent(earlySocket, 'attendance:changed', (c) => c.present === 3);
    const { socket: newcomerSocket } = await connect(url, newcomer.token);
    await within(online, 'participant:changed online');
    const [countsOnline] = await within(present3, 'attendance:changed present 3');
    expect(countsOnline.byMode.remote).toBe(1);

    // They disconnect.
    const offline = nextEvent(facilitator, 'participant:changed', (p) => p.id === newcomer.participant.id && !p.online);
    const present2 = nextEvent(earlySocket, 'attendance:changed', (c) => c.present === 2);
    newcomerSocket.close();
    await within(offline, 'participant:changed offline');
    const [countsOffline] = await within(present2, 'attendance:changed present 2');
    expect(countsOffline).toMatchObject({ joined: 3, present: 2, byMode: { remote: 0 } });
  });

  it('a participant (not staff) does not receive participant:changed', async () => {
    const created = await createSession(url);
    const { socket: facilitator } = await connect(url, created.facilitatorToken);
    const person = await join(url, created.session.joinCode);
    const { socket } = await connect(url, person.token);
    await neverReaches(socket, facilitator, () => join(url, created.session.joinCode, { displayName: 'Someone else' }));
  });

  it('two tabs with the same token count as one person present', async () => {
    const created = await createSession(url);
    const { socket: facilitator } = await connect(url, created.facilitatorToken);
    const person = await join(url, created.session.joinCode);

    const present2 = nextEvent(facilitator, 'attendance:changed', (c) => c.present === 2);
    const { socket: tab1 } = await connect(url, person.token);
    await within(present2, 'present 2 after the first tab');

    // Let the flush caused by the second tab arrive first, so the next one is the disconnect's.
    const secondTabFlush = nextEvent(facilitator, 'participant:changed', (p) => p.id === person.participant.id);
    const { socket: tab2, state } = await connect(url, person.token);
    expect(state.attendance).toMatchObject({ present: 2, joined: 2 });
    await within(secondTabFlush, 'the flush after the second tab');
    expect(state.viewer).toMatchObject({ participant: { id: person.participant.id, online: true } });

    // Closing one tab leaves the person present.
    const afterTab2 = nextEvent(facilitator, 'participant:changed', (p) => p.id === person.participant.id);
    const countsAfterTab2 = nextEvent(facilitator, 'attendance:changed');
    tab2.close();
    const [stillThere] = await within(afterTab2, 'participant:changed after closing one tab');
    expect(stillThere.online).toBe(true);
    const [counts] = await within(countsAfterTab2, 'attendance:changed after closing one tab');
    expect(counts).toMatchObject({ present: 2, joined: 2 });
    expect((await people(created)).find((p) => p.id === person.participant.id)?.online).toBe(true);

    // Closing the last one does not.
    const present1 = nextEvent(facilitator, 'attendance:changed', (c) => c.present === 1);
    tab1.close();
    await within(present1, 'present 1 after the last tab');
    expect((await people(created)).find((p) => p.id === person.participant.id)?.online).toBe(false);
  });

  it('the projector display is in the room but is not counted as a person', async () => {
    const created = await createSession(url);
    const { socket: facilitator } = await connect(url, created.facilitatorToken);
    const { socket: display, state } = await connect(url, created.projectorKey);
    expect(state.viewer).toEqual({ kind: 'display' });
    expect(state.attendance).toMatchObject({ present: 1, joined: 1 });
    const displayCounts = nextEvent(display, 'attendance:changed', (c) => c.joined === 2);
    await join(url, created.session.joinCode);
    await within(displayCounts, 'attendance:changed on the projector');
    // The display sees counts, never the list.
    await neverReaches(display, facilitator, () => join(url, created.session.joinCode));
  });
});

describe('roles', () => {
  it('a role change moves the person into staff and out again', async () => {
    const created = await createSession(url);
    const { socket: facilitator } = await connect(url, created.facilitatorToken);
    const person = await join(url, created.session.joinCode, { displayName: 'Promoted' });
    const { socket } = await connect(url, person.token);
    const first = await command(socket, 'session:sync', {});
    expect(first).toMatchObject({ ok: true, state: { viewer: { participant: { role: 'participant' } } } });
    expect(first as object).not.toHaveProperty('state.participants');

    // Promote: they hear about it, and from now on get the staff list and staff events.
    const meChanged = nextEvent(socket, 'me:changed', (p) => p.role === 'moderator');
    const staffSeesIt = nextEvent(facilitator, 'participant:changed', (p) => p.id === person.participant.id && p.role === 'moderator');
    expect(await command(facilitator, 'participant:set-role', { participantId: person.participant.id, role: 'moderator' })).toMatchObject({
      ok: true,
      participant: { id: person.participant.id, role: 'moderator', online: true },
    });
    await within(meChanged, 'me:changed to moderator');
    await within(staffSeesIt, 'participant:changed to the facilitator');
    const synced = await command(socket, 'session:sync', {});
    expect(synced).toMatchObject({ ok: true, state: { viewer: { participant: { role: 'moderator' } } } });
    expect(synced.ok && synced.state.participants?.map((p) => p.id)).toEqual([created.participant.id, person.participant.id]);

    const arrival = nextEvent(socket, 'participant:changed', (p) => p.displayName === 'Arrives while moderator');
    await join(url, created.session.joinCode, { displayName: 'Arrives while moderator' });
    await within(arrival, 'participant:changed to the new moderator');

    // Demote: out of staff again.
    const demoted = nextEvent(socket, 'me:changed', (p) => p.role === 'rapporteur');
    expect(await command(facilitator, 'participant:set-role', { participantId: person.participant.id, role: 'rapporteur' })).toMatchObject({ ok: true });
    await within(demoted, 'me:changed to rapporteur');
    const after = await command(socket, 'session:sync', {});
    expect(after).toMatchObject({ ok: true, state: { viewer: { participant: { role: 'rapporteur' } } } });
    expect(after as object).not.toHaveProperty('state.participants');
    await neverReaches(socket, facilitator, () => join(url, created.session.joinCode, { displayName: 'Arrives after demotion' }));
  });

  it('a role change reaches every tab of that person', async () => {
    const created = await createSession(url);
    const person = await join(url, created.session.joinCode);
    const { socket: tab1 } = await connect(url, person.token);
    const { socket: tab2 } = await connect(url, person.token);
    const both = Promise.all([nextEvent(tab1, 'me:changed', (p) => p.role === 'host'), nextEvent(tab2, 'me:changed', (p) => p.role === 'host')]);
    await http(url, 'PATCH', `/api/sessions/${created.session.id}/participants/${person.participant.id}`, { token: created.facilitatorToken, body: { role: 'host' } });
    await within(both, 'me:changed on both tabs');
  });

  it('a participant calling participant:set-role is forbidden and changes nothing', async () => {
    const created = await createSession(url);
    const person = await join(url, created.session.joinCode);
    const other = await join(url, created.session.joinCode);
    const before = await people(created);
    const { socket } = await connect(url, person.token);
    for (const participantId of [person.participant.id, other.participant.id, created.participant.id]) {
      expect(await command(socket, 'participant:set-role', { participantId, role: 'moderator' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await command(socket, 'participant:remove', { participantId: other.participant.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await people(created)).map(({ online: _o, ...p }) => p)).toEqual(before.map(({ online: _o, ...p }) => p));
  });
});

describe('removal', () => {
  it('the removed socket gets me:removed, is disconnected, and cannot reconnect', async () => {
    const created = await createSession(url);
    const { socket: facilitator } = await connect(url, created.facilitatorToken);
    const person = await join(url, created.session.joinCode, { displayName: 'Leaving' });
    const { socket: tab1 } = await connect(url, person.token);
    const { socket: tab2 } = await connect(url, person.token, { transports: ['polling'] });

    const removedNotice = Promise.all([nextEvent(tab1, 'me:removed'), nextEvent(tab2, 'me:removed')]);
    const disconnected = Promise.all([tab1, tab2].map((tab) => new Promise<string>((resolve) => tab.once('disconnect', (reason) => resolve(reason)))));
    const staffNotice = nextEvent(facilitator, 'participant:removed', (p) => p.participantId === person.participant.id);
    const counts = nextEvent(facilitator, 'attendance:changed', (c) => c.joined === 1);

    expect(await command(facilitator, 'participant:remove', { participantId: person.participant.id })).toEqual({ ok: true });
    await within(removedNotice, 'me:removed on both tabs');
    // Server-side disconnects: the client does not try to reconnect by itself.
    expect(await within(disconnected, 'both tabs disconnected')).toEqual(['io server disconnect', 'io server disconnect']);
    await within(staffNotice, 'participant:removed to staff');
    expect((await within(counts, 'attendance after removal'))[0]).toMatchObject({ joined: 1, present: 1 });

    const retry = new Promise<ConnectError>((resolve) => tab1.once('connect_error', resolve));
    tab1.connect();
    expect((await within(retry, 'reconnect refused')).data?.code).toBe('removed');
    expect((await refused({ token: person.token })).data?.code).toBe('removed');
    expect((await refused({ token: person.token }, ['polling'])).data?.code).toBe('removed');
  });

  it('removal over HTTP disconnects the person too', async () => {
    const created = await createSession(url);
    const person = await join(url, created.session.joinCode);
    const { socket } = await connect(url, person.token);
    const gone = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    const notice = nextEvent(socket, 'me:removed');
    const result = await http(url, 'DELETE', `/api/sessions/${created.session.id}/participants/${person.participant.id}`, { token: created.facilitatorToken });
    expect(result.status).toBe(204);
    await within(notice, 'me:removed');
    expect(await within(gone, 'disconnect')).toBe('io server disconnect');
  });
});

describe('bad commands change nothing', () => {
  it.each([
    ['participant:set-role', { participantId: 'x', role: 'facilitator' }, 'a role that cannot be handed out'],
    ['participant:set-role', { participantId: 'x', role: 'moderator', extra: true }, 'an unknown field'],
    ['participant:set-role', { participantId: 42, role: 'moderator' }, 'an id that is a number'],
    ['participant:set-role', { participantId: '../../etc', role: 'moderator' }, 'an id with odd characters'],
    ['participant:set-role', { role: 'moderator' }, 'no participant id'],
    ['participant:remove', {}, 'no participant id'],
    ['participant:remove', { participantId: '' }, 'an empty id'],
    ['profile:update', {}, 'nothing to update'],
    ['profile:update', { displayName: '' }, 'an empty name'],
    ['profile:update', { displayName: 'x'.repeat(61) }, 'a name over 60 characters'],
    ['profile:update', { role: 'facilitator' }, 'a role in the profile'],
    ['profile:update', { language: 'de' }, 'an unknown language'],
    ['profile:update', { mode: 'REMOTE' }, 'a mode in the wrong case'],
    ['profile:update', null, 'null'],
    ['profile:update', 'displayName=Eve', 'a string'],
    ['profile:update', [{ displayName: 'Eve' }], 'an array'],
    ['session:sync', { all: true }, 'junk on a command without arguments'],
    ['projector:rotate-key', { key: 'mine' }, 'junk on a command without arguments'],
  ] as const)('%s with %j (%s) is bad_request', async (name, payload, _label) => {
    const created = await createSession(url);
    const person = await join(url, created.session.joinCode, { displayName: 'Unchanged' });
    const { socket: facilitator } = await connect(url, created.facilitatorToken);
    const before = await people(created);
    const projectorBefore = await http(url, 'GET', `/api/sessions/${created.session.id}`, { token: created.projectorKey });
    const withTarget =
      payload && typeof payload === 'object' && !Array.isArray(payload) && 'participantId' in payload && payload.participantId === 'x'
        ? { ...payload, participantId: person.participant.id }
        : payload;
    const ack = await command(facilitator, name, withTarget as never);
    expect(ack).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.any(String) } });
    expect(await people(created)).toEqual(before);
    expect((await http(url, 'GET', `/api/sessions/${created.session.id}`, { token: created.projectorKey })).status).toBe(projectorBefore.status);
    expect(facilitator.connected).toBe(true);
  });

  it('an unknown command is answered bad_request', async () => {
    const created = await createSession(url);
    const { socket } = await connect(url, created.facilitatorToken);
    const ack = await new Promise((resolve) => (socket.emit as (...args: unknown[]) => void)('session:destroy', {}, resolve));
    expect(ack).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await command(socket, 'session:sync', {})).toMatchObject({ ok: true });
  });

  it('a command without an ack callback does nothing and keeps the connection', async () => {
    const created = await createSession(url);
    const person = await join(url, created.session.joinCode);
    const { socket } = await connect(url, created.facilitatorToken);
    (socket.emit as (...args: unknown[]) => void)('participant:remove', { participantId: person.participant.id });
    // The next acked command is handled after the one above (same connection, in order).
    expect(await command(socket, 'session:sync', {})).toMatchObject({ ok: true });
    expect((await people(created)).some((p) => p.id === person.participant.id)).toBe(true);
  });
});

describe('message size', () => {
  const HUGE = 'x'.repeat(70 * 1024); // over the 64 KB limit

  it.each([['websocket'], ['polling']] as const)('a payload over 64 KB gets the %s connection closed, and changes nothing', async (transport) => {
    const created = await createSession(url);
    const person = await join(url, created.session.joinCode, { displayName: 'Small name' });
    const { socket } = await connect(url, person.token, { transports: [transport] });
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    let acked = false;
    (socket.emit as (...args: unknown[]) => void)('profile:update', { displayName: 'Big', note: HUGE }, () => (acked = true));
    const reason = await within(dropped, 'the connection to close');
    expect(reason).toMatch(/transport (close|error)/);
    expect(acked).toBe(false);

    // The client comes back by itself (a weak link must not be a dead end), and nothing changed.
    const back = nextEvent(socket, 'session:state');
    await within(back, 'session:state after reconnecting');
    expect((await people(created)).find((p) => p.id === person.participant.id)?.displayName).toBe('Small name');
  });

  it('a payload just under the limit is read and judged on its content', async () => {
    const created = await createSession(url);
    const { socket } = await connect(url, created.facilitatorToken);
    const ack = await command(socket, 'profile:update', { displayName: 'x'.repeat(60 * 1024) });
    expect(ack).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(socket.connected).toBe(true);
  });
});
