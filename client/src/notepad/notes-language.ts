// A table's notes language (NOTE17–NOTE19): asked of the server when a table notepad opens, and
// kept current by the session's `notepad:language` event, so every open view of the table agrees.
import type { NotesLanguageChanged } from '@open-talks/shared/protocol';
import { useCallback, useEffect, useState } from 'react';
import { command } from '../net/realtime';
import { useLive } from '../state/live-store';

const listeners = new Set<(change: NotesLanguageChanged) => void>();

/** The `notepad:language` event (net/server-events.ts). */
export function notesLanguageChanged(change: NotesLanguageChanged): void {
  for (const listener of listeners) listener(change);
}

export type ChooseResult = Awaited<ReturnType<typeof command<'notepad:set-language'>>>;

/** The table's notes language (null until known, and for the harvest), and how to choose it. */
export function useNotesLanguage(tableId: string | undefined, round: number | undefined): { language: string | null; choose: (language: string) => Promise<ChooseResult> } {
  const [language, setLanguage] = useState<string | null>(null);
  // Asked again on every (re)connect: a choice made while this tab was away reached it as no event.
  const connected = useLive((s) => s.status === 'connected');
  useEffect(() => {
    if (!tableId || !round || !connected) return undefined;
    let current = true;
    const listener = (change: NotesLanguageChanged) => {
      if (change.tableId === tableId && change.round === round) setLanguage(change.language);
    };
    listeners.add(listener);
    void command('notepad:notes-language', { tableId, round }).then((ack) => {
      if (current && ack.ok) setLanguage(ack.notesLanguage.language);
    });
    return () => {
      current = false;
      listeners.delete(listener);
    };
  }, [tableId, round, connected]);
  const choose = useCallback(
    async (next: string) => {
      if (!tableId || !round) throw new Error('only a table notepad has a notes language');
      const ack = await command('notepad:set-language', { tableId, round, language: next });
      if (ack.ok) setLanguage(ack.notesLanguage.language);
      return ack;
    },
    [tableId, round],
  );
  return { language, choose };
}
