import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTIONS, type Attribution } from '../words.js';
import { buildRecord } from './build.js';
import { MIN_ANONYMOUS_GROUP_BALLOTS } from './build-townhall.js';
import { creditFor } from './credit.js';
import { cafeFacts, IDS, NAMES, PEOPLE, T0, townhallFacts } from '../../../../test/fixtures/record-facts.js';
import type { FactPerson } from './facts.js';
import type { Credit, SessionRecordDocument } from './types.js';

const NOW = T0 + 3_600_000;

/** Every credit anywhere in the record. */
function credits(record: SessionRecordDocument): Credit[] {
  const out: Credit[] = record.contributions.map((c) => c.credit);
  for (const round of record.cafe?.rounds ?? []) for (const table of round.tables) out.push(...table.ideas.map((i) => i.credit));
  for (const theme of record.cafe?.harvest.themes ?? []) out.push(...theme.ideas.map((i) => i.credit));
  out.push(...(record.cafe?.harvest.unthemed ?? []).map((i) => i.credit));
  out.push(...(record.townhall?.questions ?? []).map((q) => q.credit));
  out.push(...(record.townhall?.speakers ?? []).map((s) => s.credit));
  return out;
}

describe('record attribution (REC2–REC4)', () => {
  for (const facts of [cafeFacts, townhallFacts]) {
    it(`REC2 named shows names and groups; no participant id anywhere (${facts.name})`, () => {
      const json = JSON.stringify(buildRecord(facts('named'), NOW));
      expect(credits(buildRecord(facts('named'), NOW)).some((c) => c.name !== null)).toBe(true);
      for (const id of IDS) expect(json).not.toContain(id);
    });

    it(`REC3 group shows groups, never a name (${facts.name})`, () => {
      const record = buildRecord(facts('group'), NOW);
      const json = JSON.stringify(record);
      for (const name of NAMES) expect(json).not.toContain(name);
      for (const id of IDS) expect(json).not.toContain(id);
      expect(credits(record).some((c) => c.group !== null)).toBe(true);
    });

    it(`REC4 anonymous shows neither names nor groups per person, nor ids (${facts.name})`, () => {
      const record = buildRecord(facts('anonymous'), NOW);
      const json = JSON.stringify(record);
      for (const name of NAMES) expect(json).not.toContain(name);
      for (const id of IDS) expect(json).not.toContain(id);
      for (const credit of credits(record)) expect(credit).toEqual({ name: null, group: null });
      for (const speaker of record.townhall?.speakers ?? []) expect(speaker.mode).toBeNull();
    });
  }

  it('REC2 creditFor: a property over every attribution and person', () => {
    fc.assert(
      fc.property(fc.constantFrom<Attribution>(...ATTRIBUTIONS), fc.option(fc.string()), fc.option(fc.constantFrom('academia', 'nonsense')), (attribution, name, group) => {
        const credit = creditFor(attribution, { name, group });
        if (attribution !== 'named') expect(credit.name).toBeNull();
        if (attribution === 'anonymous') expect(credit.group).toBeNull();
        expect(credit.group === null || credit.group === 'academia').toBe(true);
      }),
    );
  });

  it('REC5 the annex order does not depend on who wrote what (people permuted, same record)', () => {
    fc.assert(
      fc.property(fc.constantFrom<Attribution>('group', 'anonymous'), fc.shuffledSubarray(PEOPLE, { minLength: PEOPLE.length }), (attribution, shuffled) => {
        const facts = townhallFacts(attribution);
        expect(buildRecord({ ...facts, people: shuffled }, NOW)).toEqual(buildRecord(facts, NOW));
      }),
    );
  });
});

