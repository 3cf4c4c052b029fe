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
});
