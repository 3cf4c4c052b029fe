import { directionOf, pickCaptionStream, type Language } from '@open-talks/shared';
import type { CaptionStreamView } from '@open-talks/shared/protocol';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const SIZES = ['normal', 'large', 'huge'] as const;
type Size = (typeof SIZES)[number];
const STORAGE_KEY = 'openTalks.captions';

interface Prefs {
  on: boolean;
  size: Size;
  /** The caption stream chosen on this device (CAPS11); null: not chosen, the default applies. */
  stream: string | null;
}

function loadPrefs(): Prefs {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<Prefs>;
    return { on: saved.on ?? false, size: SIZES.includes(saved.size as Size) ? (saved.size as Size) : 'normal', stream: typeof saved.stream === 'string' ? saved.stream : null };
  } catch {
    return { on: false, size: 'normal', stream: null };
  }
}

/**
 * Live captions, off until the person turns them on (remembered on this device), at the text
 * size they choose, in the stream they pick (CAPS10: their language's by default, else the
 * busiest). Not a live region: a screen reader user hears the room itself, and a line a second
 * read aloud would drown everything else; the log is there to read at will, and the plain-text
 * stream (CAPS30) is there for a braille display.
 */
export function Captions({ streams, language }: { streams: readonly CaptionStreamView[]; language: Language | null }) {
  const { t } = useTranslation();
  const [prefs, setPrefs] = useState(loadPrefs);
  const shown = pickCaptionStream(streams, { chosen: prefs.stream, language });
  const captions = streams.find((s) => s.language === shown)?.lines ?? [];
  const log = useRef<HTMLDivElement>(null);
  // Effects return nothing: a returned value is taken as a cleanup, and a Promise (what
  // scrollIntoView returns in current Chromium) called as one blanked the page (CAPTION1).
  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(prefs));
  }, [prefs]);
  // The newest line in view inside the log only: scrolling the page to it on every line would
  // pull a phone away from whatever the person was reading or typing.
  const newest = captions.at(-1)?.id;
  useEffect(() => {
    if (log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [newest, prefs.on, prefs.size]);
  return (
    <section className="card captions" aria-labelledby="captions-heading">
      <h2 id="captions-heading">{t('townhall.captions.heading')}</h2>
      <div className="inline-form">
        <label className="choice">
          <input type="checkbox" checked={prefs.on} onChange={(e) => setPrefs({ ...prefs, on: e.target.checked })} />
          {t('townhall.captions.show')}
        </label>
        <label htmlFor="caption-size">{t('townhall.captions.size')}</label>
        <select id="caption-size" value={prefs.size} onChange={(e) => setPrefs({ ...prefs, size: e.target.value as Size })}>
          {SIZES.map((size) => (
            <option key={size} value={size}>
              {t(`townhall.captions.sizes.${size}`)}
            </option>
          ))}
        </select>
        {streams.length > 1 && (
          <>
            <label htmlFor="caption-stream">{t('captionStreams.stream')}</label>
            <select id="caption-stream" value={shown ?? ''} onChange={(e) => setPrefs({ ...prefs, stream: e.target.value })}>
              {streams.map((s) => (
                <option key={s.language} value={s.language}>
                  {t(`words.languageName.${s.language}`)}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      {prefs.on && (
        <div ref={log} className={`caption-log caption-${prefs.size}`} role="log" aria-live="off" tabIndex={0} aria-label={t('townhall.captions.heading')}>
          {captions.length === 0 ? (
            <p className="muted">{t('townhall.captions.none')}</p>
          ) : (
            captions.slice(-30).map((c) => (
              <p key={c.id} lang={c.language} dir={directionOf(c.language)}>
                {c.text}
              </p>
            ))
          )}
        </div>
      )}
    </section>
  );
}
