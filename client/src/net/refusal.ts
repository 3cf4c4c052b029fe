import type { ApiError } from '@open-talks/shared/protocol';
import type { TFunction } from 'i18next';

/**
 * A refused command in the person's language: the code's own words, and for a conflict the
 * server's reason, translated from its key (`reasons.*`) when the catalog has it, else as sent.
 */
export function refusalText(t: TFunction, error: ApiError | { code: 'network'; message: string }): string {
  if (error.code !== 'conflict') return t(`errors.${error.code}`);
  const reason = error.reason && t(`reasons.${error.reason}`, { ...error.params, defaultValue: '' });
  return `${t('errors.conflict')} ${reason || error.message}`;
}
