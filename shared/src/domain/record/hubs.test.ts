import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTIONS, STAKEHOLDER_GROUPS, type Attribution } from '../words.js';
import { buildRecord, MIN_HUBS_PER_GROUP, recordHubs } from './build.js';
import { HUB_PEOPLE, HUB_WORDS, T0, townhallFacts, townhallHubFacts } from '../../../../test/fixtures/record-facts.js';
import type { FactPerson } from './facts.js';

// HUB40, HUB41 (docs/hubs.md, docs/record.md): which hubs took part, as the attribution allows,
// and the hub's credit on what it asked and said.

const NOW = T0 + 3_600_000;
const NAIROBI = HUB_PEOPLE[0]!.hub!;

describe('hubs in the record (HUB40)', () => {
  it('HUB40 under named: each hub that took part with its name, place, headcount and groups; the removed one left out', () => {
    const record = buildRecord(townhallHubFacts('named'), NOW);
    expect(record.hubs).toEqual({
      count: 3,
      people: 75,
      list: [
        { name: 'Nairobi Hubhouse', place: 'iHub Kilimani', headcount: 25, groups: ['civil-society', 'academia'] },
        { name: 'Lima Hubhouse', place: 'Biblioteca Miraflores', headcount: 38, groups: ['government', 'academia'] },
        { name: 'Dakar Hubhouse', place: 'UCAD Fann', headcount: 12, groups: ['academia', 'civil-society'] },
      ],
    });
    expect(JSON.stringify(record)).not.toContain('Gone Hubhouse');
  });

  it('HUB40 under group: the counts and the groups named by 3 hubs or more, no hub named', () => {
    const record = buildRecord(townhallHubFacts('group'), NOW);
    // Academia: 3 hubs; civil society 2 and government 1 are left out.
    expect(record.hubs).toEqual({ count: 3, people: 75, byGroup: { academia: 3 } });
    const json = JSON.stringify(record);
    for (const word of HUB_WORDS) expect(json).not.toContain(word);
  });

  it('HUB40 under anonymous: only how many hubs and people', () => {
    const record = buildRecord(townhallHubFacts('anonymous'), NOW);
    expect(record.hubs).toEqual({ count: 3, people: 75 });
    const json = JSON.stringify(record);
    for (const word of HUB_WORDS) expect(json).not.toContain(word);
  });

  it('HUB40 without hubs the record has no hubs key (a record stays as it was)', () => {
    for (const attribution of ATTRIBUTIONS) expect(buildRecord(townhallFacts(attribution), NOW)).not.toHaveProperty('hubs');
  });

  it('HUB40 HUB11 hubs are not counted among the participants of the attendance', () => {
    for (const attribution of ATTRIBUTIONS) {
      expect(buildRecord(townhallHubFacts(attribution), NOW).attendance.total).toBe(buildRecord(townhallFacts(attribution), NOW).attendance.total);
    }
  });

  const hubArb = fc.record({
    headcount: fc.integer({ min: 1, max: 500 }),
    groups: fc.uniqueArray(fc.constantFrom(...STAKEHOLDER_GROUPS), { minLength: 1 }),
    removed: fc.boolean(),
  });

  it('HUB40 over any hubs: people add up the headcounts that took part; groups under 3 hubs never show; names only under named', () => {
    fc.assert(
      fc.property(fc.array(hubArb, { maxLength: 12 }), fc.constantFrom<Attribution>(...ATTRIBUTIONS), (hubs, attribution) => {
        const people: FactPerson[] = hubs.map((h, i) => ({
          id: `h${i}`,
          displayName: `Coordinator ${i}`,
          role: 'hub',
          mode: 'remote',
          stakeholderGroup: h.groups[0]!,
          removed: h.removed,
          hub: { name: `Hub ${i}`, place: `Place ${i}`, headcount: h.headcount, groups: h.groups },
        }));
        const took = hubs.filter((h) => !h.removed);
        const shown = recordHubs(people, attribution);
        if (took.length === 0) {
          expect(shown).toBeUndefined();
          return;
        }
        expect(shown?.count).toBe(took.length);
        expect(shown?.people).toBe(took.reduce((sum, h) => sum + h.headcount, 0));
        expect(shown?.list !== undefined).toBe(attribution === 'named');
        expect(shown?.byGroup !== undefined).toBe(attribution === 'group');
        for (const [group, count] of Object.entries(shown?.byGroup ?? {})) {
          expect(count).toBeGreaterThanOrEqual(MIN_HUBS_PER_GROUP);
          expect(count).toBe(took.filter((h) => h.groups.includes(group as (typeof STAKEHOLDER_GROUPS)[number])).length);
        }
        if (attribution !== 'named') expect(JSON.stringify(shown)).not.toMatch(/Hub \d|Place \d|Coordinator/);
      }),
    );
  });
});

describe("a hub's credit in the record (HUB41)", () => {
  const hubQuestion = (attribution: Attribution) => buildRecord(townhallHubFacts(attribution), NOW).townhall!.questions.find((q) => q.text === 'How will hubs be heard?')!;
  const hubTurn = (attribution: Attribution) => buildRecord(townhallHubFacts(attribution), NOW).townhall!.speakers.find((s) => s.topic === 'Hubs')!;

  it('HUB41 named: the question, the floor turn and the annex carry the hub with its name, place and headcount', () => {
    const hub = { name: NAIROBI.name, place: NAIROBI.place, headcount: 25 };
    expect(hubQuestion('named').credit).toEqual({ name: 'Wanjiru Coordinates', group: 'civil-society', hub });
    expect(hubTurn('named').credit).toEqual({ name: 'Wanjiru Coordinates', group: 'civil-society', hub });
    const annex = buildRecord(townhallHubFacts('named'), NOW).contributions.find((c) => c.text === 'How will hubs be heard?');
    expect(annex?.credit.hub).toEqual(hub);
  });

  it('HUB41 group: the headcount alone beside the group', () => {
    const hub = { name: null, place: null, headcount: 25 };
    expect(hubQuestion('group').credit).toEqual({ name: null, group: 'civil-society', hub });
    expect(hubTurn('group').credit).toEqual({ name: null, group: 'civil-society', hub });
  });

  it('HUB41 anonymous: nothing ties the question or the turn to a hub', () => {
    expect(hubQuestion('anonymous').credit).toEqual({ name: null, group: null });
    expect(hubTurn('anonymous').credit).toEqual({ name: null, group: null });
    expect(hubTurn('anonymous').mode).toBeNull();
  });

  it('HUB41 people who are not hubs carry no hub in their credit', () => {
    for (const attribution of ATTRIBUTIONS) {
      const record = buildRecord(townhallHubFacts(attribution), NOW);
      const others = record.contributions.filter((c) => c.text !== 'How will hubs be heard?');
      for (const c of others) expect(c.credit).not.toHaveProperty('hub');
    }
  });
});
