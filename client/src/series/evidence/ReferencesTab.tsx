// The draft's references (SER5, SER67–SER70): each with its label in the draft's language and its
// status; a changed one says what changed and offers "Resolve" (take the sources as they are now).
import type { Language } from '@open-talks/shared';
import { describeReference, type SeriesReference } from '@open-talks/shared/series';
import { useTranslation } from 'react-i18next';
import { useReferenceWords } from './reference-words';

export function ReferencesTab({
  references,
  language,
  onResolve,
  busy,
}: {
  references: SeriesReference[] | null;
  language: Language;
  onResolve: (ref: SeriesReference) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const words = useReferenceWords(language);
  if (references === null) return <p>{t('app.loading')}</p>;
  if (references.length === 0) return <p className="muted">{t('seriesEvidence.references.empty')}</p>;
  return (
    <ul className="evidence-references">
      {references.map((ref) => {
        const label = words ? describeReference(ref.summary, words) : '';
        return (
          <li key={ref.id} className={`evidence-reference is-${ref.status}`}>
            <p>
              <span lang={language} dir="auto">
                [{label}]
              </span>{' '}
              <code>[[ref:{ref.id}]]</code>
            </p>
            {ref.quote !== null && (
              <blockquote lang={language} dir="auto">
                {ref.quote}
              </blockquote>
            )}
            <p>
              <strong>{t(`seriesEvidence.references.status.${ref.status}`)}</strong>
            </p>
            {ref.status === 'changed' && (
              <>
                <ul>
                  {ref.changes.map((c, i) => (
                    <li key={`${c.key}-${i}`}>{t(`seriesEvidence.references.change.${c.change}`)}</li>
                  ))}
                </ul>
                <button type="button" onClick={() => onResolve(ref)} disabled={busy}>
                  {t('seriesEvidence.references.resolve')}
                  <span className="visually-hidden"> [{label}]</span>
                </button>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
