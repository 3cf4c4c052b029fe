import { create } from 'zustand';
import { DEFAULT_ANNOUNCE_LEVEL, isAnnounceLevel, shouldAnnounce, type AnnounceEvent, type AnnounceLevel } from './policy';

const STORAGE_KEY = 'openTalks.announce';
const KEPT = 3;

function savedLevel(): AnnounceLevel {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isAnnounceLevel(value) ? value : DEFAULT_ANNOUNCE_LEVEL;
  } catch {
    return DEFAULT_ANNOUNCE_LEVEL;
  }
}

interface AnnounceState {
  /** What this device's participant chose to hear (A11Y10), kept in localStorage. */
  level: AnnounceLevel;
  /**
   * The latest announcements, newest last (a few, so two said in the same moment are both heard);
   * `n` numbers each, so the same words said again are a new node, said again.
   */
  messages: { text: string; n: number }[];
  setLevel: (level: AnnounceLevel) => void;
  /** Says `text` in the view's one polite region if the level lets `event` through. */
  say: (text: string, event: AnnounceEvent) => void;
}

export const useAnnounce = create<AnnounceState>((set, get) => ({
  level: savedLevel(),
  messages: [],
  setLevel(level) {
    try {
      localStorage.setItem(STORAGE_KEY, level);
    } catch {
      // Private browsing with storage off: the choice holds for this page only.
    }
    set({ level });
  },
  say(text, event) {
    if (!shouldAnnounce(get().level, event)) return;
    const messages = get().messages;
    const n = (messages.at(-1)?.n ?? 0) + 1;
    set({ messages: [...messages.slice(-(KEPT - 1)), { text, n }] });
  },
}));
