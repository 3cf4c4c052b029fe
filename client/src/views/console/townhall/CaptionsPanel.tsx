import { can, directionOf, LANGUAGES, orderCaptionStreams, projectorCaptionStream, type Language } from '@open-talks/shared';
import type { CaptionStreamView, ParticipantView } from '@open-talks/shared/protocol';
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Message } from '../cafe/Message';
import { RadioChoices } from './RadioChoices';
import { useCommand } from '../../../hooks/useCommand';

const LINES_SHOWN = 8; // the latest lines; the transcript keeps them all
const FEED_MAX = 10_000; // characters one paste may carry (the command's limit)

const STREAM_KEY = 'openTalks.captionStream'; // the stream this captioner writes, on this device

function savedStream(fallback: Language): Language {
  const saved = localStorage.getItem(STREAM_KEY);
  return (LANGUAGES as readonly string[]).includes(saved ?? '') ? (saved as Language) : fallback;
}

/**
 * Live captions: type and press Enter to send a line (Shift+Enter for a new line), or paste a
 * feed whose every non-empty line becomes a caption. Each line goes to the stream of the language
 * picked here (CAPS2: the captioner's own by default, remembered on this device); the facilitator
 * also picks the projector's stream (CAPS12).
 */
export function CaptionsPanel({
  streams,
  projector,
  me,
  languages,
}: {
  streams: readonly CaptionStreamView[];
  projector: Language | null;
  me: ParticipantView;
  languages: readonly Language[];
}) {
  const { t, i18n } = useTranslation();
  const commands = useCommand({ keepFocus: true });
  const projectorCommand = useCommand();
  const [mode, setMode] = useState<'live' | 'feed'>('live');
  const [text, setText] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  const [language, setLanguage] = useState<Language>(() => savedStream(me.language));
  const choices = orderCaptionStreams(
    LANGUAGES.map((l) => ({ language: l, count: 0 })),
    languages,
  ).map((s) => s.language);
  const latest = (streams.find((s) => s.language === language)?.lines ?? []).slice(-LINES_SHOWN);
  const onProjector = projectorCaptionStream(streams, projector, languages);
  function pickLanguage(value: Language) {
    setLanguage(value);
    localStorage.setItem(STREAM_KEY, value);
  }
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' });

  async function sendText() {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) return;
    const done = t('thConsole.captions.sent', { count: lines.length });
    if (await commands.send('caption:add', { text: lines.join('\n'), language }, done)) {
      setText('');
      // The emptied form disables its button: pressed from the keyboard, focus would drop to <body>.
      // It goes back to the field, ready for the next one (as after Ask, QA14; A11Y35).
      field.current?.focus();
    }
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
        <label htmlFor="th-caption-stream">{t('captionStreams.writeIn')}</label>
        <select id="th-caption-stream" value={language} onChange={(e) => pickLanguage(e.target.value as Language)}>
          {choices.map((l) => (
            <option key={l} value={l}>
              {t(`words.languageName.${l}`)}
            </option>
          ))}
        </select>
        <RadioChoices legend={t('thConsole.captions.mode')} values={['live', 'feed'] as const} value={mode} label={(m) => t(`thConsole.captions.modes.${m}`)} onChange={setMode} />
        <label htmlFor="th-caption-text">{mode === 'live' ? t('thConsole.captions.liveLabel') : t('thConsole.captions.feedLabel')}</label>
        <textarea
          ref={field}
          id="th-caption-text"
          className="th-caption-input"
          rows={mode === 'live' ? 2 : 8}
          maxLength={FEED_MAX}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby="th-caption-hint"
          lang={language}
          dir={directionOf(language)}
        />
        <p className="hint" id="th-caption-hint">
          {mode === 'live' ? t('thConsole.captions.liveHint') : t('thConsole.captions.feedHint')}
        </p>
        <button type="submit" disabled={text.trim() === ''} aria-disabled={commands.busy}>
          {mode === 'live' ? t('thConsole.captions.send') : t('thConsole.captions.sendFeed')}
        </button>
      </form>
      <Message message={commands.message} />
      {can(me.role, 'townhall:configure') && (
        <div className="inline-form">
          <label htmlFor="th-projector-stream">{t('captionStreams.projector')}</label>
          <select
            id="th-projector-stream"
            value={projector ?? ''}
            onChange={(e) =>
              void projectorCommand.send(
                'townhall:configure',
                { projectorCaptionLanguage: e.target.value === '' ? null : (e.target.value as Language) },
                t('captionStreams.projectorSaved'),
              )
            }
          >
            <option value="">{t('captionStreams.projectorFollows', { language: t(`words.languageName.${languages[0] ?? 'en'}`) })}</option>
            {choices.map((l) => (
              <option key={l} value={l}>
                {t(`words.languageName.${l}`)}
              </option>
            ))}
          </select>
          <Message message={projectorCommand.message} />
        </div>
      )}
      {streams.length > 0 && (
        <p className="hint" data-testid="caption-streams">
          {t('captionStreams.list', {
            streams: streams.map((s) => `${t(`words.languageName.${s.language}`)} (${s.count})`).join(', '),
            projector: onProjector ? t(`words.languageName.${onProjector}`) : '—',
          })}
        </p>
      )}
      <h3>{t('thConsole.captions.latest')}</h3>
      {latest.length === 0 ? (
        <p className="muted">{t('thConsole.captions.none')}</p>
      ) : (
        <ol className="th-caption-lines" data-testid="caption-lines">
          {latest.map((c) => (
            <li key={c.id} lang={c.language} dir={directionOf(c.language)}>
              <span className="th-meta">{time.format(c.at)}</span> {c.text}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
