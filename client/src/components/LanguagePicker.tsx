import { LANGUAGES, isLanguage } from '@open-talks/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../i18n';
import { selectMe, useLive } from '../state/live-store';

/** Every page has it; a participant's choice is also saved on their record. */
export function LanguagePicker({ className = 'language-picker' }: { className?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const me = useLive(selectMe);
  const onChange = async (value: string) => {
    if (!isLanguage(value)) return;
    await setLanguage(value);
    // Someone in a session is connected already, so this import costs nothing then; the join
    // page, which has the picker too, does not download the Socket.IO client for it.
    if (me && me.language !== value) void import('../net/realtime').then(({ command }) => command('profile:update', { language: value }));
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
