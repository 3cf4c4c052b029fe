import { CONSULTATION_LIMITS as L } from '@open-talks/shared/consultation';
import type { ConsultationQuestionView, StatementView } from '@open-talks/shared/protocol';
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useSend } from './use-consultation';

/** CONS51: the questions: add, edit, remove, reorder; statements on or off; seed statements. */
export function QuestionsEditor({ questions }: { questions: ConsultationQuestionView[] }) {
  const { t } = useTranslation();
  const { send, error, busy } = useSend();
  const [said, setSaid] = useState('');
  const [removing, setRemoving] = useState<ConsultationQuestionView>();

  const move = async (question: ConsultationQuestionView, toIndex: number) => {
    const ack = await send('consultation:move-question', { questionId: question.id, toIndex });
    if (!ack) return;
    setSaid(t('consultConsole.questions.moved', { position: toIndex + 1, total: questions.length }));
    // The same button may have moved off the end: keep the keyboard on the question.
    requestAnimationFrame(() => document.getElementById(`cc-question-${question.id}`)?.focus());
  };
  const remove = async (ok: boolean) => {
    const question = removing;
    setRemoving(undefined);
    if (!ok || !question) return;
    const ack = await send('consultation:remove-question', { questionId: question.id });
    if (ack) {
      setSaid(t('consultConsole.questions.removed'));
    }
  };

  return (
    <section className="card cc-questions" aria-labelledby="cc-questions-heading">
      <h2 id="cc-questions-heading">{t('consultConsole.questions.heading')}</h2>
      {questions.length === 0 ? (
        <p className="muted">{t('consultConsole.questions.none')}</p>
      ) : (
        <ol className="cc-question-list">
          {questions.map((q, i) => (
            <li key={q.id} className="cc-question" data-testid="cc-question">
              <QuestionRow question={q} index={i} count={questions.length} busy={busy} onMove={(to) => void move(q, to)} onRemove={() => setRemoving(q)} />
            </li>
          ))}
        </ol>
      )}
      <p className="form-error" role="alert">
        {error}
      </p>
      <p className="cc-said" role="status">
        {said}
      </p>
      {questions.length < L.questions && <AddQuestion />}
      {removing && (
        <ConfirmDialog
          question={t('consultConsole.questions.removeConfirm', { question: removing.text })}
          confirm={t('consultConsole.questions.remove')}
          onDone={(ok) => void remove(ok)}
        />
      )}
    </section>
  );
}

function QuestionRow({
  question,
  index,
  count,
  busy,
  onMove,
  onRemove,
}: {
  question: ConsultationQuestionView;
  index: number;
  count: number;
  busy: boolean;
  onMove: (toIndex: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <>
      <h3 id={`cc-question-${question.id}`} tabIndex={-1} dir="auto">
        <span className="muted">{t('consultConsole.questions.number', { n: index + 1 })}</span> {question.text}
      </h3>
      {question.description && (
        <p dir="auto" className="cc-question-description">
          {question.description}
        </p>
      )}
      <p className="muted">
        {question.statements ? t('consultConsole.questions.statementsOn') : t('consultConsole.questions.statementsOff')} ·{' '}
        {t('consultConsole.questions.counts', { contributions: question.counts.contributions, comments: question.counts.comments, supports: question.counts.supports })}
      </p>
      <div className="cc-actions">
        <button type="button" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
          {t('consultConsole.questions.edit')}
          <span className="visually-hidden"> {question.text}</span>
        </button>
        <button type="button" disabled={index === 0} aria-disabled={busy} onClick={() => onMove(index - 1)}>
          {t('consultConsole.questions.up')}
          <span className="visually-hidden"> {question.text}</span>
        </button>
        <button type="button" disabled={index === count - 1} aria-disabled={busy} onClick={() => onMove(index + 1)}>
          {t('consultConsole.questions.down')}
          <span className="visually-hidden"> {question.text}</span>
        </button>
        <button type="button" className="danger" aria-disabled={busy} onClick={onRemove}>
          {t('consultConsole.questions.remove')}
          <span className="visually-hidden"> {question.text}</span>
        </button>
      </div>
      {editing && <EditQuestion question={question} onDone={() => setEditing(false)} />}
      {question.statements && <SeedStatements question={question} />}
    </>
  );
}

function QuestionFields({
  text,
  description,
  statements,
  onText,
  onDescription,
  onStatements,
}: {
  text: string;
  description: string;
  statements: boolean;
  onText: (v: string) => void;
  onDescription: (v: string) => void;
  onStatements: (v: boolean) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <label htmlFor={`${id}-text`}>{t('consultConsole.questions.text')}</label>
      <input id={`${id}-text`} required maxLength={L.questionLength} value={text} onChange={(e) => onText(e.target.value)} dir="auto" />
      <label htmlFor={`${id}-desc`}>{t('consultConsole.questions.description')}</label>
      <textarea id={`${id}-desc`} rows={2} maxLength={L.questionDescriptionLength} value={description} onChange={(e) => onDescription(e.target.value)} dir="auto" />
      <label className="choice">
        <input type="checkbox" checked={statements} onChange={(e) => onStatements(e.target.checked)} />
        {t('consultConsole.questions.statements')}
      </label>
    </>
  );
}

function AddQuestion() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [description, setDescription] = useState('');
  const [statements, setStatements] = useState(false);
  const { send, error, busy } = useSend();
  const [said, setSaid] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaid('');
    const ack = await send('consultation:add-question', { text, description, statements });
    if (!ack) return;
    setText('');
    setDescription('');
    setStatements(false);
    setSaid(t('consultConsole.questions.added'));
  };
  return (
    <form onSubmit={submit} className="cc-form cc-add-question" aria-labelledby="cc-add-question">
      <h3 id="cc-add-question">{t('consultConsole.questions.add')}</h3>
      <QuestionFields text={text} description={description} statements={statements} onText={setText} onDescription={setDescription} onStatements={setStatements} />
      <button type="submit" disabled={!text.trim()} aria-disabled={busy}>
        {t('consultConsole.questions.addButton')}
      </button>
      <p className="form-error" role="alert">
        {error}
      </p>
      <p className="cc-said" role="status">
        {said}
      </p>
    </form>
  );
}

