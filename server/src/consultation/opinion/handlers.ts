// PLACEHOLDER (lead, contract commit): replaced by the statements and opinion groups part (helper "c-opinion").
import { AppError } from '../../errors.js';
import type { ConsultationContext } from '../context.js';
import type { HandlersFor } from '../handlers.js';

export type StatementCommand = 'statement:propose' | 'statement:answer' | 'statement:next' | 'statement:list' | 'statement:moderate' | 'opinion:get';

const notYet = () => Promise.reject(new AppError('conflict', 'The consultation is being built'));

export function statementHandlers(_ctx: ConsultationContext): HandlersFor<StatementCommand> {
  return { 'statement:propose': notYet, 'statement:answer': notYet, 'statement:next': notYet, 'statement:list': notYet, 'statement:moderate': notYet, 'opinion:get': notYet };
}
