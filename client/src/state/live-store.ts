import type { AttendanceCounts } from '@open-talks/shared';
import type { CafeView, ErrorCode, ParticipantView, SessionState } from '@open-talks/shared/protocol';
import { create, type StateCreator } from 'zustand';

export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'refused';

interface ConnectionSlice {
  status: ConnectionStatus;
  /** Why the server refused us, when status is 'refused' ('removed', 'unauthenticated', …). */
  refusal: ErrorCode | undefined;
  setStatus(status: ConnectionStatus, refusal?: ErrorCode): void;
}

interface SessionSlice {
  live: SessionState | undefined;
  applyState(state: SessionState): void;
  applyAttendance(attendance: AttendanceCounts): void;
  applyMe(me: ParticipantView): void;
  reset(): void;
}

interface CafeSlice {
  /** The café set-up and plan, for staff screens; undefined until fetched. */
  cafe: CafeView | undefined;
  applyCafe(cafe: CafeView): void;
}

interface PeopleSlice {
  upsertParticipant(participant: ParticipantView): void;
  dropParticipant(participantId: string): void;
}

export type LiveStore = ConnectionSlice & SessionSlice & PeopleSlice & CafeSlice;

const connectionSlice: StateCreator<LiveStore, [], [], ConnectionSlice> = (set) => ({
  status: 'idle',
  refusal: undefined,
  setStatus: (status, refusal) => set({ status, refusal }),
});

const sessionSlice: StateCreator<LiveStore, [], [], SessionSlice> = (set) => ({
  live: undefined,
  applyState: (state) => set({ live: state }),
  applyAttendance: (attendance) => set(({ live }) => (live ? { live: { ...live, attendance } } : {})),
  applyMe: (me) =>
    set(({ live }) => {
      if (!live || live.viewer.kind !== 'participant') return {};
      const participants = live.participants?.map((p) => (p.id === me.id ? { ...me, online: p.online } : p));
      return { live: { ...live, viewer: { kind: 'participant', participant: me }, ...(participants && { participants }) } };
    }),
  reset: () => set({ live: undefined, cafe: undefined, status: 'idle', refusal: undefined }),
});

const peopleSlice: StateCreator<LiveStore, [], [], PeopleSlice> = (set) => ({
  upsertParticipant: (participant) =>
    set(({ live }) => {
      if (!live?.participants) return {};
      const index = live.participants.findIndex((p) => p.id === participant.id);
      const participants = [...live.participants];
      if (index === -1) participants.push(participant);
      else participants[index] = participant;
      return { live: { ...live, participants } };
    }),
  dropParticipant: (participantId) =>
    set(({ live }) => (live?.participants ? { live: { ...live, participants: live.participants.filter((p) => p.id !== participantId) } } : {})),
});

const cafeSlice: StateCreator<LiveStore, [], [], CafeSlice> = (set) => ({
  cafe: undefined,
  applyCafe: (cafe) => set({ cafe }),
});

/** The live session this tab shows: changed only through these actions, by client/src/net. */
export const useLive = create<LiveStore>()((...a) => ({
  ...connectionSlice(...a),
  ...sessionSlice(...a),
  ...peopleSlice(...a),
  ...cafeSlice(...a),
}));

/** The participant this browser is, if it is one (not the projector). */
export function selectMe(store: LiveStore): ParticipantView | undefined {
  return store.live?.viewer.kind === 'participant' ? store.live.viewer.participant : undefined;
}
