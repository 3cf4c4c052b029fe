import { describe, expect, it } from 'vitest';
import { http } from '../helpers/api.js';
import { command, nextEvent } from '../helpers/socket.js';
import { storageTargets } from '../helpers/storage-kinds.js';
import { member, openTownHall, serversPerTest, townhallAs } from '../helpers/townhall.js';
import { within } from '../helpers/wait.js';

// HAND12: a Town Hall has one audio/video room where remote people speak when given the floor.
// The facilitator sets it (an https address) by command or HTTP; everyone gets it with the
// settings; it survives a restart.

const targets = await storageTargets();
const ROOM = 'https://meet.example.org/town-hall-water';

describe.each(targets)('Town Hall video room on $kind', ({ kind, skip }) => {
  const { start, stop } = serversPerTest(kind);

  it.skipIf(Boolean(skip))('HAND12 the facilitator sets an https video room; everyone gets it; only https, only the facilitator; kept after a restart', async () => {
    const first = await start();
    const th = await openTownHall(first.url);
    const remote = await member(th, { displayName: 'Rami', mode: 'remote' });
    const moderator = await member(th, { displayName: 'Mo', as: 'moderator' });
    const settingsPath = `${th.base}/settings`;

    // Refused, and nothing changes: plain http, not a URL, someone other than the facilitator.
    const plain = await http(first.url, 'PATCH', settingsPath, { token: th.created.facilitatorToken, body: { videoRoomUrl: 'http://meet.example.org/x' } });
    expect(plain.status).toBe(400);
    expect(await command(th.facilitator.socket, 'townhall:configure', { videoRoomUrl: 'javascript:alert(1)' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await command(moderator.socket, 'townhall:configure', { videoRoomUrl: ROOM })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await townhallAs(th, remote.joined.token)).settings.videoRoomUrl).toBeNull();

    const told = within(
      nextEvent(remote.socket, 'townhall:settings', (s) => s.videoRoomUrl === ROOM),
      'the settings at the remote participant',
    );
    const set = await http(first.url, 'PATCH', settingsPath, { token: th.created.facilitatorToken, body: { videoRoomUrl: ROOM } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ settings: { videoRoomUrl: ROOM } });
    await told;
    // Other settings are left as they were.
    expect(await command(th.facilitator.socket, 'townhall:configure', { moderation: 'pre' })).toMatchObject({ ok: true, settings: { moderation: 'pre', videoRoomUrl: ROOM } });

    await stop(first);
    const second = await start({ port: first.port });
    expect((await townhallAs(th, remote.joined.token, second.url)).settings).toMatchObject({ videoRoomUrl: ROOM, moderation: 'pre' });
    // Removed with null.
    expect((await http(second.url, 'PATCH', settingsPath, { token: th.created.facilitatorToken, body: { videoRoomUrl: null } })).body).toMatchObject({
      settings: { videoRoomUrl: null },
    });
  });
});
