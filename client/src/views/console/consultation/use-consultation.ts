import type { CommandPayload, ConsultationLive, ConsultationView } from '@open-talks/shared/protocol';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command, CommandSuccess } from '../../../net/command-types';
import { command } from '../../../net/realtime';
import { refusalText } from '../../../net/refusal';
import { useLive } from '../../../state/live-store';

/** The consultation as `session:state` carries it (and as events keep it). */
export const useConsultationLive = (): ConsultationLive | undefined => useLive((s) => s.live?.consultation);
export const useConsultationView = (): ConsultationView | undefined => useLive((s) => s.live?.consultation?.consultation);

/**
 * The console's own changes show at once from the ack (CONS51), whether or not the
 * `consultation:changed` event that follows has reached this tab yet.
 */
export function showConsultation(view: ConsultationView): void {
  useLive.setState(({ live }) => (live?.consultation ? { live: { ...live, consultation: { ...live.consultation, consultation: view } } } : {}));
}

type Send = <K extends Command>(name: K, payload: CommandPayload<K>) => Promise<CommandSuccess<K> | undefined>;

/**
 * Sends a command; a refusal becomes `error`, in the person's language from the ack's
 * `error.reason` (CONS59), announced by the panel's alert. Resolves with the ack, or undefined.
 */
export function useSend(): { send: Send; error: string; busy: boolean; clear: () => void } {
  const { t } = useTranslation();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const send = useCallback<Send>(
    async (name, payload) => {
      setBusy(true);
      setError('');
      try {
        const ack = (await command(name as never, payload as never)) as unknown as { ok: boolean; error?: never };
        if (!ack.ok) {
          setError(refusalText(t, ack.error as never));
          return undefined;
        }
        return ack as never;
      } finally {
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
