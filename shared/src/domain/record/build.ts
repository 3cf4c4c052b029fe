// buildRecord: the facts gathered from storage → the record, with the session's attribution
// applied here and nowhere else (REC1–REC8, docs/record.md). Pure: time is a parameter.
import { groupCountsUnder, isParticipantRole } from '../attendance.js';
import { MODES, STAKEHOLDER_GROUPS, type Attribution, type StakeholderGroup } from '../words.js';
import { buildCafe } from './build-cafe.js';
import { buildConsultation } from './build-consultation.js';
import { buildTownhall } from './build-townhall.js';
import { contributions } from './contributions.js';
import type { FactPerson, RecordFacts } from './facts.js';
import { RECORD_SCHEMA_ID, RECORD_SCHEMA_VERSION, type Attendance, type SessionRecordDocument } from './types.js';

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

export function buildRecord(facts: RecordFacts, generatedAt: number): SessionRecordDocument {
  const { attribution } = facts.session;
  const people = new Map(facts.people.map((p) => [p.id, p]));
  const cafe = facts.cafe ? buildCafe(facts.cafe, attribution) : null;
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
    synthesis: facts.synthesis,
    cafe,
    townhall,
    contributions: contributions(cafe, townhall),
    // Only a consultation has the key: a café's or a Town Hall's JSON stays as it was.
    ...(facts.consultation ? { consultation: buildConsultation(facts.consultation, attribution) } : {}),
  };
}
