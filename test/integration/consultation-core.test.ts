import { describe, expect, it } from 'vitest';
import type { ContributionView } from '../../shared/src/protocol/index.js';
import { http } from '../helpers/api.js';
import { member, ok, openConsultation } from '../helpers/consultation.js';
import { command, connect, nextEvent } from '../helpers/socket.js';
import { storageTargets } from '../helpers/storage-kinds.js';
import { serversPerTest } from '../helpers/townhall.js';

// The consultation's core (docs/consultation.md, CONS1–CONS19) on SQLite and PostgreSQL, with real
// socket.io clients: phases, contributions, comments, supports, refusals that change nothing.

const targets = await storageTargets();

describe.each(targets)('consultation core on $kind', ({ kind, skip }) => {
  const { start } = serversPerTest(kind);

  it.skipIf(Boolean(skip))(
    'CONS1 CONS2 CONS7 a consultation through its phases with 50 clients: contribute, comment, support to the limit, close',
    { timeout: 90_000 },
    async () => {
      const server = await start();
      const c = await openConsultation(server.url, { phase: 'draft', settings: { supportsPerQuestion: 3 } });
      const people = await Promise.all(Array.from({ length: 50 }, (_, i) => member(server.url, c, `P${i}`)));
      // CONS1: in draft nothing is open yet.
      const early = await command(people[0]!.socket, 'contribution:submit', { questionId: c.questionId, title: 'Too early', text: 'Not yet' });
      expect(early).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'consultation.notOpenYet', params: { phase: 'draft' } } });
      // CONS2: by hand; everyone hears it.
      const heard = nextEvent(people[49]!.socket, 'consultation:changed');
      await ok(c.facilitator, 'consultation:set-phase', { phase: 'contributions' });
      expect((await heard)[0].phase).toBe('contributions');
      const ten = people.slice(0, 10);
      const contributions: ContributionView[] = [];
      for (const [i, p] of ten.entries()) {
        const ack = await ok(p.socket, 'contribution:submit', { questionId: c.questionId, title: `  Idea ${i} `, text: `Text of idea ${i}` });
        expect(ack.contribution).toMatchObject({ title: `Idea ${i}`, status: 'published', author: { displayName: `P${i}` } });
        contributions.push(ack.contribution);
      }
      // Everyone comments on idea 0 and supports up to the limit (3), all at once.
      await Promise.all(
        people.slice(10).map(async (p, i) => {
          await ok(p.socket, 'contribution:comment', { contributionId: contributions[0]!.id, stance: i % 2 ? 'agree' : 'disagree', text: 'Good point' });
          for (const target of contributions.slice(0, 3)) await ok(p.socket, 'contribution:support', { contributionId: target.id, support: true });
          const beyond = await command(p.socket, 'contribution:support', { contributionId: contributions[3]!.id, support: true });
          expect(beyond).toMatchObject({ ok: false, error: { reason: 'consultation.supportLimit', params: { limit: 3 } } });
        }),
      );
      const state = await ok(c.facilitator, 'contribution:get', { contributionId: contributions[0]!.id });
      expect(state.contribution).toMatchObject({ supports: 40, comments: 40, stances: { agree: 20, disagree: 20, neutral: 0 } });
      expect((await ok(c.facilitator, 'contribution:get', { contributionId: contributions[3]!.id })).contribution.supports).toBe(0);
      // CONS8: moveFrom moves one at the limit in one step.
      const moved = await ok(people[10]!.socket, 'contribution:support', { contributionId: contributions[3]!.id, support: true, moveFrom: contributions[2]!.id });
      expect(moved).toMatchObject({ supports: 1, remaining: 0 });
      expect(moved.supported.sort()).toEqual([contributions[0]!.id, contributions[1]!.id, contributions[3]!.id].sort());
      // CONS1: comments phase: no new contributions (phase named), comments and supports still.
      await ok(c.facilitator, 'consultation:set-phase', { phase: 'comments' });
      expect(await command(people[20]!.socket, 'contribution:submit', { questionId: c.questionId, title: 'Late', text: 'Late' })).toMatchObject({
        ok: false,
        error: { reason: 'consultation.contributionsClosed', params: { phase: 'comments' } },
      });
      expect(await command(people[0]!.socket, 'contribution:edit', { contributionId: contributions[0]!.id, text: 'Changed' })).toMatchObject({
        ok: false,
        error: { reason: 'consultation.contributionsClosed' },
      });
      await ok(people[20]!.socket, 'contribution:comment', { contributionId: contributions[1]!.id, stance: 'neutral', text: 'Still open for comments' });
      // CONS2: by date: a date a moment ahead closes it by itself.
      const closedHeard = nextEvent(people[30]!.socket, 'consultation:changed', (v) => v.phase === 'closed');
      await ok(c.facilitator, 'consultation:configure', { schedule: { closed: Date.now() + 400 } });
      expect((await closedHeard)[0].phase).toBe('closed');
      for (const attempt of [
        command(people[21]!.socket, 'contribution:comment', { contributionId: contributions[1]!.id, stance: 'agree', text: 'Too late' }),
        command(people[21]!.socket, 'contribution:support', { contributionId: contributions[4]!.id, support: true }),
      ]) {
        expect(await attempt).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'consultation.phaseClosed', params: { phase: 'closed' } } });
      }
      // The state on (re)connect carries the phase in force and the person's own things.
      const { state: again } = await connect(server.url, people[10]!.token);
      expect(again.consultation).toMatchObject({ consultation: { phase: 'closed', questions: [{ counts: { contributions: 10 } }] } });
      expect(again.consultation!.you!.supported[c.questionId]).toHaveLength(3);
    },
  );
  it.skipIf(Boolean(skip))('CONS3 CONS4 CONS6 CONS7 bad input is refused with a translated reason and changes nothing', { timeout: 30_000 }, async () => {
    const server = await start();
    const c = await openConsultation(server.url);
    const [a, b] = [await member(server.url, c, 'A'), await member(server.url, c, 'B')];
    const mine = await ok(a.socket, 'contribution:submit', { questionId: c.questionId, title: 'Mine', text: 'My idea' });
    const hidden = await ok(b.socket, 'contribution:submit', { questionId: c.questionId, title: 'Hidden', text: 'Will be hidden' });
    await ok(c.facilitator, 'contribution:hide', { contributionId: hidden.contribution.id, reason: 'Off topic' });
    const stateOf = async () => [
      (await http(server.url, 'GET', `/api/sessions/${c.created.session.id}`, { token: c.created.facilitatorToken })).body.consultation as unknown,
      (await http(server.url, 'GET', `/api/sessions/${c.created.session.id}`, { token: a.token })).body.consultation as unknown,
    ];
    const before = await stateOf();
    const refusals: [Promise<unknown>, object][] = [
      [command(a.socket, 'contribution:submit', { questionId: c.questionId, title: '   ', text: 'x' }), { reason: 'consultation.titleEmpty' }],
      [command(a.socket, 'contribution:submit', { questionId: c.questionId, title: 'x', text: ' \n ' }), { reason: 'consultation.textEmpty' }],
      [command(a.socket, 'contribution:submit', { questionId: c.questionId, title: 'x', text: 'y'.repeat(5_001) }), { reason: 'consultation.textTooLong', params: { max: 5_000 } }],
      [command(a.socket, 'contribution:submit', { questionId: 'no-such-question', title: 'x', text: 'y' }), { code: 'not_found', reason: 'consultation.questionNotFound' }],
      [command(a.socket, 'contribution:support', { contributionId: mine.contribution.id, support: true }), { reason: 'consultation.supportOwn' }],
      [
        command(a.socket, 'contribution:comment', { contributionId: hidden.contribution.id, stance: 'agree', text: 'Hello' }),
        { code: 'not_found', reason: 'consultation.contributionNotFound' },
      ],
      [command(a.socket, 'contribution:comment', { contributionId: mine.contribution.id, stance: 'agree', text: '  ' }), { reason: 'consultation.commentEmpty' }],
      [command(c.facilitator, 'consultation:configure', { schedule: { comments: Date.now() - 60_000 } }), { reason: 'consultation.dateInPast', params: { phase: 'comments' } }],
      [command(c.facilitator, 'consultation:configure', { schedule: { comments: Date.now() + 120_000, closed: Date.now() + 60_000 } }), { reason: 'consultation.dateOrder' }],
      [command(a.socket, 'contribution:edit', { contributionId: hidden.contribution.id, title: 'Not mine' }), { code: 'not_found' }],
    ];
    for (const [attempt, error] of refusals) expect(await attempt).toMatchObject({ ok: false, error: { message: expect.any(String), ...error } });
    // Over HTTP too, with the same reason.
    const viaHttp = await http(server.url, 'POST', `/api/sessions/${c.created.session.id}/consultation/contributions`, {
      token: a.token,
      body: { questionId: c.questionId, title: '', text: 'x' },
    });
    expect(viaHttp.status).toBe(409);
    expect(viaHttp.body.error).toMatchObject({ code: 'conflict', reason: 'consultation.titleEmpty' });
    expect(await stateOf()).toEqual(before);
  });

  it.skipIf(Boolean(skip))('CONS5 an edit keeps the old text as a version staff can read; the author is told on their own connections', { timeout: 30_000 }, async () => {
    const server = await start();
    const c = await openConsultation(server.url);
    const a = await member(server.url, c, 'A');
    const first = await ok(a.socket, 'contribution:submit', { questionId: c.questionId, title: 'First', text: 'First text' });
    const told = nextEvent(a.socket, 'contribution:mine', (v) => v.title === 'Second');
    const edited = await ok(a.socket, 'contribution:edit', { contributionId: first.contribution.id, title: 'Second', text: 'Second text' });
    expect(edited.contribution).toMatchObject({ title: 'Second', versions: 1, editedAt: expect.any(Number) });
    expect((await told)[0].text).toBe('Second text');
    const versions = await ok(c.facilitator, 'contribution:versions', { contributionId: first.contribution.id });
    expect(versions.versions).toMatchObject([{ version: 1, title: 'First', text: 'First text' }]);
    expect(await command(a.socket, 'contribution:versions', { contributionId: first.contribution.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
