import type { TownhallLive } from '@open-talks/shared/protocol';
import { useShallow } from 'zustand/react/shallow';
import { selectMe, useLive } from './live-store';

// Hooks for the slice a component shows. Every delta copies `live` (and `live.townhall`), so a
// component that selects `s.live` re-renders on everything, a coalesced vote count included;
// these select what stays the same object when something else changes.

/** The participant this browser is, if it is one (not the projector). */
export const useViewer = () => useLive(selectMe);

/** The session's own settings and title. */
export const useSessionView = () => useLive((s) => s.live?.session);

/** The running café as this member sees it (a café session with its state loaded). */
export const useCafeLive = () => useLive((s) => s.live?.cafe);

/**
 * Part of the Town Hall, compared field by field (`useShallow`): `select` may return a fresh
 * object of slices, and the component re-renders only when one of those slices changed.
 * Undefined when this is no Town Hall or nothing is loaded yet.
 */
export function useTownhall<T>(select: (townhall: TownhallLive) => T): T | undefined {
  return useLive(useShallow((s) => (s.live?.townhall ? select(s.live.townhall) : undefined)));
}
