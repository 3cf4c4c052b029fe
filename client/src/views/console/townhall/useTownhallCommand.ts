import type { ClientToServerEvents } from '@open-talks/shared/protocol';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { holdFocus } from '../../../components/keep-focus';
import { command } from '../../../net/realtime';
import { refusalText } from '../../../net/refusal';
import { useLive } from '../../../state/live-store';

type Event = keyof ClientToServerEvents;
type Payload<E extends Event> = Parameters<ClientToServerEvents[E]>[0];
type Ack<E extends Event> = Awaited<ReturnType<typeof command<E>>>;
type Success<E extends Event> = Extract<Ack<E>, { ok: true }>;
export type Outcome = { text: string; error: boolean } | undefined;

/**
 * Puts what an ack carries into the store at once. The server broadcasts the same change to
 * staff too; applying it twice is harmless, and the screen does not wait for the broadcast.
 */
function applyAck(ack: Record<string, unknown>): void {
  const store = useLive.getState();
  if ('question' in ack && ack.question) store.thQuestion(ack.question as Parameters<typeof store.thQuestion>[0]);
  if ('queue' in ack && ack.queue) store.thQueue(ack.queue as Parameters<typeof store.thQueue>[0]);
  if ('agenda' in ack && ack.agenda) store.thAgenda(ack.agenda as Parameters<typeof store.thAgenda>[0]);
  if ('settings' in ack && ack.settings) store.thSettings(ack.settings as Parameters<typeof store.thSettings>[0]);
  if ('captions' in ack && Array.isArray(ack.captions)) store.thCaptions(ack.captions as Parameters<typeof store.thCaptions>[0]);
  if ('projectedPollId' in ack) store.thProjected((ack.projectedPollId as string | null) ?? null);
  if ('poll' in ack && ack.poll) {
    const item = ack.poll as { poll: Parameters<typeof store.thPoll>[0]; results: Parameters<typeof store.thPollResults>[0] | null };
    store.thPoll(item.poll);
    if (item.results) store.thPollResults(item.results);
  }
}

/**
 * Sends a Town Hall staff command and keeps the outcome to show (an alert on failure, a polite
 * status on success). Error messages come from the `errors.*` keys; a conflict adds the
 * server's reason (`refusalText`), as the café panels do. A second press while one is in flight
 * is ignored here, so buttons are never disabled while busy (only marked `aria-disabled`):
 * disabling the focused button drops keyboard focus to the page (THUI5, as QA14). If the action
 * removes the pressed button, focus moves on predictably (`holdFocus`).
 */
export function useTownhallCommand() {
  const { t } = useTranslation();
  const [message, setMessage] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  async function send<E extends Event>(event: E, payload: Payload<E>, done?: string): Promise<Success<E> | undefined> {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    const refocus = holdFocus();
    setBusy(true);
    const ack = await command(event, payload).finally(() => {
      inFlight.current = false;
      setBusy(false);
    });
    refocus();
    if (!ack.ok) {
      setMessage({ text: refusalText(t, ack.error), error: true });
      return undefined;
    }
    applyAck(ack);
    setMessage(done ? { text: done, error: false } : undefined);
    return ack as Success<E>;
  }
  return { send, message, busy, setMessage };
}
