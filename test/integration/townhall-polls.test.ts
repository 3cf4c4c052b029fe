import { describe, expect, it } from 'vitest';
import type { PollResults } from '../../shared/src/index.js';
import { http } from '../helpers/api.js';
import { command, connect, nextEvent } from '../helpers/socket.js';
import { storageTargets } from '../helpers/storage-kinds.js';
import { member, openTownHall, record, townhallAs, serversPerTest } from '../helpers/townhall.js';
import { within } from '../helpers/wait.js';

// Polls by stakeholder group, live captions and the agenda, with real clients.

const targets = await storageTargets();

describe.each(targets)('Town Hall polls, captions and agenda on $kind', ({ kind, skip }) => {
  const { start, stop } = serversPerTest(kind);

  it.skipIf(Boolean(skip))('POLL3 POLL4 POLL6 POLL7 a poll by group: staff see results at once, participants once shown; a changed answer moves groups', async () => {
    const { url } = await start();
    const th = await openTownHall(url);
    const gov = await member(th, { displayName: 'Gov', stakeholderGroup: 'government' });
    const civ = await member(th, { displayName: 'Civ', stakeholderGroup: 'civil-society' });
    const aca = await member(th, { displayName: 'Aca', stakeholderGroup: 'academia' });
    const projector = await connect(url, th.created.projectorKey);
    const govSawPolls = record(gov.socket, 'poll:changed');

    const created = await http(url, 'POST', `${th.base}/polls`, {
      token: th.created.facilitatorToken,
      body: { kind: 'single', question: 'Which first?', options: ['Access', 'Skills', 'Trust'] },
    });
    expect(created.status).toBe(201);
    expect(created.body.poll).toMatchObject({
      poll: { status: 'draft', options: [{ id: 'o1', label: 'Access' }, { id: 'o2' }, { id: 'o3' }] },
      results: { overall: { ballots: 0 } },
      ballot: null,
    });
    const pollId: string = created.body.poll.poll.id;
    expect((await townhallAs(th, gov.joined.token)).polls).toEqual([]); // drafts are staff business
    expect(await command(gov.socket, 'poll:vote', { pollId, choice: 'o1' })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const opened = within(
      nextEvent(gov.socket, 'poll:changed', (p) => p.status === 'open'),
      'the poll opens',
    );
    const projected = within(nextEvent(projector.socket, 'poll:projected'), 'the poll on the projector');
    expect(await command(th.facilitator.socket, 'poll:open', { pollId })).toMatchObject({ ok: true, poll: { poll: { status: 'open' } } });
    await opened;
    expect((await projected)[0]).toEqual({ pollId });
    expect(govSawPolls).toHaveLength(1);

    const staffResults = (match: (r: PollResults) => boolean) => within(nextEvent(th.facilitator.socket, 'poll:results', match), 'results for staff');
    const threeVotes = staffResults((r) => r.overall.ballots === 3);
    const govSawResults = record(gov.socket, 'poll:results');
    expect(await command(gov.socket, 'poll:vote', { pollId, choice: 'o1' })).toMatchObject({ ok: true, ballot: { pollId, choice: 'o1' } });
    expect(await command(civ.socket, 'poll:vote', { pollId, choice: 'o1' })).toMatchObject({ ok: true });
    expect(await command(aca.socket, 'poll:vote', { pollId, choice: 'o2' })).toMatchObject({ ok: true });
    expect(await command(aca.socket, 'poll:vote', { pollId, choice: ['o1', 'o2'] })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const [results] = await threeVotes;
    expect(results.overall.options).toEqual([
      { id: 'o1', label: 'Access', count: 2 },
      { id: 'o2', label: 'Skills', count: 1 },
      { id: 'o3', label: 'Trust', count: 0 },
    ]);
    expect(Object.keys(results.byGroup).sort()).toEqual(['academia', 'civil-society', 'government']);
    expect(results.byGroup.academia?.options?.find((o) => o.id === 'o2')?.count).toBe(1);
    expect(govSawResults).toEqual([]); // hidden from participants until shown
    expect((await townhallAs(th, gov.joined.token)).polls).toMatchObject([{ poll: { id: pollId }, results: null, ballot: { choice: 'o1' } }]);

    // Shown: everyone gets them. A changed answer moves its tally; the group sums stay right.
    const shown = within(
      nextEvent(gov.socket, 'poll:results', (r) => r.overall.ballots === 3),
      'results shown to participants',
    );
    expect(await command(th.facilitator.socket, 'poll:results-visible', { pollId, visible: true })).toMatchObject({ ok: true, poll: { poll: { resultsVisible: true } } });
    await shown;
    const changed = within(
      nextEvent(projector.socket, 'poll:results', (r) => r.overall.options?.[2]?.count === 1),
      'the changed answer',
    );
    const otherTab = await connect(url, civ.joined.token);
    const civBallot = within(nextEvent(otherTab.socket, 'poll:ballot'), "the voter's other tab");
    expect(await command(civ.socket, 'poll:vote', { pollId, choice: 'o3' })).toMatchObject({ ok: true, ballot: { choice: 'o3' } });
    expect((await civBallot)[0]).toMatchObject({ pollId, ballot: { choice: 'o3' } });
    const [after] = await changed;
    expect(after.overall.options?.map((o) => o.count)).toEqual([1, 1, 1]);
    expect(after.byGroup['civil-society']?.options?.map((o) => o.count)).toEqual([0, 0, 1]);
    expect(await command(gov.socket, 'poll:withdraw', { pollId })).toMatchObject({ ok: true });

    expect(await command(th.facilitator.socket, 'poll:close', { pollId })).toMatchObject({ ok: true, poll: { poll: { status: 'closed' } } });
    expect(await command(aca.socket, 'poll:vote', { pollId, choice: 'o3' })).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'townhall.pollNotOpen' } });
    const final = await townhallAs(th, aca.joined.token);
    expect(final.polls[0]).toMatchObject({ poll: { status: 'closed' }, results: { overall: { ballots: 2 } }, ballot: { choice: 'o2' } });
  });

  it.skipIf(Boolean(skip))('POLL12 a draft can be deleted (staff are told, it stays gone after a restart); an opened poll cannot', async () => {
    const first = await start();
    const { url } = first;
    const th = await openTownHall(url);
    const moderator = await member(th, { displayName: 'Mo', stakeholderGroup: 'other', as: 'moderator' });
    const voter = await member(th, { displayName: 'Vo', stakeholderGroup: 'academia' });
    const f = th.created.facilitatorToken;
    const create = async (question: string) =>
      (await http(url, 'POST', `${th.base}/polls`, { token: f, body: { kind: 'single', question, options: ['Yes', 'No'] } })).body.poll.poll.id as string;
    const draft = await create('A typo?');
    const kept = await create('Kept');

    expect(await command(voter.socket, 'poll:delete', { pollId: draft })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const told = within(nextEvent(moderator.socket, 'poll:deleted'), 'the moderator is told');
    expect(await command(th.facilitator.socket, 'poll:delete', { pollId: draft })).toEqual({ ok: true });
    expect((await told)[0]).toEqual({ pollId: draft });
    expect(await command(th.facilitator.socket, 'poll:delete', { pollId: draft })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    expect(await command(th.facilitator.socket, 'poll:open', { pollId: kept })).toMatchObject({ ok: true });
    expect(await command(voter.socket, 'poll:vote', { pollId: kept, choice: 'o1' })).toMatchObject({ ok: true });
    const refused = await http(url, 'DELETE', `${th.base}/polls/${kept}`, { token: f });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/draft/);

    await stop(first);
    const second = await start({ port: first.port });
    expect((await townhallAs(th, f, second.url)).polls.map((p) => p.poll.id)).toEqual([kept]);
  });

  it.skipIf(Boolean(skip))('POLL5 POLL9 POLL10 rating and word cloud polls', async () => {
    const { url } = await start();
    const th = await openTownHall(url);
    const people = await Promise.all(['A', 'B', 'C'].map((name) => member(th, { displayName: name })));
    const rating = await command(th.facilitator.socket, 'poll:create', { kind: 'rating', question: 'How useful?', scale: { min: 1, max: 5, minLabel: 'not', maxLabel: 'very' } });
    const cloud = await command(th.facilitator.socket, 'poll:create', { kind: 'text', question: 'One word?', maxEntries: 2 });
    if (!rating.ok || !cloud.ok) throw new Error('create failed');
    for (const poll of [rating, cloud]) await command(th.facilitator.socket, 'poll:open', { pollId: poll.poll.poll.id });
    await command(people[0]!.socket, 'poll:vote', { pollId: rating.poll.poll.id, choice: 4 });
    await command(people[1]!.socket, 'poll:vote', { pollId: rating.poll.poll.id, choice: 5 });
    expect(await command(people[2]!.socket, 'poll:vote', { pollId: rating.poll.poll.id, choice: 9 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await command(people[0]!.socket, 'poll:vote', { pollId: cloud.poll.poll.id, choice: ['Straße', 'trust'] })).toMatchObject({
      ok: true,
      ballot: { choice: ['Straße', 'trust'] },
    });
    await command(people[1]!.socket, 'poll:vote', { pollId: cloud.poll.poll.id, choice: 'STRASSE' });
    await command(people[2]!.socket, 'poll:vote', { pollId: cloud.poll.poll.id, choice: ' straße ' });
    const staff = await townhallAs(th, th.created.facilitatorToken);
    const byId = new Map(staff.polls.map((p) => [p.poll.id, p]));
    expect(byId.get(rating.poll.poll.id)?.results?.overall.rating?.average).toBe(4.5);
    // Three spellings of one word count together; a tie shows the spelling that sorts first.
    expect(byId.get(cloud.poll.poll.id)?.results?.overall.words).toEqual([
      { key: 'strasse', word: 'STRASSE', count: 3 },
      { key: 'trust', word: 'trust', count: 1 },
    ]);
  });

  it.skipIf(Boolean(skip))('captions reach everyone line by line and the transcript keeps them', async () => {
    const { url } = await start();
    const th = await openTownHall(url, { languages: ['en', 'fr'] });
    const captioner = await member(th, { displayName: 'Cap', as: 'captioner', language: 'fr' });
    const listener = await member(th, { displayName: 'Listener' });
    const projector = await connect(url, th.created.projectorKey);
    const heard = within(nextEvent(listener.socket, 'caption:lines'), 'captions');
    const onScreen = within(nextEvent(projector.socket, 'caption:lines'), 'captions on the projector');
    const added = await command(captioner.socket, 'caption:add', { text: 'Bonjour à tous.\n\nNous commençons.' });
    expect(added).toMatchObject({
      ok: true,
      captions: [
        { text: 'Bonjour à tous.', language: 'fr' },
        { text: 'Nous commençons.', language: 'fr' },
      ],
    });
    expect((await heard)[0].map((c) => c.text)).toEqual(['Bonjour à tous.', 'Nous commençons.']);
    await onScreen;
    expect(await command(captioner.socket, 'caption:add', { text: '<b>Welcome</b>', language: 'en' })).toMatchObject({ ok: true, captions: [{ text: '<b>Welcome</b>' }] });
    expect(await command(captioner.socket, 'caption:add', { text: ' \n ' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await command(listener.socket, 'caption:add', { text: 'Not mine to write' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const transcript = await http(url, 'GET', `${th.base}/captions`, { token: listener.joined.token });
    expect(transcript.body.captions.map((c: { text: string }) => c.text)).toEqual(['Bonjour à tous.', 'Nous commençons.', '<b>Welcome</b>']);
    expect((await connect(url, listener.joined.token)).state.townhall?.captions).toHaveLength(3);
  });

  it.skipIf(Boolean(skip))('AGENDA1 AGENDA2 AGENDA3 AGENDA5 the facilitator runs the agenda; its time running out is announced', { timeout: 30_000 }, async () => {
    const { url } = await start();
    const th = await openTownHall(url);
    const watcher = await member(th, { displayName: 'Watcher' });
    const f = { token: th.created.facilitatorToken };
    expect((await http(url, 'POST', `${th.base}/agenda`, { ...f, body: { title: 'Welcome', durationMinutes: 0.02 } })).status).toBe(201);
    const second = await http(url, 'POST', `${th.base}/agenda`, { ...f, body: { title: 'Open floor', durationMinutes: 30 } });
    const secondId: string = second.body.agenda.items[1].id;
    expect((await http(url, 'PATCH', `${th.base}/agenda/${secondId}`, { ...f, body: { title: 'Open floor and Q&A' } })).body.agenda.items[1].title).toBe('Open floor and Q&A');

    const started = within(
      nextEvent(watcher.socket, 'agenda:changed', (a) => a.currentId !== null),
      'the first item starts',
    );
    const timeUp = within(nextEvent(watcher.socket, 'townhall:time-up'), 'time up', 10_000);
    const next = await http(url, 'POST', `${th.base}/agenda/next`, { ...f, body: {} });
    expect(next.body.agenda).toMatchObject({ items: [{ title: 'Welcome', status: 'current' }, { status: 'upcoming' }], timer: { status: 'running', durationMs: 1_200 } });
    await started;
    expect((await timeUp)[0]).toEqual({ timer: 'agenda', at: next.body.agenda.timer.deadline });

    expect(await command(th.facilitator.socket, 'agenda:next', {})).toMatchObject({
      ok: true,
      agenda: { currentId: secondId, items: [{ status: 'done' }, { status: 'current' }] },
    });
    expect(await command(th.facilitator.socket, 'agenda:edit', { itemId: secondId, durationMinutes: 10 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await command(th.facilitator.socket, 'agenda:extend', { minutes: 5 })).toMatchObject({ ok: true, agenda: { timer: { durationMs: 35 * 60_000 } } });
    expect(await command(th.facilitator.socket, 'agenda:pause', {})).toMatchObject({ ok: true, agenda: { timer: { status: 'paused' } } });
    expect((await townhallAs(th, watcher.joined.token)).agenda).toMatchObject({ currentId: secondId, timer: { status: 'paused' } });
    expect(await command(th.facilitator.socket, 'agenda:next', {})).toMatchObject({ ok: true, agenda: { currentId: null, items: [{ status: 'done' }, { status: 'done' }] } });
    expect(await command(th.facilitator.socket, 'agenda:next', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it.skipIf(Boolean(skip))(
    "POLL13 anonymous live results: 4 answers, Academia 3, Government 1: the breakdown leaves out Academia too, so no option's overall count gives Government's answer back",
    async () => {
      const { url } = await start();
      const th = await openTownHall(url, { attribution: 'anonymous' });
      const voters = [];
      for (const [n, stakeholderGroup] of (['academia', 'academia', 'academia', 'government'] as const).entries())
        voters.push(await member(th, { displayName: `Voter ${n}`, stakeholderGroup }));
      const created = await http(url, 'POST', `${th.base}/polls`, {
        token: th.created.facilitatorToken,
        body: { kind: 'single', question: 'Which first?', options: ['Access', 'Skills'] },
      });
      const pollId: string = created.body.poll.poll.id;
      expect(await command(th.facilitator.socket, 'poll:open', { pollId })).toMatchObject({ ok: true });
      const four = within(
        nextEvent(th.facilitator.socket, 'poll:results', (r) => r.overall.ballots === 4),
        'four answers',
      );
      for (const [n, voter] of voters.entries()) expect(await command(voter.socket, 'poll:vote', { pollId, choice: n === 3 ? 'o2' : 'o1' })).toMatchObject({ ok: true });
      const [results] = await four;
      expect(results.overall.options?.map((o) => o.count)).toEqual([3, 1]);
      expect(results.byGroup).toEqual({});
    },
  );
});
