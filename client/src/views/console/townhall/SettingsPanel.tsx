import type { TownhallSettings } from '@open-talks/shared/protocol';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Message } from '../cafe/Message';
import { RadioChoices } from './RadioChoices';
import { useCommand } from '../../../hooks/useCommand';

const SECOND = 1_000; // ms

/** The Town Hall's settings: moderation before or after, intervention length, anonymous questions, the video room (HAND12). */
export function SettingsPanel({ settings }: { settings: TownhallSettings }) {
  const { t } = useTranslation();
  const commands = useCommand({ keepFocus: true });
  const [moderation, setModeration] = useState(settings.moderation);
  const [seconds, setSeconds] = useState(String(Math.round(settings.interventionMs / SECOND)));
  const [anonymous, setAnonymous] = useState(settings.anonymousQuestions);
  const [videoRoom, setVideoRoom] = useState(settings.videoRoomUrl ?? '');
  // Another member of staff may change them too: show what the server holds.
  useEffect(() => {
    setModeration(settings.moderation);
    setSeconds(String(Math.round(settings.interventionMs / SECOND)));
    setAnonymous(settings.anonymousQuestions);
    setVideoRoom(settings.videoRoomUrl ?? '');
  }, [settings]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // Only what changed, so two staff editing different settings do not undo each other.
    const change = {
      ...(moderation !== settings.moderation && { moderation }),
      ...(Number(seconds) * SECOND !== settings.interventionMs && { interventionSeconds: Number(seconds) }),
      ...(anonymous !== settings.anonymousQuestions && { anonymousQuestions: anonymous }),
      ...((videoRoom.trim() || null) !== settings.videoRoomUrl && { videoRoomUrl: videoRoom.trim() || null }),
    };
    if (Object.keys(change).length === 0) {
      commands.setMessage({ text: t('thConsole.settings.unchanged'), error: false });
      return;
    }
    await commands.send('townhall:configure', change, t('thConsole.settings.saved'));
  }

  return (
    <section className="card th-panel th-settings" aria-labelledby="th-settings-heading">
      <h2 id="th-settings-heading">{t('thConsole.settings.heading')}</h2>
      <form onSubmit={submit}>
        <RadioChoices
          className=""
          legend={t('thConsole.settings.moderation')}
          values={['pre', 'post'] as const}
          value={moderation}
          label={(m) => t(`thConsole.settings.moderations.${m}`)}
          onChange={setModeration}
        />
        <label htmlFor="th-intervention">{t('thConsole.settings.intervention')}</label>
        <input
          id="th-intervention"
          className="th-number"
          type="number"
          min={10}
          max={3600}
          step={1}
          value={seconds}
          onChange={(e) => setSeconds(e.target.value)}
          aria-describedby="th-intervention-hint"
          required
        />
        <p className="hint" id="th-intervention-hint">
          {t('thConsole.settings.interventionHint')}
        </p>
        <label className="choice">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
          {t('thConsole.settings.anonymous')}
        </label>
        <label htmlFor="th-video-room">{t('thUi.settings.videoRoom')}</label>
        <input
          id="th-video-room"
          type="url"
          inputMode="url"
          pattern="https://.*"
          placeholder="https://"
          value={videoRoom}
          onChange={(e) => setVideoRoom(e.target.value)}
          aria-describedby="th-video-room-hint"
        />
        <p className="hint" id="th-video-room-hint">
          {t('thUi.settings.videoRoomHint')}
        </p>
        <button type="submit" aria-disabled={commands.busy}>
          {t('thConsole.save')}
        </button>
      </form>
      <Message message={commands.message} />
    </section>
  );
}
