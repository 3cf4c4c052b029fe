import { STAKEHOLDER_GROUPS, type HubAnswers, type Poll, type PollResults as Results, type ResultSummary } from '@open-talks/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keys, useShownText } from '../translated';
import { useCountWithHubs } from './hub-count';

/**
 * A poll's results as bars (choices and ratings) or a word list sized by count (word cloud),
 * overall or for one stakeholder group. Every bar carries its number and share in text.
 */
export function PollResults({ poll, results, big = false, showOriginal = false }: { poll: Poll; results: Results; big?: boolean; showOriginal?: boolean }) {
  const { t } = useTranslation();
  const [group, setGroup] = useState<string>('');
  const groups = STAKEHOLDER_GROUPS.filter((g) => results.byGroup[g]);
  // Under the Chatham House Rule a group can leave the breakdown as answers come in (POLL13):
  // then the overall shows again, rather than "no answers" for a group that has some.
  const shownGroup = groups.find((g) => g === group) ?? '';
  const summary = shownGroup ? results.byGroup[shownGroup] : results.overall;
  const selectId = `poll-group-${poll.id}`;
  return (
    <div className={`poll-results${big ? ' poll-results-big' : ''}`}>
      {!big && groups.length > 0 && (
        <div className="inline-form">
          <label htmlFor={selectId}>{t('townhall.poll.resultsFor')}</label>
          <select id={selectId} value={shownGroup} onChange={(e) => setGroup(e.target.value)}>
            <option value="">{t('townhall.poll.everyone')}</option>
            {groups.map((g) => (
              <option key={g} value={g}>
                {t(`words.group.${g}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {summary ? <Summary poll={poll} summary={summary} showOriginal={showOriginal} /> : <p className="muted">{t('townhall.poll.noAnswers')}</p>}
    </div>
  );
}

function Summary({ poll, summary, showOriginal }: { poll: Poll; summary: ResultSummary; showOriginal: boolean }) {
  const { t, i18n } = useTranslation();
  const shown = useShownText({ original: showOriginal });
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const share = (count: number) => (summary.ballots > 0 ? count / summary.ballots : 0);
  return (
    <>
      <p className="poll-ballots">{t('townhall.poll.answers', { count: summary.ballots })}</p>
      {summary.options && (
        <Bars
          rows={summary.options.map((o) => {
            // LANG58: each option in the reader's language, with its own language and direction.
            const option = shown(keys.pollOption(poll.id, o.id), o.label);
            return { key: o.id, label: o.label, count: o.count, hubs: o.hubs, shown: { text: option.text, lang: option.language, dir: option.dir } };
          })}
          share={share}
          percent={percent}
        />
      )}
      {summary.rating && (
        <>
          <p className="poll-average">
            {summary.rating.average === null
              ? t('townhall.poll.noAnswers')
              : t('townhall.poll.average', { value: summary.rating.average.toLocaleString(i18n.language, { maximumFractionDigits: 1 }) })}
          </p>
          <Bars
            rows={summary.rating.distribution.map((d) => ({
              key: String(d.value),
              label:
                d.value === poll.scale?.min && poll.scale.minLabel
                  ? `${d.value} (${poll.scale.minLabel})`
                  : d.value === poll.scale?.max && poll.scale.maxLabel
                    ? `${d.value} (${poll.scale.maxLabel})`
                    : String(d.value),
              count: d.count,
            }))}
            share={share}
            percent={percent}
          />
        </>
      )}
      {summary.words && <WordCloud words={summary.words} />}
    </>
  );
}

interface BarRow {
  key: string;
  label: string;
  count: number;
  /** Of `count`, the hubs' answers and their people (HUB21). */
  hubs?: HubAnswers | undefined;
  /** An organiser's text as the reader reads it; absent for a rating's values. */
  shown?: { text: string; lang: string; dir: 'rtl' | 'ltr' };
}

function Bars({ rows, share, percent }: { rows: BarRow[]; share: (n: number) => number; percent: Intl.NumberFormat }) {
  const withHubs = useCountWithHubs();
  return (
    <table className="count-table poll-bars">
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            {row.shown ? (
              <th scope="row" lang={row.shown.lang} dir={row.shown.dir}>
                {row.shown.text}
              </th>
            ) : (
              <th scope="row" dir="auto">
                {row.label}
              </th>
            )}
            <td className="count">{withHubs(row)}</td>
            <td className="count">{percent.format(share(row.count))}</td>
            <td className="bar-cell" aria-hidden="true">
              <span className="bar" style={{ inlineSize: `${Math.round(share(row.count) * 100)}%` }} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Words sized by count; the count is also in text, so size is never the only carrier. */
function WordCloud({ words }: { words: { key: string; word: string; count: number }[] }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...words.map((w) => w.count));
  if (words.length === 0) return <p className="muted">{t('townhall.poll.noAnswers')}</p>;
  return (
    <ul className="word-cloud">
      {words.map((w) => (
        <li key={w.key} style={{ fontSize: `${1 + (w.count / max) * 1.5}em` }} dir="auto">
          {w.word} <span className="word-count">({w.count})</span>
        </li>
      ))}
    </ul>
  );
}
