import { normalizeJoinCode } from '@open-talks/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';

/** Type a join code, go to its join page; used on the home page and on /join without a code. */
export function JoinCodeForm({ idPrefix }: { idPrefix: string }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const normalized = normalizeJoinCode(code);
    if (normalized) navigate(`/join/${normalized}`);
    else setInvalid(true);
  };
  return (
    <form onSubmit={submit} noValidate>
      <label htmlFor={`${idPrefix}-code`}>{t('home.joinCodeLabel')}</label>
      <input
        id={`${idPrefix}-code`}
        className="code-input"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={12}
        value={code}
        aria-describedby={`${idPrefix}-code-hint ${idPrefix}-code-error`}
        aria-invalid={invalid}
        onChange={(e) => {
          setCode(e.target.value);
          setInvalid(false);
        }}
      />
      <p id={`${idPrefix}-code-hint`} className="hint">
        {t('home.joinCodeHint')}
      </p>
      <p id={`${idPrefix}-code-error`} className="form-error" role="alert">
        {invalid ? t('join.invalidCode') : ''}
      </p>
      <button type="submit">{t('home.joinButton')}</button>
    </form>
  );
}
