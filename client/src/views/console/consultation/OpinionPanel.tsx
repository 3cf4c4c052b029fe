import type { StakeholderGroup } from '@open-talks/shared';
import type { ConsultationLive, OpinionReport, StatementResult, VoteTally } from '@open-talks/shared/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpinion } from '../../../consultation';

/** "Group A", "Group B", … : letters, so a group is never told by its colour alone. */
export const groupLetter = (index: number) => String.fromCharCode(65 + index);

/**
 * Opinion groups (CONS57): for a question with statements, the groups found in the answers, the
 * statements that unite everyone and the ones that divide, and each statement broken down by
 * opinion group and by stakeholder group, as tables with captions. Fetched once, then kept up to
 * date by the server's `opinion:report` events (recomputed at most every few seconds).
 */
export default function OpinionPanel({ live }: { live: ConsultationLive }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const questions = live.consultation.questions.filter((q) => q.statements);
  const [questionId, setQuestionId] = useState(questions[0]?.id ?? '');
  const { report, error, asked } = useOpinion(questionId, questionId !== '');

  if (questions.length === 0) {
    return (
      <section className="card">
        <h2>{t('consultConsole.opinion.heading')}</h2>
        <p className="muted">{t('consultConsole.opinion.noQuestion')}</p>
      </section>
    );
  }
  const time = report ? new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' }).format(report.computedAt) : '';
  return (
    <section className="card cc-opinion" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('consultConsole.opinion.heading')}</h2>
      <div className="cc-inline-form">
        <label htmlFor={`${id}-q`}>{t('consultConsole.opinion.question')}</label>
        <select id={`${id}-q`} value={questionId} onChange={(e) => setQuestionId(e.target.value)}>
          {questions.map((q) => (
            <option key={q.id} value={q.id}>
              {q.text}
            </option>
          ))}
        </select>
      </div>
      <p className="form-error" role="alert">
        {error}
      </p>
      {!report && !asked ? (
        <p role="status">{t('app.loading')}</p>
      ) : !report || report.groups.length === 0 ? (
        <p className="muted">{t('consultConsole.opinion.notYet')}</p>
      ) : (
        <Report report={report} time={time} />
      )}
    </section>
  );
}

function percent(tally: VoteTally, vote: keyof VoteTally): number {
  const total = tally.agree + tally.disagree + tally.pass;
  return total === 0 ? 0 : Math.round((100 * tally[vote]) / total);
}

function TallyText({ tally }: { tally: VoteTally | null | undefined }) {
  const { t } = useTranslation();
  if (!tally) return <>{t('consultConsole.opinion.tooFew')}</>;
  return <>{t('consultConsole.opinion.tally', { agree: percent(tally, 'agree'), disagree: percent(tally, 'disagree'), pass: percent(tally, 'pass') })}</>;
}

function Report({ report, time }: { report: OpinionReport; time: string }) {
  const { t } = useTranslation();
  const text = new Map(report.statements.map((s) => [s.statementId, s.text]));
  const consensus = report.statements.filter((s) => s.kind === 'consensus');
  const divisive = report.statements.filter((s) => s.kind === 'divisive');
  const stakeholders = [...new Set(report.statements.flatMap((s) => Object.keys(s.byStakeholderGroup)))] as StakeholderGroup[];
  return (
    <div aria-live="polite" aria-atomic="false">
      <p>{t('consultConsole.opinion.summary', { answerers: report.answerers, groups: report.groups.length, time })}</p>
      <h3>{t('consultConsole.opinion.groupsHeading')}</h3>
      <ul className="cc-groups">
        {report.groups.map((g) => (
          <li key={g.index} className={`cc-group cc-group-${g.index}`}>
            <strong>{t('consultConsole.opinion.group', { letter: groupLetter(g.index) })}</strong> — {t('consultConsole.opinion.people', { count: g.size })}
            {g.representative.length > 0 && (
              <>
                <span>{t('consultConsole.opinion.agreesWith')}</span>
                <ul>
                  {g.representative.map((sid) => (
                    <li key={sid} dir="auto">
                      {text.get(sid)}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ul>
      <StatementList heading={t('consultConsole.opinion.consensus')} list={consensus} />
      <StatementList heading={t('consultConsole.opinion.divisive')} list={divisive} />
      <div className="cc-table-wrap">
        <table className="cc-table">
          <caption>{t('consultConsole.opinion.byOpinionGroup')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('consultConsole.opinion.statement')}</th>
              <th scope="col">{t('consultConsole.opinion.everyone')}</th>
              {report.groups.map((g) => (
                <th key={g.index} scope="col">
                  {t('consultConsole.opinion.group', { letter: groupLetter(g.index) })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.statements.map((s) => (
              <tr key={s.statementId}>
                <th scope="row" dir="auto">
                  {s.text}
                </th>
                <td>
                  <TallyText tally={s.tally} />
                </td>
                {report.groups.map((g) => (
                  <td key={g.index}>
                    <TallyText tally={s.byOpinionGroup[g.index]} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {stakeholders.length > 0 && (
        <div className="cc-table-wrap">
          <table className="cc-table">
            <caption>{t('consultConsole.opinion.byStakeholderGroup')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('consultConsole.opinion.statement')}</th>
                {stakeholders.map((g) => (
                  <th key={g} scope="col">
                    {t(`words.group.${g}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.statements.map((s) => (
                <tr key={s.statementId}>
                  <th scope="row" dir="auto">
                    {s.text}
                  </th>
                  {stakeholders.map((g) => (
                    <td key={g}>
                      <TallyText tally={s.byStakeholderGroup[g]} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function StatementList({ heading, list }: { heading: string; list: StatementResult[] }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{heading}</h3>
      {list.length === 0 ? (
        <p className="muted">{t('consultConsole.opinion.noneYet')}</p>
      ) : (
        <ul>
          {list.map((s) => (
            <li key={s.statementId}>
              <span dir="auto">{s.text}</span> — <TallyText tally={s.tally} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
