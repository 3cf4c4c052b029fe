// IDEA5: key ideas added on this device wait in an outbox (localStorage, per room and person)
// until the server has them, so one added while offline, or in a tab closed before it was sent,
// is sent when the connection is back. Each carries the id it was made with, so sending it again
// after a lost ack adds nothing twice (the server answers an id it has with the idea as it is).
import type { ApiError } from '@open-talks/shared/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import { command } from '../net/realtime';
import { useLive } from '../state/live-store';

export interface OutboxIdea {
  id: string;
  text: string;
}

const PREFIX = 'openTalks.ideaOutbox.';
const RETRY_AFTER = 5_000; // ms after a send got no answer (a dead link the socket has not noticed yet)

function read(key: string): OutboxIdea[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(PREFIX + key) ?? '[]');
    if (!Array.isArray(value)) return [];
    return (value as unknown[]).filter(
      (item): item is OutboxIdea => typeof (item as Partial<OutboxIdea> | null)?.id === 'string' && typeof (item as Partial<OutboxIdea>).text === 'string',
    );
  } catch {
    return []; // storage blocked or garbled: nothing waits
  }
}

function write(key: string, items: readonly OutboxIdea[]): void {
  try {
    if (items.length === 0) localStorage.removeItem(PREFIX + key);
    else localStorage.setItem(PREFIX + key, JSON.stringify(items));
  } catch {
    // Storage full or blocked: the idea still waits in memory while this page is open.
  }
}

/**
 * The ideas of one table notepad waiting to be shown (sent or not), a function that adds one,
 * and the last idea the server refused (with why). `arrived` are the ids the notepad shows.
 */
export function useIdeaOutbox(
  outboxKey: string,
  tableId: string | null,
  round: number,
  arrived: ReadonlySet<string>,
): { waiting: OutboxIdea[]; add(text: string): void; refused: { text: string; error: ApiError } | null } {
  const [waiting, setWaiting] = useState<OutboxIdea[]>(() => read(outboxKey));
  const [refused, setRefused] = useState<{ text: string; error: ApiError } | null>(null);
  const connected = useLive((s) => s.status === 'connected');
  /** Ids being sent, and ids the server acked (kept on screen until the notepad shows them). */
  const inFlight = useRef(new Set<string>());
  const acked = useRef(new Set<string>());
  /** Bumped to send again: the browser is back online, or a send got no answer. */
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const again = () => setAttempt((n) => n + 1);
    window.addEventListener('online', again);
    return () => window.removeEventListener('online', again);
  }, []);

  // Storage is read again at each change: another tab of the same person may have sent some.
  const forget = useCallback(
    (id: string) =>
      write(
        outboxKey,
        read(outboxKey).filter((i) => i.id !== id),
      ),
    [outboxKey],
  );

  useEffect(() => {
    setWaiting(read(outboxKey));
  }, [outboxKey]);

  // What the notepad shows has been received: it no longer waits.
  useEffect(() => {
    const here = waiting.filter((idea) => arrived.has(idea.id));
    if (here.length === 0) return;
    for (const idea of here) forget(idea.id);
    setWaiting((items) => items.filter((idea) => !arrived.has(idea.id)));
  }, [arrived, waiting, forget]);

  useEffect(() => {
    if (!connected || !tableId) return;
    for (const idea of waiting) {
      if (inFlight.current.has(idea.id) || acked.current.has(idea.id) || arrived.has(idea.id)) continue;
      inFlight.current.add(idea.id);
      void command('notepad:add-idea', { tableId, round, id: idea.id, text: idea.text }).then((ack) => {
        inFlight.current.delete(idea.id);
        if (!ack.ok && ack.error.code === 'network') {
          // Tried again on the next connection, when the browser is back online, or after a while.
          setTimeout(() => setAttempt((n) => n + 1), RETRY_AFTER);
          return;
        }
        forget(idea.id);
        if (ack.ok) return void acked.current.add(idea.id);
        setRefused({ text: idea.text, error: ack.error as ApiError });
        setWaiting((items) => items.filter((i) => i.id !== idea.id));
      });
    }
  }, [connected, tableId, round, waiting, arrived, forget, attempt]);

  const add = useCallback(
    (text: string) => {
      const idea = { id: crypto.randomUUID(), text };
      setRefused(null);
      write(outboxKey, [...read(outboxKey), idea]); // stored before anything is sent
      setWaiting((items) => [...items, idea]);
    },
    [outboxKey],
  );

  return { waiting, add, refused };
}
