import { CONSULTATION_ACCESS, CONSULTATION_LIMITS as L, CONSULTATION_MODERATION, CONSULTATION_PHASES, SCHEDULED_PHASES } from '@open-talks/shared/consultation';
import type { ConsultationAccess, ConsultationModeration, ConsultationPhase, ScheduledPhase } from '@open-talks/shared/consultation';
import type { ConsultationLive } from '@open-talks/shared/protocol';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ImportPanel } from './ImportPanel';
import { InvitationsPanel } from './InvitationsPanel';
import { QuestionsEditor } from './QuestionsEditor';
import { fromLocalInput, toLocalInput, useSend } from './use-consultation';

/** Prepare (CONS51–CONS53): the phase, the set-up, the questions, the dates, who may take part, carrying sessions in. */
export function PreparePanel({ sessionId, live }: { sessionId: string; live: ConsultationLive }) {
  const view = live.consultation;
  return (
    <div className="cc-prepare">
      <PhaseControl phase={view.phase} next={view.next} />
      <QuestionsEditor questions={view.questions} />
      <SettingsForm live={live} />
      <ScheduleForm schedule={view.schedule} />
      {view.settings.access === 'invitation' && <InvitationsPanel invitations={live.invitations ?? []} />}
      <ImportPanel sessionId={sessionId} questions={view.questions} />
    </div>
  );
}

/** The phase after this one, or none at the end. */
function nextPhase(phase: ConsultationPhase): ConsultationPhase | undefined {
  return CONSULTATION_PHASES[CONSULTATION_PHASES.indexOf(phase) + 1];
}

