// A new consultation's configuration (CONS1): in draft, no dates, link access, post-moderation.
import type { ConsultationConfig } from './types.js';
import { CONSULTATION_LIMITS as L } from './words.js';

export function defaultConsultationConfig(): ConsultationConfig {
  return {
    settings: { background: '', access: 'link', moderation: 'post', supportsPerQuestion: L.supportsPerQuestionDefault, flagThreshold: L.flagThresholdDefault },
    phase: 'draft',
    schedule: { contributions: null, comments: null, closed: null, answered: null },
    questions: [],
  };
}
