// The consultation's stored shapes that the pure rules work on (docs/consultation.md).
import type { ConsultationAccess, ConsultationModeration, ConsultationPhase, ScheduledPhase } from './words.js';

/** When each phase starts by date (epoch ms); null: only by hand (CONS2). */
export type ConsultationSchedule = Record<ScheduledPhase, number | null>;

export interface ConsultationSettings {
  /** The short background text everyone reads first (plain text, paragraphs by blank lines). */
  background: string;
  access: ConsultationAccess;
  moderation: ConsultationModeration;
  /** Supports one person may give per question (CONS-supports). */
  supportsPerQuestion: number;
  /** Distinct people flagging a published contribution that hide it pending review. */
  flagThreshold: number;
}

export interface ConsultationQuestion {
  id: string;
  text: string;
  description: string;
  /** Short statements (agree / disagree / pass) are on for this question. */
  statements: boolean;
}

/** One consultation's configuration: one row per session (table `consultations`). */
export interface ConsultationConfig {
  settings: ConsultationSettings;
  /** The phase set by hand (or reached by date and stored when it was), before the schedule applies. */
  phase: ConsultationPhase;
  schedule: ConsultationSchedule;
  questions: ConsultationQuestion[];
}
