import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A read-only link with a copy button that says, in words, that it copied. */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      (document.getElementById(id) as HTMLInputElement | null)?.select();
    }
  };
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input id={id} readOnly value={value} onFocus={(e) => e.target.select()} aria-describedby={hint ? `${id}-hint` : undefined} />
        <button type="button" onClick={() => void copy()}>
          {t('console.copy')}
        </button>
        <span role="status" className="copied">
          {copied ? t('console.copied') : ''}
        </span>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}
