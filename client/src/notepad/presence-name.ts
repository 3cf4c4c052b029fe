import { ideaAttribution, type Attribution } from '@open-talks/shared';
import type { ParticipantView } from '@open-talks/shared/protocol';
import type { TFunction } from 'i18next';

/**
 * The name others see on this person's caret and presence in a notepad: what the session's
 * attribution lets a key idea carry (NOTE8), so an anonymous café never shows a name there.
 */
export function presenceName(t: TFunction, attribution: Attribution, me: Pick<ParticipantView, 'displayName' | 'stakeholderGroup'> | null): string {
  const author = ideaAttribution(attribution, { displayName: me?.displayName ?? null, stakeholderGroup: me?.stakeholderGroup ?? null });
  return author.author ?? (author.group ? t(`words.group.${author.group}`) : t('notepad.someone'));
}
