import type { CafeLiveUpdate, CafePublicView, CafeView, PromptView, RoundTimerPayload, SeatView, SessionState } from '@open-talks/shared/protocol';

// The café's deltas as pure functions. A café change can concern two places: the running café
// everyone sees (`live.cafe`) and the staff's set-up and plan (`cafe`); each reducer returns
// only the ones it changed, as zustand's `set` takes them.

export interface CafeData {
  live: SessionState | undefined;
  cafe: CafeView | undefined;
}

export const PROMPTS_KEPT = 20;

/**
 * A new public view. Without `tables` (a participant's round start, CAFE-PERF2) the table map this
 * screen has stays: the tables did not change, only who sits where, and the seat says that.
 */
export function withCafeLive({ live, cafe }: CafeData, update: CafeLiveUpdate): Partial<CafeData> {
  return {
    ...(live?.cafe && { live: { ...live, cafe: { ...live.cafe, live: { ...update, tables: update.tables ?? live.cafe.live.tables } } } }),
    ...(cafe && { cafe: { ...cafe, run: update.run } }),
  };
}

export function withSeat({ live }: CafeData, seat: SeatView | null): Partial<CafeData> {
  return live?.cafe ? { live: { ...live, cafe: { ...live.cafe, seat } } } : {};
}

/** The round paused, resumed or extended: the running café's view with only its run changed. */
export function withRoundTimer(state: CafeData, { round, timer }: RoundTimerPayload): Partial<CafeData> {
  return withCafeLive(state, { ...state.live?.cafe?.live, run: { round, timer } } as CafePublicView);
}

/** A prompt to everyone goes to the café's list, one to this person's table to their seat; each keeps the last PROMPTS_KEPT, a resent one moved last. */
export function withPrompt({ live, cafe }: CafeData, prompt: PromptView): Partial<CafeData> {
  const keep = (list: PromptView[]) => [...list.filter((p) => p.id !== prompt.id), prompt].slice(-PROMPTS_KEPT);
  const next: Partial<CafeData> = {};
  if (cafe) next.cafe = { ...cafe, prompts: keep(cafe.prompts) };
  if (live?.cafe) {
    const { seat } = live.cafe;
    const toMyTable = seat && prompt.tableId === seat.table.id;
    next.live = {
      ...live,
      cafe: {
        live: prompt.tableId === null ? { ...live.cafe.live, prompts: keep(live.cafe.live.prompts) } : live.cafe.live,
        seat: toMyTable ? { ...seat, prompts: keep(seat.prompts) } : seat,
      },
    };
  }
  return next;
}
