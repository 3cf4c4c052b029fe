import { directionOf, sameLanguage, textDirection, type TextVersion } from '@open-talks/shared';
import { useState, type ElementType } from 'react';
import { useTranslation } from 'react-i18next';
import { command } from '../../net/realtime';
import { refusalText } from '../../net/refusal';
import { useLive } from '../../state/live-store';
import { viewerLanguage } from '../translated';
import '../translated/translated.css';

const ENGINE_NAMES: Record<string, string> = { apertium: 'Apertium', libretranslate: 'LibreTranslate' };

/** "Apertium", "LibreTranslate": the engine's name as people know it. */
export function engineName(engine: string): string {
  return ENGINE_NAMES[engine] ?? engine;
}

/**
 * A participant's text (a Town Hall question, a consultation contribution or comment) with its
 * `lang` and `dir`, and, when it is in another language than the reader's and the session offers
 * machine translation, a "Translate" button (MT35, MT36). The machine translation is labelled with the
 * engine's name and has a "Show original" button; it stays in this component (asked for, never
 * pushed). A refusal is said in a status region.
 */
export function ContributionText({
  k,
  text,
  language,
  as: Tag = 'p',
  className,
  id,
  whole = text,
}: {
  k: string;
  text: string;
  /** The whole original when `text` shows only its start (a folded long contribution). */
  whole?: string;
  language: string;
  as?: ElementType;
  className?: string;
  id?: string;
}) {
  const { t, i18n } = useTranslation();
  const reader = useLive((s) => viewerLanguage(s.live, i18n.language));
  const engine = useLive((s) => s.live?.session.machineEngine ?? null);
  const offered = useLive((s) => s.live?.session.machineTranslation ?? false);
  const [version, setVersion] = useState<(TextVersion & { of: string }) | null>(null);
  const [showingOriginal, setShowingOriginal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  // A translation of an older wording is not shown for an edited text.
  const current = version && version.of === whole && sameLanguage(version.language, reader) ? version : null;
  const canTranslate = engine !== null && offered && !sameLanguage(language, reader);
  const shown = current && !showingOriginal ? { text: current.text, language: current.language } : { text, language };

  async function translate() {
    if (busy) return;
    setBusy(true);
    setError('');
    const ack = await command('content:machine-translate', { key: k, language: reader }).finally(() => setBusy(false));
    if (!ack.ok) {
      setError(refusalText(t, ack.error));
      return;
    }
    setVersion({ ...ack.version, of: whole });
    setShowingOriginal(false);
  }

  return (
    <>
      {/* The direction of its letters, the language's when it has none: the language is often the
          author's by default, not what they typed in (IDEA6). */}
      <Tag className={className} id={id} lang={shown.language} dir={textDirection(shown.text, directionOf(shown.language))}>
        {shown.text}
      </Tag>
      {(canTranslate || current) && (
        <span className="translated-mark machine-mark" data-testid="machine-mark">
          {current ? (
            <>
              <span>{showingOriginal ? t('machineTranslation.original') : t('machineTranslation.label', { engine: engineName(current.engine ?? engine ?? '') })}</span>{' '}
              <button type="button" className="link-button translated-toggle" onClick={() => setShowingOriginal(!showingOriginal)}>
                {showingOriginal ? t('machineTranslation.showTranslation') : t('machineTranslation.showOriginal')}
              </button>
            </>
          ) : (
            <button type="button" className="link-button translated-toggle" aria-busy={busy} onClick={() => void translate()}>
              {busy ? t('machineTranslation.translating') : t('machineTranslation.translate')}
            </button>
          )}
        </span>
      )}
      {canTranslate && (
        <span role="status" className="machine-status">
          {error}
        </span>
      )}
    </>
  );
}
