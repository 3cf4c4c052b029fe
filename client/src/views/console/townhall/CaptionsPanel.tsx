import type { CaptionView } from '@open-talks/shared/protocol';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Message } from '../cafe/Message';
import { RadioChoices } from './RadioChoices';
import { useCommand } from '../../../hooks/useCommand';

const LINES_SHOWN = 8; // the latest lines; the transcript keeps them all
const FEED_MAX = 10_000; // characters one paste may carry (the command's limit)

/**
 * Live captions: type and press Enter to send a line (Shift+Enter for a new line), or paste a
 * feed whose every non-empty line becomes a caption.
 */
export function CaptionsPanel({ captions }: { captions: readonly CaptionView[] }) {
  const { t, i18n } = useTranslation();
  const commands = useCommand({ keepFocus: true });
  const [mode, setMode] = useState<'live' | 'feed'>('live');
  const [text, setText] = useState('');
  const latest = captions.slice(-LINES_SHOWN);
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' });

  async function sendText() {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) return;
    const done = t('thConsole.captions.sent', { count: lines.length });
    if (await commands.send('caption:add', { text: lines.join('\n') }, done)) setText('');
  }
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Not while an input method is composing (Chinese, say): Enter there picks the characters.
    if (mode !== 'live' || event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void sendText();
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    void sendText();
  }

  return (
    <section className="card th-panel th-captions" aria-labelledby="th-captions-heading">
      <h2 id="th-captions-heading">{t('thConsole.captions.heading')}</h2>
      <form onSubmit={submit}>
        <RadioChoices legend={t('thConsole.captions.mode')} values={['live', 'feed'] as const} value={mode} label={(m) => t(`thConsole.captions.modes.${m}`)} onChange={setMode} />
        <label htmlFor="th-caption-text">{mode === 'live' ? t('thConsole.captions.liveLabel') : t('thConsole.captions.feedLabel')}</label>
        <textarea
          id="th-caption-text"
          className="th-caption-input"
          rows={mode === 'live' ? 2 : 8}
          maxLength={FEED_MAX}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby="th-caption-hint"
          dir="auto"
        />
        <p className="hint" id="th-caption-hint">
          {mode === 'live' ? t('thConsole.captions.liveHint') : t('thConsole.captions.feedHint')}
        </p>
        <button type="submit" disabled={text.trim() === ''} aria-disabled={commands.busy}>
          {mode === 'live' ? t('thConsole.captions.send') : t('thConsole.captions.sendFeed')}
        </button>
      </form>
      <Message message={commands.message} />
      <h3>{t('thConsole.captions.latest')}</h3>
      {latest.length === 0 ? (
        <p className="muted">{t('thConsole.captions.none')}</p>
      ) : (
        <ol className="th-caption-lines" data-testid="caption-lines">
          {latest.map((c) => (
            <li key={c.id} lang={c.language} dir="auto">
              <span className="th-meta">{time.format(c.at)}</span> {c.text}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
