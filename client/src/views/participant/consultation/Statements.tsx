import { CONSULTATION_LIMITS as L, STATEMENT_VOTES, type StatementVote } from '@open-talks/shared/consultation';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsultation, useStatementTurn } from '../../../consultation';
import { useCommand } from '../../../hooks/useCommand';
import { Message } from '../../console/cafe/Message';
import { OpinionSummary } from './OpinionSummary';

/**
 * A question's statements (CONS45): one at a time (`statement:next`), answered agree / disagree /
 * pass, with the progress ("7 of 20"); a form to propose one (at most 140 characters); and the
 * opinion groups computed from everyone's answers.
 */
export function Statements({ questionId, mayAnswer, preModerated }: { questionId: string; mayAnswer: boolean; preModerated: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const { turn, error } = useStatementTurn(questionId, true);
  const { send, message } = useCommand();
  async function answer(statementId: string, vote: StatementVote) {
    const ack = await send('statement:answer', { statementId, vote }, t('consult.statements.answered'));
    if (ack) useConsultation.getState().putNextStatement(questionId, { next: ack.next, answered: ack.answered, total: ack.total });
  }
  const next = turn?.next;
  return (
    <section className="consult-statements" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('consult.statements.heading')}</h3>
      <p className="hint">{t('consult.statements.intro')}</p>
      {error && <p className="form-error">{error}</p>}
      {turn && (
        <div className="card consult-statement">
          <p className="consult-progress" data-testid="consult-statement-progress">
            {turn.total === 0
              ? t('consult.statements.noneYet')
              : next
                ? t('consult.statements.progress', { n: Math.min(turn.answered + 1, turn.total), total: turn.total })
                : t('consult.statements.allDone', { total: turn.total })}
          </p>
          {next && (
            <>
              <p className="consult-statement-text" id={`${id}-statement`} dir="auto">
                {next.text}
              </p>
              {mayAnswer && (
                <div className="button-row" role="group" aria-labelledby={`${id}-statement`}>
                  {STATEMENT_VOTES.map((vote) => (
                    <button key={vote} type="button" className={vote === 'pass' ? 'secondary' : undefined} onClick={() => void answer(next.id, vote)}>
                      {t(`consult.statements.vote.${vote}`)}
                    </button>
                  ))}
                </div>
              )}
            </>
          )}
          <Message message={message} />
        </div>
      )}
      {mayAnswer && <ProposeStatement questionId={questionId} preModerated={preModerated} />}
      <OpinionSummary questionId={questionId} />
    </section>
  );
}

function ProposeStatement({ questionId, preModerated }: { questionId: string; preModerated: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const { send, message } = useCommand();
  const [text, setText] = useState('');
  const field = useRef<HTMLInputElement>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    const ack = await send('statement:propose', { questionId, text }, preModerated ? t('consult.statements.proposedForReview') : t('consult.statements.proposed'));
    if (ack) {
      setText('');
      // The emptied form disables its button: pressed from the keyboard, focus would drop to <body>.
      // It goes back to the field, ready for the next one (as after Ask, QA14; A11Y35).
      field.current?.focus();
    }
  }
  return (
    <details className="consult-propose">
      <summary>{t('consult.statements.propose')}</summary>
      <form onSubmit={submit}>
        <label htmlFor={`${id}-text`}>{t('consult.statements.yourStatement')}</label>
        <input
          ref={field}
          id={`${id}-text`}
          value={text}
          maxLength={L.statementLength}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={`${id}-left`}
          required
          dir="auto"
        />
        <p id={`${id}-left`} className="hint">
          {t('consult.statements.left', { n: L.statementLength - text.length })}
        </p>
        <button type="submit" disabled={!text.trim()}>
          {t('consult.statements.send')}
        </button>
        <Message message={message} />
      </form>
    </details>
  );
}
