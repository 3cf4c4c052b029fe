import { CAFE_LIMITS } from '@open-talks/shared';
import type { CafePublicView, PromptView } from '@open-talks/shared/protocol';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Countdown } from '../../../components/cafe/Countdown';
import { useConfirm } from '../../../components/ConfirmDialog';
import { PromptList } from '../../../components/cafe/PromptList';
import { tableName } from '../../../components/cafe/table-name';
import { useCommand, type Commands } from '../../../hooks/useCommand';
import { Message } from './Message';

type RunCommand = 'cafe:start-round' | 'cafe:pause-round' | 'cafe:resume-round' | 'cafe:end-round';

/** Running the café: start, pause, resume, extend and end rounds, and push prompts. */
export function RunPanel({ live, prompts }: { live: CafePublicView; prompts: readonly PromptView[] }) {
  const { t } = useTranslation();
  // Start turns into Pause, End round goes: focus moves on, not to the page.
  const { send, sending, message, busy } = useCommand({ keepFocus: true });
  const confirmation = useConfirm();
  const total = live.rounds.length;
  const timer = live.run.timer;
  const inRound = live.phase === 'in-round';
  const nextRound = live.run.round + 1;

  const simple = (event: RunCommand, done: string) => () => void send(event, {}, done);
  const extend = (minutes: number) => () => void send('cafe:extend-round', { minutes }, t('run.extended', { count: minutes }));
  const endEarly = async () => {
    if (sending()) return; // send() would drop it after the confirmation, silently
    if (!(await confirmation.ask({ question: t('run.confirmEnd', { round: live.run.round }), confirm: t('run.endEarly') }))) return;
    void send('cafe:end-round', {}, t('run.ended', { round: live.run.round }));
  };

  let status: string;
  if (total === 0) status = t('run.notSetUp');
  else if (live.phase === 'not-started') status = t('run.notStarted');
  else if (live.phase === 'finished') status = t('run.finished');
  else if (live.phase === 'between-rounds') status = t('run.roundOver', { round: live.run.round, total });
  else status = t('run.roundOf', { round: live.run.round, total });
  const question = live.focusRound ? live.rounds[live.focusRound - 1]?.question : undefined;

  return (
    <section className="card run-panel" aria-labelledby="run-heading">
      {confirmation.dialog}
      <h2 id="run-heading">{t('run.heading')}</h2>
      <p className="run-status" data-testid="run-status">
        <strong>{status}</strong>
        {question && live.phase !== 'finished' && (
          <>
            {' '}
            <span className="muted" dir="auto">
              {question}
            </span>
          </>
        )}
      </p>
      {inRound && <Countdown timer={timer} label={t('run.timeLeft')} />}
      <div className="button-row">
        {!inRound && live.phase !== 'finished' && total > 0 && (
          <button type="button" aria-disabled={busy} onClick={simple('cafe:start-round', t('run.started', { round: nextRound }))}>
            {t('run.start', { round: nextRound, total })}
          </button>
        )}
        {inRound && timer?.status === 'running' && (
          <button type="button" className="secondary" aria-disabled={busy} onClick={simple('cafe:pause-round', t('run.paused'))}>
            {t('run.pause')}
          </button>
        )}
        {inRound && timer?.status === 'paused' && (
          <button type="button" aria-disabled={busy} onClick={simple('cafe:resume-round', t('run.resumed'))}>
            {t('run.resume')}
          </button>
        )}
        {inRound && (
          <>
            <button type="button" className="secondary" aria-disabled={busy} onClick={extend(1)} aria-label={t('run.extendBy', { count: 1 })}>
              {t('run.plusMinutes', { count: 1 })}
            </button>
            <button type="button" className="secondary" aria-disabled={busy} onClick={extend(5)} aria-label={t('run.extendBy', { count: 5 })}>
              {t('run.plusMinutes', { count: 5 })}
            </button>
            <button type="button" className="danger" aria-disabled={busy} onClick={() => void endEarly()}>
              {t('run.endEarly')}
            </button>
          </>
        )}
      </div>
      <Message message={message} />
      <PromptForm live={live} onSend={send} busy={busy} />
      <PromptList
        prompts={prompts}
        tableLabel={(id) => {
          const table = live.tables.find((x) => x.id === id);
          return table ? tableName(t, table) : '?';
        }}
      />
    </section>
  );
}

function PromptForm({ live, onSend, busy }: { live: CafePublicView; onSend: Commands['send']; busy: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [tableId, setTableId] = useState('');
  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return;
    const sent = await onSend('cafe:prompt', { text: trimmed, tableId: tableId || null }, t('run.promptSent'));
    if (!sent) return;
    setText('');
    // A prompt to one table is a one-off: the next one goes to everyone unless chosen again.
    setTableId('');
  }
  return (
    <form className="prompt-form" onSubmit={submit}>
      <label htmlFor="prompt-text">{t('run.promptLabel')}</label>
      <textarea id="prompt-text" rows={2} maxLength={CAFE_LIMITS.promptLength} value={text} onChange={(e) => setText(e.target.value)} required />
      <div className="inline-form">
        <label htmlFor="prompt-target">{t('run.promptTarget')}</label>
        <select id="prompt-target" value={tableId} onChange={(e) => setTableId(e.target.value)}>
          <option value="">{t('run.everyone')}</option>
          {live.tables.map((table) => (
            <option key={table.id} value={table.id}>
              {tableName(t, table)}
            </option>
          ))}
        </select>
        <button type="submit" disabled={text.trim() === ''} aria-disabled={busy}>
          {t('run.sendPrompt')}
        </button>
      </div>
    </form>
  );
}
