// buildRecord: the facts gathered from storage → the record, with the session's attribution
// applied here and nowhere else (REC1–REC8, docs/record.md). Pure: time is a parameter.
import { groupCountsUnder, isParticipantRole } from '../attendance.js';
import { MODES, STAKEHOLDER_GROUPS, type Attribution, type StakeholderGroup } from '../words.js';
import { buildCafe } from './build-cafe.js';
import { buildConsultation } from './build-consultation.js';
import { buildTownhall } from './build-townhall.js';
import { contributions } from './contributions.js';
import type { FactPerson, RecordFacts } from './facts.js';
import { RECORD_SCHEMA_ID, RECORD_SCHEMA_VERSION, type Attendance, type RecordHubs, type SessionRecordDocument } from './types.js';

/** REC1: participants only (ATTEND1); under `anonymous` groups of 1 or 2 show no count (ATTR5). */
function attendance(people: readonly FactPerson[], attribution: Attribution): Attendance {
  const byGroup = Object.fromEntries(STAKEHOLDER_GROUPS.map((g) => [g, 0])) as Record<StakeholderGroup, number>;
  const byMode = Object.fromEntries(MODES.map((m) => [m, 0])) as Attendance['byMode'];
  let total = 0;
  for (const person of people) {
    if (person.removed || !isParticipantRole(person.role)) continue; // ATTEND1: staff and observers apart
    total++;
    byGroup[person.stakeholderGroup]++;
    byMode[person.mode]++;
  }
  return { total, byGroup: groupCountsUnder(byGroup, attribution), byMode };
}

/** Fewer hubs than this naming a group: the group is left out of the hubs by group (HUB40). */
export const MIN_HUBS_PER_GROUP = 3;

/**
 * HUB40: the hubs that took part (joined and not removed), or undefined when none did. Under
 * `named` each hub; under `group` how many hubs named each group (fewer than 3 left out); under
 * `anonymous` only how many hubs and people.
 */
export function recordHubs(people: readonly FactPerson[], attribution: Attribution): RecordHubs | undefined {
  const hubs = people.flatMap((p) => (p.role === 'hub' && !p.removed && p.hub ? [p.hub] : []));
  if (hubs.length === 0) return undefined;
  const base = { count: hubs.length, people: hubs.reduce((sum, hub) => sum + hub.headcount, 0) };
  if (attribution === 'named') return { ...base, list: hubs.map((hub) => ({ name: hub.name, place: hub.place, headcount: hub.headcount, groups: [...hub.groups] })) };
  if (attribution === 'anonymous') return base;
  const byGroup: Partial<Record<StakeholderGroup, number>> = {};
  for (const group of STAKEHOLDER_GROUPS) {
    const naming = hubs.filter((hub) => hub.groups.includes(group)).length;
    if (naming >= MIN_HUBS_PER_GROUP) byGroup[group] = naming;
  }
  return { ...base, byGroup };
}

export function buildRecord(facts: RecordFacts, generatedAt: number): SessionRecordDocument {
  const { attribution } = facts.session;
  const people = new Map(facts.people.map((p) => [p.id, p]));
  const cafe = facts.cafe ? buildCafe(facts.cafe, attribution) : null;
  const hubs = recordHubs(facts.people, attribution);
  const townhall = facts.townhall ? buildTownhall(facts.townhall, attribution, (id) => people.get(id), facts.session.languages) : null;
  return {
    schema: RECORD_SCHEMA_ID,
    schemaVersion: RECORD_SCHEMA_VERSION,
    session: {
      title: facts.session.title,
      format: facts.session.format,
      languages: [...facts.session.languages],
      attribution,
      date: facts.session.createdAt,
      endedAt: facts.session.endedAt,
    },
    generatedAt,
    attendance: attendance(facts.people, attribution),
    ...(hubs && { hubs }),
    synthesis: facts.synthesis,
    cafe,
    townhall,
    contributions: contributions(cafe, townhall),
    // Only a consultation has the key: a café's or a Town Hall's JSON stays as it was.
    ...(facts.consultation ? { consultation: buildConsultation(facts.consultation, attribution) } : {}),
  };
}
