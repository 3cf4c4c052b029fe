import { CAFE_DEFAULTS, CAFE_LIMITS, type CafeRound } from '@open-talks/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Message } from './Message';
import { useCommand } from '../../../hooks/useCommand';

interface Draft {
  key: number;
  question: string;
  minutes: number;
}

let nextKey = 0;
const DEFAULT_MINUTES = CAFE_DEFAULTS.roundDurationMs / 60_000;

function draftsOf(rounds: CafeRound[]): Draft[] {
  if (rounds.length > 0) return rounds.map((r) => ({ key: nextKey++, question: r.question, minutes: r.durationMs / 60_000 }));
  // World Café practice until the facilitator says otherwise: three rounds of 20 minutes.
  return Array.from({ length: CAFE_DEFAULTS.rounds }, () => ({ key: nextKey++, question: '', minutes: DEFAULT_MINUTES }));
}

/** The rounds: one question and a duration each. */
export function RoundsEditor({ rounds }: { rounds: CafeRound[] }) {
  const { t } = useTranslation();
  const { send, message, busy } = useCommand();
  const [drafts, setDrafts] = useState(() => draftsOf(rounds));
  useEffect(() => {
    setDrafts(draftsOf(rounds));
  }, [rounds]);
  const update = (key: number, change: Partial<Draft>) => setDrafts((list) => list.map((d) => (d.key === key ? { ...d, ...change } : d)));

  return (
    <section className="card" aria-labelledby="rounds-heading">
      <h3 id="rounds-heading">{t('cafe.roundsHeading')}</h3>
      <ol className="rounds-list">
        {drafts.map((d, i) => (
          <li key={d.key}>
            <label htmlFor={`round-q-${d.key}`}>{t('cafe.questionOf', { n: i + 1 })}</label>
            <textarea id={`round-q-${d.key}`} rows={2} maxLength={CAFE_LIMITS.questionLength} value={d.question} onChange={(e) => update(d.key, { question: e.target.value })} />
            <div className="inline-form">
              <label htmlFor={`round-m-${d.key}`}>{t('cafe.minutes')}</label>
              <input
                id={`round-m-${d.key}`}
                type="number"
                min={1}
                max={CAFE_LIMITS.roundDurationMs / 60_000}
                value={d.minutes}
                onChange={(e) => update(d.key, { minutes: Number(e.target.value) })}
              />
              {drafts.length > 1 && (
                <button
                  type="button"
                  className="danger"
                  aria-label={t('cafe.removeRoundOf', { n: i + 1 })}
                  onClick={() => setDrafts((list) => list.filter((x) => x.key !== d.key))}
                >
                  {t('console.remove')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
      <p className="button-row">
        {drafts.length < CAFE_LIMITS.rounds && (
          <button type="button" className="secondary" onClick={() => setDrafts((list) => [...list, { key: nextKey++, question: '', minutes: DEFAULT_MINUTES }])}>
            {t('cafe.addRound')}
          </button>
        )}
        <button
          type="button"
          disabled={busy}
          onClick={() => void send('cafe:set-rounds', { rounds: drafts.map((d) => ({ question: d.question, durationMinutes: d.minutes })) }, t('cafe.roundsSaved'))}
        >
          {t('cafe.saveRounds')}
        </button>
      </p>
      <Message message={message} />
    </section>
  );
}
