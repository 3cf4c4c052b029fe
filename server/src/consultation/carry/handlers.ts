// PLACEHOLDER (lead, contract commit): replaced by the carry-in part (helper "c-public").
import { AppError } from '../../errors.js';
import type { ConsultationContext } from '../context.js';
import type { HandlersFor } from '../handlers.js';

export type CarryCommand = 'consultation:import';

const notYet = () => Promise.reject(new AppError('conflict', 'The consultation is being built'));

export function carryHandlers(_ctx: ConsultationContext): HandlersFor<CarryCommand> {
  return { 'consultation:import': notYet };
}
