import type { ApiError, ClientToServerEvents, CafeView } from '@open-talks/shared/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { command } from '../../../net/realtime';
import { refusalText } from '../../../net/refusal';
import { useLive } from '../../../state/live-store';

type CafeCommand = 'cafe:get' | 'cafe:set-tables' | 'cafe:make-tables' | 'cafe:set-rounds' | 'cafe:plan' | 'cafe:move' | 'cafe:lock';

/** Sends a café command, puts the answer in the store, and keeps a message to show (and announce). */
export function useCafeCommand() {
  const { t } = useTranslation();
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const [busy, setBusy] = useState(false);
  async function run<E extends CafeCommand>(event: E, payload: Parameters<ClientToServerEvents[E]>[0], done?: string): Promise<CafeView | undefined> {
    setBusy(true);
    const ack = (await command(event, payload)) as { ok: true; cafe: CafeView } | { ok: false; error: ApiError };
    setBusy(false);
    if (!ack.ok) {
      // Conflicts carry the reason (e.g. a broken seating rule), translated.
      setMessage({ text: refusalText(t, ack.error), error: true });
      return undefined;
    }
    useLive.getState().applyCafe(ack.cafe);
    setMessage(done ? { text: done, error: false } : undefined);
    return ack.cafe;
  }
  return { run, message, busy };
}
