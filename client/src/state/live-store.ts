import type { AttendanceCounts } from '@open-talks/shared';
import type { ProjectorChoice } from '@open-talks/shared/projector';
import type {
  CafeLiveUpdate,
  CafeView,
  ContentVersions,
  ErrorCode,
  ParticipantView,
  PromptView,
  RoundTimerPayload,
  SeatView,
  SessionState,
  SessionView,
} from '@open-talks/shared/protocol';
import { create, type StateCreator } from 'zustand';
import { withCafeLive, withPrompt, withRoundTimer, withSeat, type CafeData } from './reducers/cafe';
import { withAttendance, withMe, withParticipant, withoutParticipant, withSession } from './reducers/session';
import { withProjector } from './reducers/projector';
import { withContentVersions } from './reducers/content';
import { townhallSlice, type TownhallSlice } from './townhall-slice';

/** 'replaced': the person opened too many connections and this, the oldest, was closed (LIMIT2). */
export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'refused' | 'replaced';

interface ConnectionSlice {
  status: ConnectionStatus;
  /** Why the server refused us, when status is 'refused' ('removed', 'unauthenticated', …). */
  refusal: ErrorCode | undefined;
  /** When status is 'replaced': how many connections a person may keep open. */
  connectionLimit: number | undefined;
  setStatus(status: ConnectionStatus, refusal?: ErrorCode): void;
  setReplaced(max: number): void;
}

interface SessionSlice {
  live: SessionState | undefined;
  applyState(state: SessionState): void;
  applyAttendance(attendance: AttendanceCounts): void;
  applySession(session: SessionView): void;
  applyMe(me: ParticipantView): void;
  /** PROJ1: what the projector shows. */
  applyProjector(projector: ProjectorChoice): void;
  /** LANG50: one text's versions in other languages changed. */
  applyContentVersions(entry: ContentVersions): void;
  reset(): void;
}

interface CafeSlice {
  /** The café set-up and plan, for staff screens; undefined until fetched. */
  cafe: CafeView | undefined;
  applyCafe(cafe: CafeView): void;
  /** The running café as everyone sees it, kept in `live.cafe`. */
  applyCafeLive(view: CafeLiveUpdate): void;
  applySeat(seat: SeatView | null): void;
  applyRoundTimer(payload: RoundTimerPayload): void;
  addPrompt(prompt: PromptView): void;
}

interface ClockSlice {
  /** Server clock minus this device's clock, ms (TIME9); 0 until measured. */
  clockOffset: number;
  setClockOffset(offset: number): void;
}

interface PeopleSlice {
  upsertParticipant(participant: ParticipantView): void;
  dropParticipant(participantId: string): void;
}

export type LiveStore = ConnectionSlice & SessionSlice & PeopleSlice & CafeSlice & ClockSlice & TownhallSlice;

const connectionSlice: StateCreator<LiveStore, [], [], ConnectionSlice> = (set) => ({
  status: 'idle',
  refusal: undefined,
  connectionLimit: undefined,
  setStatus: (status, refusal) => set({ status, refusal }),
  setReplaced: (max) => set({ status: 'replaced', refusal: undefined, connectionLimit: max }),
});

type Set = Parameters<StateCreator<LiveStore>>[0];
/** An action that applies `reducer` to `live`. */
const onLive =
  <P>(set: Set, reducer: (live: SessionState | undefined, payload: P) => SessionState | undefined) =>
  (payload: P) =>
    set(({ live }) => ({ live: reducer(live, payload) }));

const sessionSlice: StateCreator<LiveStore, [], [], SessionSlice> = (set) => ({
  live: undefined,
  applyState: (state) => set({ live: state }),
  applyAttendance: onLive(set, withAttendance),
  applySession: onLive(set, withSession),
  applyMe: onLive(set, withMe),
  applyProjector: onLive(set, withProjector),
  applyContentVersions: onLive(set, withContentVersions),
  reset: () => set({ live: undefined, cafe: undefined, status: 'idle', refusal: undefined }),
});

const peopleSlice: StateCreator<LiveStore, [], [], PeopleSlice> = (set) => ({
  upsertParticipant: onLive(set, withParticipant),
  dropParticipant: onLive(set, withoutParticipant),
});

const cafeSlice: StateCreator<LiveStore, [], [], CafeSlice> = (set) => {
  /** An action that applies `reducer` to the running café and the staff's set-up. */
  const on =
    <P>(reducer: (state: CafeData, payload: P) => Partial<CafeData>) =>
    (payload: P) =>
      set((state) => reducer(state, payload));
  return {
    cafe: undefined,
    applyCafe: (cafe) => set({ cafe }),
    applyCafeLive: on(withCafeLive),
    applySeat: on(withSeat),
    applyRoundTimer: on(withRoundTimer),
    addPrompt: on(withPrompt),
  };
};

const clockSlice: StateCreator<LiveStore, [], [], ClockSlice> = (set) => ({
  clockOffset: 0,
  setClockOffset: (clockOffset) => set({ clockOffset }),
});

/** The live session this tab shows: changed only through these actions, by client/src/net. */
export const useLive = create<LiveStore>()((...a) => ({
  ...connectionSlice(...a),
  ...sessionSlice(...a),
  ...peopleSlice(...a),
  ...cafeSlice(...a),
  ...clockSlice(...a),
  ...townhallSlice(...a),
}));

/** The participant this browser is, if it is one (not the projector). */
export function selectMe(store: LiveStore): ParticipantView | undefined {
  return store.live?.viewer.kind === 'participant' ? store.live.viewer.participant : undefined;
}
