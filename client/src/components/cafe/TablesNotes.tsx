import type { CafePublicView } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { tableName } from './table-name';

/**
 * The tables' notes: a link to each table's notes for every round held so far. Observers follow
 * them read-only when the session lets them (NOTE3); the facilitator (from the console),
 * moderators and rapporteurs always (NOTE2), so `allowed` is true for them.
 */
export function TablesNotes({ sessionId, live, allowed = true }: { sessionId: string; live: CafePublicView; allowed?: boolean }) {
  const { t } = useTranslation();
  const lastRound = live.run.round;
  return (
    <section className="card tables-notes observer-tables" aria-labelledby="observer-tables-heading">
      <h2 id="observer-tables-heading">{t('observers.tablesHeading')}</h2>
      {!allowed ? (
        <p>{t('observers.notesClosed')}</p>
      ) : lastRound === 0 || live.tables.length === 0 ? (
        <p>{t('observers.noRoundYet')}</p>
      ) : (
        live.rounds
          .slice(0, lastRound)
          .map((round) => (
            <section key={round.number} aria-labelledby={`observer-round-${round.number}`}>
              <h3 id={`observer-round-${round.number}`}>
                {t('run.question', { round: round.number })}: <span dir="auto">{round.question}</span>
              </h3>
              <ul className="plain-list">
                {live.tables.map((table) => (
                  <li key={table.id}>
                    <Link href={`/s/${sessionId}/notes/${table.id}/${round.number}`}>{t('observers.readNotes', { table: tableName(t, table), round: round.number })}</Link>
                  </li>
                ))}
              </ul>
            </section>
          ))
          .reverse()
      )}
    </section>
  );
}
