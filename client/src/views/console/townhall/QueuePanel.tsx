import { isNobody } from '@open-talks/shared';
import type { FloorView, QueueHand, QueueView } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { Message } from '../cafe/Message';
import { FloorControls } from './FloorControls';
import { modeLabel, staffPersonLabel } from './staff-person';
import { useCommand } from '../../../hooks/useCommand';

/**
 * The speaker queue in the order hands will get the floor (HAND7), with each person's stream (in
 * the room, remote or hub, HUB32) and group in words; move up and down (HAND4, by base order),
 * lower a hand, alternate the streams (HAND6, HUB31), give the floor to the next or to a chosen
 * person (HAND8), and the floor.
 */
export function QueuePanel({ queue, floor, interventionMs }: { queue: QueueView; floor: FloorView | null; interventionMs: number }) {
  const { t } = useTranslation();
  const commands = useCommand({ keepFocus: true });
  const { send, busy } = commands;
  const count = queue.hands.length;
  const last = count - 1;
  // Under `anonymous` every hand reads "a participant" (ATTR4): its place tells the hands apart.
  const who = (hand: QueueHand) => (isNobody(hand.person) ? t('credit.atPlace', { position: hand.position + 1 }) : staffPersonLabel(t, hand.person));
  const move = (hand: QueueHand, by: number) => void send('hand:move', { handle: hand.handle, toIndex: hand.baseIndex + by }, t('thConsole.queue.moved', { name: who(hand) }));
  const giveTo = (hand?: QueueHand) =>
    void send('hand:give-floor', hand ? { handle: hand.handle } : {}, t('thConsole.queue.gaveFloor', { name: hand ? who(hand) : who(queue.hands[0]!) }));

  return (
    <section className="card th-panel th-queue" aria-labelledby="th-queue-heading">
      <h2 id="th-queue-heading">
        {t('thConsole.queue.heading')} <span className="muted">{t('thConsole.queue.waiting', { count })}</span>
      </h2>
      <FloorControls floor={floor} floorHandle={queue.floor?.handle ?? null} commands={commands} />
      <div className="button-row">
        <button type="button" disabled={count === 0} aria-disabled={busy} onClick={() => giveTo()}>
          {count > 0 ? t('thConsole.queue.giveNext', { name: who(queue.hands[0]!) }) : t('thConsole.queue.nobodyWaiting')}
        </button>
        <label className="choice">
          <input
            type="checkbox"
            checked={queue.alternate}
            aria-disabled={busy}
            onChange={(e) => void send('hand:alternate', { on: e.target.checked }, t(e.target.checked ? 'thConsole.queue.alternateOn' : 'thConsole.queue.alternateOff'))}
          />
          {t('thConsole.queue.alternate')}
        </label>
      </div>
      <p className="hint">{t('thConsole.queue.interventionIs', { minutes: formatMinutes(interventionMs) })}</p>
      <Message message={commands.message} />
      {count > 0 && (
        <div className="table-scroll">
          <table className="people-table th-queue-table" data-testid="queue-table">
            <caption className="visually-hidden">{t('thConsole.queue.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('thConsole.queue.position')}</th>
                <th scope="col">{t('thConsole.queue.person')}</th>
                <th scope="col">{t('console.group')}</th>
                <th scope="col">{t('thConsole.queue.mode')}</th>
                <th scope="col">{t('thConsole.queue.topic')}</th>
                <th scope="col">{t('console.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.hands.map((hand) => (
                <tr key={hand.handle} data-hand={hand.handle}>
                  <td className="count">{hand.position + 1}</td>
                  <th scope="row" dir="auto">
                    {hand.person.displayName ?? (isNobody(hand.person) ? t('credit.aParticipantCapital') : t('words.anonymous'))}
                  </th>
                  <td>{hand.person.stakeholderGroup ? t(`words.group.${hand.person.stakeholderGroup}`) : '—'}</td>
                  <td>{modeLabel(t, hand.person)}</td>
                  <td dir="auto">{hand.topic ?? <span className="muted">{t('thConsole.queue.noTopic')}</span>}</td>
                  <td>
                    <div className="th-row-actions">
                      <button type="button" className="secondary" aria-disabled={busy} onClick={() => giveTo(hand)} aria-label={t('thConsole.queue.giveTo', { name: who(hand) })}>
                        {t('thConsole.queue.give')}
                      </button>
                      <button
                        type="button"
                        className="secondary"
                        disabled={hand.baseIndex === 0}
                        aria-disabled={busy}
                        onClick={() => move(hand, -1)}
                        aria-label={t('thConsole.queue.moveUp', { name: who(hand) })}
                      >
                        <span aria-hidden="true">↑ </span>
                        {t('thConsole.up')}
                      </button>
                      <button
                        type="button"
                        className="secondary"
                        disabled={hand.baseIndex === last}
                        aria-disabled={busy}
                        onClick={() => move(hand, 1)}
                        aria-label={t('thConsole.queue.moveDown', { name: who(hand) })}
                      >
                        <span aria-hidden="true">↓ </span>
                        {t('thConsole.down')}
                      </button>
                      <button
                        type="button"
                        className="danger"
                        aria-disabled={busy}
                        onClick={() => void send('hand:dismiss', { handle: hand.handle }, t('thConsole.queue.lowered', { name: who(hand) }))}
                        aria-label={t('thConsole.queue.lowerFor', { name: who(hand) })}
                      >
                        {t('thConsole.queue.lower')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {queue.alternate && count > 1 && <p className="hint">{t('thConsole.queue.alternateHint')}</p>}
    </section>
  );
}

function formatMinutes(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
