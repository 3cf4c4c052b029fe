import { hideSmallCounts } from './small-counts.js';
import { MODES, ROLES, STAKEHOLDER_GROUPS, type Attribution, type Mode, type Role, type StakeholderGroup } from './words.js';

/**
 * Who counts as a participant in attendance (ATTEND1): people who take part, at a table or in the
 * hall. The facilitator, moderators, rapporteurs, captioners and observers run, write up or watch
 * the session: they are counted apart (in `byRole`), never in the participants' figures.
 */
export const PARTICIPANT_ROLES: ReadonlySet<Role> = new Set<Role>(['participant', 'host']);

export function isParticipantRole(role: Role): boolean {
  return PARTICIPANT_ROLES.has(role);
}

export interface AttendanceCounts {
  /** Everyone with at least one open connection, staff and observers included (PRES1). */
  present: number;
  /** Everyone who joined and was not removed, connected or not. */
  joined: number;
  /** Participants only (ATTEND1): what screens and the record call attendance. */
  participants: { present: number; joined: number };
  /** Participants present, by mode. */
  byMode: Record<Mode, number>;
  /** Participants present, by stakeholder group; null: not shown under `anonymous` (ATTR5, `hideSmallCounts`). */
  byGroup: Record<StakeholderGroup, number | null>;
  /** Everyone present, by role. */
  byRole: Record<Role, number>;
}

export interface AttendanceEntry {
  mode: Mode;
  stakeholderGroup: StakeholderGroup;
  role: Role;
  online: boolean;
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/**
 * Counts by mode and stakeholder group (participants) and by role (everyone), over the people
 * present now. Under `anonymous` small groups are left out (ATTR5): one person from a group
 * would otherwise be named by their group's count.
 */
export function countAttendance(entries: Iterable<AttendanceEntry>, attribution: Attribution = 'named'): AttendanceCounts {
  const byGroup = zeroes(STAKEHOLDER_GROUPS);
  const counts: AttendanceCounts = {
    present: 0,
    joined: 0,
    participants: { present: 0, joined: 0 },
    byMode: zeroes(MODES),
    byGroup,
    byRole: zeroes(ROLES),
  };
  for (const entry of entries) {
    const participant = isParticipantRole(entry.role);
    counts.joined++;
    if (participant) counts.participants.joined++;
    if (!entry.online) continue;
    counts.present++;
    counts.byRole[entry.role]++;
    if (!participant) continue;
    counts.participants.present++;
    counts.byMode[entry.mode]++;
    byGroup[entry.stakeholderGroup]++;
  }
  counts.byGroup = groupCountsUnder(byGroup, attribution);
  return counts;
}

/**
 * Counts by stakeholder group as the attribution lets them be seen, live and in the record
 * (ATTR5, REC1): under `anonymous` a group of 1 or 2 shows `null` ("not shown"), and so do as many
 * others as it takes for the total not to give those back by subtraction (`hideSmallCounts`).
 */
export function groupCountsUnder(byGroup: Readonly<Record<StakeholderGroup, number>>, attribution: Attribution): Record<StakeholderGroup, number | null> {
  if (attribution !== 'anonymous') return { ...byGroup };
  return hideSmallCounts(byGroup, STAKEHOLDER_GROUPS);
}
