import { directionOf, pickVersion, type Shown } from '@open-talks/shared';
import type { ContentVersions, SessionState } from '@open-talks/shared/protocol';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLive } from '../../state/live-store';

const NO_CONTENT: readonly ContentVersions[] = [];
const byKeyCache = new WeakMap<readonly ContentVersions[], Map<string, ContentVersions>>();

/** The versions of the session's texts by key; one map per state of the store, shared by every text. */
function byKey(content: readonly ContentVersions[]): Map<string, ContentVersions> {
  let map = byKeyCache.get(content);
  if (!map) {
    map = new Map(content.map((entry) => [entry.key, entry]));
    byKeyCache.set(content, map);
  }
  return map;
}

/**
 * LANG52: whose language a text is read in — the participant's own language; a screen that is no
 * participant (the projector) reads in its interface language.
 */
export function viewerLanguage(live: SessionState | undefined, uiLanguage: string): string {
  return live?.viewer.kind === 'participant' ? live.viewer.participant.language : uiLanguage;
}

/**
 * LANG51, LANG53: what a reader of `language` sees of the text under `key`. Without an entry the
 * original is taken to be in the session's first language (what the organisers write in).
 * Machine versions are shown when the store has them: only asked-for ones reach it (LANG54).
 */
export function shownText(content: readonly ContentVersions[], key: string, text: string, language: string, sessionLanguage: string, original = false): Shown {
  const entry = byKey(content).get(key);
  const originalLanguage = entry?.originalLanguage ?? sessionLanguage;
  if (original) return { kind: 'original', text, language: originalLanguage, dir: directionOf(originalLanguage) };
  return pickVersion({ text, language: originalLanguage }, entry?.versions ?? [], language, { machine: true });
}

/**
 * For lists of short texts (a poll's options, a select's choices): a function from key and
 * original to what this viewer sees; `original` shows every original (the poll's "Show original").
 */
export function useShownText(options: { language?: string; original?: boolean } = {}): (key: string, text: string) => Shown {
  const { i18n } = useTranslation();
  const content = useLive((s) => s.live?.content) ?? NO_CONTENT;
  const reader = useLive((s) => viewerLanguage(s.live, i18n.language));
  const sessionLanguage = useLive((s) => s.live?.session.languages[0]) ?? 'en';
  const language = options.language ?? reader;
  const original = options.original ?? false;
  return useCallback((key: string, text: string) => shownText(content, key, text, language, sessionLanguage, original), [content, language, sessionLanguage, original]);
}

export interface TranslatedText {
  /** What is on screen now: the chosen version, or the original when the reader asked for it. */
  shown: Shown;
  /** The version picked for the reader, whatever is on screen. */
  picked: Shown;
  showingOriginal: boolean;
  setShowingOriginal(value: boolean): void;
  /** `lang` and `dir` for the element that holds the text (LANG55). */
  attrs: { lang: string; dir: 'rtl' | 'ltr' };
}

/**
 * One organiser's text as this viewer reads it (LANG51–LANG56). `language` overrides the viewer's
 * (the projector's second language); `showOriginal` lets a parent switch several texts at once
 * (a poll's question and its options).
 */
export function useTranslated(key: string, text: string, options: { language?: string; showOriginal?: boolean } = {}): TranslatedText {
  const { i18n } = useTranslation();
  const content = useLive((s) => s.live?.content) ?? NO_CONTENT;
  const reader = useLive((s) => viewerLanguage(s.live, i18n.language));
  const sessionLanguage = useLive((s) => s.live?.session.languages[0]) ?? 'en';
  const [own, setOwn] = useState(false);
  const language = options.language ?? reader;
  const picked = useMemo(() => shownText(content, key, text, language, sessionLanguage), [content, key, text, language, sessionLanguage]);
  const showingOriginal = picked.kind === 'translation' && (options.showOriginal ?? own);
  const shown: Shown =
    showingOriginal && picked.kind === 'translation' ? { kind: 'original', text, language: picked.originalLanguage, dir: directionOf(picked.originalLanguage) } : picked;
  return { shown, picked, showingOriginal, setShowingOriginal: setOwn, attrs: { lang: shown.language, dir: shown.dir } };
}
