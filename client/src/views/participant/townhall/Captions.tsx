import type { CaptionView } from '@open-talks/shared/protocol';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const SIZES = ['normal', 'large', 'huge'] as const;
type Size = (typeof SIZES)[number];
const STORAGE_KEY = 'openTalks.captions';

function loadPrefs(): { on: boolean; size: Size } {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as { on?: boolean; size?: Size };
    return { on: saved.on ?? false, size: SIZES.includes(saved.size as Size) ? (saved.size as Size) : 'normal' };
  } catch {
    return { on: false, size: 'normal' };
  }
}

/**
 * Live captions, off until the person turns them on (remembered on this device), at the text
 * size they choose. Not a live region: a screen reader user hears the room itself, and a line a
 * second read aloud would drown everything else; the log is there to read at will.
 */
export function Captions({ captions }: { captions: readonly CaptionView[] }) {
  const { t } = useTranslation();
  const [prefs, setPrefs] = useState(loadPrefs);
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
      </div>
      {prefs.on && (
        <div ref={log} className={`caption-log caption-${prefs.size}`} role="log" aria-live="off" tabIndex={0} aria-label={t('townhall.captions.heading')}>
          {captions.length === 0 ? (
            <p className="muted">{t('townhall.captions.none')}</p>
          ) : (
            captions.slice(-30).map((c) => (
              <p key={c.id} lang={c.language} dir="auto">
                {c.text}
              </p>
            ))
          )}
        </div>
      )}
    </section>
  );
}
