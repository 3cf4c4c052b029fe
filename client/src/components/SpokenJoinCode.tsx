import { formatJoinCode } from '@open-talks/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A join code as shown, hidden from screen readers, and for them its characters one by one
 * (A11Y71): "VJF XEK" read as words is not a code. Visually hidden text, not an aria-label, which
 * screen readers do not read on a <p> or a <dd>. `named` puts "Join code:" before the characters
 * where nothing next to the code says so; `shown` replaces the code as shown (with its own label).
 */
export function SpokenJoinCode({ code, named = false, shown, testId }: { code: string; named?: boolean; shown?: ReactNode; testId?: string }) {
  const { t } = useTranslation();
  const characters = code.split('').join(' ');
  return (
    <>
      <span aria-hidden="true" data-testid={testId}>
        {shown ?? formatJoinCode(code)}
      </span>
      <span className="visually-hidden">{named ? `${t('console.joinCode')}: ${characters}` : characters}</span>
    </>
  );
}
