// The lite pages' words and texts: the UI catalog in the reader's language, and each organiser's
// or person's text in the version picked for them (pickVersion over ContentService.versionsFor,
// which the server already put in `SessionState.content`: what this person may see, LITE20–LITE24).
import { contentKey, isNobody, pickVersion, remainingMs, type ContentRef, type Language, type PersonCredit, type Shown, type Timer, type Translate } from '@open-talks/shared';
import type { ContentVersions } from '@open-talks/shared/protocol';
import { translator } from '../record/labels.js';

export interface Words {
  language: Language;
  /** A catalog lookup; `lite.` keys are this page's own, the rest are shared with the full app. */
  t: Translate;
}

export function wordsFor(language: Language): Words {
  return { language, t: translator(language) };
}

/** Picks versions for one reader: the session's organiser texts are in its first language unless tagged otherwise. */
export class Versions {
  private readonly byKey: Map<string, ContentVersions>;
  constructor(
    content: readonly ContentVersions[],
    private readonly reader: Language,
    private readonly defaultLanguage: string,
  ) {
    this.byKey = new Map(content.map((c) => [c.key, c]));
  }

  /** An organiser's text (round question, prompt, agenda item, poll): its original language is known. */
  content(ref: ContentRef, text: string): Shown {
    const entry = this.byKey.get(contentKey(ref));
    return pickVersion({ text, language: entry?.originalLanguage ?? this.defaultLanguage }, entry?.versions ?? [], this.reader);
  }

  /**
   * A person's text (a question, a contribution): picked when its language is known (tagged, or
   * given), else null and shown as written, with `dir="auto"`.
   */
  contribution(ref: ContentRef, text: string, language?: string): Shown | null {
    const entry = this.byKey.get(contentKey(ref));
    const original = entry?.originalLanguage ?? language;
    if (!original) return null;
    return pickVersion({ text, language: original }, entry?.versions ?? [], this.reader);
  }
}

/** "12 min left" as text (LITE31): a page that reloads every 15–30 s needs no seconds. */
export function timeLeft(t: Translate, timer: Timer | null, now: number): string | null {
  if (!timer || timer.status === 'idle') return null;
  if (timer.status === 'ended') return t('lite.time.up');
  const ms = remainingMs(timer, now);
  if (ms <= 0) return t('lite.time.up');
  const minutes = Math.ceil(ms / 60_000);
  const left = ms < 60_000 ? t('lite.time.underMinute') : t('lite.time.left', { minutes });
  return timer.status === 'paused' ? t('lite.time.paused', { left }) : left;
}

/** Someone as the session's attribution allows (the views are already stripped): "a participant" when nothing may be said. */
export function credit(t: Translate, person: PersonCredit | null): string {
  if (!person || isNobody(person)) return t('credit.aParticipant');
  return [person.displayName, person.stakeholderGroup && t(`words.group.${person.stakeholderGroup}`), person.mode && t(`words.mode.${person.mode}`)].filter(Boolean).join(', ');
}

/** An error code as the reader's own words (LITE17). */
export function errorText(t: Translate, code: string): string {
  const own = t(`lite.errors.${code}`);
  return own === `lite.errors.${code}` ? t(`errors.${code}`) : own;
}