/** When a date is shown: in the person's language and time zone. */
export function useDateTime() {
  const { i18n } = useTranslation();
  return (ms: number) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** CONS52: the phase now, the next one by date, and "start the next phase now" after a confirmation. */
function PhaseControl({ phase, next }: { phase: ConsultationPhase; next: ConsultationLive['consultation']['next'] }) {
  const { t } = useTranslation();
  const { send, error, busy } = useSend();
  const [asking, setAsking] = useState(false);
  const [said, setSaid] = useState('');
  const formatDate = useDateTime();
  const following = nextPhase(phase);
  const name = (p: ConsultationPhase) => t(`consultConsole.phase.${p}`);

  const start = async (ok: boolean) => {
    setAsking(false);
    if (!ok || !following) return;
    const ack = await send('consultation:set-phase', { phase: following });
    if (!ack) return;
    setSaid(t('consultConsole.phaseStarted', { phase: name(ack.consultation.phase) }));
  };

  return (
    <section className="card cc-phase" aria-labelledby="cc-phase-heading">
      <h2 id="cc-phase-heading">{t('consultConsole.phaseHeading')}</h2>
      <ol className="cc-phase-steps">
        {CONSULTATION_PHASES.map((p) => (
          <li key={p} aria-current={p === phase ? 'step' : undefined} className={p === phase ? 'cc-step-current' : undefined}>
            {name(p)}
            {p === phase && <span className="cc-now"> {t('consultConsole.current')}</span>}
          </li>
        ))}
      </ol>
      <p>{next ? t('consultConsole.nextByDate', { phase: name(next.phase), at: formatDate(next.at) }) : t('consultConsole.nextByHand')}</p>
      {following && (
        <button type="button" aria-disabled={busy} onClick={() => setAsking(true)}>
          {t('consultConsole.startNow', { phase: name(following) })}
        </button>
      )}
      {asking && following && (
        <ConfirmDialog
          question={t('consultConsole.startConfirm', { phase: name(following) })}
          confirm={t('consultConsole.startNow', { phase: name(following) })}
          onDone={(ok) => void start(ok)}
        />
      )}
      <p className="form-error" role="alert">
        {error}
      </p>
      <p className="cc-said" role="status">
        {said}
      </p>
    </section>
  );
}

/** CONS51: the background, who may take part, pre- or post-moderation, supports per question, the flag threshold. */
function SettingsForm({ live }: { live: ConsultationLive }) {
  const { t } = useTranslation();
  const id = useId();
  const settings = live.consultation.settings;
  const [background, setBackground] = useState(settings.background);
  const [access, setAccess] = useState<ConsultationAccess>(settings.access);
  const [moderation, setModeration] = useState<ConsultationModeration>(settings.moderation);
  const [supports, setSupports] = useState(String(settings.supportsPerQuestion));
  const [threshold, setThreshold] = useState(String(settings.flagThreshold));
  const { send, error, busy } = useSend();
  const [said, setSaid] = useState('');

  // Another tab (or the server) changed them: show what is in force.
  useEffect(() => {
    setBackground(settings.background);
    setAccess(settings.access);
    setModeration(settings.moderation);
    setSupports(String(settings.supportsPerQuestion));
    setThreshold(String(settings.flagThreshold));
  }, [settings]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaid('');
    const ack = await send('consultation:configure', {
      background,
      access,
      moderation,
      supportsPerQuestion: Number(supports),
      flagThreshold: Number(threshold),
    });
    if (!ack) return;
    setSaid(t('consultConsole.saved'));
  };

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('consultConsole.settings.heading')}</h2>
      <form onSubmit={submit} className="cc-form">
        <label htmlFor={`${id}-bg`}>{t('consultConsole.settings.background')}</label>
        <textarea id={`${id}-bg`} rows={5} maxLength={L.backgroundLength} value={background} onChange={(e) => setBackground(e.target.value)} aria-describedby={`${id}-bg-hint`} />
        <p id={`${id}-bg-hint`} className="hint">
          {t('consultConsole.settings.backgroundHint')}
        </p>
        <fieldset>
          <legend>{t('consultConsole.settings.access')}</legend>
          {CONSULTATION_ACCESS.map((a) => (
            <label key={a} className="choice">
              <input type="radio" name={`${id}-access`} checked={access === a} onChange={() => setAccess(a)} />
              {t(`consultConsole.settings.accessOption.${a}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('consultConsole.settings.moderation')}</legend>
          {CONSULTATION_MODERATION.map((m) => (
            <label key={m} className="choice">
              <input type="radio" name={`${id}-moderation`} checked={moderation === m} onChange={() => setModeration(m)} />
              {t(`consultConsole.settings.moderationOption.${m}`)}
            </label>
          ))}
        </fieldset>
        <div className="cc-numbers">
          <div>
            <label htmlFor={`${id}-supports`}>{t('consultConsole.settings.supports')}</label>
            <input id={`${id}-supports`} type="number" min={1} max={L.supportsPerQuestionMax} required value={supports} onChange={(e) => setSupports(e.target.value)} />
          </div>
          <div>
            <label htmlFor={`${id}-threshold`}>{t('consultConsole.settings.flagThreshold')}</label>
            <input
              id={`${id}-threshold`}
              type="number"
              min={1}
              max={100}
              required
              value={threshold}
              aria-describedby={`${id}-threshold-hint`}
              onChange={(e) => setThreshold(e.target.value)}
            />
            <p id={`${id}-threshold-hint`} className="hint">
              {t('consultConsole.settings.flagThresholdHint')}
            </p>
          </div>
        </div>
        <button type="submit" aria-disabled={busy}>
          {t('consultConsole.settings.save')}
        </button>
        <p className="form-error" role="alert">
          {error}
        </p>
        <p className="cc-said" role="status">
          {said}
        </p>
      </form>
    </section>
  );
}

/** CONS52: each phase's start date, in this person's time zone; empty is "by hand". */
function ScheduleForm({ schedule }: { schedule: Record<ScheduledPhase, number | null> }) {
  const { t } = useTranslation();
  const id = useId();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [values, setValues] = useState(() => Object.fromEntries(SCHEDULED_PHASES.map((p) => [p, toLocalInput(schedule[p])])) as Record<ScheduledPhase, string>);
  const { send, error, busy } = useSend();
  const [said, setSaid] = useState('');
  // The stored dates changed (saved here or in another tab): the inputs show them.
  useEffect(() => {
    setValues(Object.fromEntries(SCHEDULED_PHASES.map((p) => [p, toLocalInput(schedule[p])])) as Record<ScheduledPhase, string>);
  }, [schedule]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaid('');
    const dates = Object.fromEntries(SCHEDULED_PHASES.map((p) => [p, fromLocalInput(values[p])])) as Record<ScheduledPhase, number | null>;
    const ack = await send('consultation:configure', { schedule: dates });
    if (!ack) return;
    setSaid(t('consultConsole.saved'));
  };

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('consultConsole.schedule.heading')}</h2>
      <p className="hint" id={`${id}-hint`}>
        {t('consultConsole.schedule.hint', { zone })}
      </p>
      <form onSubmit={submit} className="cc-form cc-schedule">
        {SCHEDULED_PHASES.map((p) => (
          <div key={p} className="cc-schedule-row">
            <label htmlFor={`${id}-${p}`}>{t(`consultConsole.schedule.start.${p}`)}</label>
            <input id={`${id}-${p}`} type="datetime-local" value={values[p]} aria-describedby={`${id}-hint`} onChange={(e) => setValues((v) => ({ ...v, [p]: e.target.value }))} />
            {values[p] ? (
              <button type="button" className="cc-link-button" onClick={() => setValues((v) => ({ ...v, [p]: '' }))}>
                {t('consultConsole.schedule.byHandButton', { phase: t(`consultConsole.phase.${p}`) })}
              </button>
            ) : (
              <span className="muted">{t('consultConsole.schedule.byHand')}</span>
            )}
          </div>
        ))}
        <button type="submit" aria-disabled={busy}>
          {t('consultConsole.schedule.save')}
        </button>
        <p className="form-error" role="alert">
          {error}
        </p>
        <p className="cc-said" role="status">
          {said}
        </p>
      </form>
    </section>
  );
}
