import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { holdFocus } from '../components/keep-focus';
import { applyAck } from '../net/acks';
import type { Command, CommandPayload, CommandSuccess } from '../net/command-types';
import { command } from '../net/realtime';
import { refusalText } from '../net/refusal';

export type Outcome = { text: string; error: boolean } | undefined;

/**
 * Sends one command and keeps the outcome as a message to show (and announce): on failure the
 * refusal in the person's language (`errors.*`, with a conflict's reason: a closed poll, a broken
 * seating rule), on success the `done` text if given. What a staff command's ack carries goes
 * into the store at once (net/acks.ts).
 *
 * A second press while one is in flight is ignored here, so buttons need not be disabled while
 * busy: disabling the focused button drops keyboard focus to the page (QA14, THUI5); `busy` is
 * for `aria-disabled` (and the café's set-up, whose buttons are disabled). With `keepFocus` (the
 * consoles), focus moves on predictably when the action removes the pressed button (`holdFocus`).
 */
export function useCommand({ keepFocus = false }: { keepFocus?: boolean } = {}) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  async function send<E extends Command>(event: E, payload: CommandPayload<E>, done?: string): Promise<CommandSuccess<E> | undefined> {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    const refocus = keepFocus ? holdFocus() : undefined;
    setBusy(true);
    const ack = await command(event, payload).finally(() => {
      inFlight.current = false;
      setBusy(false);
    });
    refocus?.();
    if (!ack.ok) {
      setMessage({ text: refusalText(t, ack.error), error: true });
      return undefined;
    }
    const success = ack as CommandSuccess<E>;
    applyAck(event, success);
    setMessage(done ? { text: done, error: false } : undefined);
    return success;
  }
  /** Read at the moment of asking (not as of the last render): before a confirmation, say. */
  const sending = () => inFlight.current;
  return { send, sending, message, busy, setMessage };
}

export type Commands = ReturnType<typeof useCommand>;
