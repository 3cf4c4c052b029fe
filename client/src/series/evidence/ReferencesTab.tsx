// The draft's references (SER5, SER67–SER70): each with its label in the draft's language and its
// status; a changed one says what changed and offers "Resolve" (take the sources as they are now).
import type { Language } from '@open-talks/shared';
import { describeReference, type SeriesReference } from '@open-talks/shared/series';
import { useEffect, useRef, useState } from 'react';
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
  const list = useRef<HTMLUListElement>(null);
  // The reference whose "Resolve" was pressed: once the answer is in, focus goes to its status
  // (the button is gone when it resolved) or back to the button (when it was refused), never to <body>.
  const [resolving, setResolving] = useState<string | null>(null);
  useEffect(() => {
    if (resolving === null || busy) return;
    const item = list.current?.querySelector<HTMLElement>(`[data-ref="${CSS.escape(resolving)}"]`);
    (item?.querySelector<HTMLElement>('.evidence-reference-resolve') ?? item?.querySelector<HTMLElement>('.evidence-reference-status'))?.focus();
    setResolving(null);
  }, [resolving, busy, references]);
  if (references === null) return <p>{t('app.loading')}</p>;
  if (references.length === 0) return <p className="muted">{t('seriesEvidence.references.empty')}</p>;
  return (
    <ul className="evidence-references" ref={list}>
      {references.map((ref) => {
        const label = words ? describeReference(ref.summary, words) : '';
        return (
          <li key={ref.id} className={`evidence-reference is-${ref.status}`} data-ref={ref.id}>
            <p>
              <span lang={language} dir="auto" id={`evidence-ref-label-${ref.id}`}>
                [{label}]
              </span>{' '}
              <code>[[ref:{ref.id}]]</code>
            </p>
            {ref.quote !== null && (
              // The source's language, not the draft's; "" (unknown) when the evidence does not say it.
              <blockquote lang={ref.quoteLanguage ?? ''} dir="auto">
                {ref.quote}
              </blockquote>
            )}
            <p className="evidence-reference-status" tabIndex={-1} aria-describedby={`evidence-ref-label-${ref.id}`}>
              <strong>{t(`seriesEvidence.references.status.${ref.status}`)}</strong>
            </p>
            {ref.status === 'changed' && (
              <>
                <ul>
                  {ref.changes.map((c, i) => (
                    <li key={`${c.key}-${i}`}>{t(`seriesEvidence.references.change.${c.change}`)}</li>
                  ))}
                </ul>
                {ref.quoteGone && <p className="evidence-reference-note">{t('seriesEvidence.refusals.quoteSourceGone')}</p>}
                <button
                  type="button"
                  className="evidence-reference-resolve"
                  onClick={() => {
                    setResolving(ref.id);
                    onResolve(ref);
                  }}
                  disabled={busy}
                >
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
