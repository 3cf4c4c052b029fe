// The consultation's reads (CONS20–CONS29): lists, search, similar contributions, comment pages
// and the moderation queue. Reads only: no lock, no events.
import { AppError } from '../../errors.js';
import type { ConsultationContext } from '../context.js';
import type { HandlersFor } from '../handlers.js';
import { commentView, contributionView, visibleTo } from '../views.js';
import { audienceOf, requireConsultation } from './access.js';
import { listContributions, similarContributions } from './list.js';

export type ReadCommand = 'consultation:list' | 'consultation:similar' | 'contribution:comments' | 'consultation:queue';

export function readHandlers({ store }: ConsultationContext): HandlersFor<ReadCommand> {
  return {
    'consultation:list': async (principal, query) => ({ page: await listContributions(store, principal, query) }),
    'consultation:similar': async (principal, draft) => ({ similar: await similarContributions(store, principal, draft) }),
    'contribution:comments': async (principal, { contributionId, page, pageSize }) => {
      requireConsultation(principal);
      const audience = audienceOf(principal);
      const head = await store.consultationSearch.head(principal.session.id, contributionId);
      if (!head || !visibleTo(head.status, head.author_id, audience)) {
        throw new AppError('not_found', 'No such contribution', { reason: 'consultationSearch.contributionNotFound' });
      }
      const { rows, total } = await store.consultationSearch.comments(contributionId, audience, (page - 1) * pageSize, pageSize);
      return { page: { items: rows.map((row) => commentView(row, principal.session.attribution, audience)), total, page, pageSize } };
    },
    'consultation:queue': async (principal, { filter, page, pageSize }) => {
      requireConsultation(principal);
      const audience = audienceOf(principal);
      const { ids, total } = await store.consultationSearch.queue(principal.session.id, filter, (page - 1) * pageSize, pageSize);
      const rows = await store.consultationSearch.rows(ids);
      return { page: { items: rows.map((row) => contributionView(row, principal.session.attribution, audience)), total, page, pageSize, seed: null } };
    },
  };
}
