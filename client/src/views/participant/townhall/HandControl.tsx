import { QUEUE_LIMITS } from '@open-talks/shared';
import type { HandStatus } from '@open-talks/shared/protocol';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Message } from '../../console/cafe/Message';
import { useCommand } from './useCommand';

/** Ask for the floor (with an optional one-line topic), see one's place, lower the hand. */
export function HandControl({ you, canRaise }: { you: HandStatus; canRaise: boolean }) {
  const { t } = useTranslation();
  const { send, message, busy } = useCommand();
  const [topic, setTopic] = useState(you.topic ?? '');
  async function raise(event: FormEvent) {
    event.preventDefault();
    await send('hand:raise', { topic: topic.trim() }, t('townhall.hand.raised'));
  }
  let status: string;
  if (you.hasFloor) status = t('townhall.hand.youHaveFloor');
  else if (!you.raised) status = t('townhall.hand.notRaised');
  else if (you.position === 0) status = t('townhall.hand.youAreNext');
  else status = t('townhall.hand.position', { count: (you.position ?? 0) + 1 });
  return (
    <section className="card hand-control" aria-labelledby="hand-heading">
      <h2 id="hand-heading">{t('townhall.hand.heading')}</h2>
      {/* Assertive: "you have the floor" and "you're next" must not wait behind other news. */}
      <p className={`hand-status${you.hasFloor || you.position === 0 ? ' hand-status-urgent' : ''}`} role="alert" data-testid="hand-status">
        {status}
      </p>
      {canRaise && !you.hasFloor && (
        <form className="inline-form" onSubmit={raise}>
          <label htmlFor="hand-topic">{t('townhall.hand.topic')}</label>
          <input id="hand-topic" value={topic} maxLength={QUEUE_LIMITS.topicLength} onChange={(e) => setTopic(e.target.value)} />
          <button type="submit" disabled={busy}>
            {you.raised ? t('townhall.hand.updateTopic') : t('townhall.hand.raise')}
          </button>
          {you.raised && (
            <button type="button" className="secondary" disabled={busy} onClick={() => void send('hand:lower', {}, t('townhall.hand.lowered'))}>
              {t('townhall.hand.lower')}
            </button>
          )}
        </form>
      )}
      <Message message={message} />
    </section>
  );
}
