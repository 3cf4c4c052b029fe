import type { PersonRef } from '@open-talks/shared/protocol';
import type { TFunction } from 'i18next';

/** Someone as staff see them: the name when the server gave one, always the stakeholder group. */
export function staffPersonLabel(t: TFunction, person: PersonRef): string {
  const group = t(`words.group.${person.stakeholderGroup}`);
  return person.displayName ? t('thConsole.personWithGroup', { name: person.displayName, group }) : t('thConsole.someoneFrom', { group });
}

/** In the room or remote, in words (never only an icon or a colour). */
export function modeLabel(t: TFunction, person: PersonRef): string {
  return t(`words.mode.${person.mode}`);
}
