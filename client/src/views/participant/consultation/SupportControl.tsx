import type { ContributionView } from '@open-talks/shared/protocol';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsultation } from '../../../consultation';
import { useCommand } from '../../../hooks/useCommand';
import { Message } from '../../console/cafe/Message';

/**
 * Support a contribution, or take the support back (CONS44). Pressed state in words, an icon and
 * `aria-pressed`, never colour alone. At the limit the server refuses with its reason, shown
 * here, and the person may move one of their supports instead (`moveFrom`).
 */
export function SupportControl({
  item,
  supported,
  limit,
  open,
  describedBy,
}: {
  item: ContributionView;
  supported: readonly string[];
  limit: number;
  open: boolean;
  /** The id of the contribution's title, so the button says which one it supports. */
  describedBy: string;
}) {
  const { t } = useTranslation();
  const { send, message, setMessage } = useCommand();
  const [moving, setMoving] = useState(false);
  const mine = supported.includes(item.id);
  const atLimit = !mine && supported.length >= limit;
  // A support moved away by another control (or another tab) makes this one's last outcome stale.
  const ownChange = useRef(false);
  const wasMine = useRef(mine);
  useEffect(() => {
    if (wasMine.current !== mine && !ownChange.current) setMessage(undefined);
    wasMine.current = mine;
    ownChange.current = false;
  }, [mine, setMessage]);
  async function toggle() {
    ownChange.current = true;
    const ack = await send('contribution:support', { contributionId: item.id, support: !mine }, mine ? t('consult.support.takenBack') : t('consult.support.given'));
    if (!ack) ownChange.current = false;
    setMoving(!ack && atLimit);
  }
  async function moveFrom(from: string) {
    ownChange.current = true;
    const ack = await send('contribution:support', { contributionId: item.id, support: true, moveFrom: from }, t('consult.support.moved'));
    if (ack) setMoving(false);
    else ownChange.current = false;
  }
  if (!open) return null;
  return (
    <div className="consult-support">
      <button type="button" className={mine ? 'consult-supported' : 'secondary'} aria-pressed={mine} onClick={() => void toggle()} aria-describedby={describedBy}>
        <span aria-hidden="true">{mine ? '✓ ' : '+ '}</span>
        {mine ? t('consult.support.supported') : t('consult.support.support')}
      </button>
      {moving && (
        <div className="consult-move">
          <p>{t('consult.support.moveHint', { n: limit })}</p>
          <ul>
            {supported.map((id) => (
              <MoveChoice key={id} id={id} onMove={() => void moveFrom(id)} />
            ))}
          </ul>
          <button type="button" className="secondary" onClick={() => (setMoving(false), setMessage(undefined))}>
            {t('consult.cancel')}
          </button>
        </div>
      )}
      <Message message={message} />
    </div>
  );
}

function MoveChoice({ id, onMove }: { id: string; onMove: () => void }) {
  const { t } = useTranslation();
  const title = useConsultation((s) => s.contributions[id]?.title);
  return (
    <li>
      <span dir="auto">{title ?? t('consult.support.another')}</span>{' '}
      <button type="button" className="secondary" onClick={onMove}>
        {t('consult.support.moveFrom')}
        <span className="visually-hidden"> {title}</span>
      </button>
    </li>
  );
}
