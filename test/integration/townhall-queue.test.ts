import { describe, expect, it } from 'vitest';
import type { HandStatus } from '../../shared/src/protocol/index.js';
import { http } from '../helpers/api.js';
import { command, connect, nextEvent } from '../helpers/socket.js';
import { storageTargets } from '../helpers/storage-kinds.js';
import { member, openTownHall, townhallAs, serversPerTest } from '../helpers/townhall.js';
import { within } from '../helpers/wait.js';

// The speaker queue with real clients: alternation between the room and remote, "you're next",
// "you have the floor", the intervention timer, and hands lowered by their owner or a moderator.

const targets = await storageTargets();

describe.each(targets)('Town Hall speaker queue on $kind', ({ kind, skip }) => {
  const { start } = serversPerTest(kind);

  it.skipIf(Boolean(skip))('HAND6 HAND7 HAND8 HAND9 alternation, "you\'re next", "you have the floor" and the intervention timer', { timeout: 30_000 }, async () => {
    const server = await start();
    const th = await openTownHall(server.url, { attribution: 'named' });
    expect(await command(th.facilitator.socket, 'townhall:configure', { interventionSeconds: 90 })).toMatchObject({ ok: true, settings: { interventionMs: 90_000 } });
    const moderator = await member(th, { displayName: 'Mo', as: 'moderator' });
    const inA = await member(th, { displayName: 'In A', mode: 'in-room', stakeholderGroup: 'government' });
    const inB = await member(th, { displayName: 'In B', mode: 'in-room', stakeholderGroup: 'academia' });
    const remote = await member(th, { displayName: 'Remote R', mode: 'remote', stakeholderGroup: 'civil-society' });
    const watcher = await member(th, { displayName: 'Watcher' });

    const youNext = within(
      nextEvent(inA.socket, 'hand:you', (s) => s.position === 0),
      '"you\'re next" for In A',
    );
    expect(await command(inA.socket, 'hand:raise', { topic: 'Access in rural areas' })).toMatchObject({
      ok: true,
      you: { raised: true, position: 0, topic: 'Access in rural areas' },
    });
    expect((await youNext)[0]).toEqual<HandStatus>({ raised: true, topic: 'Access in rural areas', position: 0, hasFloor: false });
    expect(await command(inB.socket, 'hand:raise', {})).toMatchObject({ ok: true, you: { position: 1 } });
    expect(await command(remote.socket, 'hand:raise', { topic: 'Hubs' })).toMatchObject({ ok: true, you: { position: 2 } });

    // Alternation: in-room raised first, so in-room, remote, in-room.
    const remoteMoved = within(
      nextEvent(remote.socket, 'hand:you', (s) => s.position === 1),
      'the remote hand moves up',
    );
    const alt = await command(moderator.socket, 'hand:alternate', { on: true });
    expect(alt.ok && alt.queue.hands.map((h) => [h.person.displayName, h.person.mode, h.position, h.baseIndex])).toEqual([
      ['In A', 'in-room', 0, 0],
      ['Remote R', 'remote', 1, 2],
      ['In B', 'in-room', 2, 1],
    ]);
    await remoteMoved;

    // The floor to the first hand: they are told, everyone sees the speaker and the timer, the remote hand is next.
    const hasFloor = within(
      nextEvent(inA.socket, 'hand:you', (s) => s.hasFloor),
      '"you have the floor"',
    );
    const remoteNext = within(
      nextEvent(remote.socket, 'hand:you', (s) => s.position === 0),
      '"you\'re next" for the remote hand',
    );
    const floorSeen = within(nextEvent(watcher.socket, 'floor:changed'), 'the floor for everyone');
    const given = await command(moderator.socket, 'hand:give-floor', {});
    // HAND11: the floor carries the handle In A's hand had.
    const handA = alt.ok ? alt.queue.hands[0]!.handle : '';
    expect(given).toMatchObject({ ok: true, queue: { floor: { handle: handA, speaker: { displayName: 'In A' }, timer: { status: 'running', durationMs: 90_000 } } } });
    expect((await hasFloor)[0]).toEqual<HandStatus>({ raised: false, topic: 'Access in rural areas', position: null, hasFloor: true });
    await remoteNext;
    const [floor] = await floorSeen;
    expect(floor).toMatchObject({
      speaker: { displayName: 'In A', mode: 'in-room', stakeholderGroup: 'government' },
      topic: 'Access in rural areas',
      timer: { status: 'running', durationMs: 90_000 },
    });
    expect(floor!.timer.deadline! - floor!.since).toBe(90_000);
    expect(await command(inA.socket, 'hand:raise', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });

    // The timer: pause, extend by 30 s, resume; everyone follows.
    const paused = within(
      nextEvent(watcher.socket, 'floor:changed', (f) => f?.timer.status === 'paused'),
      'paused',
    );
    expect(await command(moderator.socket, 'hand:pause-floor', {})).toMatchObject({ ok: true, queue: { floor: { timer: { status: 'paused' } } } });
    await paused;
    const extended = await command(moderator.socket, 'hand:extend-floor', { seconds: 30 });
    expect(extended).toMatchObject({ ok: true, queue: { floor: { timer: { status: 'paused', durationMs: 120_000 } } } });
    expect(await command(moderator.socket, 'hand:resume-floor', {})).toMatchObject({ ok: true, queue: { floor: { timer: { status: 'running' } } } });

    // Next: the remote hand; In A is done and hears so.
    const aDone = within(
      nextEvent(inA.socket, 'hand:you', (s) => !s.hasFloor && !s.raised),
      'In A done',
    );
    const bNext = within(
      nextEvent(inB.socket, 'hand:you', (s) => s.position === 0),
      'In B next',
    );
    const toRemote = await command(moderator.socket, 'hand:give-floor', {});
    expect(toRemote).toMatchObject({ ok: true, queue: { floor: { speaker: { displayName: 'Remote R' } }, lastFloorMode: 'remote' } });
    const handB = toRemote.ok ? toRemote.queue.hands.find((h) => h.person.displayName === 'In B')!.handle : '';
    await aDone;
    await bNext;

    // Hands lowered by their owner, or by a moderator.
    expect(await command(inA.socket, 'hand:raise', { topic: 'Follow-up' })).toMatchObject({ ok: true });
    expect(await command(inA.socket, 'hand:lower', {})).toMatchObject({ ok: true, you: { raised: false, position: null } });
    expect(await command(inA.socket, 'hand:lower', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const bLowered = within(
      nextEvent(inB.socket, 'hand:you', (s) => !s.raised),
      'In B lowered by the moderator',
    );
    expect(await command(moderator.socket, 'hand:dismiss', { handle: handB })).toMatchObject({ ok: true, queue: { hands: [] } });
    await bLowered;
    // A handle names one raised hand: once lowered, it names nothing (HAND11).
    expect(await command(moderator.socket, 'hand:dismiss', { handle: handB })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await command(moderator.socket, 'hand:end-floor', {})).toMatchObject({ ok: true, queue: { floor: null } });
    expect((await townhallAs(th, watcher.joined.token)).floor).toBeNull();
  });

  it.skipIf(Boolean(skip))('HAND9 the floor timer running out is announced to everyone; the speaker keeps the floor', { timeout: 30_000 }, async () => {
    const server = await start();
    const th = await openTownHall(server.url);
    await command(th.facilitator.socket, 'townhall:configure', { interventionSeconds: 1 });
    const speaker = await member(th, { displayName: 'Speaker', mode: 'remote' });
    const watcher = await member(th, { displayName: 'Watcher' });
    await command(speaker.socket, 'hand:raise', {});
    const timeUp = within(nextEvent(watcher.socket, 'townhall:time-up'), 'time up', 10_000);
    const given = await command(th.facilitator.socket, 'hand:give-floor', {});
    const deadline = given.ok ? given.queue.floor!.timer.deadline : null;
    expect((await timeUp)[0]).toEqual({ timer: 'floor', at: deadline });
    const live = await townhallAs(th, watcher.joined.token);
    expect(live.floor).toMatchObject({ timer: { status: 'running', deadline } });
    // Over HTTP too: more time for the speaker, from the deadline.
    const more = await http(server.url, 'POST', `${th.base}/floor/extend`, { token: th.created.facilitatorToken, body: { seconds: 60 } });
    expect(more.body.queue.floor.timer.deadline).toBe(deadline! + 60_000);
  });

  it.skipIf(Boolean(skip))('HAND4 a moderator reorders the base order; the move is stored', async () => {
    const server = await start();
    const th = await openTownHall(server.url, { attribution: 'named' });
    const people = await Promise.all(['P1', 'P2', 'P3'].map((name) => member(th, { displayName: name })));
    for (const p of people) await command(p.socket, 'hand:raise', {});
    const handles = (await townhallAs(th, th.created.facilitatorToken)).queue!.hands.map((h) => h.handle);
    const moved = await http(server.url, 'POST', `${th.base}/queue/${handles[2]}/move`, { token: th.created.facilitatorToken, body: { toIndex: 0 } });
    expect(moved.status).toBe(200);
    expect(moved.body.queue.hands.map((h: { handle: string }) => h.handle)).toEqual([handles[2], handles[0], handles[1]]);
    const late = await member(th, { displayName: 'P4' });
    expect(await command(late.socket, 'hand:raise', {})).toMatchObject({ ok: true, you: { position: 3 } });
    const staff = await townhallAs(th, th.created.facilitatorToken);
    expect(staff.queue!.hands.map((h) => h.person.displayName)).toEqual(['P3', 'P1', 'P2', 'P4']);
    const mine = await connect(server.url, people[2]!.joined.token);
    expect(mine.state.townhall?.you).toEqual({ raised: true, topic: null, position: 0, hasFloor: false });
  });
});
