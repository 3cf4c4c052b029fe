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
  /**
   * Remote hubs (docs/hubs.md, HUB10–HUB14): groups watching together, each joined as one
   * participant (role `hub`, never in `participants`). "4 hubs, 63 people": `present` hubs and the
   * `people` they declared (their headcounts added up), beside the individuals above.
   */
  hubs: HubAttendance;
}

export interface HubAttendance {
  /** Hubs with an open connection. */
  present: number;
  /** Hubs that joined and were not removed, connected or not. */
  joined: number;
  /** People present through hubs: the present hubs' headcounts, added up (HUB11). */
  people: number;
  /**
   * Present hubs naming each stakeholder group among theirs; under `anonymous` a group of fewer
   * than 3 is not shown (`hideSmallCounts`, HUB13), as for individuals.
   */
  byGroup: Record<StakeholderGroup, number | null>;
}

export interface AttendanceEntry {
  mode: Mode;
  stakeholderGroup: StakeholderGroup;
  role: Role;
  online: boolean;
  /** A hub's registration: its headcount and groups (role `hub` only). */
  hub?: { headcount: number; groups: readonly StakeholderGroup[] } | undefined;
}

/** How many people one attendance entry stands for: a hub's headcount, else 1 (HUB11). */
export function peopleIn(entry: Pick<AttendanceEntry, 'role' | 'hub'>): number {
  return entry.role === 'hub' && entry.hub ? entry.hub.headcount : 1;
}

/** "4 hubs, 63 people" (HUB10), for screens that do not go through i18n plurals (exports). */
export function hubsSummary(hubs: Pick<HubAttendance, 'present' | 'people'>): string {
  return `${hubs.present} ${hubs.present === 1 ? 'hub' : 'hubs'}, ${hubs.people} ${hubs.people === 1 ? 'person' : 'people'}`;
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
    hubs: { present: 0, joined: 0, people: 0, byGroup: zeroes(STAKEHOLDER_GROUPS) },
  };
  const hubGroups = zeroes(STAKEHOLDER_GROUPS);
  for (const entry of entries) {
    const participant = isParticipantRole(entry.role);
    const hub = entry.role === 'hub';
    counts.joined++;
    if (participant) counts.participants.joined++;
    if (hub) counts.hubs.joined++;
    if (!entry.online) continue;
    counts.present++;
    counts.byRole[entry.role]++;
    if (hub) {
      counts.hubs.present++;
      counts.hubs.people += peopleIn(entry);
      for (const group of new Set(entry.hub?.groups ?? [entry.stakeholderGroup])) hubGroups[group]++;
    }
    if (!participant) continue;
    counts.participants.present++;
    counts.byMode[entry.mode]++;
    byGroup[entry.stakeholderGroup]++;
  }
  counts.byGroup = groupCountsUnder(byGroup, attribution);
  counts.hubs.byGroup = groupCountsUnder(hubGroups, attribution);
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
