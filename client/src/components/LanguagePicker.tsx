import { LANGUAGES, isLanguage } from '@open-talks/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../i18n';
import { command } from '../net/realtime';
import { selectMe, useLive } from '../state/live-store';

/** Every page has it; a participant's choice is also saved on their record. */
export function LanguagePicker({ className = 'language-picker' }: { className?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const me = useLive(selectMe);
  const onChange = async (value: string) => {
    if (!isLanguage(value)) return;
    await setLanguage(value);
    if (me && me.language !== value) void command('profile:update', { language: value });
  };
  return (
    <div className={className}>
      <label htmlFor={id}>{t('app.language')}</label>
      <select id={id} value={currentLanguage()} onChange={(e) => void onChange(e.target.value)}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`words.languageName.${language}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
