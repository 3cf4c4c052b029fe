import type { Attribution, PersonCredit } from '@open-talks/shared';
import type { TFunction } from 'i18next';

/**
 * Someone as the server sent them: it has already applied the session's attribution (ATTR1–ATTR4),
 * so a screen shows what it got: "Name (Group)", "someone from Group", or, under the Chatham House
 * Rule, "a participant".
 */
export function personLabel(t: TFunction, person: PersonCredit, attribution?: Attribution): string {
  const group = person.stakeholderGroup ? t(`words.group.${person.stakeholderGroup}`) : null;
  if (person.displayName) return group ? `${person.displayName} (${group})` : person.displayName;
  if (!group) return t('credit.aParticipant');
  return attribution === 'named' ? t('townhall.anonymousFrom', { group }) : t('townhall.someoneFrom', { group });
}

/** In the room, remote or a hub (HUB32), in words, when the attribution lets it show; else null. */
export function personMode(t: TFunction, person: PersonCredit): string | null {
  if (person.hub) return t('words.stream.hub');
  return person.mode ? t(`words.mode.${person.mode}`) : null;
}
