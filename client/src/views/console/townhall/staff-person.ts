import type { PersonRef } from '@open-talks/shared/protocol';
import type { TFunction } from 'i18next';

/** Someone as staff see them: as everyone does (ATTR4), the name and group the server gave, else "a participant". */
export function staffPersonLabel(t: TFunction, person: PersonRef): string {
  const group = person.stakeholderGroup ? t(`words.group.${person.stakeholderGroup}`) : null;
  if (person.displayName) return group ? t('thConsole.personWithGroup', { name: person.displayName, group }) : person.displayName;
  return group ? t('thConsole.someoneFrom', { group }) : t('credit.aParticipantCapital');
}

/**
 * In the room, remote or a hub: the stream alternation takes turns among (HUB31, HUB32), in words
 * (never only an icon or a colour). Shown as the mode is: under `named` and `group`; a dash under
 * `anonymous`, where the server sends neither mode nor hub.
 */
export function modeLabel(t: TFunction, person: PersonRef): string {
  if (person.hub) return t('words.stream.hub');
  return person.mode ? t(`words.mode.${person.mode}`) : '—';
}
