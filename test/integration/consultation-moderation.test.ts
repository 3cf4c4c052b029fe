import { describe, expect, it } from 'vitest';
import { member, ok, openConsultation } from '../helpers/consultation.js';
import { command, connect, nextEvent } from '../helpers/socket.js';
import { storageTargets } from '../helpers/storage-kinds.js';
import { serversPerTest } from '../helpers/townhall.js';

// Moderation (CONS9–CONS14) and official responses (CONS15–CONS16) on SQLite and PostgreSQL.

const targets = await storageTargets();

describe.each(targets)('consultation moderation and responses on $kind', ({ kind, skip }) => {
  const { start } = serversPerTest(kind);

  it.skipIf(Boolean(skip))(
    'CONS9 CONS10 pre-moderation: pending to staff and the author only, approved to everyone; hidden with a reason the author sees',
    { timeout: 30_000 },
    async () => {
      const server = await start();
      const c = await openConsultation(server.url, { settings: { moderation: 'pre' } });
      const [a, b] = [await member(server.url, c, 'A'), await member(server.url, c, 'B')];
      const staffHears = nextEvent(c.facilitator, 'contribution:changed');
      const counts = nextEvent(c.facilitator, 'moderation:counts', (m) => m.pending === 1);
      const sent = await ok(a.socket, 'contribution:submit', { questionId: c.questionId, title: 'Wait for me', text: 'Pending first' });
      expect(sent.contribution.status).toBe('pending');
      expect((await staffHears)[0]).toMatchObject({ id: sent.contribution.id, status: 'pending' });
      await counts;
      // Others cannot see, comment on or support it.
      expect(await command(b.socket, 'contribution:get', { contributionId: sent.contribution.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await command(b.socket, 'contribution:support', { contributionId: sent.contribution.id, support: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      const everyoneHears = nextEvent(b.socket, 'contribution:changed', (v) => v.id === sent.contribution.id);
      await ok(c.facilitator, 'contribution:approve', { contributionId: sent.contribution.id });
      expect((await everyoneHears)[0]).toMatchObject({ status: 'published', hiddenReason: null });
      await ok(b.socket, 'contribution:support', { contributionId: sent.contribution.id, support: true });
      // Hidden: gone for others, the author is told why.
      const gone = nextEvent(b.socket, 'contribution:gone');
      const told = nextEvent(a.socket, 'contribution:mine', (v) => v.status === 'hidden');
      await ok(c.facilitator, 'contribution:hide', { contributionId: sent.contribution.id, reason: 'Please keep to the question' });
      expect((await gone)[0]).toEqual({ contributionId: sent.contribution.id, mergedInto: null });
      expect((await told)[0].hiddenReason).toBe('Please keep to the question');
      // A support on a hidden contribution can still be taken back, freeing the slot.
      expect(await ok(b.socket, 'contribution:support', { contributionId: sent.contribution.id, support: false })).toMatchObject({ supports: 0, supported: [] });
      const { state } = await connect(server.url, a.token);
      expect(state.consultation!.you!.mine).toMatchObject([{ status: 'hidden', hiddenReason: 'Please keep to the question' }]);
    },
  );

  it.skipIf(Boolean(skip))(
    'CONS11 merge: supports add up, nobody counted twice, a double supporter gets a slot back, comments move, the author sees where it went',
    { timeout: 30_000 },
    async () => {
      const server = await start();
      const c = await openConsultation(server.url, { settings: { supportsPerQuestion: 2 } });
      const [author1, author2, x, y, z] = await Promise.all(['A1', 'A2', 'X', 'Y', 'Z'].map((n) => member(server.url, c, n)));
      const source = (await ok(author1!.socket, 'contribution:submit', { questionId: c.questionId, title: 'Open data', text: 'Duplicate' })).contribution;
      const target = (await ok(author2!.socket, 'contribution:submit', { questionId: c.questionId, title: 'Open data please', text: 'Original' })).contribution;
      for (const p of [x!, y!]) await ok(p.socket, 'contribution:support', { contributionId: source.id, support: true });
      for (const p of [y!, z!]) await ok(p.socket, 'contribution:support', { contributionId: target.id, support: true });
      await ok(x!.socket, 'contribution:comment', { contributionId: source.id, stance: 'agree', text: 'Yes' });
      const yTold = nextEvent(y!.socket, 'consultation:you', (you) => (you.supported[c.questionId] ?? []).length === 1);
      const merged = await ok(c.facilitator, 'contribution:merge', { sourceId: source.id, targetId: target.id });
      expect(merged.contribution).toMatchObject({ id: target.id, supports: 3, comments: 1, stances: { agree: 1 } });
      // Y supported both: one support is theirs again.
      expect((await yTold)[0].supported[c.questionId]).toEqual([target.id]);
      const sourceNow = await ok(c.facilitator, 'contribution:get', { contributionId: source.id });
      expect(sourceNow.contribution).toMatchObject({ status: 'hidden', supports: 0, comments: 0, mergedInto: target.id });
      // The author reads it as merged (into which), after a reload too; nobody else is told where it went.
      expect((await ok(author1!.socket, 'contribution:get', { contributionId: source.id })).contribution.mergedInto).toBe(target.id);
      expect((await ok(author1!.socket, 'session:sync', {})).state.consultation!.you!.mine.find((m) => m.id === source.id)!.mergedInto).toBe(target.id);
      expect((await command(x!.socket, 'contribution:get', { contributionId: source.id })).ok).toBe(false);
      expect(await command(c.facilitator, 'contribution:merge', { sourceId: source.id, targetId: target.id })).toMatchObject({
        ok: false,
        error: { reason: 'consultation.alreadyMerged' },
      });
    },
  );

  it.skipIf(Boolean(skip))('CONS12 CONS13 CONS14 flags at the threshold send it back for review; approve marks it reviewed; tags and carry', { timeout: 30_000 }, async () => {
    const server = await start();
    const c = await openConsultation(server.url, { settings: { flagThreshold: 2 } });
    const [a, b, d] = [await member(server.url, c, 'A'), await member(server.url, c, 'B'), await member(server.url, c, 'D')];
    const sent = (await ok(a.socket, 'contribution:submit', { questionId: c.questionId, title: 'Loud', text: 'Very loud' })).contribution;
    await ok(b.socket, 'contribution:flag', { contributionId: sent.id, reason: 'abusive' });
    await ok(b.socket, 'contribution:flag', { contributionId: sent.id, reason: 'abusive' }); // the same person counts once
    expect((await ok(c.facilitator, 'contribution:get', { contributionId: sent.id })).contribution).toMatchObject({ status: 'published', flags: 1 });
    expect((await ok(b.socket, 'contribution:get', { contributionId: sent.id })).contribution.flags).toBe(0); // staff only
    await ok(d.socket, 'contribution:flag', { contributionId: sent.id, reason: 'off-topic' });
    expect((await ok(c.facilitator, 'contribution:get', { contributionId: sent.id })).contribution).toMatchObject({ status: 'pending', flags: 2 });
    const { state } = await connect(server.url, c.created.facilitatorToken);
    expect(state.consultation!.moderation).toMatchObject({ pending: 1, flagged: 1 });
    await ok(c.facilitator, 'contribution:approve', { contributionId: sent.id });
    const tagged = await ok(c.facilitator, 'contribution:tag', { contributionId: sent.id, themes: [' Water ', 'water', 'Data'] });
    expect(tagged.contribution.themes).toEqual(['Water', 'Data']);
    expect((await ok(c.facilitator, 'contribution:carry', { contributionId: sent.id, carry: true })).contribution.carry).toBe(true);
    expect(await command(a.socket, 'contribution:tag', { contributionId: sent.id, themes: ['x'] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await ok(c.facilitator, 'contribution:get', { contributionId: sent.id })).contribution.status).toBe('published');
  });

  it.skipIf(Boolean(skip))(
    'CONS15 CONS16 official responses: the author sees the status on their own, everyone on the contribution; a new one moves the link',
    { timeout: 30_000 },
    async () => {
      const server = await start();
      const c = await openConsultation(server.url);
      const [a, b] = [await member(server.url, c, 'A'), await member(server.url, c, 'B')];
      const one = (await ok(a.socket, 'contribution:submit', { questionId: c.questionId, title: 'One', text: 'First' })).contribution;
      const two = (await ok(b.socket, 'contribution:submit', { questionId: c.questionId, title: 'Two', text: 'Second' })).contribution;
      const aTold = nextEvent(a.socket, 'contribution:mine', (v) => v.response !== null);
      const bSees = nextEvent(b.socket, 'contribution:changed', (v) => v.id === one.id && v.response !== null);
      const written = await ok(c.facilitator, 'response:write', { contributionIds: [one.id, two.id], status: 'partly-taken-up', text: 'Section 3 takes up part of this.' });
      expect(written.response).toMatchObject({ status: 'partly-taken-up', contributionIds: [one.id, two.id].sort() });
      expect((await aTold)[0].response).toMatchObject({ id: written.response.id, status: 'partly-taken-up' });
      expect((await bSees)[0].response?.text).toBe('Section 3 takes up part of this.');
      // A new response for `two` moves its link; the first answers `one` only.
      const second = await ok(c.facilitator, 'response:write', { contributionIds: [two.id], status: 'not-taken-up', text: 'Out of scope.' });
      expect((await ok(b.socket, 'contribution:get', { contributionId: two.id })).contribution.response).toMatchObject({ id: second.response.id, status: 'not-taken-up' });
      expect((await ok(b.socket, 'contribution:get', { contributionId: one.id })).contribution.response).toMatchObject({ id: written.response.id, contributionIds: [one.id] });
      await ok(c.facilitator, 'response:edit', { responseId: written.response.id, status: 'taken-up' });
      const { state } = await connect(server.url, a.token);
      expect(state.consultation!.you!.mine[0]!.response).toMatchObject({ status: 'taken-up', editedAt: expect.any(Number) });
      await ok(c.facilitator, 'response:delete', { responseId: second.response.id });
      expect((await ok(b.socket, 'contribution:get', { contributionId: two.id })).contribution.response).toBeNull();
      expect(await command(a.socket, 'response:write', { contributionIds: [one.id], status: 'taken-up', text: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    },
  );
  it.skipIf(Boolean(skip))(
    'CONS6 CONS9 CONS10 comments: pre-moderated ones wait, approved ones count, hidden ones go with a reason the author sees',
    { timeout: 30_000 },
    async () => {
      const server = await start();
      const c = await openConsultation(server.url, { settings: { moderation: 'pre' } });
      const [a, b, d] = [await member(server.url, c, 'A'), await member(server.url, c, 'B'), await member(server.url, c, 'D')];
      const idea = (await ok(c.facilitator, 'contribution:submit', { questionId: c.questionId, title: 'Seed', text: 'From the organiser' })).contribution;
      expect(idea.status).toBe('published'); // staff's own need no approval
      const pending = (await ok(a.socket, 'contribution:comment', { contributionId: idea.id, stance: 'disagree', text: 'Not so sure' })).comment;
      expect(pending).toMatchObject({ status: 'pending', stance: 'disagree', author: { displayName: 'A' } });
      expect((await ok(b.socket, 'contribution:get', { contributionId: idea.id })).contribution.comments).toBe(0);
      const bHears = nextEvent(b.socket, 'comment:changed', (m) => m.id === pending.id);
      const approved = await ok(c.facilitator, 'comment:approve', { commentId: pending.id });
      expect(approved.comment.status).toBe('published');
      expect((await bHears)[0].status).toBe('published');
      expect((await ok(d.socket, 'contribution:get', { contributionId: idea.id })).contribution).toMatchObject({ comments: 1, stances: { disagree: 1 } });
      const gone = nextEvent(b.socket, 'comment:gone');
      const told = nextEvent(a.socket, 'comment:changed', (m) => m.status === 'hidden');
      await ok(c.facilitator, 'comment:hide', { commentId: pending.id, reason: 'Personal attack' });
      expect((await gone)[0]).toEqual({ commentId: pending.id, contributionId: idea.id });
      expect((await told)[0].hiddenReason).toBe('Personal attack');
      expect((await ok(d.socket, 'contribution:get', { contributionId: idea.id })).contribution).toMatchObject({ comments: 0, stances: { disagree: 0 } });
      expect(await command(c.facilitator, 'comment:hide', { commentId: pending.id, reason: 'Again' })).toMatchObject({
        ok: false,
        error: { reason: 'consultation.alreadyHidden' },
      });
    },
  );

  it.skipIf(Boolean(skip))(
    'CONS9 under pre-moderation an edit waits for approval again; a comment approved under a hidden contribution stays with staff and its author',
    { timeout: 30_000 },
    async () => {
      const server = await start();
      const c = await openConsultation(server.url, { settings: { moderation: 'pre' } });
      const [a, b] = [await member(server.url, c, 'A'), await member(server.url, c, 'B')];
      const sent = (await ok(a.socket, 'contribution:submit', { questionId: c.questionId, title: 'Budgets', text: 'Open them' })).contribution;
      await ok(c.facilitator, 'contribution:approve', { contributionId: sent.id });
      const bSeesGone = nextEvent(b.socket, 'contribution:gone', (m) => m.contributionId === sent.id);
      const edited = await ok(a.socket, 'contribution:edit', { contributionId: sent.id, text: 'Open them, and something else entirely' });
      expect(edited.contribution.status).toBe('pending');
      expect((await bSeesGone)[0].contributionId).toBe(sent.id);
      expect(await command(b.socket, 'contribution:get', { contributionId: sent.id })).toMatchObject({ ok: false });
      await ok(c.facilitator, 'contribution:approve', { contributionId: sent.id });
      expect((await ok(b.socket, 'contribution:get', { contributionId: sent.id })).contribution.text).toBe('Open them, and something else entirely');

      // A comment waits; meanwhile its contribution is hidden; approving the comment tells nobody else.
      const waiting = (await ok(b.socket, 'contribution:comment', { contributionId: sent.id, stance: 'agree', text: 'Yes' })).comment;
      await ok(c.facilitator, 'contribution:hide', { contributionId: sent.id, reason: 'Off topic' });
      const heard: string[] = [];
      const watcher = await member(server.url, c, 'W');
      watcher.socket.on('comment:changed', (m) => heard.push(m.id));
      const bHears = nextEvent(b.socket, 'comment:changed', (m) => m.id === waiting.id && m.status === 'published');
      await ok(c.facilitator, 'comment:approve', { commentId: waiting.id });
      await bHears; // the comment's author hears it, so any broadcast has gone out by now
      await ok(watcher.socket, 'session:sync', {});
      expect(heard).toEqual([]);
    },
  );

  it.skipIf(Boolean(skip))('CONS18 the counts of a contribution that is not public go to staff only', { timeout: 30_000 }, async () => {
    const server = await start();
    const c = await openConsultation(server.url);
    const [a, x, w] = [await member(server.url, c, 'A'), await member(server.url, c, 'X'), await member(server.url, c, 'W')];
    const sent = (await ok(a.socket, 'contribution:submit', { questionId: c.questionId, title: 'Trams', text: 'More trams' })).contribution;
    // The support's counts go to everyone while the contribution is public; they are sent a moment
    // later (coalesced), so wait for them before hiding, or they would arrive after the hide.
    const everyoneHears = nextEvent(w.socket, 'contribution:counts', ({ counts }) => counts[sent.id]?.supports === 1);
    await ok(x.socket, 'contribution:support', { contributionId: sent.id, support: true });
    await everyoneHears;
    await ok(c.facilitator, 'contribution:hide', { contributionId: sent.id, reason: 'Duplicate' });
    const seen: string[] = [];
    w.socket.on('contribution:counts', ({ counts }) => seen.push(...Object.keys(counts)));
    const staffHears = nextEvent(c.facilitator, 'contribution:counts', ({ counts }) => counts[sent.id]?.supports === 0);
    await ok(x.socket, 'contribution:support', { contributionId: sent.id, support: false });
    await staffHears;
    await ok(w.socket, 'session:sync', {});
    expect(seen).not.toContain(sent.id);
  });
});