function EditQuestion({ question, onDone }: { question: ConsultationQuestionView; onDone: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(question.text);
  const [description, setDescription] = useState(question.description);
  const [statements, setStatements] = useState(question.statements);
  const { send, error, busy } = useSend();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ack = await send('consultation:edit-question', { questionId: question.id, text, description, statements });
    if (!ack) return;
    onDone();
  };
  return (
    <form onSubmit={submit} className="cc-form cc-edit-question">
      <QuestionFields text={text} description={description} statements={statements} onText={setText} onDescription={setDescription} onStatements={setStatements} />
      <div className="cc-actions">
        <button type="submit" disabled={!text.trim()} aria-disabled={busy}>
          {t('consultConsole.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('consultConsole.cancel')}
        </button>
      </div>
      <p className="form-error" role="alert">
        {error}
      </p>
    </form>
  );
}

/** CONS51: statements the organiser seeds for a question (shown at once), and the ones already there. */
function SeedStatements({ question }: { question: ConsultationQuestionView }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [list, setList] = useState<StatementView[]>();
  const { send, error, busy } = useSend();
  const load = useCallback(async () => {
    const ack = await send('statement:list', { questionId: question.id });
    if (ack) setList(ack.statements);
  }, [send, question.id]);
  useEffect(() => {
    if (open) void load();
  }, [open, load]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ack = await send('statement:propose', { questionId: question.id, text });
    if (!ack) return;
    setText('');
    setList((l) => [...(l ?? []), ack.statement]);
  };
  return (
    <div className="cc-seed">
      <button type="button" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen((o) => !o)}>
        {t('consultConsole.questions.seedHeading')}
      </button>
      {open && (
        <div id={`${id}-panel`}>
          {list && list.length > 0 && (
            <ul className="cc-statements">
              {list.map((s) => (
                <li key={s.id} dir="auto">
                  {s.text} <span className="muted">({t(`consultConsole.status.${s.status}`)})</span>
                </li>
              ))}
            </ul>
          )}
          <form onSubmit={submit} className="cc-inline-form">
            <label htmlFor={`${id}-text`}>{t('consultConsole.questions.seedLabel')}</label>
            <input id={`${id}-text`} maxLength={L.statementLength} value={text} onChange={(e) => setText(e.target.value)} dir="auto" />
            <button type="submit" disabled={!text.trim()} aria-disabled={busy}>
              {t('consultConsole.questions.seedButton')}
            </button>
          </form>
          <p className="form-error" role="alert">
            {error}
          </p>
        </div>
      )}
    </div>
  );
}
