// Phase dates start phases by themselves (CONS2): one timer per consultation for its next date,
// re-armed after every change and after a restart. Reads never wait for it: they use
// effectivePhase, so a late or lost timer only delays the announcement, never the rule.
import { effectivePhase, nextScheduled, type ConsultationConfig } from '@open-talks/shared/consultation';
import { timeoutClock } from '../../cafe/round-clock.js';
import type { ConsultationContext } from '../context.js';
import { loadConfig } from './access.js';
import type { Announcer } from './announce.js';

export class PhaseClock {
  private readonly clock;

  constructor(
    private readonly ctx: ConsultationContext,
    private readonly announce: Announcer,
  ) {
    this.clock = timeoutClock(ctx.now, ctx.timerScope);
  }

  /** Sets (or clears) the timer for the consultation's next date. */
  arm(sessionId: string, config: ConsultationConfig): void {
    const next = nextScheduled(config, this.ctx.now());
    if (next === null) this.clock.cancel(sessionId);
    else this.clock.schedule(sessionId, next.at, () => void this.due(sessionId));
  }

  /** After a start: every consultation with dates gets its timer again; phases passed while down are stored. */
  async resume(): Promise<void> {
    for (const { sessionId, config } of await this.ctx.store.consultation.scheduled()) {
      if (effectivePhase(config, this.ctx.now()) !== config.phase) await this.due(sessionId);
      else this.arm(sessionId, config);
    }
  }

  /** This node took the session (docs/cluster.md CLU12): its next date gets its timer again, from storage. */
  async resumeSession(sessionId: string): Promise<void> {
    const config = await this.ctx.store.consultation.config(sessionId);
    if (!config) return;
    if (effectivePhase(config, this.ctx.now()) !== config.phase) await this.due(sessionId);
    else this.arm(sessionId, config);
  }

  /** Another node owns the session now (CLU13): its timer stops here. */
  cancel(sessionId: string): void {
    this.clock.cancel(sessionId);
  }

  close(): void {
    this.clock.close();
  }

  /** A date passed: store the phase it started, tell everyone, arm the next. */
  private async due(sessionId: string): Promise<void> {
    try {
      const config = await this.ctx.mutex.run(sessionId, () =>
        this.ctx.store.transaction(async (repos) => {
          const stored = await loadConfig(repos, sessionId);
          const phase = effectivePhase(stored, this.ctx.now());
          const next = { ...stored, phase };
          if (phase !== stored.phase) await repos.consultation.saveConfig(sessionId, next, this.ctx.now());
          return next;
        }),
      );
      this.arm(sessionId, config);
      await this.announce.changed(sessionId);
    } catch (error) {
      this.ctx.log.error({ err: error, sessionId }, 'could not start a consultation phase by date');
    }
  }
}
