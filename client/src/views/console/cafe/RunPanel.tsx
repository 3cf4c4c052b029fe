import { CAFE_LIMITS, nextFacilitatorAction, type FacilitatorAction } from '@open-talks/shared';
import type { CafePublicView, PromptView } from '@open-talks/shared/protocol';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Countdown } from '../../../components/cafe/Countdown';
import { useConfirm } from '../../../components/ConfirmDialog';
import { PromptList } from '../../../components/cafe/PromptList';
import { tableName } from '../../../components/cafe/table-name';
import { keys, Translated } from '../../../components/translated';
import { useCommand, type Commands } from '../../../hooks/useCommand';
import { Message } from './Message';

type RunCommand = 'cafe:pause-round' | 'cafe:resume-round';

/**
 * Running the café, on one screen (CONSOLE6): the round and its question, the countdown, the next
 * action as the biggest button (CONSOLE1), the timer's pause and extensions, and the prompts.
 * `planned`: whether a seating plan exists (undefined: not loaded yet); `onGoTo` opens another
 * phase of the console, for an action that is not a command (set up, open the harvest).
 */
export function RunPanel({
  live,
  prompts,
  planned,
  onGoTo,
}: {
  live: CafePublicView;
  prompts: readonly PromptView[];
  planned?: boolean;
  onGoTo?: (phase: 'prepare' | 'harvest') => void;
}) {
  const { t } = useTranslation();
  // Start turns into Pause, End round goes: focus moves on, not to the page.
  const { send, sending, message, busy } = useCommand({ keepFocus: true });
  const confirmation = useConfirm();
  const total = live.rounds.length;
  const timer = live.run.timer;
  const inRound = live.phase === 'in-round';
  const action = nextFacilitatorAction({ run: live.run, rounds: live.rounds, harvestShown: live.harvestShown, planned });

  const simple = (event: RunCommand, done: string) => () => void send(event, {}, done);
  const extend = (minutes: number) => () => void send('cafe:extend-round', { minutes }, t('run.extended', { count: minutes }));
  const endEarly = async () => {
    if (sending()) return; // send() would drop it after the confirmation, silently
    if (!(await confirmation.ask({ question: t('run.confirmEnd', { round: live.run.round }), confirm: t('run.endEarly') }))) return;
    void send('cafe:end-round', {}, t('run.ended', { round: live.run.round }));
  };
  // The same commands the run panel has always sent; only where they sit has changed.
  function act(next: FacilitatorAction) {
    switch (next.kind) {
      case 'start-round':
        return void send('cafe:start-round', {}, t('run.started', { round: next.round }));
      case 'end-round':
        return void endEarly();
      case 'show-harvest':
        return void send('cafe:show-harvest', { show: true }, t('harvest.onProjector'));
      case 'set-up':
        return onGoTo?.('prepare');
      case 'done':
        return onGoTo?.('harvest');
    }
  }

  let status: string;
  if (total === 0) status = t('run.notSetUp');
  else if (live.phase === 'not-started') status = t('run.notStarted');
  else if (live.phase === 'finished') status = t('run.finished');
  else if (live.phase === 'between-rounds') status = t('run.roundOver', { round: live.run.round, total });
  else status = t('run.roundOf', { round: live.run.round, total });
  const question = live.focusRound ? live.rounds[live.focusRound - 1]?.question : undefined;
  const nextRoundLabel = live.phase === 'between-rounds' && live.focusRound ? t('run.nextRound', { round: live.focusRound, total }) : undefined;

  return (
    <section className="card run-panel run-screen" aria-labelledby="run-heading">
      {confirmation.dialog}
      <div className="run-main">
        <h2 id="run-heading">{t('run.heading')}</h2>
        <p className="run-status" data-testid="run-status">
          <strong>{status}</strong>
          {nextRoundLabel && <span className="muted"> {nextRoundLabel}</span>}
        </p>
        {question && live.focusRound !== null && live.phase !== 'finished' && (
          <Translated k={keys.roundQuestion(live.focusRound)} text={question} as="p" className="run-question" />
        )}
        {inRound && <Countdown timer={timer} label={t('run.timeLeft')} kind="round" className="run-countdown" />}
        {/* Moderators run a café from their own page, which has no phases to go to (set up, harvest). */}
        {(onGoTo || (action.kind !== 'set-up' && action.kind !== 'done')) && <NextActionButton action={action} busy={busy} onAct={act} />}
        {inRound && (
          <div className="button-row run-timer-controls" role="group" aria-label={t('consolePhase.timerControls')}>
            {timer?.status === 'running' && (
              <button type="button" className="secondary" aria-disabled={busy} onClick={simple('cafe:pause-round', t('run.paused'))}>
                {t('run.pause')}
              </button>
            )}
            {timer?.status === 'paused' && (
              <button type="button" aria-disabled={busy} onClick={simple('cafe:resume-round', t('run.resumed'))}>
                {t('run.resume')}
              </button>
            )}
            <button type="button" className="secondary" aria-disabled={busy} onClick={extend(1)} aria-label={t('run.extendBy', { count: 1 })}>
              {t('run.plusMinutes', { count: 1 })}
            </button>
            <button type="button" className="secondary" aria-disabled={busy} onClick={extend(5)} aria-label={t('run.extendBy', { count: 5 })}>
              {t('run.plusMinutes', { count: 5 })}
            </button>
          </div>
        )}
        <Message message={message} />
      </div>
      <div className="run-side">
        <PromptForm live={live} onSend={send} busy={busy} />
        <PromptList
          prompts={prompts}
          scrollable
          tableLabel={(id) => {
            const table = live.tables.find((x) => x.id === id);
            return table ? tableName(t, table) : '?';
          }}
        />
      </div>
    </section>
  );
}

