import type { ConsultationQuestionView, ContributionView } from '@open-talks/shared/protocol';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { listCredentials } from '../../../state/credentials';
import { OriginLine } from './ContributionCard';
import { useSend } from './use-consultation';

/**
 * CONS53: bring a café's harvest or a Town Hall's unanswered questions in as seed contributions,
 * from a session this browser facilitates (its facilitator token proves it, `sourceToken`).
 */
export function ImportPanel({ sessionId, questions }: { sessionId: string; questions: ConsultationQuestionView[] }) {
  const { t } = useTranslation();
  const id = useId();
  const sources = useMemo(() => listCredentials().filter((c) => c.facilitator && c.token && c.sessionId !== sessionId && c.format !== 'consultation'), [sessionId]);
  const [source, setSource] = useState(sources[0]?.sessionId ?? '');
  const [questionId, setQuestionId] = useState(questions[0]?.id ?? '');
  const [include, setInclude] = useState({ themes: true, keyIdeas: true, questions: true });
  const [imported, setImported] = useState<ContributionView[]>();
  const { send, error, busy } = useSend();
  const question = questions.some((q) => q.id === questionId) ? questionId : (questions[0]?.id ?? '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const credential = sources.find((c) => c.sessionId === source);
    if (!credential?.token || !question) return;
    const ack = await send('consultation:import', { sourceSessionId: credential.sessionId, sourceToken: credential.token, questionId: question, include });
    if (ack) setImported(ack.contributions);
  };

  return (
    <section className="card cc-import" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('consultConsole.import.heading')}</h2>
      <p className="hint">{t('consultConsole.import.hint')}</p>
      {sources.length === 0 ? (
        <p className="muted">{t('consultConsole.import.none')}</p>
      ) : questions.length === 0 ? (
        <p className="muted">{t('consultConsole.import.noQuestion')}</p>
      ) : (
        <form onSubmit={submit} className="cc-form">
          <label htmlFor={`${id}-source`}>{t('consultConsole.import.source')}</label>
          <select id={`${id}-source`} value={source} onChange={(e) => setSource(e.target.value)}>
            {sources.map((c) => (
              <option key={c.sessionId} value={c.sessionId}>
                {c.format ? `${c.title} (${t(`words.format.${c.format}`)})` : c.title}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-question`}>{t('consultConsole.import.question')}</label>
          <select id={`${id}-question`} value={question} onChange={(e) => setQuestionId(e.target.value)}>
            {questions.map((q) => (
              <option key={q.id} value={q.id}>
                {q.text}
              </option>
            ))}
          </select>
          <fieldset>
            <legend>{t('consultConsole.import.what')}</legend>
            {(['themes', 'keyIdeas', 'questions'] as const).map((k) => (
              <label key={k} className="choice">
                <input type="checkbox" checked={include[k]} onChange={(e) => setInclude((i) => ({ ...i, [k]: e.target.checked }))} />
                {t(`consultConsole.import.include.${k}`)}
              </label>
            ))}
          </fieldset>
          <button type="submit" disabled={!source} aria-disabled={busy}>
            {t('consultConsole.import.button')}
          </button>
        </form>
      )}
      <p className="form-error" role="alert">
        {error}
      </p>
      <div role="status">
        {imported && (
          <>
            <p>{t('consultConsole.import.done', { count: imported.length })}</p>
            {imported.length > 0 && (
              <ul className="cc-imported">
                {imported.map((c) => (
                  <li key={c.id}>
                    <span dir="auto">{c.title}</span> <OriginLine contribution={c} />
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </section>
  );
}
