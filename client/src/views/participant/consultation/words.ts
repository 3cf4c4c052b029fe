import type { ConsultationPhase } from '@open-talks/shared/consultation';
import type { ContributionOrigin } from '@open-talks/shared/protocol';
import type { TFunction } from 'i18next';

/** What a participant may do in each phase (CONS41); the server enforces it, the page says it. */
export const ALLOWED: Record<ConsultationPhase, { contribute: boolean; comment: boolean; support: boolean; statements: boolean }> = {
  draft: { contribute: false, comment: false, support: false, statements: false },
  contributions: { contribute: true, comment: true, support: true, statements: true },
  comments: { contribute: false, comment: true, support: true, statements: true },
  closed: { contribute: false, comment: false, support: false, statements: false },
  answered: { contribute: false, comment: false, support: false, statements: false },
};

/** A date and time in the person's language ("1 December 2026, 09:00"). */
export function formatWhen(language: string, at: number): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(at);
}

/** Where a seed contribution came from, in words: "From the World Café “…”, table 4, round 2" (CONS42). */
export function provenance(t: TFunction, origin: ContributionOrigin): string {
  const where = [
    origin.table !== null ? t('consult.origin.table', { table: origin.table }) : null,
    origin.round !== null ? t('consult.origin.round', { round: origin.round }) : null,
  ].filter((part): part is string => part !== null);
  const from = t(`consult.origin.${origin.format}`, { title: origin.sessionTitle });
  return [from, ...where].join(t('consult.origin.separator'));
}
