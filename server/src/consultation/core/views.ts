// The consultation's set-up as everyone sees it, and one person's own things (ConsultationView,
// ConsultationYou): built from storage, with the phase in force now (CONS2).
import { effectivePhase, nextScheduled, type ConsultationConfig } from '@open-talks/shared/consultation';
import type { Attribution } from '@open-talks/shared';
import type { ConsultationView, ConsultationYou, ContributionView } from '@open-talks/shared/protocol';
import type { Repos } from '../../store/index.js';
import { contributionView, type Audience } from '../views.js';

export async function consultationView(repos: Repos, sessionId: string, config: ConsultationConfig, now: number): Promise<ConsultationView> {
  const counts = await repos.consultation.questionCounts(sessionId);
  return {
    phase: effectivePhase(config, now),
    schedule: config.schedule,
    next: nextScheduled(config, now),
    settings: config.settings,
    questions: config.questions.map((q) => ({ ...q, counts: counts.get(q.id) ?? { contributions: 0, comments: 0, supports: 0 } })),
  };
}

export async function contributionViews(repos: Repos, sessionId: string, ids: readonly string[], attribution: Attribution, audience: Audience): Promise<ContributionView[]> {
  const rows = await repos.consultation.joined(sessionId, ids);
  return rows.map((row) => contributionView(row, attribution, audience));
}

export async function contributionViewOf(repos: Repos, sessionId: string, id: string, attribution: Attribution, audience: Audience): Promise<ContributionView> {
  const [view] = await contributionViews(repos, sessionId, [id], attribution, audience);
  if (!view) throw new Error(`contribution ${id} vanished`);
  return view;
}

export async function youOf(repos: Repos, sessionId: string, participantId: string, attribution: Attribution): Promise<ConsultationYou> {
  const mine = await repos.consultation.byAuthor(sessionId, participantId);
  return {
    supported: await repos.consultationItems.supportedBy(sessionId, participantId),
    mine: await contributionViews(repos, sessionId, mine, attribution, { staff: false, participantId }),
    email: await repos.consultationItems.email(participantId),
    statements: await repos.consultationItems.statementProgress(sessionId, participantId),
  };
}
