import type { ProjectorFacts } from '@open-talks/shared/projector';
import type { SessionState } from '@open-talks/shared/protocol';

/** What chooseProjectorMode reads of the live state (PROJ2). */
export function projectorFacts(live: SessionState): ProjectorFacts {
  const cafe = live.cafe?.live;
  const th = live.townhall;
  return {
    format: live.session.format,
    cafe: cafe ? { phase: cafe.phase, harvestShown: cafe.harvestShown } : null,
    townhall: th
      ? {
          polls: th.polls.filter((p) => p.poll.status !== 'draft').map((p) => ({ id: p.poll.id, status: p.poll.status, hasResults: p.results !== null })),
          projectedPollId: th.projectedPollId,
          agendaCurrent: th.agenda.currentId !== null,
          floor: th.floor !== null,
          pinned: th.qa.questions.some((q) => q.pinned),
          questions: th.qa.questions.length,
        }
      : null,
  };
}
