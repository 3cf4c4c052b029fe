import { MODES, ROLES, STAKEHOLDER_GROUPS, type Mode, type Role, type StakeholderGroup } from './words.js';

export interface AttendanceCounts {
  /** People with at least one open connection. */
  present: number;
  /** Everyone who joined and was not removed, connected or not. */
  joined: number;
  byMode: Record<Mode, number>;
  byGroup: Record<StakeholderGroup, number>;
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

/** Counts by mode, stakeholder group and role, over the people present now. */
export function countAttendance(entries: Iterable<AttendanceEntry>): AttendanceCounts {
  const counts: AttendanceCounts = {
    present: 0,
    joined: 0,
    byMode: zeroes(MODES),
    byGroup: zeroes(STAKEHOLDER_GROUPS),
    byRole: zeroes(ROLES),
  };
  for (const entry of entries) {
    counts.joined++;
    if (!entry.online) continue;
    counts.present++;
    counts.byMode[entry.mode]++;
    counts.byGroup[entry.stakeholderGroup]++;
    counts.byRole[entry.role]++;
  }
  return counts;
}
