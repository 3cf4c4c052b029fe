import { describe, expect, it } from 'vitest';
import { createSession, http, join } from '../helpers/api.js';
import { serverForFile, type TestServer } from '../helpers/server.js';
import { connect, nextEvent } from '../helpers/socket.js';
import { within } from '../helpers/wait.js';

// ATTEND1 (docs/spec.md): attendance counts participants apart from staff and observers, live
// (every screen's counts) and in the record.

describe('attendance', () => {
  let server: TestServer;
  serverForFile((s) => (server = s));

  it('ATTEND1 the live counts and the record count participants; the facilitator, a moderator and an observer apart', async () => {
    const created = await createSession(server.url, { title: 'Counted café', format: 'cafe', attribution: 'group' });
    const facilitator = await connect(server.url, created.facilitatorToken);
    const observer = await join(server.url, created.session.joinCode, { role: 'observer', stakeholderGroup: 'other', mode: 'remote' });
    const moderator = await join(server.url, created.session.joinCode, { stakeholderGroup: 'other' });
    const set = await http(server.url, 'PATCH', `/api/sessions/${created.session.id}/participants/${moderator.participant.id}`, {
      token: created.facilitatorToken,
      body: { role: 'moderator' },
    });
    expect(set.status).toBe(200);
    const a = await join(server.url, created.session.joinCode, { stakeholderGroup: 'government', mode: 'in-room' });
    const b = await join(server.url, created.session.joinCode, { stakeholderGroup: 'academia', mode: 'remote' });
    const everyone = within(
      nextEvent(facilitator.socket, 'attendance:changed', (c) => c.present === 5),
      'everyone present',
    );
    for (const token of [observer.token, moderator.token, a.token, b.token]) await connect(server.url, token);
    const [counts] = await everyone;
    expect(counts.participants).toEqual({ present: 2, joined: 2 });
    expect(counts.byGroup).toMatchObject({ government: 1, academia: 1, other: 0 });
    expect(counts.byMode).toEqual({ 'in-room': 1, remote: 1 });
    expect(counts.byRole).toMatchObject({ facilitator: 1, moderator: 1, observer: 1, participant: 2 });

    const record = await http(server.url, 'GET', `/api/sessions/${created.session.id}/export?format=json`, { token: created.facilitatorToken });
    expect(record.status).toBe(200);
    expect(record.body.attendance).toMatchObject({ total: 2, byGroup: { government: 1, academia: 1, other: 0 } });
  });

  it("ATTR5 anonymous live attendance: total 4, Academia 3, Government 1 shows neither count, so Government's 1 does not follow from the total", async () => {
    const created = await createSession(server.url, { title: 'Chatham House café', format: 'cafe', attribution: 'anonymous' });
    const facilitator = await connect(server.url, created.facilitatorToken);
    const people = [];
    for (const stakeholderGroup of ['academia', 'academia', 'academia', 'government'] as const)
      people.push(await join(server.url, created.session.joinCode, { stakeholderGroup, mode: 'remote' }));
    const everyone = within(
      nextEvent(facilitator.socket, 'attendance:changed', (c) => c.participants.present === 4),
      'everyone present',
    );
    for (const person of people) await connect(server.url, person.token);
    const [counts] = await everyone;
    expect(counts.byGroup).toMatchObject({ academia: null, government: null, other: 0, 'civil-society': 0 });
  });
});
