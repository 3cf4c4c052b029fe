import { useEffect } from 'react';
import { command } from '../../../net/realtime';
import { useLive } from '../../../state/live-store';

/**
 * The café as the facilitator sees it (tables, rounds, plan), fetched on every (re)connect: the
 * server is the only source of the café. The whole console needs it, whatever the phase (the
 * Run screen's next action asks whether there is a plan), so it is fetched here, once.
 */
export function useCafeView(enabled: boolean) {
  const cafe = useLive((s) => s.cafe);
  const status = useLive((s) => s.status);
  useEffect(() => {
    if (!enabled || status !== 'connected') return;
    void command('cafe:get', {}).then((ack) => ack.ok && useLive.getState().applyCafe(ack.cafe));
  }, [enabled, status]);
  return cafe;
}
