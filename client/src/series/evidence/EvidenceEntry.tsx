// One evidence item in the panel: its words, where it comes from, who said it as far as the
// attribution allows (SER2), and its facts (votes, supports, status, official response, results).
import { isLanguage } from '@open-talks/shared';
import type { EvidenceItem } from '@open-talks/shared/series';
import { useTranslation } from 'react-i18next';

export function EvidenceEntry({
  item,
  selected,
  onSelect,
  onQuote,
  busy,
}: {
  item: EvidenceItem;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onQuote: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const d = item.detail;
  const credit = item.credit.name ?? (item.credit.group ? t(`words.group.${item.credit.group}`) : t('words.anonymous'));
  const text = item.text.trim() === '' ? t('seriesEvidence.item.noText') : item.text;
  // A status word this client does not know yet is said as "other", never shown raw in English.
  const status = (s: string) => t(`seriesEvidence.status.${s}`, { defaultValue: t('seriesEvidence.status.other') });
  return (
    <li className={`evidence-item${selected ? ' is-selected' : ''}`}>
      <div className="evidence-item-head">
        <input type="checkbox" id={`ev-${item.key}`} checked={selected} onChange={(e) => onSelect(e.target.checked)} />
        <label htmlFor={`ev-${item.key}`} className="evidence-kind">
          {t(`seriesEvidence.kinds.${item.kind}`)}
          <span className="visually-hidden">: {text.slice(0, 80)}</span>
        </label>
        <button type="button" className="link-button" onClick={onQuote} disabled={busy}>
          {t('seriesEvidence.actions.quote')}
          <span className="visually-hidden"> {text.slice(0, 40)}</span>
        </button>
      </div>
      <p className="evidence-text" lang={item.language && isLanguage(item.language) ? item.language : undefined} dir="auto">
        {text}
      </p>
      <p className="evidence-meta muted">
        {t('seriesEvidence.item.from', { session: item.sessionTitle })} · {credit}
        {item.theme !== null && <> · {t('seriesEvidence.item.theme', { theme: item.theme })}</>}
        {d.table != null && <> · {t('seriesEvidence.item.table', { table: d.table, round: d.round ?? '' })}</>}
      </p>
      <ul className="evidence-facts">
        {d.votes !== undefined && <li>{t('seriesEvidence.item.votes', { n: d.votes })}</li>}
        {d.supports !== undefined && <li>{t('seriesEvidence.item.supports', { n: d.supports })}</li>}
        {d.status !== undefined && <li>{t('seriesEvidence.item.status', { status: status(d.status) })}</li>}
        {d.ideas !== undefined && <li>{t('seriesEvidence.item.ideas', { n: d.ideas })}</li>}
        {d.size !== undefined && <li>{t('seriesEvidence.item.size', { n: d.size })}</li>}
        {d.response && (
          <li>
            {t('seriesEvidence.item.response', { status: status(d.response.status) })} {d.response.text}
          </li>
        )}
        {d.results?.map((r) => (
          <li key={r.label}>
            {r.label}: {r.count}
          </li>
        ))}
      </ul>
    </li>
  );
}
