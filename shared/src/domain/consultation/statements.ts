// Statements (pol.is) on a consultation question (CONS30, CONS31): who may add one, when, how
// long, and whether it shows at once. Pure: the server's statement service only adapts.
import { refusals, type Result } from '../result.js';
import { cleanLine } from './contributions.js';
import { phaseAllows } from './phases.js';
import type { ConsultationModeration, ConsultationPhase, ContributionStatus } from './words.js';
import { CONSULTATION_LIMITS as L } from './words.js';

const { conflict } = refusals('statement');

/** Phases in which staff may seed statements: while preparing and while the consultation is open. */
const SEED_PHASES: ReadonlySet<ConsultationPhase> = new Set(['draft', 'contributions', 'comments']);

/** Characters as people count them (code points: an emoji is one), after trimming and joining lines. */
export const statementLength = (text: string) => [...text].length;

/** A statement's text as stored: one line, trimmed; the same text (ignoring case) twice in a question is one statement. */
export const statementKey = (text: string) => cleanLine(text).toLocaleLowerCase();

export interface ProposalContext {
  /** The question exists and has statements turned on. */
  question: { statements: boolean } | undefined;
  phase: ConsultationPhase;
  /** Facilitator or moderator: a seed, published at once. */
  staff: boolean;
  moderation: ConsultationModeration;
  /** The question's statements' keys (`statementKey`), any status. */
  existing: ReadonlySet<string>;
}

/** CONS30: seeded by staff (published, `seeded`) or proposed by a participant (pre-moderation: pending). */
export function decideProposal(rawText: string, context: ProposalContext): Result<{ text: string; status: ContributionStatus; seeded: boolean }> {
  if (!context.question) return { ok: false, error: { code: 'not_found', message: 'No such question', reason: 'statement.questionNotFound' } };
  if (!context.question.statements) return conflict('Statements are not turned on for this question', 'statementsOff');
  if (context.staff) {
    if (!SEED_PHASES.has(context.phase)) return conflict(`Statements cannot be added in the "${context.phase}" phase`, 'phaseClosed', { phase: context.phase });
  } else {
    const allowed = phaseAllows(context.phase, 'statements');
    if (!allowed.ok) return allowed;
  }
  const text = cleanLine(rawText);
  if (text.length === 0) return conflict('A statement needs a text', 'empty');
  if (statementLength(text) > L.statementLength) return conflict(`A statement has at most ${L.statementLength} characters`, 'tooLong', { max: L.statementLength });
  if (context.existing.has(statementKey(text))) return conflict('This statement is already there', 'duplicate');
  const status = context.staff || context.moderation === 'post' ? 'published' : 'pending';
  return { ok: true, text, status, seeded: context.staff };
}

/** CONS31: a published statement of a question with statements on, while the phase allows. */
export function decideAnswer(statement: { status: string } | undefined, question: { statements: boolean } | undefined, phase: ConsultationPhase): Result<object> {
  if (!statement || statement.status !== 'published') return { ok: false, error: { code: 'not_found', message: 'No such statement', reason: 'statement.notFound' } };
  if (!question?.statements) return conflict('Statements are not turned on for this question', 'statementsOff');
  return phaseAllows(phase, 'statements');
}
