// `consultation:import` (CONS60–CONS62): a café's harvest themes and key ideas, or a Town Hall's open
// questions, become published seed contributions of one question, with their provenance and no author.
import { createHash } from 'node:crypto';
import { searchWords } from '@open-talks/shared/consultation';
import { AppError } from '../../errors.js';
import type { ConsultationContext } from '../context.js';
import type { HandlersFor } from '../handlers.js';
import { contributionView, PUBLIC_AUDIENCE } from '../views.js';
import { loadConfig } from '../core/access.js';
import { consultationView } from '../core/views.js';
import { seedsOf, type Seed } from './sources.js';

export type CarryCommand = 'consultation:import';

/**
 * A seed's id is a hash of the consultation, the source session and the item's key: importing the
 * same source again finds the same ids already stored and inserts nothing for them (CONS61).
 */
export function seedId(sessionId: string, sourceSessionId: string, seed: Pick<Seed, 'key'>): string {
  return `s${createHash('sha256').update(`${sessionId}\n${sourceSessionId}\n${seed.key}`).digest('base64url').slice(0, 40)}`;
}

export function carryHandlers(ctx: ConsultationContext): HandlersFor<CarryCommand> {
  return {
    'consultation:import': async (principal, payload) => {
      const { session } = principal;
      if (session.format !== 'consultation') throw new AppError('conflict', 'Only a consultation takes items in');
      // The source token must be the facilitator's of the source session (CONS60).
      const source = await ctx.authenticate(payload.sourceToken).catch(() => {
        throw new AppError('forbidden', 'That link does not open the source session as its facilitator');
      });
      if (source.session.id !== payload.sourceSessionId || source.role !== 'facilitator') {
        throw new AppError('forbidden', 'That link does not open the source session as its facilitator');
      }
      if (source.session.format !== 'cafe' && source.session.format !== 'townhall') throw new AppError('conflict', 'Items come from a café or a Town Hall');
      if (source.session.id === session.id) throw new AppError('conflict', 'A consultation cannot import itself');
      return ctx.mutex.run(session.id, async () => {
        const config = await ctx.store.consultationPublic.config(session.id);
        if (!config) throw new AppError('conflict', 'This consultation is not set up yet');
        if (!config.questions.some((q) => q.id === payload.questionId)) throw new AppError('not_found', 'No such question');
        const seeds = await seedsOf(ctx.store, ctx.records, source.session, payload.include);
        const withIds = seeds.map((seed) => ({ seed, id: seedId(session.id, source.session.id, seed) }));
        const existing = await ctx.store.consultationPublic.existing(withIds.map((s) => s.id));
        const fresh = withIds.filter((s, index) => !existing.has(s.id) && withIds.findIndex((o) => o.id === s.id) === index);
        const now = ctx.now();
        const rows = fresh.map(({ seed, id }, index) => ({
          id,
          session_id: session.id,
          question_id: payload.questionId,
          author_id: null,
          title: seed.title,
          text: seed.text,
          language: seed.language,
          stakeholder_group: null,
          mode: null,
          status: 'published',
          hidden_reason: null,
          // One ms apart, in the source's order, so "newest" keeps the source's order.
          created_at: now + index,
          edited_at: null,
          merged_into: null,
          themes: '[]',
          carry: 0,
          flags: 0,
          reviewed: 0,
          supports: 0,
          comments: 0,
          agree: 0,
          disagree: 0,
          neutral: 0,
          versions: 0,
          origin: JSON.stringify(seed.origin),
          search_text: searchWords(seed.title, seed.text),
        }));
        // One transaction (CONS19): an import lands whole or not at all.
        await ctx.store.transaction((repos) => repos.consultationPublic.insertSeeds(rows));
        ctx.log.info({ sessionId: session.id, source: source.session.id, imported: rows.length }, 'consultation items carried in');
        const audience = { staff: true, participantId: principal.participant?.id ?? null };
        const views = rows.map((row) => {
          const stored = { ...row, author_name: null, response: null };
          return { staff: contributionView(stored, session.attribution, audience), everyone: contributionView(stored, session.attribution, PUBLIC_AUDIENCE) };
        });
        // Open screens hear of each seed as of any new published contribution (the core's notifier).
        for (const view of views) {
          ctx.bus.publish('consultation:contribution', {
            sessionId: session.id,
            authorId: null,
            staff: view.staff,
            author: null,
            everyone: view.everyone,
            wasPublic: false,
            mergedInto: null,
          });
        }
        // The question's counts moved: every screen's question list follows.
        if (rows.length > 0) {
          const view = await consultationView(ctx.store, session.id, await loadConfig(ctx.store, session.id), ctx.now());
          ctx.bus.publish('consultation:changed', { sessionId: session.id, view });
        }
        return { imported: rows.length, contributions: views.map((v) => v.staff) };
      });
    },
  };
}
