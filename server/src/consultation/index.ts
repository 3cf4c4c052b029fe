// The online consultation (issue 15): one module, four parts, each answering its own commands.
import type { Principal } from '../sessions/principal.js';
import type { ConsultationLive } from '@open-talks/shared/protocol';
import { carryHandlers } from './carry/handlers.js';
import type { ConsultationContext } from './context.js';
import { coreHandlers } from './core/handlers.js';
import { CoreServices } from './core/services.js';
import type { ConsultationHandlers } from './handlers.js';
import { statementHandlers } from './opinion/handlers.js';
import { OpinionRecompute } from './opinion/recompute.js';
import { OpinionWorker } from './opinion/worker-pool.js';
import { readHandlers } from './search/handlers.js';

export type { ConsultationContext } from './context.js';

export class Consultation {
  readonly handlers: ConsultationHandlers;
  /** The core part's services (phases, contributions, supports, moderation, responses; CONS1–CONS19). */
  readonly core: CoreServices;
  /** Opinion reports recomputed off the event loop (CONS36). */
  private readonly opinions: OpinionRecompute;

  constructor(readonly ctx: ConsultationContext) {
    this.core = new CoreServices(ctx);
    this.opinions = new OpinionRecompute(ctx, new OpinionWorker(ctx.log));
    this.handlers = { ...coreHandlers(ctx, this.core), ...readHandlers(ctx), ...statementHandlers(ctx, this.opinions), ...carryHandlers(ctx) };
  }

  /** What a member sees on (re)connect: the phase in force now, their own things, staff's counts (CONS1–CONS19). */
  live(principal: Principal): Promise<ConsultationLive> {
    return this.core.live(principal);
  }

  /** After a start: phase dates still ahead get their timers again; phases whose date passed while down are stored (CONS2). */
  resume(): Promise<void> {
    return this.core.clock.resume();
  }

  /** This node took the session (docs/cluster.md CLU12): its phase timer is armed again. */
  resumeSession(sessionId: string): Promise<void> {
    return this.core.clock.resumeSession(sessionId);
  }

  /** Another node owns the session now (CLU13). */
  dropSession(sessionId: string): void {
    this.core.clock.cancel(sessionId);
  }

  /** Shutdown: stops the phase timers, the pending report recomputations and the worker thread. */
  close(): Promise<void> {
    this.core.clock.close();
    return this.opinions.close();
  }
}