/**
 * The biggest button of the Run screen (CONSOLE1). One element whatever the action, so keyboard
 * focus stays on it when "Start round 2" becomes "End round now" (THUI5); the hint under it
 * says what the action does when the words alone do not.
 */
function NextActionButton({ action, busy, onAct }: { action: FacilitatorAction; busy: boolean; onAct: (action: FacilitatorAction) => void }) {
  const { t } = useTranslation();
  let label: string;
  let hint: string | undefined;
  switch (action.kind) {
    case 'start-round':
      label = t('run.start', { round: action.round, total: action.total });
      break;
    case 'end-round':
      label = t('run.endEarly');
      break;
    case 'show-harvest':
      label = t('consolePhase.startHarvest');
      hint = t('consolePhase.startHarvestHint');
      break;
    case 'set-up':
      label = t('consolePhase.goToPrepare');
      hint = t(action.missing === 'rounds' ? 'consolePhase.missingRounds' : 'consolePhase.missingPlan');
      break;
    case 'done':
      label = t('consolePhase.openHarvest');
      break;
  }
  return (
    <div className="next-action">
      <button
        type="button"
        className={`next-action-button next-action-${action.kind}`}
        data-testid="next-action"
        aria-disabled={busy}
        aria-describedby={hint ? 'next-action-hint' : undefined}
        onClick={() => onAct(action)}
      >
        {label}
      </button>
      {hint && (
        <p id="next-action-hint" className="muted next-action-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

function PromptForm({ live, onSend, busy }: { live: CafePublicView; onSend: Commands['send']; busy: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [tableId, setTableId] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return;
    const sent = await onSend('cafe:prompt', { text: trimmed, tableId: tableId || null }, t('run.promptSent'));
    if (!sent) return;
    setText('');
    // A prompt to one table is a one-off: the next one goes to everyone unless chosen again.
    setTableId('');
    // The emptied form's Send is disabled: pressed from the keyboard, it would drop focus on
    // <body> (holdFocus runs before the form is emptied). Focus goes back to the field, ready for
    // the next prompt, as after asking a question (QA14, A11Y33).
    field.current?.focus();
  }
  return (
    <form className="prompt-form" onSubmit={submit}>
      <label htmlFor="prompt-text">{t('run.promptLabel')}</label>
      <textarea ref={field} id="prompt-text" rows={2} maxLength={CAFE_LIMITS.promptLength} value={text} onChange={(e) => setText(e.target.value)} required />
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
