import type { ConsolePhase } from '@open-talks/shared';
import { useCallback, useEffect, useRef, useState } from 'react';

/** What is kept across a reload: the phase chosen by hand, and the state's phase it was chosen in. */
export interface Stored {
  chosen: ConsolePhase;
  basis: ConsolePhase;
}

const key = (sessionId: string) => `open-talks:console-phase:${sessionId}`;

function read(sessionId: string): Stored | undefined {
  try {
    const raw = sessionStorage.getItem(key(sessionId));
    return raw ? (JSON.parse(raw) as Stored) : undefined;
  } catch {
    return undefined; // storage off (a private window) or garbled: follow the session
  }
}

function write(sessionId: string, stored: Stored | undefined): void {
  try {
    if (stored) sessionStorage.setItem(key(sessionId), JSON.stringify(stored));
    else sessionStorage.removeItem(key(sessionId));
  } catch {
    // Not kept across a reload, then; the choice still holds on this page.
  }
}

/**
 * CONSOLE5: the phase to show on opening: the one chosen by hand if the session's state is still
 * in the phase it was chosen in (and the console has that phase), else the state's own.
 */
export function phaseToShow(stored: Stored | undefined, auto: ConsolePhase, phases: readonly ConsolePhase[]): ConsolePhase {
  return stored && stored.basis === auto && phases.includes(stored.chosen) ? stored.chosen : auto;
}

/**
 * The console's phase (CONSOLE3–CONSOLE5): the one the session's state calls for (`auto`), unless
 * the facilitator chose another by hand; that choice sticks (across a reload too, in
 * sessionStorage) until the state's phase changes again, and then the console follows the
 * session. `moved` is set when the console followed the session on its own, to be announced.
 */
export function useConsolePhase(sessionId: string, auto: ConsolePhase, phases: readonly ConsolePhase[]) {
  const [phase, setPhase] = useState<ConsolePhase>(() => phaseToShow(read(sessionId), auto, phases));
  const [moved, setMoved] = useState<ConsolePhase>();
  const basis = useRef(auto);
  const shown = useRef(phase);
  shown.current = phase;

  useEffect(() => {
    if (basis.current === auto) return;
    basis.current = auto;
    write(sessionId, undefined);
    if (shown.current !== auto) setMoved(auto);
    setPhase(auto);
  }, [auto, sessionId]);

  const choose = useCallback(
    (next: ConsolePhase) => {
      setPhase(next);
      setMoved(undefined);
      write(sessionId, next === basis.current ? undefined : { chosen: next, basis: basis.current });
    },
    [sessionId],
  );
  return { phase, choose, moved };
}
