// The organiser's set-up (CONS1–CONS3, CONS17): settings, questions, phases by hand or by date,
// invitation codes; and a participant's return e-mail (CONS19).
import { randomBytes } from 'node:crypto';
import { checkSchedule, type ConsultationConfig } from '@open-talks/shared/consultation';
import { JOIN_CODE_ALPHABET } from '@open-talks/shared';
import type {
  addConsultationQuestionPayload,
  consultationConfigurePayload,
  ConsultationView,
  editConsultationQuestionPayload,
  InvitationView,
  moveConsultationQuestionPayload,
  setPhasePayload,
} from '@open-talks/shared/protocol';
import type { z } from 'zod';
import { newId } from '../../auth/tokens.js';
import { AppError, orThrow } from '../../errors.js';
import type { Principal } from '../../sessions/principal.js';
import type { ConsultationContext } from '../context.js';
import { notFound, personOf, runStep, type Step } from './access.js';
import type { Announcer } from './announce.js';
import type { PhaseClock } from './phase-clock.js';
import { consultationView } from './views.js';

/** Invitation codes: 8 characters of the join code alphabet (no 0/O, 1/I/L), read and typed like join codes. */
export const INVITATION_CODE_LENGTH = 8;

export function newInvitationCode(): string {
  const bytes = randomBytes(INVITATION_CODE_LENGTH);
  let code = '';
  for (const byte of bytes) code += JOIN_CODE_ALPHABET[byte % JOIN_CODE_ALPHABET.length];
  return code;
}

export class SetupService {
  constructor(
    private readonly ctx: ConsultationContext,
    private readonly announce: Announcer,
    private readonly clock: PhaseClock,
  ) {}

  get(principal: Principal): Promise<{ consultation: ConsultationView }> {
    return runStep(this.ctx, principal.session, async (step) => ({ consultation: await consultationView(step.repos, step.session.id, step.config, step.now) }));
  }

  configure(principal: Principal, body: z.output<typeof consultationConfigurePayload>) {
    return this.change(principal, (config, step) => {
      const { schedule, ...settings } = body;
      const defined = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
      const next: ConsultationConfig = { ...config, settings: { ...config.settings, ...defined } };
      if (schedule) {
        const after = { ...config.schedule };
        for (const [phase, at] of Object.entries(schedule)) if (at !== undefined) after[phase as keyof typeof after] = at;
        next.schedule = orThrow(checkSchedule(config.schedule, after, step.now)).schedule;
      }
      return next;
    });
  }

  addQuestion(principal: Principal, body: z.output<typeof addConsultationQuestionPayload>) {
    return this.change(principal, (config) => {
      if (config.questions.length >= 20) throw new AppError('conflict', 'A consultation has at most 20 questions', { reason: 'consultation.questionsFull', params: { max: 20 } });
      return { ...config, questions: [...config.questions, { id: newId(), text: body.text, description: body.description, statements: body.statements }] };
    });
  }

  editQuestion(principal: Principal, { questionId, ...change }: z.output<typeof editConsultationQuestionPayload>) {
    return this.change(principal, (config) => {
      const index = config.questions.findIndex((q) => q.id === questionId);
      if (index < 0) notFound('question');
      const defined = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
      const questions = config.questions.map((q, i) => (i === index ? { ...q, ...defined } : q));
      return { ...config, questions };
    });
  }

  removeQuestion(principal: Principal, questionId: string) {
    return this.change(principal, async (config, step) => {
      if (!config.questions.some((q) => q.id === questionId)) notFound('question');
      const counts = await step.repos.consultation.questionCounts(step.session.id);
      if ((counts.get(questionId)?.contributions ?? 0) > 0)
        throw new AppError('conflict', 'A question with contributions cannot be removed', { reason: 'consultation.questionHasContributions' });
      return { ...config, questions: config.questions.filter((q) => q.id !== questionId) };
    });
  }

  moveQuestion(principal: Principal, { questionId, toIndex }: z.output<typeof moveConsultationQuestionPayload>) {
    return this.change(principal, (config) => {
      const question = config.questions.find((q) => q.id === questionId);
      if (!question) notFound('question');
      const rest = config.questions.filter((q) => q.id !== questionId);
      rest.splice(Math.min(toIndex, rest.length), 0, question);
      return { ...config, questions: rest };
    });
  }

  /** CONS2: by hand, forwards or back; dates already passed for later phases are then cleared, so the hand wins. */
  setPhase(principal: Principal, { phase }: z.output<typeof setPhasePayload>) {
    return this.change(principal, (config, step) => {
      const schedule = { ...config.schedule };
      for (const [scheduled, at] of Object.entries(schedule)) if (at !== null && at <= step.now) schedule[scheduled as keyof typeof schedule] = null;
      return { ...config, phase, schedule };
    });
  }

  invite(principal: Principal, count: number): Promise<{ invitations: InvitationView[] }> {
    return runStep(this.ctx, principal.session, async (step) => {
      const codes = Array.from({ length: count }, newInvitationCode);
      await step.repos.consultationItems.addInvitations(step.session.id, [...new Set(codes)], step.now);
      return { invitations: codes.map((code) => ({ code, usedAt: null })) };
    });
  }

  setEmail(principal: Principal, email: string | null): Promise<{ email: string | null }> {
    const me = personOf(principal);
    return runStep(this.ctx, principal.session, async (step) => {
      const clean = email === null ? null : email.trim();
      await step.repos.consultationItems.setEmail(step.session.id, me, clean);
      step.after(() => this.announce.you(step.session, me));
      return { email: clean };
    });
  }

  /** A change to the configuration: stored with the phase in force now, announced, its timer re-armed. */
  private change(
    principal: Principal,
    decide: (config: ConsultationConfig, step: Step) => ConsultationConfig | Promise<ConsultationConfig>,
  ): Promise<{ consultation: ConsultationView }> {
    return runStep(this.ctx, principal.session, async (step) => {
      const next = await decide({ ...step.config, phase: step.phase }, step);
      await step.repos.consultation.saveConfig(step.session.id, next, step.now);
      step.after(() => {
        this.clock.arm(step.session.id, next);
        return this.announce.changed(step.session.id);
      });
      return { consultation: await consultationView(step.repos, step.session.id, next, step.now) };
    });
  }
}
