import { QUEUE_LIMITS } from '@open-talks/shared';
import type { HandStatus } from '@open-talks/shared/protocol';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { handEvent } from '../../../announce/policy';
import { useAnnounce } from '../../../announce/store';
import { useTranslation } from 'react-i18next';
import { Message } from '../../console/cafe/Message';
import { useCommand } from '../../../hooks/useCommand';

/** Ask for the floor (with an optional one-line topic), see one's place, lower the hand. */
export function HandControl({ you, canRaise, videoRoom }: { you: HandStatus; canRaise: boolean; videoRoom: string | null }) {
  const { t } = useTranslation();
  const { send, message } = useCommand();
  const topicField = useRef<HTMLInputElement>(null);
  const [topic, setTopic] = useState(you.topic ?? '');
  async function raise(event: FormEvent) {
    event.preventDefault();
    // No "your hand is up" line of its own: the status above says where the hand is, and a
    // separate line would stay after it stopped being true (the floor given, THUI3).
    await send('hand:raise', { topic: topic.trim() });
  }
  async function lower() {
    // The button goes with the hand: focus moves to the topic, before "Raise my hand" (QA14).
    if (await send('hand:lower', {})) topicField.current?.focus();
  }
  let status: string;
  // A remote speaker is told where to speak: the Town Hall's video room (HAND12).
  if (you.hasFloor) status = videoRoom ? t('thUi.videoRoom.youHaveFloor') : t('townhall.hand.youHaveFloor');
  else if (!you.raised) status = t('townhall.hand.notRaised');
  else if (you.position === 0) status = t('townhall.hand.youAreNext');
  else status = t('townhall.hand.position', { count: (you.position ?? 0) + 1 });
  useHandAnnouncement(you, status);
  return (
    <section className="card hand-control" aria-labelledby="hand-heading">
      <h2 id="hand-heading">{t('townhall.hand.heading')}</h2>
      {/* Not a live region: read on every load it was noise (A11Y12). A change is said by the announcer. */}
      <p className={`hand-status${you.hasFloor || you.position === 0 ? ' hand-status-urgent' : ''}`} data-testid="hand-status">
        {status}
      </p>
      {you.hasFloor && videoRoom && (
        <p className="button-row">
          <a href={videoRoom} target="_blank" rel="noopener noreferrer" data-testid="floor-video-room">
            {t('thUi.videoRoom.join')}
          </a>
        </p>
      )}
      {canRaise && !you.hasFloor && (
        <form className="inline-form" onSubmit={raise}>
          <label htmlFor="hand-topic">{t('townhall.hand.topic')}</label>
          <input ref={topicField} id="hand-topic" value={topic} maxLength={QUEUE_LIMITS.topicLength} onChange={(e) => setTopic(e.target.value)} />
          <button type="submit">{you.raised ? t('townhall.hand.updateTopic') : t('townhall.hand.raise')}</button>
          {you.raised && (
            <button type="button" className="secondary" onClick={() => void lower()}>
              {t('townhall.hand.lower')}
            </button>
          )}
        </form>
      )}
      <Message message={message} />
    </section>
  );
}

/** Says a change of the hand's status (the floor given, next in line, the hand down), never the status found at load. */
function useHandAnnouncement(you: HandStatus, status: string): void {
  const say = useAnnounce((s) => s.say);
  const before = useRef<HandStatus | null>(null);
  useEffect(() => {
    const event = handEvent(before.current, you);
    before.current = you;
    if (event) say(status, event);
  }, [you, status, say]);
}
