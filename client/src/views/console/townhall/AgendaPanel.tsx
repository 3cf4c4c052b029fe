import { AGENDA_LIMITS } from '@open-talks/shared';
import type { AgendaView } from '@open-talks/shared/protocol';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Countdown } from '../../../components/cafe/Countdown';
import { Message } from '../cafe/Message';
import { AgendaItemRow } from './AgendaItemRow';
import { useCommand, type Commands } from '../../../hooks/useCommand';

const DEFAULT_MINUTES = 10;

/**
 * The agenda: time-boxed items, the current one with its countdown, and "start next" (AGENDA1…6).
 * `prepare` leaves out the running controls (the Run phase has them, in `AgendaRunCard`).
 */
export function AgendaPanel({ agenda, mode = 'all' }: { agenda: AgendaView; mode?: 'all' | 'prepare' }) {
  const { t } = useTranslation();
  const commands = useCommand({ keepFocus: true });
  const upcoming = agenda.items.filter((i) => i.status === 'upcoming');
  const firstUpcoming = agenda.items.length - upcoming.length;

  return (
    <section className="card th-panel th-agenda" aria-labelledby="th-agenda-heading">
      <h2 id="th-agenda-heading">{t('thConsole.agenda.heading')}</h2>
      {mode === 'all' && <AgendaNowControls agenda={agenda} commands={commands} />}
      {mode === 'prepare' && <Message message={commands.message} />}
      {agenda.items.length > 0 && (
        <ol className="th-list th-agenda-list" data-testid="agenda-list">
          {agenda.items.map((item, index) => (
            <AgendaItemRow key={item.id} item={item} index={index} firstMovable={firstUpcoming} last={agenda.items.length - 1} commands={commands} />
          ))}
        </ol>
      )}
      <AddItemForm commands={commands} full={agenda.items.length >= AGENDA_LIMITS.items} />
    </section>
  );
}

/** THUI10: in the Run phase, only the agenda's "now / next" and its timer, above the live panels. */
export function AgendaRunCard({ agenda }: { agenda: AgendaView }) {
  const { t } = useTranslation();
  const commands = useCommand({ keepFocus: true });
  return (
    <section className="card th-panel th-agenda-now" aria-labelledby="th-agenda-now-heading">
      <h2 id="th-agenda-now-heading">{t('thConsole.agenda.heading')}</h2>
      <AgendaNowControls agenda={agenda} commands={commands} />
    </section>
  );
}

/** Now / next, the countdown, start next, pause or resume, more time. */
function AgendaNowControls({ agenda, commands }: { agenda: AgendaView; commands: Commands }) {
  const { t } = useTranslation();
  const { send, busy } = commands;
  const current = agenda.items.find((i) => i.id === agenda.currentId);
  const next = agenda.items.find((i) => i.status === 'upcoming');
  const timer = agenda.timer;
  return (
    <>
      <p className="run-status" data-testid="agenda-status">
        <strong>
          {current
            ? t('thConsole.agenda.current', { title: current.title })
            : agenda.items.some((i) => i.status === 'done')
              ? t('thConsole.agenda.over')
              : t('thConsole.agenda.notStarted')}
        </strong>
      </p>
      {current && timer && <Countdown timer={timer} label={t('thConsole.agenda.timeLeft')} kind="agenda" />}
      <div className="button-row">
        {(next || current) && (
          <button
            type="button"
            aria-disabled={busy}
            onClick={() => void send('agenda:next', {}, next ? t('thConsole.agenda.started', { title: next.title }) : t('thConsole.agenda.ended'))}
          >
            {next ? t('thConsole.agenda.startNext', { title: next.title }) : t('thConsole.agenda.endLast')}
          </button>
        )}
        {current && timer?.status === 'running' && (
          <button type="button" className="secondary" aria-disabled={busy} onClick={() => void send('agenda:pause', {}, t('run.paused'))}>
            {t('run.pause')}
          </button>
        )}
        {current && timer?.status === 'paused' && (
          <button type="button" aria-disabled={busy} onClick={() => void send('agenda:resume', {}, t('run.resumed'))}>
            {t('run.resume')}
          </button>
        )}
        {current &&
          [1, 5].map((minutes) => (
            <button
              key={minutes}
              type="button"
              className="secondary"
              aria-disabled={busy}
              onClick={() => void send('agenda:extend', { minutes }, t('run.extended', { count: minutes }))}
              aria-label={t('thConsole.agenda.extendBy', { count: minutes })}
            >
              {t('run.plusMinutes', { count: minutes })}
            </button>
          ))}
      </div>
      <Message message={commands.message} />
    </>
  );
}

function AddItemForm({ commands, full }: { commands: Commands; full: boolean }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState(String(DEFAULT_MINUTES));
  async function submit(event: FormEvent) {
    event.preventDefault();
    const clean = title.trim();
    if (!clean) return;
    if (await commands.send('agenda:add', { title: clean, durationMinutes: Number(minutes) }, t('thConsole.agenda.added', { title: clean }))) setTitle('');
  }
  return (
    <form className="inline-form th-agenda-add" onSubmit={submit} aria-label={t('thConsole.agenda.addHeading')}>
      <label htmlFor="th-agenda-title">{t('thConsole.agenda.title')}</label>
      <input id="th-agenda-title" className="th-grow" maxLength={AGENDA_LIMITS.titleLength} value={title} onChange={(e) => setTitle(e.target.value)} required dir="auto" />
      <label htmlFor="th-agenda-minutes">{t('thConsole.agenda.minutes')}</label>
      <input id="th-agenda-minutes" type="number" min={1} max={240} step={1} value={minutes} onChange={(e) => setMinutes(e.target.value)} required />
      <button type="submit" disabled={full} aria-disabled={commands.busy}>
        {t('thConsole.agenda.add')}
      </button>
    </form>
  );
}
