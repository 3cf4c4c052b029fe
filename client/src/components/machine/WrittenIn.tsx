import { LANGUAGES } from '@open-talks/shared';
import { useTranslation } from 'react-i18next';
import { useLive } from '../../state/live-store';
import { viewerLanguage } from '../translated';

/** The language this person writes in by default: their own (MT37). */
export function useOwnLanguage(): string {
  const { i18n } = useTranslation();
  return useLive((s) => viewerLanguage(s.live, i18n.language));
}

/**
 * "Written in": which language a contribution is in, sent as its `language` (MT37). The six
 * interface languages, plus the person's own when it is another.
 */
export function WrittenIn({ id, value, onChange, label }: { id: string; value: string; onChange: (language: string) => void; label?: string }) {
  const { t } = useTranslation();
  const own = useOwnLanguage();
  const choices: string[] = [...LANGUAGES];
  if (!choices.includes(own)) choices.push(own);
  if (!choices.includes(value)) choices.push(value);
  const name = (tag: string) => ((LANGUAGES as readonly string[]).includes(tag) ? t(`words.languageName.${tag}`) : tag);
  return (
    <span className="written-in">
      <label htmlFor={id}>{label ?? t('machineTranslation.writtenIn')}</label>{' '}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {choices.map((tag) => (
          <option key={tag} value={tag} lang={tag}>
            {name(tag)}
          </option>
        ))}
      </select>
    </span>
  );
}
