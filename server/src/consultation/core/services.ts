// The core part's services over one context and one announcer (CONS1–CONS19).
import type { ConsultationLive } from '@open-talks/shared/protocol';
import { can } from '@open-talks/shared';
import type { Principal } from '../../sessions/principal.js';
import type { ConsultationContext } from '../context.js';
import { isStaff, loadConfig, requireConsultation } from './access.js';
import { Announcer } from './announce.js';
import { ContributionService } from './contribution-service.js';
import { ModerationService } from './moderation-service.js';
import { PhaseClock } from './phase-clock.js';
import { ResponseService } from './response-service.js';
import { SetupService } from './setup-service.js';
import { SupportService } from './support-service.js';
import { consultationView, youOf } from './views.js';

export class CoreServices {
  readonly announce: Announcer;
  readonly clock: PhaseClock;
  readonly setup: SetupService;
  readonly contributions: ContributionService;
  readonly supports: SupportService;
  readonly moderation: ModerationService;
  readonly responses: ResponseService;

  constructor(private readonly ctx: ConsultationContext) {
    this.announce = new Announcer(ctx);
    this.clock = new PhaseClock(ctx, this.announce);
    this.setup = new SetupService(ctx, this.announce, this.clock);
    this.contributions = new ContributionService(ctx, this.announce);
    this.supports = new SupportService(ctx, this.announce);
    this.moderation = new ModerationService(ctx, this.announce);
    this.responses = new ResponseService(ctx, this.announce);
  }

  /** What a member sees on (re)connect (CONS1, CONS2, CONS17): the phase in force now, their own things, staff's counts. */
  async live(principal: Principal): Promise<ConsultationLive> {
    requireConsultation(principal.session);
    const { store } = this.ctx;
    const sessionId = principal.session.id;
    const config = await loadConfig(store, sessionId);
    const me = principal.participant?.id ?? null;
    return {
      consultation: await consultationView(store, sessionId, config, this.ctx.now()),
      you: me === null ? null : await youOf(store, sessionId, me, principal.session.attribution),
      moderation: isStaff(principal) ? await store.consultation.moderationCounts(sessionId) : null,
      invitations: can(principal.role, 'consultation:configure') && config.settings.access === 'invitation' ? await store.consultationItems.invitations(sessionId) : null,
    };
  }
}
