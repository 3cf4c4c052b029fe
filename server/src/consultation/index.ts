// The online consultation (issue 15): one module, four parts, each answering its own commands.
import type { Principal } from '../sessions/principal.js';
import type { ConsultationLive } from '@open-talks/shared/protocol';
import { carryHandlers } from './carry/handlers.js';
import type { ConsultationContext } from './context.js';
import { coreHandlers } from './core/handlers.js';
import type { ConsultationHandlers } from './handlers.js';
import { statementHandlers } from './opinion/handlers.js';
import { readHandlers } from './search/handlers.js';
import { AppError } from '../errors.js';

export type { ConsultationContext } from './context.js';

export class Consultation {
  readonly handlers: ConsultationHandlers;

  constructor(readonly ctx: ConsultationContext) {
    this.handlers = { ...coreHandlers(ctx), ...readHandlers(ctx), ...statementHandlers(ctx), ...carryHandlers(ctx) };
  }

  /** PLACEHOLDER (lead): the core part gives what a member sees on (re)connect. */
  live(_principal: Principal): Promise<ConsultationLive> {
    return Promise.reject(new AppError('conflict', 'The consultation is being built'));
  }

  /** After a start: phase dates still ahead get their timers again (core part). */
  async resume(): Promise<void> {}
}
