// The statements and opinion groups part (c-opinion, CONS30–CONS39): one line per command.
import type { ConsultationContext } from '../context.js';
import type { HandlersFor } from '../handlers.js';
import type { OpinionRecompute } from './recompute.js';
import { StatementService } from './statement-service.js';

export type StatementCommand = 'statement:propose' | 'statement:answer' | 'statement:next' | 'statement:list' | 'statement:moderate' | 'opinion:get';

export function statementHandlers(ctx: ConsultationContext, recompute: OpinionRecompute): HandlersFor<StatementCommand> {
  const statements = new StatementService(ctx, recompute);
  return {
    'statement:propose': (p, body) => statements.propose(p, body),
    'statement:answer': (p, body) => statements.answer(p, body),
    'statement:next': (p, { questionId }) => statements.next(p, questionId),
    'statement:list': (p, { questionId }) => statements.list(p, questionId),
    'statement:moderate': (p, body) => statements.moderate(p, body),
    'opinion:get': (p, { questionId }) => statements.report(p, questionId),
  };
}
