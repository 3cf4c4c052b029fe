import { describe, expect, it } from 'vitest';
import { command, connect, nextEvent } from '../helpers/socket.js';
import { closeAllSockets } from '../helpers/socket.js';
import { storageTargets } from '../helpers/storage-kinds.js';
import { member, openTownHall, serversPerTest, townhallAs, type TownHall } from '../helpers/townhall.js';
import type { TestServer } from '../helpers/server.js';
import { within } from '../helpers/wait.js';

// MEM1–MEM3: a Town Hall room and its people leave memory once the session has idled (no command,
// no read, nobody connected); the next use reads it back exactly as it was. A running timer keeps it.

const IDLE_MS = 300; // ms: short, so the test waits little
const targets = await storageTargets();

async function untilUnloaded(server: TestServer, sessionId: string, what: string): Promise<void> {
  await within(
    (async () => {
      while (server.townhallRooms().includes(sessionId)) await new Promise((resolve) => setTimeout(resolve, 25));
    })(),
    what,
    10_000,
  );
}

describe.each(targets)('Town Hall rooms leave memory when idle on $kind', ({ kind, skip }) => {
  const { start } = serversPerTest(kind);

  it.skipIf(Boolean(skip))('MEM1 MEM2 an idle room is unloaded and comes back with exactly the same state', { timeout: 30_000 }, async () => {
    const server = await start({ env: { TOWNHALL_IDLE_UNLOAD_MS: String(IDLE_MS) } });
    const th = await openTownHall(server.url);
    const sessionId = th.created.session.id;
    const f = th.facilitator.socket;
    await command(f, 'townhall:configure', { moderation: 'pre', interventionSeconds: 600 });
    const [a, b, c] = await Promise.all(['A', 'B', 'C'].map((name) => member(th, { displayName: name })));
    const q = await command(a!.socket, 'qa:ask', { text: 'Approved question?' });
    const pending = await command(b!.socket, 'qa:ask', { text: 'Still pending?' });
    if (!q.ok || !pending.ok) throw new Error('ask failed');
    await command(f, 'qa:approve', { questionId: q.question.id });
    await command(b!.socket, 'qa:vote', { questionId: q.question.id, up: true });
    await command(c!.socket, 'qa:vote', { questionId: q.question.id, up: true });
    await command(a!.socket, 'hand:raise', { topic: 'Speaking first' });
    await command(b!.socket, 'hand:raise', {});
    await command(f, 'hand:give-floor', {});
    await command(f, 'hand:pause-floor', {}); // a paused timer: nothing to wake, the room may go
    const poll = await command(f, 'poll:create', { kind: 'multiple', question: 'Priorities?', options: ['Access', 'Skills', 'Trust'], maxChoices: 2 });
    if (!poll.ok) throw new Error('poll failed');
    const pollId = poll.poll.poll.id;
    await command(f, 'poll:open', { pollId });
    await command(b!.socket, 'poll:vote', { pollId, choice: ['o1', 'o3'] });
    await command(f, 'caption:add', { text: 'Line one\nLine two' });
    await command(f, 'agenda:add', { title: 'Item', durationMinutes: 5 });
    await command(c!.socket, 'profile:update', { displayName: 'C renamed' });

    const views = async (town: TownHall) => ({
      staff: await townhallAs(town, town.created.facilitatorToken),
      a: await townhallAs(town, a!.joined.token),
      b: await townhallAs(town, b!.joined.token),
      projector: await townhallAs(town, town.created.projectorKey),
    });
    const before = await views(th);
    expect(before.staff.queue!.floor?.timer.status).toBe('paused');
    expect(server.townhallRooms()).toContain(sessionId);

    // Connected members keep it in memory however long nobody acts.
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS * 3));
    expect(server.townhallRooms()).toContain(sessionId);

    closeAllSockets();
    await untilUnloaded(server, sessionId, 'the idle room to be unloaded');

    const after = await views(th);
    expect(after).toEqual(before);
    expect(server.townhallRooms()).toContain(sessionId);

    // MEM3: it works on as before: a command after reloading reaches the screens.
    const back = await connect(server.url, b!.joined.token);
    expect(back.state.townhall).toEqual(after.b);
    const voted = nextEvent(back.socket, 'qa:voted');
    const ack = await command(back.socket, 'qa:vote', { questionId: q.question.id, up: false });
    expect(ack.ok).toBe(true);
    expect(await within(voted, 'qa:voted after the reload')).toEqual([{ questionId: q.question.id, voted: false }]);
    const staffView = await townhallAs(th, th.created.facilitatorToken);
    expect(staffView.qa.questions.find((x) => x.id === q.question.id)!.votes).toBe(1);
  });

  it.skipIf(Boolean(skip))('MEM1 a room with a running floor timer stays in memory while idle', { timeout: 30_000 }, async () => {
    const server = await start({ env: { TOWNHALL_IDLE_UNLOAD_MS: String(IDLE_MS) } });
    const th = await openTownHall(server.url);
    const sessionId = th.created.session.id;
    await command(th.facilitator.socket, 'townhall:configure', { interventionSeconds: 600 });
    const a = await member(th, { displayName: 'A' });
    await command(a.socket, 'hand:raise', {});
    await command(th.facilitator.socket, 'hand:give-floor', {});
    closeAllSockets();
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS * 4));
    expect(server.townhallRooms()).toContain(sessionId);
    await command((await connect(server.url, th.created.facilitatorToken)).socket, 'hand:end-floor', {});
    closeAllSockets();
    await untilUnloaded(server, sessionId, 'the room to be unloaded once the floor is free');
  });
});