describe('record content', () => {
  it('REC7 the annex has every table note and key idea, then Town Hall questions, numbered from 1', () => {
    const record = buildRecord(cafeFacts('named'), NOW);
    expect(record.contributions.map((c) => [c.number, c.type, c.round, c.table])).toEqual([
      [1, 'notes', 1, 'Table 1'],
      [2, 'key-idea', 1, 'Table 1'],
      [3, 'key-idea', 1, 'Table 1'],
      [4, 'notes', 1, 'Remote 1'],
      [5, 'key-idea', 1, 'Remote 1'],
      [6, 'key-idea', 2, 'Remote 1'],
    ]);
    expect(record.cafe?.rounds[1]?.tables[0]).toEqual({ label: 'Table 1', kind: 'in-room', notes: '', notesLanguage: null, ideas: [] });
  });

  it('REC7a the harvest keeps its themes whole; unthemed, only marked ideas', () => {
    const facts = cafeFacts('named');
    const unmarked = { ...facts.cafe!.notes[0]!.ideas[1]!, key: 'tA/1/i2' };
    const record = buildRecord({ ...facts, cafe: { ...facts.cafe!, harvest: { ...facts.cafe!.harvest, unthemed: [...facts.cafe!.harvest.unthemed, unmarked] } } }, NOW);
    expect(record.cafe!.harvest.unthemed.map((i) => i.text)).toEqual(['Fund "local" hubs, not, just capitals']);
    expect(record.cafe!.harvest.themes[0]!.ideas).toHaveLength(2);
  });

  it('REC8 questions: most votes first, merged ones point to their target, hidden and pending ones are left out', () => {
    const th = buildRecord(townhallFacts('named'), NOW).townhall!;
    expect(th.questions.map((q) => [q.number, q.text, q.votes, q.status, q.mergedInto])).toEqual([
      [1, 'Who audits the models?', 5, 'answered', null],
      [2, 'How will small states take part?', 3, 'visible', null],
      [3, 'A secret question', 1, 'visible', null],
      [4, 'Same: who audits?', 0, 'merged', 1],
    ]);
    expect(th.questions[2]!.credit).toEqual({ name: null, group: null }); // asked anonymously
    expect(th.questions[0]!.credit).toEqual({ name: 'Boris Petrov', group: 'government' });
  });

  it('REC6 POLL13 anonymous poll breakdowns leave out groups under the minimum, and any group whose counts would give theirs back from the overall; others keep them', () => {
    const groups = (a: Attribution) => buildRecord(townhallFacts(a), NOW).townhall!.polls[0]!.byGroup.map((g) => g.group);
    expect(groups('group')).toEqual(['civil-society', 'academia']);
    // Overall Access 3 of 4; civil society (3 answers) Access 2: academia's one answer would be Access by subtraction.
    expect(groups('anonymous')).toEqual([]);
    const facts = townhallFacts('anonymous');
    const poll = facts.townhall!.polls[0]!;
    const summary = (access: number, skills: number) => ({
      ballots: access + skills,
      options: [
        { id: 'o1', label: 'Access', count: access },
        { id: 'o2', label: 'Skills', count: skills },
      ],
      rating: null,
      words: null,
    });
    const results = {
      ...poll.results,
      overall: summary(7, 4),
      byGroup: { 'civil-society': summary(2, 1), academia: summary(1, 0), government: summary(1, 1), other: summary(3, 2) },
    };
    const shown = buildRecord({ ...facts, townhall: { ...facts.townhall!, polls: [{ ...poll, results }] } }, NOW).townhall!.polls[0]!.byGroup;
    expect(shown.map((g) => g.group)).toEqual(['civil-society', 'other']);
    expect(MIN_ANONYMOUS_GROUP_BALLOTS).toBe(3);
  });

  it('REC1 ATTEND1 attendance counts participants not removed, by group and mode: the facilitator (and staff, observers) apart', () => {
    const { attendance } = buildRecord(cafeFacts('named'), NOW);
    expect(attendance.total).toBe(4);
    expect(attendance.byMode).toEqual({ 'in-room': 2, remote: 2 });
    expect(attendance.byGroup.intergovernmental).toBe(0); // the facilitator's
    expect(attendance.byGroup.other).toBe(0); // removed
  });

  it('REC1 ATTR5 under anonymous a group of 1 or 2 participants shows no count (null); groups of 3 or more and empty groups keep theirs when the total gives no small one back; named and group keep every count', () => {
    const facts = cafeFacts('anonymous');
    // Two more from civil society: a group of 3 (Amina and these two); one more from government (2); the private sector and academia stay at 1.
    const person = (id: string, stakeholderGroup: FactPerson['stakeholderGroup']): FactPerson => ({
      id,
      displayName: id,
      role: 'participant',
      mode: 'remote',
      stakeholderGroup,
      removed: false,
    });
    const more = [person('pid-civ-1', 'civil-society'), person('pid-civ-2', 'civil-society'), person('pid-gov-2', 'government')];
    const { attendance } = buildRecord({ ...facts, people: [...facts.people, ...more] }, NOW);
    expect(attendance.byGroup).toEqual({ government: null, 'private-sector': null, 'civil-society': 3, academia: null, 'technical-community': 0, intergovernmental: 0, other: 0 });
    expect(Object.values(attendance.byGroup).filter((n) => n === 1 || n === 2)).toEqual([]);
    expect(attendance.total).toBe(7);
    expect(attendance.byMode).toEqual({ 'in-room': 2, remote: 5 });
    for (const attribution of ['named', 'group'] as const) expect(buildRecord(cafeFacts(attribution), NOW).attendance.byGroup.government).toBe(1);
  });

  it("REC1 ATTR5 total 4, Academia 3, Government 1: the record does not let Government's 1 be worked out (Academia is not shown either)", () => {
    const facts = cafeFacts('anonymous');
    const person = (id: string, stakeholderGroup: FactPerson['stakeholderGroup']): FactPerson => ({
      id,
      displayName: id,
      role: 'participant',
      mode: 'in-room',
      stakeholderGroup,
      removed: false,
    });
    const people = [
      ...facts.people.map((p) => ({ ...p, removed: true })),
      person('a1', 'academia'),
      person('a2', 'academia'),
      person('a3', 'academia'),
      person('g1', 'government'),
    ];
    const { attendance } = buildRecord({ ...facts, people }, NOW);
    expect(attendance.total).toBe(4);
    const shownSum = Object.values(attendance.byGroup).reduce<number>((sum, n) => sum + (n ?? 0), 0);
    const hidden = Object.entries(attendance.byGroup).filter(([, n]) => n === null);
    // total − shown is shared by two hidden groups or more: no single group's count follows.
    expect(hidden.map(([g]) => g).sort()).toEqual(['academia', 'government']);
    expect(attendance.total - shownSum).toBe(4);
  });

  it('speaker turns carry durations; the current one has none yet', () => {
    const speakers = buildRecord(townhallFacts('group'), NOW).townhall!.speakers;
    expect(speakers.map((s) => s.durationMs)).toEqual([125_000, null]);
  });
});
