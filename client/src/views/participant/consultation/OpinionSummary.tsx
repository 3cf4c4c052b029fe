import { STAKEHOLDER_GROUPS } from '@open-talks/shared';
import type { OpinionReport, StatementResult, VoteTally } from '@open-talks/shared/protocol';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpinion } from '../../../consultation';

const percent = (part: number, tally: VoteTally) => {
  const all = tally.agree + tally.disagree + tally.pass;
  return all === 0 ? 0 : Math.round((100 * part) / all);
};

/** "60 % agree, 30 % disagree, 10 % pass". */
function tallyText(t: TFunction, tally: VoteTally): string {
  return t('consult.opinion.tally', { agree: percent(tally.agree, tally), disagree: percent(tally.disagree, tally), pass: percent(tally.pass, tally) });
}

/**
 * The opinion groups of a question (CONS45): groups with their sizes, the statements that unite
 * everyone and those that divide, each by opinion group and, where shown, by stakeholder group;
 * as text and plain tables (no chart), updated by `opinion:report`.
 */
export function OpinionSummary({ questionId }: { questionId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const { report, error, asked } = useOpinion(questionId, true);
  return (
    <section className="consult-opinion" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>{t('consult.opinion.heading')}</h4>
      {error && <p className="form-error">{error}</p>}
      {asked && !report && !error && <p className="hint">{t('consult.opinion.notYet')}</p>}
      {report && <Report report={report} />}
    </section>
  );
}

function Report({ report }: { report: OpinionReport }) {
  const { t } = useTranslation();
  const consensus = report.statements.filter((s) => s.kind === 'consensus');
  const divisive = report.statements.filter((s) => s.kind === 'divisive');
  return (
    <div aria-live="polite">
      <p>{t('consult.opinion.summary', { n: report.groups.length, people: report.answerers })}</p>
      {report.groups.length > 0 && (
        <table className="consult-table">
          <caption>{t('consult.opinion.groupsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('consult.opinion.group')}</th>
              <th scope="col">{t('consult.opinion.size')}</th>
              <th scope="col">{t('consult.opinion.representative')}</th>
            </tr>
          </thead>
          <tbody>
            {report.groups.map((g) => (
              <tr key={g.index}>
                <th scope="row">{t('consult.opinion.groupName', { n: g.index + 1 })}</th>
                <td>{g.size}</td>
                <td dir="auto">
                  {g.representative
                    .map((sid) => report.statements.find((s) => s.statementId === sid)?.text)
                    .filter(Boolean)
                    .join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <StatementTable title={t('consult.opinion.consensus')} empty={t('consult.opinion.noConsensus')} statements={consensus} groups={report.groups.length} />
      <StatementTable title={t('consult.opinion.divisive')} empty={t('consult.opinion.noDivisive')} statements={divisive} groups={report.groups.length} />
    </div>
  );
}

function StatementTable({ title, empty, statements, groups }: { title: string; empty: string; statements: StatementResult[]; groups: number }) {
  const { t } = useTranslation();
  const id = useId();
  if (statements.length === 0)
    return (
      <>
        <h5 id={id}>{title}</h5>
        <p className="hint">{empty}</p>
      </>
    );
  const shownGroups = STAKEHOLDER_GROUPS.filter((g) => statements.some((s) => s.byStakeholderGroup[g]));
  return (
    <>
      <h5 id={id}>{title}</h5>
      <div className="consult-table-wrap">
        <table className="consult-table" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{t('consult.opinion.statement')}</th>
              <th scope="col">{t('consult.opinion.everyone')}</th>
              {Array.from({ length: groups }, (_, i) => (
                <th key={i} scope="col">
                  {t('consult.opinion.groupName', { n: i + 1 })}
                </th>
              ))}
              {shownGroups.map((g) => (
                <th key={g} scope="col">
                  {t(`words.group.${g}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {statements.map((s) => (
              <tr key={s.statementId}>
                <th scope="row" dir="auto">
                  {s.text}
                </th>
                <td>{tallyText(t, s.tally)}</td>
                {s.byOpinionGroup.map((tally, i) => (
                  <td key={i}>{tallyText(t, tally)}</td>
                ))}
                {shownGroups.map((g) => {
                  const tally = s.byStakeholderGroup[g];
                  return <td key={g}>{tally ? tallyText(t, tally) : t('consult.opinion.tooFew')}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
