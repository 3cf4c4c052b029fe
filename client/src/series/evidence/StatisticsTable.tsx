// The participation table (SER6) as real tables: a caption, column and row headers, and a hidden
// count written out (never blank, never by colour). A hidden cell says "not shown", not "fewer
// than 3": `hideSmallCounts` also hides larger counts that would give a small one back, and a
// reader must not be able to tell which is which (the note under the tables says why). The draft
// page and the publish part reuse it for the `[[stats]]` block.
import { LANGUAGES, MODES, SESSION_FORMATS, STAKEHOLDER_GROUPS } from '@open-talks/shared';
import type { SeriesStatistics } from '@open-talks/shared/series';
import { useTranslation } from 'react-i18next';

export function StatisticsTable({ statistics, headingLevel = 3 }: { statistics: SeriesStatistics; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const Heading = `h${headingLevel}` as const;
  const count = (n: number | null) => (n === null ? t('seriesEvidence.statistics.notShown') : n.toLocaleString());
  const pairs = (rows: [string, number | null][]) => rows.map(([label, n]) => ({ label, value: count(n) }));
  return (
    <section className="series-statistics" aria-labelledby="series-statistics-heading">
      <Heading id="series-statistics-heading">{t('seriesEvidence.statistics.heading')}</Heading>
      <table className="count-table">
        <caption>{t('seriesEvidence.statistics.byFormat')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('seriesEvidence.statistics.format')}</th>
            <th scope="col">{t('seriesEvidence.statistics.people')}</th>
            <th scope="col">{t('seriesEvidence.statistics.contributions')}</th>
          </tr>
        </thead>
        <tbody>
          {SESSION_FORMATS.map((f) => (
            <tr key={f}>
              <th scope="row">{t(`words.format.${f}`)}</th>
              <td>{count(statistics.peopleByFormat[f])}</td>
              <td>{count(statistics.contributionsByFormat[f])}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('seriesEvidence.statistics.total')}</th>
            <td>{count(statistics.total.people)}</td>
            <td>{count(statistics.total.contributions)}</td>
          </tr>
        </tfoot>
      </table>
      <OneColumn
        caption={t('seriesEvidence.statistics.byGroup')}
        head={t('seriesEvidence.statistics.group')}
        rows={pairs(STAKEHOLDER_GROUPS.map((g) => [t(`words.group.${g}`), statistics.byGroup[g]]))}
        people={t('seriesEvidence.statistics.people')}
      />
      <OneColumn
        caption={t('seriesEvidence.statistics.byMode')}
        head={t('seriesEvidence.statistics.mode')}
        rows={pairs(MODES.map((m) => [t(`words.mode.${m}`), statistics.byMode[m]]))}
        people={t('seriesEvidence.statistics.people')}
      />
      <OneColumn
        caption={t('seriesEvidence.statistics.byLanguage')}
        head={t('seriesEvidence.statistics.language')}
        rows={pairs(LANGUAGES.map((l) => [t(`words.languageName.${l}`), statistics.byLanguage[l]]))}
        people={t('seriesEvidence.statistics.people')}
      />
      {(STAKEHOLDER_GROUPS.some((g) => statistics.byGroup[g] === null) || LANGUAGES.some((l) => statistics.byLanguage[l] === null)) && (
        <p className="muted">{t('seriesEvidence.statistics.hiddenNote')}</p>
      )}
    </section>
  );
}

function OneColumn({ caption, head, people, rows }: { caption: string; head: string; people: string; rows: { label: string; value: string }[] }) {
  return (
    <table className="count-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col">{people}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td>{r.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
