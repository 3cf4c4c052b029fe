import { useTranslation } from 'react-i18next';
import { ANNOUNCE_LEVELS } from './policy';
import { useAnnounce } from './store';

/**
 * The view's one polite live region for news the participant may have to act on (A11Y1, A11Y11):
 * present, empty, from the first render, so the first message is heard. Each message is a new
 * child, so the same words said twice are said twice.
 */
export function Announcer() {
  const messages = useAnnounce((s) => s.messages);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
      {messages.map((m) => (
        <p key={m.n}>{m.text}</p>
      ))}
    </div>
  );
}

/** The participant's choice of how much is announced, for this device (A11Y10). */
export function AnnounceSetting() {
  const { t } = useTranslation();
  const level = useAnnounce((s) => s.level);
  const setLevel = useAnnounce((s) => s.setLevel);
  return (
    <details className="card announce-setting">
      <summary>{t('announce.setting.summary')}</summary>
      <fieldset>
        <legend>{t('announce.setting.legend')}</legend>
        {ANNOUNCE_LEVELS.map((l) => (
          <label key={l} className="choice">
            <input type="radio" name="announce-level" value={l} checked={level === l} onChange={() => setLevel(l)} />
            {t(`announce.setting.level.${l}`)}
          </label>
        ))}
        <p className="hint">{t('announce.setting.hint')}</p>
      </fieldset>
    </details>
  );
}
