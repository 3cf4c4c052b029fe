import { LIMITS, MODES, STAKEHOLDER_GROUPS, type Mode, type StakeholderGroup } from '@open-talks/shared';
import type { ErrorCode, ParticipantView } from '@open-talks/shared/protocol';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../components/FormError';
import { command } from '../net/realtime';

/** A participant corrects their own name, place or group; the server keeps it. */
export function ProfileForm({ me }: { me: ParticipantView }) {
  const { t } = useTranslation();
  const [name, setName] = useState(me.displayName ?? '');
  const [mode, setMode] = useState<Mode>(me.mode);
  const [group, setGroup] = useState<StakeholderGroup>(me.stakeholderGroup);
  const [error, setError] = useState<{ code: ErrorCode | 'network' }>();
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const ack = await command('profile:update', { displayName: name.trim() ? name.trim() : null, mode, stakeholderGroup: group });
    if (ack.ok) {
      setError(undefined);
      setSaved(true);
    } else setError(ack.error);
  };

  return (
    <details className="card profile">
      <summary>{t('session.profileHeading')}</summary>
      <form onSubmit={submit} noValidate>
        <label htmlFor="profile-name">{t('join.nameLabel')}</label>
        <input id="profile-name" maxLength={LIMITS.displayNameLength} value={name} aria-describedby="profile-name-hint" onChange={(e) => setName(e.target.value)} />
        <p id="profile-name-hint" className="hint">
          {t('join.nameHint')}
        </p>
        <fieldset>
          <legend>{t('join.modeLabel')}</legend>
          {MODES.map((m) => (
            <label key={m} className="choice">
              <input type="radio" name="profile-mode" checked={mode === m} onChange={() => setMode(m)} />
              {t(`words.mode.${m}`)}
            </label>
          ))}
        </fieldset>
        <label htmlFor="profile-group">{t('join.groupLabel')}</label>
        <select id="profile-group" value={group} onChange={(e) => setGroup(e.target.value as StakeholderGroup)}>
          {STAKEHOLDER_GROUPS.map((g) => (
            <option key={g} value={g}>
              {t(`words.group.${g}`)}
            </option>
          ))}
        </select>
        <FormError error={error} />
        <p role="status" className="saved">
          {saved ? t('session.profileSaved') : ''}
        </p>
        <button type="submit">{t('session.profileSave')}</button>
      </form>
    </details>
  );
}
