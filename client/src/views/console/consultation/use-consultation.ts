import type { CommandPayload } from '@open-talks/shared/protocol';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyAck } from '../../../net/acks';
import type { Command, CommandSuccess } from '../../../net/command-types';
import { command } from '../../../net/realtime';
import { refusalText } from '../../../net/refusal';

export { useConsultationLive, useConsultationView } from '../../../consultation';

type Send = <K extends Command>(name: K, payload: CommandPayload<K>) => Promise<CommandSuccess<K> | undefined>;

/**
 * Sends a command; what its ack carries goes into the consultation store at once (net/acks.ts),
 * and a refusal becomes `error`, in the person's language from the ack's `error.reason` (CONS59),
 * shown in the panel's alert. A second press while one is in flight is ignored, so buttons stay
 * enabled (`aria-disabled` while busy): disabling the pressed button would drop keyboard focus.
 */
export function useSend(): { send: Send; error: string; busy: boolean; clear: () => void } {
  const { t } = useTranslation();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const send = useCallback<Send>(
    async (name, payload) => {
      if (inFlight.current) return undefined;
      inFlight.current = true;
      setBusy(true);
      setError('');
      try {
        const ack = await command(name, payload);
        if (!ack.ok) {
          setError(refusalText(t, ack.error));
          return undefined;
        }
        const success = ack as CommandSuccess<typeof name>;
        applyAck(name, success);
        return success;
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
    [t],
  );
  return { send, error, busy, clear: useCallback(() => setError(''), []) };
}

/** A `datetime-local` value in this device's time zone, from epoch ms (CONS52). */
export function toLocalInput(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Epoch ms from a `datetime-local` value read in this device's time zone; '' is "by hand" (null). */
export function fromLocalInput(value: string): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
}
