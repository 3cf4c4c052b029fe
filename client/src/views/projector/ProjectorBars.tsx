import { useEffect, useState } from 'react';
import type { HubAnswers } from '@open-talks/shared';
import { useTranslation } from 'react-i18next';
import { Bilingual } from '../../components/translated';
import { useCountWithHubs } from '../../components/townhall/hub-count';

const LARGE_ROWS = 5; // up to this many bars get the largest type

export interface BarRow {
  key: string;
  label: string;
  count: number;
  /** The content key of an organiser's text (a poll option), shown in the screen's languages. */
  content?: string;
  /** Of `count`, the hubs' answers and their people (HUB21). */
  hubs?: HubAnswers | undefined;
}

/**
 * Large result bars (PROJ9): each row says its label, count and percentage in text; the bar grows
 * in from zero (CSS transition, none under prefers-reduced-motion) and is only decoration.
 */
export function ProjectorBars({ rows, ballots, compact = false }: { rows: readonly BarRow[]; ballots: number; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const [grown, setGrown] = useState(false);
  useEffect(() => {
    const id = requestAnimationFrame(() => requestAnimationFrame(() => setGrown(true)));
    return () => cancelAnimationFrame(id);
  }, []);
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const number = new Intl.NumberFormat(i18n.language);
  const withHubs = useCountWithHubs();
  return (
    <ul className={compact ? 'pj-bars pj-bars-compact' : rows.length <= LARGE_ROWS ? 'pj-bars pj-bars-large' : 'pj-bars'} data-testid="projector-bars">
      {rows.map((row) => {
        const share = ballots > 0 ? row.count / ballots : 0;
        return (
          <li key={row.key} className="pj-bar-row" data-testid="projector-bar">
            <span className="pj-bar-label">{row.content ? <Bilingual k={row.content} text={row.label} /> : <bdi>{row.label}</bdi>}</span>
            <span className="pj-bar-value">{t('projector.countAndShare', { count: withHubs(row, (n) => number.format(n)), share: percent.format(share) })}</span>
            <span className="pj-bar-track" aria-hidden="true">
              <span className="pj-bar-fill" style={{ inlineSize: grown ? `${share * 100}%` : '0%' }} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}
