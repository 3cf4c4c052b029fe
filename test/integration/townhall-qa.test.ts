import { describe, expect, it } from 'vitest';
import type { QuestionItem } from '../../shared/src/protocol/index.js';
import { createSession, http, join } from '../helpers/api.js';
import { command, connect, nextEvent } from '../helpers/socket.js';
import { storageTargets } from '../helpers/storage-kinds.js';
import { member, openTownHall, record, townhallAs, serversPerTest } from '../helpers/townhall.js';
import { within } from '../helpers/wait.js';

// Town Hall Q&A with real clients (issue 5): pre-moderation, merges with overlapping voters,
// second tabs and reconnects that must not vote twice, and café sessions refusing Q&A.

const targets = await storageTargets();

describe.each(targets)('Town Hall Q&A on $kind', ({ kind, skip }) => {
  const { start } = serversPerTest(kind);

  it.skipIf(Boolean(skip))('QA1 QA2 QA3 QA4 pre-moderation: a question waits, only its author and staff see it, then everyone once approved', async () => {
    const { url } = await start();
    const th = await openTownHall(url);
    expect(await command(th.facilitator.socket, 'townhall:configure', { moderation: 'pre' })).toMatchObject({ ok: true, settings: { moderation: 'pre' } });
    const moderator = await member(th, { displayName: 'Mo', as: 'moderator' });
    const author = await member(th, { displayName: 'Ama', stakeholderGroup: 'government' });
    const other = await member(th, { displayName: 'Ben' });
    const projector = await connect(url, th.created.projectorKey);
    const otherSaw = record<QuestionItem>(other.socket, 'qa:question');
    const projectorSaw = record<QuestionItem>(projector.socket, 'qa:question');

    const modSees = within(nextEvent(moderator.socket, 'qa:question'), 'the moderator told');
    const asked = await command(author.socket, 'qa:ask', { text: '  How will   remote hubs\nbe heard? ' });
    expect(asked).toMatchObject({ ok: true, question: { text: 'How will remote hubs be heard?', status: 'pending', mine: true, votes: 0 } });
    const question = asked.ok ? asked.question : (undefined as never);
    const [forModerator] = await modSees;
    // Staff see the author as everyone does (ATTR4, `group`: the group only), and no id outside `named`.
    expect(forModerator).toMatchObject({ id: question.id, status: 'pending', mine: false, authorId: null, author: { displayName: null, stakeholderGroup: 'government' } });
    expect((await townhallAs(th, other.joined.token)).qa.questions).toEqual([]);
    expect((await townhallAs(th, author.joined.token)).qa.questions).toMatchObject([{ id: question.id, status: 'pending', mine: true, authorId: null }]);
    // Nobody but the author and staff can vote on it yet.
    expect(await command(other.socket, 'qa:vote', { questionId: question.id, up: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const otherSees = within(nextEvent(other.socket, 'qa:question'), 'the approved question');
    const projectorSees = within(nextEvent(projector.socket, 'qa:question'), 'the projector told');
    const authorSees = within(nextEvent(author.socket, 'qa:question'), 'the author told');
    expect(await command(moderator.socket, 'qa:approve', { questionId: question.id })).toMatchObject({ ok: true, question: { status: 'visible' } });
    const [seen] = await otherSees;
    expect(seen).toMatchObject({ id: question.id, status: 'visible', mine: false, authorId: null, hiddenReason: null });
    expect((await authorSees)[0]).toMatchObject({ id: question.id, status: 'visible', mine: true });
    expect(otherSaw.map((q) => q.status)).toEqual(['visible']); // never the pending one
    expect((await projectorSees)[0]).toMatchObject({ id: question.id, status: 'visible', mine: false });
    expect(projectorSaw.map((q) => q.status)).toEqual(['visible']);

    // Hidden with a reason: the author sees the reason, everyone else is told it is gone.
    const gone = within(nextEvent(other.socket, 'qa:gone'), 'qa:gone');
    const authorHidden = within(
      nextEvent(author.socket, 'qa:question', (q) => q.status === 'hidden'),
      'the author sees the reason',
    );
    expect(await command(moderator.socket, 'qa:hide', { questionId: question.id, reason: 'Off topic' })).toMatchObject({ ok: true });
    expect((await gone)[0]).toEqual({ questionId: question.id });
    expect((await authorHidden)[0]).toMatchObject({ status: 'hidden', hiddenReason: 'Off topic' });
    expect((await townhallAs(th, other.joined.token)).qa.questions).toEqual([]);

    // Anonymous questions show no author to anyone, staff included (QA10).
    const anon = await command(author.socket, 'qa:ask', { text: 'Who decides?', anonymous: true });
    expect(anon).toMatchObject({ ok: true, question: { anonymous: true, author: null, mine: true } });
    const staffView = (await townhallAs(th, th.created.facilitatorToken)).qa.questions.find((q) => q.text === 'Who decides?');
    expect(staffView).toMatchObject({ author: null, authorId: null, mine: false });
  });

  it.skipIf(Boolean(skip))('QA8 QA9 QA13 a merge with overlapping voters adds up, counts nobody twice and drops the target author', async () => {
    const { url } = await start();
    const th = await openTownHall(url);
    const [a, b, c, d, e] = await Promise.all(['A', 'B', 'C', 'D', 'E'].map((name) => member(th, { displayName: name })));
    const q1 = await command(a!.socket, 'qa:ask', { text: 'Funding for remote hubs?' });
    const q2 = await command(b!.socket, 'qa:ask', { text: 'Who pays for the remote hubs?' });
    if (!q1.ok || !q2.ok) throw new Error('ask failed');
    const vote = (m: typeof a, id: string, up = true) => command(m!.socket, 'qa:vote', { questionId: id, up });
    await vote(c, q1.question.id);
    await vote(d, q1.question.id);
    await vote(d, q2.question.id);
    await vote(e, q2.question.id);
    expect(await vote(a, q2.question.id)).toMatchObject({ ok: true, votes: 3 }); // A is the target's author
    expect(await vote(a, q1.question.id)).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'townhall.ownQuestion' } }); // not one's own

    const everyone = within(
      nextEvent(c!.socket, 'qa:question', (q) => q.id === q1.question.id && q.votes === 3),
      'the merged count',
    );
    const goneForC = within(nextEvent(c!.socket, 'qa:gone'), 'the duplicate gone');
    const eTold = within(nextEvent(e!.socket, 'qa:voted'), 'E told where the vote went');
    const merged = await command(th.facilitator.socket, 'qa:merge', { sourceId: q2.question.id, targetId: q1.question.id });
    // Q1 had C and D; Q2 brings D (already there), E, and A (Q1's author: dropped).
    expect(merged).toMatchObject({ ok: true, question: { id: q1.question.id, votes: 3 } });
    await everyone;
    expect((await goneForC)[0]).toEqual({ questionId: q2.question.id });
    expect((await eTold)[0]).toEqual({ questionId: q1.question.id, voted: true });

    // Voting on the duplicate counts for the target, once; D voted for both and counts once.
    expect(await vote(d, q2.question.id)).toMatchObject({ ok: true, questionId: q1.question.id, votes: 3 });
    expect(await vote(e, q1.question.id)).toMatchObject({ ok: true, votes: 3 });
    expect(await vote(b, q1.question.id)).toMatchObject({ ok: true, votes: 4 }); // B's own question was the duplicate
    expect(await vote(e, q1.question.id, false)).toMatchObject({ ok: true, votes: 3 });

    const staff = await townhallAs(th, th.created.facilitatorToken);
    expect(staff.qa.questions.find((q) => q.id === q1.question.id)?.votes).toBe(3);
    expect(staff.qa.questions.find((q) => q.id === q2.question.id)).toMatchObject({ status: 'hidden', mergedInto: q1.question.id, votes: 0 });
    expect((await townhallAs(th, b!.joined.token)).qa.myVotes).toEqual([q1.question.id]);
    // B, the duplicate's author, still sees where it went.
    expect((await townhallAs(th, b!.joined.token)).qa.questions.find((q) => q.id === q2.question.id)).toMatchObject({ mergedInto: q1.question.id, mine: true });
  });

  it.skipIf(Boolean(skip))('QA9 a second tab or a reconnect with the same token never votes twice', async () => {
    const { url } = await start();
    const th = await openTownHall(url);
    const asker = await member(th, { displayName: 'Asker' });
    const voter = await member(th, { displayName: 'Voter' });
    const secondTab = await connect(url, voter.joined.token);
    const asked = await command(asker.socket, 'qa:ask', { text: 'Will the slides be shared?' });
    if (!asked.ok) throw new Error('ask failed');
    const id = asked.question.id;

    const otherTabTold = within(nextEvent(secondTab.socket, 'qa:voted'), 'the other tab told');
    const counts = within(
      nextEvent(asker.socket, 'qa:votes', (c) => c[id] === 1),
      'the count reaches others',
    );
    // Both tabs at once: one vote.
    const [first, second] = await Promise.all([command(voter.socket, 'qa:vote', { questionId: id, up: true }), command(secondTab.socket, 'qa:vote', { questionId: id, up: true })]);
    expect(first).toMatchObject({ ok: true, votes: 1 });
    expect(second).toMatchObject({ ok: true, votes: 1 });
    expect((await otherTabTold)[0]).toEqual({ questionId: id, voted: true });
    await counts;

    // A reconnect (a new connection with the same token) retries: still one.
    voter.socket.close();
    const back = await connect(url, voter.joined.token);
    expect(back.state.townhall?.qa.myVotes).toEqual([id]);
    expect(await command(back.socket, 'qa:vote', { questionId: id, up: true })).toMatchObject({ ok: true, votes: 1 });
    // Over HTTP too.
    const viaHttp = await http(url, 'POST', `${th.base}/questions/${id}/vote`, { token: voter.joined.token, body: { up: true } });
    expect(viaHttp.body).toMatchObject({ questionId: id, votes: 1 });
    expect((await townhallAs(th, asker.joined.token)).qa.questions[0]?.votes).toBe(1);
  });

  it.skipIf(Boolean(skip))('QA9 QA13 forty votes at once (one stored batch) count forty, and everyone ends on the same count', async () => {
    const { url } = await start();
    const th = await openTownHall(url);
    const asker = await member(th, { displayName: 'Asker' });
    const asked = await command(asker.socket, 'qa:ask', { text: 'Popular?' });
    if (!asked.ok) throw new Error('ask failed');
    const id = asked.question.id;
    const voters = await Promise.all(Array.from({ length: 40 }, (_, i) => member(th, { displayName: `V${i}` })));
    const final = within(
      nextEvent(asker.socket, 'qa:votes', (c) => c[id] === 40),
      'the final count',
    );
    const acks = await Promise.all(voters.flatMap((v) => [command(v.socket, 'qa:vote', { questionId: id, up: true }), command(v.socket, 'qa:vote', { questionId: id, up: true })]));
    expect(acks.every((a) => a.ok)).toBe(true);
    // Whichever of a person's two votes was decided first counted (with the lower count); the
    // other added nothing. So the lower counts of the pairs are 1…40, each once.
    const counts = acks.map((a) => (a.ok ? a.votes : -1));
    const effective = voters.map((_, i) => Math.min(counts[2 * i]!, counts[2 * i + 1]!)).sort((a, b) => a - b);
    expect(effective).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    await final;
    expect((await townhallAs(th, asker.joined.token)).qa.questions[0]?.votes).toBe(40);
  });

  it.skipIf(Boolean(skip))('QA17 a question marked answered by mistake is open again, for everyone, over Socket.IO and HTTP', async () => {
    const { url } = await start();
    const th = await openTownHall(url);
    const asker = await member(th, { displayName: 'Asker' });
    const voter = await member(th, { displayName: 'Voter' });
    const projector = await connect(url, th.created.projectorKey);
    const asked = await command(asker.socket, 'qa:ask', { text: 'Who pays for the hubs?' });
    if (!asked.ok) throw new Error('ask failed');
    const id = asked.question.id;
    expect(await command(voter.socket, 'qa:vote', { questionId: id, up: true })).toMatchObject({ ok: true, votes: 1 });
    expect(await command(th.facilitator.socket, 'qa:answer', { questionId: id })).toMatchObject({ ok: true, question: { status: 'answered' } });

    // Only moderators may take it back; an answered question is the only kind that can be.
    expect(await command(voter.socket, 'qa:reopen', { questionId: id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const reopened = within(
      nextEvent(projector.socket, 'qa:question', (q) => q.id === id && q.status === 'visible'),
      'the projector sees it open again',
    );
    expect(await command(th.facilitator.socket, 'qa:reopen', { questionId: id })).toMatchObject({ ok: true, question: { id, status: 'visible', votes: 1, answeredAt: null } });
    await reopened;
    expect(await command(th.facilitator.socket, 'qa:reopen', { questionId: id })).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'townhall.cannotReopen' } });
    // It takes votes again.
    expect(await command(asker.socket, 'qa:vote', { questionId: id, up: false })).toMatchObject({ ok: true });

    // The same command over HTTP: DELETE …/answer.
    expect(await command(th.facilitator.socket, 'qa:answer', { questionId: id })).toMatchObject({ ok: true });
    const viaHttp = await http(url, 'DELETE', `${th.base}/questions/${id}/answer`, { token: th.created.facilitatorToken });
    expect(viaHttp.status).toBe(200);
    expect(viaHttp.body).toMatchObject({ question: { id, status: 'visible' } });
    expect((await townhallAs(th, voter.joined.token)).qa.questions).toMatchObject([{ id, status: 'visible', votes: 1 }]);
  });

  it.skipIf(Boolean(skip))('QA6 QA7 pinning "now answering" and marking answered reach the projector', async () => {
    const { url } = await start();
    const th = await openTownHall(url);
    const asker = await member(th, { displayName: 'Asker' });
    const projector = await connect(url, th.created.projectorKey);
    const a = await command(asker.socket, 'qa:ask', { text: 'First question?' });
    const b = await command(asker.socket, 'qa:ask', { text: 'Second question?' });
    if (!a.ok || !b.ok) throw new Error('ask failed');
    const pinned = within(
      nextEvent(projector.socket, 'qa:question', (q) => q.pinned),
      'the pinned question on the projector',
    );
    expect(await command(th.facilitator.socket, 'qa:pin', { questionId: a.question.id })).toMatchObject({ ok: true, question: { pinned: true } });
    expect((await pinned)[0].id).toBe(a.question.id);
    // Pinning another unpins the first.
    const unpinned = within(
      nextEvent(projector.socket, 'qa:question', (q) => q.id === a.question.id && !q.pinned),
      'the first unpinned',
    );
    expect(await command(th.facilitator.socket, 'qa:pin', { questionId: b.question.id })).toMatchObject({ ok: true });
    await unpinned;
    expect(await command(th.facilitator.socket, 'qa:answer', { questionId: b.question.id })).toMatchObject({ ok: true, question: { status: 'answered', pinned: false } });
    expect(await command(th.facilitator.socket, 'qa:vote', { questionId: b.question.id, up: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await command(th.facilitator.socket, 'qa:edit', { questionId: a.question.id, text: 'First question, fixed?' })).toMatchObject({
      ok: true,
      question: { text: 'First question, fixed?' },
    });
    const projected = await townhallAs(th, th.created.projectorKey);
    expect(projected.qa.questions.map((q) => [q.text, q.status, q.pinned])).toEqual([
      ['First question, fixed?', 'visible', false],
      ['Second question?', 'answered', false],
    ]);
    expect(projected.you).toBeNull();
    expect(projected.queue).toBeNull();
  });

  it.skipIf(Boolean(skip))('a café session refuses Town Hall commands with a clear conflict', async () => {
    const { url } = await start();
    const cafe = await createSession(url, { title: 'Café', format: 'cafe' });
    const guest = await join(url, cafe.session.joinCode, { displayName: 'Guest' });
    const { socket } = await connect(url, guest.token);
    expect(await command(socket, 'qa:ask', { text: 'Here?' })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'This session is a World Café, not a Town Hall', reason: 'townhall.notTownhall' },
    });
    expect(await command(socket, 'hand:raise', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const viaHttp = await http(url, 'GET', `/api/sessions/${cafe.session.id}/townhall`, { token: guest.token });
    expect(viaHttp.status).toBe(409);
    const { state } = await connect(url, cafe.facilitatorToken);
    expect(state.townhall).toBeUndefined();
  });
});
