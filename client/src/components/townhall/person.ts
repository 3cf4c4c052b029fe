import type { Attribution } from '@open-talks/shared';
import type { PersonRef } from '@open-talks/shared/protocol';
import type { TFunction } from 'i18next';

/** Someone as the session's attribution allows: the name when named, else their stakeholder group. */
export function personLabel(t: TFunction, person: PersonRef, attribution: Attribution): string {
  const group = t(`words.group.${person.stakeholderGroup}`);
  if (attribution !== 'named') return t('townhall.someoneFrom', { group });
  return person.displayName ? `${person.displayName} (${group})` : t('townhall.anonymousFrom', { group });
}
