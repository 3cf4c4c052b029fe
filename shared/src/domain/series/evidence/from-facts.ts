// A session's facts → its evidence items (SER4), under the stricter of the series' and the
// session's attribution (SER2), with the fates of stored items that are not evidence (SER5).
import type { RecordFacts } from '../../record/facts.js';
import type { Attribution } from '../../words.js';
import type { EvidenceItem } from '../types.js';
import { cafeEvidence } from './from-cafe.js';
import { consultationEvidence } from './from-consultation.js';
import { townhallEvidence } from './from-townhall.js';
import { sourceContext } from './context.js';
import type { EvidenceFates } from './fate.js';

export interface SessionEvidence {
  items: EvidenceItem[];
  fates: EvidenceFates;
}

export function sessionEvidence(facts: RecordFacts, seriesAttribution: Attribution): SessionEvidence {
  const ctx = sourceContext(facts, seriesAttribution);
  const fates: EvidenceFates = new Map();
  const people = new Map(facts.people.map((p) => [p.id, p]));
  const items = [
    ...(facts.cafe ? cafeEvidence(ctx, facts.cafe) : []),
    ...(facts.townhall ? townhallEvidence(ctx, facts.townhall, people, fates) : []),
    ...(facts.consultation ? consultationEvidence(ctx, facts.consultation) : []),
  ];
  return { items, fates };
}

/** Every session's evidence, in session order. */
export function seriesEvidenceOf(sessions: readonly RecordFacts[], seriesAttribution: Attribution): SessionEvidence {
  const fates: EvidenceFates = new Map();
  const items: EvidenceItem[] = [];
  for (const facts of sessions) {
    const one = sessionEvidence(facts, seriesAttribution);
    for (const i of one.items) items.push(i);
    for (const [k, f] of one.fates) fates.set(k, f);
  }
  return { items, fates };
}
