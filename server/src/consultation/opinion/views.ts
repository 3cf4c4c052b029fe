// A stored statement as every audience sees it (StatementView). It names nobody: who proposed a
// statement is never shown, under any attribution; the author only knows it is theirs by the list.
import type { ContributionStatus } from '@open-talks/shared/consultation';
import type { OpinionReport, StatementView } from '@open-talks/shared/protocol';
import type { Attribution } from '@open-talks/shared';
import type { StatementRecord } from '../../store/statement-repo.js';

export function statementView(row: StatementRecord): StatementView {
  return {
    id: row.id,
    questionId: row.question_id,
    text: row.text,
    status: row.status as ContributionStatus,
    seeded: row.seeded === 1,
    createdAt: row.created_at,
    answers: row.answers,
  };
}

/**
 * A stored report as the session's attribution allows now (CONS34): if the session became
 * `anonymous` after the report was computed, its stakeholder breakdowns are dropped on the way out.
 */
export function reportUnder(report: OpinionReport, attribution: Attribution): OpinionReport {
  if (attribution !== 'anonymous') return report;
  return { ...report, statements: report.statements.map((s) => ({ ...s, byStakeholderGroup: {} })) };
}
