import type { OptionCount } from '@open-talks/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/**
 * A count with the hubs' answers beside it (HUB21), in the reader's language: "2 (+ 1 hub of 25
 * people)", as `countWithHubs` writes it in English. A hub's answer counts one; its headcount is
 * shown, never multiplied in. Without hubs, the count alone.
 */
export function countWithHubsText(t: TFunction, option: Pick<OptionCount, 'count' | 'hubs'>, format: (n: number) => string = String): string {
  if (!option.hubs) return format(option.count);
  const { answers, people } = option.hubs;
  return t('hubs.withHubs', { count: format(option.count - answers), hubs: t('hubs.hubCount', { count: answers }), people: t('hubs.peopleCount', { count: people }) });
}

/** `countWithHubsText` with the reader's language. */
export function useCountWithHubs(): (option: Pick<OptionCount, 'count' | 'hubs'>, format?: (n: number) => string) => string {
  const { t } = useTranslation();
  return (option, format) => countWithHubsText(t, option, format);
}
