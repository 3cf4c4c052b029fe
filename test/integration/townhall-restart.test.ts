import { describe, expect, it } from 'vitest';
import { http } from '../helpers/api.js';
import { command, connect, nextEvent } from '../helpers/socket.js';
import { storageTargets } from '../helpers/storage-kinds.js';
import { member, openTownHall, serversPerTest, townhallAs } from '../helpers/townhall.js';
import { within } from '../helpers/wait.js';

// DUR1 for the Town Hall: a restart mid-session loses nothing that was acknowledged, and the floor
// and agenda timers carry on from their stored deadlines. Also the per-person rate limits.

const targets = await storageTargets();

describe.each(targets)('Town Hall restart and limits on $kind', ({ kind, skip }) => {
  const { start, stop } = serversPerTest(kind);

  it.skipIf(Boolean(skip))(
    'DUR1 a restart mid-session keeps questions, votes, hands, the floor, polls, captions and the agenda; timers resume from their deadlines',
    { timeout: 45_000 },
    async () => {
      const first = await start();
      const th = await openTownHall(first.url);
      const f = th.facilitator.socket;
      await command(f, 'townhall:configure', { moderation: 'pre', interventionSeconds: 600 });
      const [a, b, c] = await Promise.all(['A', 'B', 'C'].map((name, i) => member(th, { displayName: name, mode: i === 2 ? 'remote' : 'in-room' })));
      const q = await command(a!.socket, 'qa:ask', { text: 'Approved question?' });
      const pending = await command(b!.socket, 'qa:ask', { text: 'Still pending?' });
      if (!q.ok || !pending.ok) throw new Error('ask failed');
      await command(f, 'qa:approve', { questionId: q.question.id });
      await command(b!.socket, 'qa:vote', { questionId: q.question.id, up: true });
      await command(c!.socket, 'qa:vote', { questionId: q.question.id, up: true });
      await command(f, 'qa:pin', { questionId: q.question.id });
      await command(a!.socket, 'hand:raise', { topic: 'Speaking first' });
      await command(b!.socket, 'hand:raise', {});
      await command(c!.socket, 'hand:raise', { topic: 'From the hub' });
      await command(f, 'hand:alternate', { on: true });
      // HAND11: the floor keeps the handle A's hand had (staff see handles, never participant ids).
      const aHand = (await townhallAs(th, th.created.facilitatorToken, first.url)).queue!.hands.find((h) => h.topic === 'Speaking first')!.handle;
      await command(f, 'hand:give-floor', {});
      const poll = await command(f, 'poll:create', { kind: 'multiple', question: 'Priorities?', options: ['Access', 'Skills', 'Trust'], maxChoices: 2 });
      if (!poll.ok) throw new Error('poll failed');
      const pollId = poll.poll.poll.id;
      await command(f, 'poll:open', { pollId });
      await command(b!.socket, 'poll:vote', { pollId, choice: ['o1', 'o3'] });
      await command(c!.socket, 'poll:vote', { pollId, choice: ['o3'] });
      await command(f, 'caption:add', { text: 'Line one\nLine two' });
      await command(f, 'agenda:add', { title: 'Short item', durationMinutes: 0.08 }); // 4.8 s: runs out after the restart
      await command(f, 'agenda:add', { title: 'Long item', durationMinutes: 45 });
      const agendaStarted = await command(f, 'agenda:next', {});
      const agendaDeadline = agendaStarted.ok ? agendaStarted.agenda.timer!.deadline : null;

      const views = async (url: string) => ({
        staff: await townhallAs(th, th.created.facilitatorToken, url),
        a: await townhallAs(th, a!.joined.token, url),
        b: await townhallAs(th, b!.joined.token, url),
        projector: await townhallAs(th, th.created.projectorKey, url),
      });
      const before = await views(first.url);
      expect(before.staff.qa.questions).toHaveLength(2);
      expect(before.b.qa.questions.map((x) => x.status).sort()).toEqual(['pending', 'visible']);
      expect(before.staff.queue!.floor?.handle).toBe(aHand);

      const back = within(nextEvent(c!.socket, 'session:state'), 'C reconnects', 15_000);
      await stop(first);
      const second = await start({ port: first.port });
      const timeUp = within(nextEvent(c!.socket, 'townhall:time-up'), 'the agenda item runs out after the restart', 15_000);
      const [state] = await back;
      expect(state.townhall).toEqual({ ...before.b, you: state.townhall!.you, qa: state.townhall!.qa, polls: state.townhall!.polls });
      expect(await views(second.url)).toEqual(before);
      // The clock was armed again from the stored deadline (unless the restart itself outlasted it,
      // in which case there is nothing left to announce: the state above already says it ran out).
      if (Date.now() < agendaDeadline! - 200) expect((await timeUp)[0]).toEqual({ timer: 'agenda', at: agendaDeadline });

      // Nothing counts twice after the restart either.
      expect(await command(b!.socket, 'qa:vote', { questionId: q.question.id, up: true })).toMatchObject({ ok: true, votes: 2 });
      expect(await command(c!.socket, 'hand:raise', {})).toMatchObject({ ok: true, you: { position: 0 } });
      const results = await townhallAs(th, th.created.facilitatorToken, second.url);
      expect(results.polls[0]?.results?.overall.options?.map((o) => o.count)).toEqual([1, 0, 2]);
    },
  );

  it.skipIf(Boolean(skip))('asking, voting and raising a hand too fast are refused with rate_limited, and nothing changes', async () => {
    const server = await start({ env: { RATE_QUESTIONS_PER_MIN: '2', RATE_VOTES_PER_10S: '3', RATE_HANDS_PER_MIN: '2' } });
    const th = await openTownHall(server.url);
    const asker = await member(th, { displayName: 'Asker' });
    const voter = await member(th, { displayName: 'Voter' });
    const q1 = await command(asker.socket, 'qa:ask', { text: 'One?' });
    expect(await command(asker.socket, 'qa:ask', { text: 'Two?' })).toMatchObject({ ok: true });
    expect(await command(asker.socket, 'qa:ask', { text: 'Three?' })).toEqual({
      ok: false,
      error: { code: 'rate_limited', message: 'You are asking questions too quickly; wait a minute and try again' },
    });
    expect((await townhallAs(th, th.created.facilitatorToken)).qa.questions.map((q) => q.text).sort()).toEqual(['One?', 'Two?']);

    const id = q1.ok ? q1.question.id : '';
    expect(await command(voter.socket, 'qa:vote', { questionId: id, up: true })).toMatchObject({ ok: true, votes: 1 });
    expect(await command(voter.socket, 'qa:vote', { questionId: id, up: false })).toMatchObject({ ok: true, votes: 0 });
    expect(await command(voter.socket, 'qa:vote', { questionId: id, up: true })).toMatchObject({ ok: true, votes: 1 });
    expect(await command(voter.socket, 'qa:vote', { questionId: id, up: false })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect((await townhallAs(th, voter.joined.token)).qa).toMatchObject({ myVotes: [id] });
    // Over HTTP the same limit holds.
    const viaHttp = await http(server.url, 'POST', `${th.base}/questions/${id}/vote`, { token: voter.joined.token, body: { up: false } });
    expect(viaHttp.status).toBe(429);
    expect(viaHttp.body.error.code).toBe('rate_limited');

    expect(await command(voter.socket, 'hand:raise', {})).toMatchObject({ ok: true });
    expect(await command(voter.socket, 'hand:lower', {})).toMatchObject({ ok: true });
    expect(await command(voter.socket, 'hand:raise', { topic: 'Again' })).toMatchObject({ ok: true });
    expect(await command(voter.socket, 'hand:raise', { topic: 'Changed' })).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', message: expect.stringContaining('raising your hand') },
    });
    expect((await townhallAs(th, th.created.facilitatorToken)).queue!.hands.map((h) => h.topic)).toEqual(['Again']);
    // Another person is not affected.
    expect(await command(asker.socket, 'hand:raise', {})).toMatchObject({ ok: true });
    await connect(server.url, voter.joined.token); // a second tab does not reset the limit
    expect(await command(voter.socket, 'qa:vote', { questionId: id, up: false })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });
});
