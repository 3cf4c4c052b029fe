import type { CafeView, ParticipantView } from '@open-talks/shared/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Message } from './Message';
import { tableKindName } from '../../../components/cafe/table-name';
import { useCommand } from '../../../hooks/useCommand';

/** The seating plan, round by round and table by table, with its quality figures. */
export function PlanPanel({ cafe, participants }: { cafe: CafeView; participants: ParticipantView[] }) {
  const { t } = useTranslation();
  const { send, message, busy } = useCommand();
  const names = new Map(participants.map((p) => [p.id, p.displayName ?? t('words.anonymous')]));
  const plan = cafe.plan;
  const seated = plan ? Object.values(plan.plan.rounds[0] ?? {}).flat() : [];
  const [move, setMove] = useState({ person: '', round: 1, table: '' });
  const ready = cafe.tables.length > 0 && cafe.rounds.length > 0;

  return (
    <section className="card" aria-labelledby="plan-heading">
      <h3 id="plan-heading">{t('cafe.planHeading')}</h3>
      {!ready && <p>{t('cafe.planNeedsSetup')}</p>}
      <p className="button-row">
        <button type="button" disabled={busy || !ready || plan?.locked} onClick={() => void send('cafe:plan', {}, t('cafe.planned'))}>
          {plan ? t('cafe.replan') : t('cafe.plan')}
        </button>
        {plan && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void send('cafe:lock', { locked: !plan.locked }, plan.locked ? t('cafe.unlocked') : t('cafe.locked'))}
          >
            {plan.locked ? t('cafe.unlock') : t('cafe.lock')}
          </button>
        )}
      </p>
      <Message message={message} />
      {plan && (
        <>
          <p data-testid="plan-status">
            <strong>{plan.locked ? t('cafe.statusLocked') : t('cafe.statusDraft')}</strong>
          </p>
          <dl className="session-details" data-testid="plan-figures">
            <div>
              <dt>{t('cafe.repeatedPairs')}</dt>
              <dd>{t('cafe.repeatedPairsValue', { count: plan.figures.repeatedPairs, bound: plan.figures.repeatedPairsLowerBound })}</dd>
            </div>
            {typeof plan.figures.stays === 'number' && (
              <div>
                <dt>{t('seatMove.stays')}</dt>
                <dd>{t('seatMove.staysValue', { count: plan.figures.stays, bound: plan.figures.staysLowerBound })}</dd>
              </div>
            )}
            <div>
              <dt>{t('cafe.diversity')}</dt>
              <dd>{Math.round(plan.figures.diversity * 100)} %</dd>
            </div>
            <div>
              <dt>{t('cafe.seed')}</dt>
              <dd>{plan.seed}</dd>
            </div>
          </dl>
          {plan.plan.rounds.map((round, r) => (
            <div className="table-scroll" key={r}>
              <table className="people-table plan-table">
                <caption>{t('cafe.roundCaption', { n: r + 1, question: cafe.rounds[r]?.question ?? '' })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('cafe.table')}</th>
                    <th scope="col">{t('cafe.people')}</th>
                    <th scope="col">{t('cafe.diversity')}</th>
                  </tr>
                </thead>
                <tbody>
                  {cafe.tables.map((table) => {
                    const ids = round[table.id] ?? [];
                    const diversity = plan.figures.diversityByRound[r]?.find((d) => d.tableId === table.id)?.diversity;
                    return (
                      <tr key={table.id}>
                        <th scope="row">
                          {table.label}{' '}
                          <span className="muted">
                            ({tableKindName(t, { kind: table.kind, hub: table.hubParticipantId !== null })}, {ids.length}/{table.capacity})
                          </span>
                        </th>
                        <td>{ids.map((id) => names.get(id) ?? '?').join(', ')}</td>
                        <td>{diversity === undefined ? '—' : `${Math.round(diversity * 100)} %`}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          ))}
          {!plan.locked && (
            <form
              className="inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                if (move.person && move.table) void send('cafe:move', { participantId: move.person, round: move.round, tableId: move.table }, t('cafe.moved'));
              }}
            >
              <label htmlFor="move-person">{t('cafe.movePerson')}</label>
              <select id="move-person" value={move.person} onChange={(e) => setMove({ ...move, person: e.target.value })}>
                <option value="">—</option>
                {seated.map((id) => (
                  <option key={id} value={id}>
                    {names.get(id) ?? '?'}
                  </option>
                ))}
              </select>
              <label htmlFor="move-round">{t('cafe.moveRound')}</label>
              <select id="move-round" value={move.round} onChange={(e) => setMove({ ...move, round: Number(e.target.value) })}>
                {plan.plan.rounds.map((_, r) => (
                  <option key={r} value={r + 1}>
                    {r + 1}
                  </option>
                ))}
              </select>
              <label htmlFor="move-table">{t('cafe.moveTable')}</label>
              <select id="move-table" value={move.table} onChange={(e) => setMove({ ...move, table: e.target.value })}>
                <option value="">—</option>
                {cafe.tables.map((table) => (
                  <option key={table.id} value={table.id}>
                    {table.label}
                  </option>
                ))}
              </select>
              <button type="submit" disabled={busy}>
                {t('cafe.move')}
              </button>
            </form>
          )}
        </>
      )}
    </section>
  );
}
