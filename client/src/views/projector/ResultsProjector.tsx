import { STAKEHOLDER_GROUPS, type Poll, type PollResults, type ResultSummary } from '@open-talks/shared';
import { useTranslation } from 'react-i18next';
import { Bilingual, keys } from '../../components/translated';
import { ProjectorBars, type BarRow } from './ProjectorBars';
import { WordCloudProjector } from './WordCloudProjector';

const MAX_GROUP_COLUMNS = 4; // more would make the bars too narrow to read from the back

/** A poll's results, large (PROJ9, PROJ10), overall or by stakeholder group side by side. */
export function ResultsProjector({ poll, results, byGroup }: { poll: Poll; results: PollResults | null; byGroup: boolean }) {
  const { t } = useTranslation();
  const groups = STAKEHOLDER_GROUPS.filter((g) => results?.byGroup[g]).slice(0, MAX_GROUP_COLUMNS);
  return (
    <section className="pj-results" aria-labelledby="pj-results-question" data-testid="projector-results">
      <p className="pj-kicker">{t('projector.results')}</p>
      <h2 id="pj-results-question" className="pj-poll-question">
        <Bilingual k={keys.pollQuestion(poll.id)} text={poll.question} />
      </h2>
      {!results ? (
        <p className="pj-muted pj-big-note">{t('townhall.poll.resultsHidden')}</p>
      ) : byGroup && groups.length > 0 ? (
        <div className="pj-groups" style={{ gridTemplateColumns: `repeat(${groups.length}, minmax(0, 1fr))` }}>
          {groups.map((group) => (
            <section key={group} className="pj-group" aria-labelledby={`pj-group-${group}`}>
              <h3 id={`pj-group-${group}`}>{t(`words.group.${group}`)}</h3>
              <Summary poll={poll} summary={results.byGroup[group]!} compact />
            </section>
          ))}
        </div>
      ) : (
        <Summary poll={poll} summary={results.overall} />
      )}
    </section>
  );
}

function Summary({ poll, summary, compact = false }: { poll: Poll; summary: ResultSummary; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  let rows: BarRow[] | null = null;
  if (summary.options) rows = summary.options.map((o) => ({ key: o.id, label: o.label, count: o.count, content: keys.pollOption(poll.id, o.id), hubs: o.hubs }));
  if (summary.rating) {
    const scale = poll.scale;
    rows = summary.rating.distribution.map((d) => ({
      key: String(d.value),
      label:
        d.value === scale?.min && scale.minLabel ? `${d.value} (${scale.minLabel})` : d.value === scale?.max && scale.maxLabel ? `${d.value} (${scale.maxLabel})` : String(d.value),
      count: d.count,
    }));
  }
  return (
    <>
      <p className="pj-ballots">
        {t('townhall.poll.answers', { count: summary.ballots })}
        {summary.rating && summary.rating.average !== null && (
          <> · {t('townhall.poll.average', { value: summary.rating.average.toLocaleString(i18n.language, { maximumFractionDigits: 1 }) })}</>
        )}
      </p>
      {rows && <ProjectorBars rows={rows} ballots={summary.ballots} compact={compact} />}
      {summary.words && <WordCloudProjector words={summary.words} compact={compact} />}
    </>
  );
}
