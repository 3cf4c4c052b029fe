import type { ClientToServerEvents } from '@open-talks/shared/protocol';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { command } from '../../../net/realtime';
import { refusalText } from '../../../net/refusal';

type Message = { text: string; error: boolean } | undefined;

/**
 * Sends one command, keeps the outcome as a message to show (and announce). A second press while
 * one is in flight is ignored here, so buttons need not be disabled while busy: disabling the
 * focused button drops keyboard focus to the page (QA14).
 */
export function useCommand() {
  const { t } = useTranslation();
  const [message, setMessage] = useState<Message>();
  const inFlight = useRef(false);
  async function send<E extends keyof ClientToServerEvents>(event: E, payload: Parameters<ClientToServerEvents[E]>[0], done?: string) {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    const ack = await command(event, payload).finally(() => {
      inFlight.current = false;
    });
    if (!ack.ok) {
      // In the person's language: a conflict with its reason (a closed poll, one's own question).
      setMessage({ text: refusalText(t, ack.error), error: true });
      return undefined;
    }
    setMessage(done ? { text: done, error: false } : undefined);
    return ack as Extract<typeof ack, { ok: true }>;
  }
  return { send, message };
}
