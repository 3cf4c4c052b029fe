// The seating planner's inputs and outputs (docs/seating.md; rules SEAT1…SEAT10).
import type { Mode, StakeholderGroup } from '../words.js';

export const TABLE_KINDS = ['in-room', 'remote', 'hybrid'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

export interface SeatingParticipant {
  id: string;
  mode: Mode;
  stakeholderGroup: StakeholderGroup;
  /** A table host sits at this table in every round (SEAT1). */
  hostTableId?: string | undefined;
}

export interface SeatingTable {
  id: string;
  kind: TableKind;
  /** Seats, ≥ 1. */
  capacity: number;
  /**
   * SEAT11: a hub's table: the hub (this participant) sits here alone in every round, and nobody
   * else ever does; the people in the hub's room discuss together. Absent or null: any table.
   */
  hubParticipantId?: string | null | undefined;
}

/** One round: table id → ids of the people seated there. Every table has an entry. */
export type RoundSeating = Record<string, string[]>;

export interface SeatingPlan {
  /** rounds[0] is the first round. */
  rounds: RoundSeating[];
}

export interface SeatingInput {
  participants: readonly SeatingParticipant[];
  tables: readonly SeatingTable[];
  /** Number of rounds in the whole plan, locked ones included. */
  rounds: number;
  seed: number;
  /** Rounds already run or fixed by the facilitator: kept as they are, and counted as meetings. */
  lockedRounds?: readonly RoundSeating[] | undefined;
  /** Search effort multiplier (default 1); the work is counted, never timed, so a seed stays deterministic. */
  effort?: number | undefined;
}

export interface TableDiversity {
  tableId: string;
  size: number;
  /** Normalised Shannon entropy of stakeholder groups, 0..1, relative to the best the room's mix allows at this size. */
  diversity: number;
}

export interface HybridMix {
  tableId: string;
  inRoom: number;
  remote: number;
}

export interface SeatingFigures {
  /** Pairs of people who sit together in more than one round. */
  repeatedPairs: number;
  /** A proven lower bound on repeatedPairs for these table sizes and mixes (0 when counting proves nothing). */
  repeatedPairsLowerBound: number;
  /** Σ over pairs of (times together − 1): what the planner minimises, as it spreads unavoidable repeats thinly. */
  repeatedMeetings: number;
  /** A proven lower bound on repeatedMeetings for these table sizes and mixes. */
  repeatedMeetingsLowerBound: number;
  /** SEAT10: times a non-host sits at the same table as in the round before. */
  stays: number;
  /** A lower bound on stays that the table sizes prove (0: the capacities allow everyone to move). */
  staysLowerBound: number;
  /** People-weighted mean of table diversity over all rounds, 0..1. */
  diversity: number;
  /** diversityByRound[r][i]: one entry per table with people, in table order. */
  diversityByRound: TableDiversity[][];
  /** hybridMixByRound[r]: in-room / remote counts at each hybrid table. */
  hybridMixByRound: HybridMix[][];
}

export type SeatingErrorCode =
  | 'invalid-input'
  | 'no-tables'
  | 'duplicate-id'
  | 'unknown-table'
  | 'host-table-kind'
  | 'host-table-full'
  | 'not-enough-seats'
  | 'invalid-locked-rounds'
  | 'no-seat'
  | 'unknown-participant'
  | 'hub-table';

export interface SeatingError {
  code: SeatingErrorCode;
  message: string;
}

export type SeatingResult = { ok: true; plan: SeatingPlan; figures: SeatingFigures } | { ok: false; error: SeatingError };
