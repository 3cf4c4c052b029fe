import { CONSULTATION_LIMITS as L, RESPONSE_STATUSES, type ContributionSort, type ResponseStatus } from '@open-talks/shared/consultation';
import type { ConsultationLive, ContributionView, ResponseView } from '@open-talks/shared/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ContributionCard } from './ContributionCard';
import { MoreButton } from './ModeratePanel';
import { useContributionList } from '../../../consultation';
import { useSend } from './use-consultation';

const SORTS = ['supported', 'newest', 'discussed'] as const satisfies readonly ContributionSort[];

/**
 * Respond (CONS55): official responses. Pick one or several published contributions (by
 * question, theme, most supported, only those not answered yet), give a status and the reason;
 * a written response can be edited or withdrawn.
 */
export default function RespondPanel({ live }: { live: ConsultationLive }) {
  const { t } = useTranslation();
  const id = useId();
  const questions = live.consultation.questions;
  const [questionId, setQuestionId] = useState('');
  const [theme, setTheme] = useState('');
  const [sort, setSort] = useState<ContributionSort>('supported');
  const [unanswered, setUnanswered] = useState(true);
  const [themeQuery, setThemeQuery] = useState('');
  const [selected, setSelected] = useState<Map<string, ContributionView>>(new Map());
  const [editing, setEditing] = useState<ResponseView>();
  const [withdrawing, setWithdrawing] = useState<ResponseView>();
  const { send, error } = useSend();
  const [said, setSaid] = useState('');
  const list = useContributionList({
    status: 'published',
    sort,
    pageSize: L.pageSize,
    ...(questionId && { questionId }),
    ...(themeQuery && { theme: themeQuery }),
    // Filtered on the server, so every page holds what still needs an answer (not a thinned page).
    ...(unanswered && { responseStatus: 'none' as const }),
  });
  const items = list.items;
  const toggle = (c: ContributionView, on: boolean) =>
    setSelected((s) => {
      const next = new Map(s);
      if (on) next.set(c.id, c);
      else next.delete(c.id);
      return next;
    });

  const written = (response: ResponseView, verb: 'written' | 'edited') => {
    setSaid(t(`consultConsole.respond.${verb}`, { count: response.contributionIds.length }));
    setSelected(new Map());
    setEditing(undefined);
    list.refresh();
  };
  const withdraw = async (ok: boolean) => {
    const response = withdrawing;
    setWithdrawing(undefined);
    if (!ok || !response) return;
    const ack = await send('response:delete', { responseId: response.id });
    if (!ack) return;
    setSaid(t('consultConsole.respond.withdrawn'));
    list.refresh();
  };

  return (
    <div className="cc-respond">
      <section className="card" aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`}>{t('consultConsole.respond.heading')}</h2>
        <p className="hint">{t('consultConsole.respond.hint')}</p>
        <form className="cc-filters-row" onSubmit={(e) => (e.preventDefault(), setThemeQuery(theme.trim()))} role="search">
          <div>
            <label htmlFor={`${id}-q`}>{t('consultConsole.respond.question')}</label>
            <select id={`${id}-q`} value={questionId} onChange={(e) => setQuestionId(e.target.value)}>
              <option value="">{t('consultConsole.respond.allQuestions')}</option>
              {questions.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.text}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-theme`}>{t('consultConsole.respond.theme')}</label>
            <input id={`${id}-theme`} value={theme} maxLength={L.themeLength} onChange={(e) => setTheme(e.target.value)} dir="auto" />
          </div>
          <div>
            <label htmlFor={`${id}-sort`}>{t('consultConsole.respond.sort')}</label>
            <select id={`${id}-sort`} value={sort} onChange={(e) => setSort(e.target.value as ContributionSort)}>
              {SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`consultConsole.sort.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <label className="choice">
            <input type="checkbox" checked={unanswered} onChange={(e) => setUnanswered(e.target.checked)} />
            {t('consultConsole.respond.unanswered')}
          </label>
          <button type="submit">{t('consultConsole.respond.filter')}</button>
        </form>
        <p className="form-error" role="alert">
          {error}
        </p>
        <p className="cc-said" role="status" data-testid="cc-respond-said">
          {said}
        </p>
        <p className="form-error" role="alert">
          {list.error}
        </p>
        {items.length === 0 && list.loading ? (
          <p role="status">{t('app.loading')}</p>
        ) : items.length === 0 ? (
          <p className="muted">{t('consultConsole.respond.none')}</p>
        ) : (
          <ul className="cc-list">
            {items.map((c) => (
              <li key={c.id}>
                <ContributionCard
                  contribution={c}
                  select={
                    <input
                      type="checkbox"
                      className="cc-select"
                      aria-label={t('consultConsole.respond.select', { title: c.title })}
                      checked={selected.has(c.id)}
                      onChange={(e) => toggle(c, e.target.checked)}
                    />
                  }
                >
                  {c.response && (
                    <div className="cc-actions">
                      <button type="button" onClick={() => setEditing(c.response!)}>
                        {t('consultConsole.respond.edit')}
                        <span className="visually-hidden"> {c.title}</span>
                      </button>
                      <button type="button" className="danger" onClick={() => setWithdrawing(c.response!)}>
                        {t('consultConsole.respond.withdraw')}
                        <span className="visually-hidden"> {c.title}</span>
                      </button>
                    </div>
                  )}
                </ContributionCard>
              </li>
            ))}
          </ul>
        )}
        {items.length < list.items.length && <p className="muted">{t('consultConsole.respond.answeredHidden', { count: list.items.length - items.length })}</p>}
        <MoreButton list={list} />
      </section>
      {editing ? (
        <ResponseForm key={editing.id} response={editing} selected={[]} onDone={(r) => written(r, 'edited')} onCancel={() => setEditing(undefined)} />
      ) : (
        <ResponseForm selected={[...selected.values()]} onDone={(r) => written(r, 'written')} onUnselect={(c) => toggle(c, false)} />
      )}
      {withdrawing && <ConfirmDialog question={t('consultConsole.respond.withdrawConfirm')} confirm={t('consultConsole.respond.withdraw')} onDone={(ok) => void withdraw(ok)} />}
    </div>
  );
}

function ResponseForm({
  response,
  selected,
  onDone,
  onCancel,
  onUnselect,
}: {
  response?: ResponseView;
  selected: ContributionView[];
  onDone: (r: ResponseView) => void;
  onCancel?: () => void;
  onUnselect?: (c: ContributionView) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [status, setStatus] = useState<ResponseStatus>(response?.status ?? 'under-consideration');
  const [text, setText] = useState(response?.text ?? '');
  const { send, error, busy } = useSend();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (response) {
      const ack = await send('response:edit', { responseId: response.id, status, text: text.trim() });
      if (ack) onDone(ack.response);
      return;
    }
    const ack = await send('response:write', { contributionIds: selected.map((c) => c.id), status, text: text.trim() });
    if (!ack) return;
    setText('');
    onDone(ack.response);
  };
  const heading = response ? t('consultConsole.respond.editHeading') : t('consultConsole.respond.writeHeading');
  return (
    <section className="card cc-response-form" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{heading}</h2>
      {!response && (
        <>
          <p>{t('consultConsole.respond.selected', { count: selected.length })}</p>
          {selected.length > 0 && (
            <ul className="cc-chips">
              {selected.map((c) => (
                <li key={c.id}>
                  <span dir="auto">{c.title}</span>{' '}
                  <button type="button" className="cc-link-button" onClick={() => onUnselect?.(c)}>
                    {t('consultConsole.respond.unselect')}
                    <span className="visually-hidden"> {c.title}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <form onSubmit={submit} className="cc-form">
        <fieldset>
          <legend>{t('consultConsole.respond.status')}</legend>
          {RESPONSE_STATUSES.map((s) => (
            <label key={s} className="choice">
              <input type="radio" name={`${id}-status`} checked={status === s} onChange={() => setStatus(s)} />
              {t(`consultConsole.responseStatus.${s}`)}
            </label>
          ))}
        </fieldset>
        <label htmlFor={`${id}-text`}>{t('consultConsole.respond.reason')}</label>
        <textarea id={`${id}-text`} rows={4} required maxLength={L.responseLength} value={text} onChange={(e) => setText(e.target.value)} dir="auto" />
        <div className="cc-actions">
          <button type="submit" disabled={!text.trim() || (!response && selected.length === 0)} aria-disabled={busy}>
            {response ? t('consultConsole.save') : t('consultConsole.respond.publish')}
          </button>
          {onCancel && (
            <button type="button" onClick={onCancel}>
              {t('consultConsole.cancel')}
            </button>
          )}
        </div>
        <p className="form-error" role="alert">
          {error}
        </p>
      </form>
    </section>
  );
}
