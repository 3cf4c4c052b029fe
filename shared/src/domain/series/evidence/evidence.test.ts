import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cafeFacts, IDS, NAMES, townhallFacts } from '../../../../../test/fixtures/record-facts.js';
import { ATTRIBUTIONS, type Attribution } from '../../words.js';
import { stricterAttribution } from '../attribution.js';
import { evidenceFacets, filterEvidence } from './filter.js';
import { parseEvidenceKey } from './keys.js';
import { seriesEvidenceOf, sessionEvidence } from './from-facts.js';
import { consultationFacts } from './test-facts.js';

const builders = [cafeFacts, townhallFacts, consultationFacts];

describe('evidence items (SER4)', () => {
  it('SER60 a café gives its themes and every key idea with theme, table and round', () => {
    const { items } = sessionEvidence(cafeFacts('named'), 'named');
    expect(items.filter((i) => i.kind === 'cafe-theme').map((i) => [i.text, i.detail.ideas])).toEqual([['Openness & reuse', 2]]);
    const ideas = items.filter((i) => i.kind === 'cafe-idea');
    expect(ideas.map((i) => i.key)).toEqual(['sid-cafe-1:cafe-idea:tA/1/i1', 'sid-cafe-1:cafe-idea:tA/1/i2', 'sid-cafe-1:cafe-idea:tB/1/i3', 'sid-cafe-1:cafe-idea:tB/2/i4']);
    expect(ideas[0]).toMatchObject({ theme: 'Openness & reuse', detail: { table: 'Table 1', round: 1 }, credit: { name: 'Amina Diallo', group: 'civil-society' } });
    expect(ideas[1]!.theme).toBeNull();
  });

  it('SER61 a Town Hall gives the questions the room saw, polls and turns; merged and hidden ones are fates', () => {
    const { items, fates } = sessionEvidence(townhallFacts('named'), 'named');
    const questions = items.filter((i) => i.kind === 'townhall-question');
    expect(questions.map((q) => [q.key, q.detail.votes, q.detail.status])).toEqual([
      ['sid-th-1:townhall-question:q1', 3, 'visible'],
      ['sid-th-1:townhall-question:q2', 5, 'answered'],
      ['sid-th-1:townhall-question:q4', 1, 'visible'],
    ]);
    expect(questions[2]!.credit).toEqual({ name: null, group: null }); // asked anonymously
    expect(fates.get('sid-th-1:townhall-question:q3')).toEqual({ change: 'merged', into: 'sid-th-1:townhall-question:q2' });
    expect(fates.get('sid-th-1:townhall-question:q5')).toEqual({ change: 'hidden' });
    expect(fates.get('sid-th-1:townhall-question:q6')).toEqual({ change: 'hidden' });
    expect(items.find((i) => i.kind === 'poll')!.detail.results).toEqual([
      { label: 'Access', count: 3 },
      { label: 'Skills', count: 1 },
    ]);
    expect(items.filter((i) => i.kind === 'speaker-turn').map((i) => i.text)).toEqual(['Audits', '']);
  });

  it('SER62 a consultation gives contributions (title and text, supports, response, theme, language) and opinion groups', () => {
    const { items } = sessionEvidence(consultationFacts('named'), 'named');
    const k1 = items.find((i) => i.key === 'sid-con-1:consultation-contribution:k1')!;
    expect(k1).toMatchObject({
      text: 'Open the data\n\nAll of it.',
      theme: 'access',
      language: 'fr',
      detail: { supports: 2, status: 'taken-up', response: { status: 'taken-up', text: 'We will.' } },
    });
    expect(items.find((i) => i.key.endsWith(':k2'))!.text).toBe('Fund research.');
    expect(items.find((i) => i.key.endsWith(':k3'))!.credit).toEqual({ name: null, group: null });
    expect(items.filter((i) => i.kind === 'opinion-group').map((i) => [i.key, i.detail.size])).toEqual([
      ['sid-con-1:opinion-group:cq1/0', 5],
      ['sid-con-1:opinion-group:cq1/1', 4],
    ]);
  });

  it('SER63 every key is <sessionId>:<kind>:<stored id> and unique; no participant id in any item', () => {
    const { items } = seriesEvidenceOf(
      builders.map((b) => b('named')),
      'named',
    );
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
    for (const i of items) expect(parseEvidenceKey(i.key)).toMatchObject({ sessionId: i.sessionId, kind: i.kind });
    const json = JSON.stringify(items);
    for (const id of IDS) expect(json).not.toContain(id);
  });

  it('SER2 property: an item never shows more than its session (or the series) allows', () => {
    fc.assert(
      fc.property(fc.constantFrom<Attribution>(...ATTRIBUTIONS), fc.constantFrom<Attribution>(...ATTRIBUTIONS), fc.constantFrom(...builders), (series, session, build) => {
        const { items } = sessionEvidence(build(session), series);
        const shown = stricterAttribution(series, session);
        for (const i of items) {
          if (shown !== 'named') expect(i.credit.name).toBeNull();
          if (shown === 'anonymous') {
            expect(i.credit.group).toBeNull();
            if (i.kind !== 'consultation-contribution') expect(i.language).toBeNull();
          }
        }
        if (shown !== 'named') for (const name of NAMES) expect(JSON.stringify(items)).not.toContain(name);
      }),
    );
  });
});

describe('filters and facets (SER64)', () => {
  const { items } = seriesEvidenceOf(
    builders.map((b) => b('named')),
    'named',
  );

  it('SER64 filters by session, kind, theme, group, language and every word of the search', () => {
    expect(filterEvidence(items, { session: 'sid-th-1', kind: 'poll' }).items).toHaveLength(1);
    expect(filterEvidence(items, { theme: 'access' }).items.map((i) => i.key)).toEqual(['sid-con-1:consultation-contribution:k1', 'sid-con-1:consultation-contribution:k3']);
    expect(filterEvidence(items, { group: 'academia' }).items.every((i) => i.credit.group === 'academia')).toBe(true);
    expect(filterEvidence(items, { language: 'en' }).items.map((i) => i.key)).toContain('sid-con-1:consultation-contribution:k2');
    expect(filterEvidence(items, { q: 'OPEN data' }).items.map((i) => i.text)).toEqual(['Open data by default', 'Open the data\n\nAll of it.']);
  });

  it('SER64 pages with a cursor until next is null', () => {
    const first = filterEvidence(items, {}, 0, 5);
    expect(first.items).toHaveLength(5);
    const all = [];
    for (let cursor: number | null = 0; cursor !== null;) {
      const page = filterEvidence(items, {}, cursor, 5);
      all.push(...page.items);
      cursor = page.next;
    }
    expect(all).toEqual(items);
  });

  it('SER65 facets count per value; a group under 3 shows no count', () => {
    const facets = evidenceFacets(items);
    expect(facets.total).toBe(items.length);
    expect(facets.sessions.map((s) => s.value)).toEqual(['sid-cafe-1', 'sid-th-1', 'sid-con-1']);
    for (const g of facets.groups) expect(g.count === null || g.count >= 3).toBe(true);
    expect(facets.groups.find((g) => g.value === 'academia')).toEqual({ value: 'academia', count: null });
    expect(facets.kinds.find((k) => k.value === 'townhall-question')!.count).toBe(3);
  });
});
