import { describe, expect, it } from 'vitest';
import { cafeFacts, PEOPLE, townhallFacts } from '../../../../../test/fixtures/record-facts.js';
import type { FactPerson, RecordFacts } from '../../record/facts.js';
import type { Attribution, StakeholderGroup } from '../../words.js';
import { sessionEvidence } from './from-facts.js';
import { seriesStatistics } from './statistics.js';
import { consultationFacts } from './test-facts.js';

function crowd(groups: Partial<Record<StakeholderGroup, number>>): FactPerson[] {
  return Object.entries(groups).flatMap(([group, n]) =>
    Array.from({ length: n }, (_, i) => ({
      id: `${group}-${i}`,
      displayName: null,
      role: 'participant' as const,
      mode: i % 2 ? ('remote' as const) : ('in-room' as const),
      stakeholderGroup: group as StakeholderGroup,
      removed: false,
      language: 'en' as const,
    })),
  );
}
const source = (facts: RecordFacts, series: Attribution = 'named') => ({ facts, items: sessionEvidence(facts, series).items });

describe('series statistics (SER71–SER73)', () => {
  it('SER71 people per format, in the room / remote, contributions per format; staff and removed people not counted', () => {
    const stats = seriesStatistics([source(cafeFacts('named')), source(townhallFacts('named')), source(consultationFacts('named'))], 'named', 5);
    // PEOPLE: 4 participants (host included) of 6; the facilitator and a removed one are not counted.
    expect(stats.peopleByFormat).toEqual({ cafe: 4, townhall: 4, consultation: 4 });
    expect(stats.byMode).toEqual({ 'in-room': 6, remote: 6 });
    expect(stats.contributionsByFormat).toEqual({ cafe: 4, townhall: 5, consultation: 3 });
    expect(stats.total).toEqual({ people: 12, contributions: 12 });
    expect(stats.sessions.map((s) => s.sessionId)).toEqual(['sid-cafe-1', 'sid-th-1', 'sid-con-1']);
    expect(stats.computedAt).toBe(5);
    expect(PEOPLE).toHaveLength(6);
  });

  it('SER72 a group or language of 1 or 2 across the series is not shown (null)', () => {
    const big = { ...cafeFacts('named'), people: crowd({ government: 5, academia: 2, 'civil-society': 4 }) };
    const stats = seriesStatistics([source(big)], 'named', 0);
    expect(stats.byGroup.government).toBe(5);
    expect(stats.byGroup.academia).toBeNull();
    expect(stats.byGroup['private-sector']).toBe(0);
    expect(stats.byLanguage.en).toBe(11);
  });

  it('SER73 an anonymous session adds only the group counts its own record shows', () => {
    const named = { ...cafeFacts('named'), people: crowd({ government: 5, academia: 3 }) };
    // Alone, academia 2 and other 1 hide each other and the next smallest (ATTR5): the record shows none of them.
    const anonymous = { ...townhallFacts('anonymous'), people: crowd({ government: 4, academia: 2, other: 1 }) };
    const stats = seriesStatistics([source(named), source(anonymous)], 'named', 0);
    expect(stats.byGroup.academia).toBe(3);
    expect(stats.byGroup.other).toBe(0);
    expect(stats.total.people).toBe(15);
  });
});
