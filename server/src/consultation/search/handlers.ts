// PLACEHOLDER (lead, contract commit): replaced by the search and lists part (helper "c-search").
import { AppError } from '../../errors.js';
import type { ConsultationContext } from '../context.js';
import type { HandlersFor } from '../handlers.js';

export type ReadCommand = 'consultation:list' | 'consultation:similar' | 'contribution:comments' | 'consultation:queue';

const notYet = () => Promise.reject(new AppError('conflict', 'The consultation is being built'));

export function readHandlers(_ctx: ConsultationContext): HandlersFor<ReadCommand> {
  return { 'consultation:list': notYet, 'consultation:similar': notYet, 'contribution:comments': notYet, 'consultation:queue': notYet };
}
