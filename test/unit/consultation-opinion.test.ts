import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONSENSUS_THRESHOLD,
  computeOpinionReport,
  consensusScore,
  divisivenessScore,
  placeParticipants,
  POINTS_SAMPLE,
  type OpinionInput,
  type SparseVotes,
} from '../../shared/src/domain/consultation/opinion/index.js';
import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '../../shared/src/domain/words.js';
import { adjustedRand, plantedVoters } from '../fixtures/opinion-voters.js';

// The opinion engine (docs/consultation.md, CONS31–CONS36), on synthetic voters with planted groups.

const statements = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `s${i}`, text: `Statement ${i}` }));

function votes(cells: [row: number, col: number, vote: number][]): SparseVotes {
  return { rows: Int32Array.from(cells.map((c) => c[0])), cols: Int32Array.from(cells.map((c) => c[1])), votes: Int8Array.from(cells.map((c) => c[2])) };
}

function report(partial: Partial<OpinionInput> & { answers: SparseVotes; participants: number; statementCount: number }) {
  return computeOpinionReport({
    questionId: 'q1',
    computedAt: 1,
    attribution: 'group',
    statements: statements(partial.statementCount),
    participantGroups: Array.from({ length: partial.participants }, (): StakeholderGroup => 'academia'),
    ...partial,
  });
}

const finite = (value: unknown): boolean => {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(finite);
  if (value && typeof value === 'object') return Object.values(value).every(finite);
  return true;
};

describe('opinion groups', () => {
  it('CONS32 recovers planted opinion groups (k = 2…4): the right k and an adjusted Rand index of at least 0.9', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 25, max: 45 }),
        fc.integer({ min: 20, max: 40 }),
        fc.double({ min: 0, max: 0.12, noNaN: true }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (groups, perGroup, statementCount, flip, seed) => {
          const planted = plantedVoters({ groups, perGroup, statements: statementCount, flip, seed });
          const placement = placeParticipants(planted.participants, statementCount, planted.votes, seed);
          expect(placement.clustering.k).toBe(groups);
          expect(adjustedRand(placement.groupOf, planted.truth)).toBeGreaterThanOrEqual(0.9);
        },
      ),
      { numRuns: 40, seed: 15 },
    );
  });

  it('CONS32 is deterministic: the same answers give the same report, whatever runs before', () => {
    const planted = plantedVoters({ groups: 3, perGroup: 30, statements: 25, seed: 9 });
    const input = { answers: planted.votes, participants: planted.participants, statementCount: 25 };
    const first = report(input);
    report({ ...input, seed: 99 });
    expect(report(input)).toEqual(first);
  });

  it('CONS32 numbers groups by size, largest first', () => {
    const a = plantedVoters({ groups: 2, perGroup: 40, statements: 20, seed: 3 });
    // Drop half of the second profile's voters: group 0 must be the bigger one.
    const keep = Array.from(a.votes.rows, (row) => a.truth[row] === 0 || row < 40);
    const kept = votes(Array.from(a.votes.rows, (row, i) => [row, a.votes.cols[i]!, a.votes.votes[i]!] as [number, number, number]).filter((_, i) => keep[i]));
    const result = report({ answers: kept, participants: a.participants, statementCount: 20 });
    expect(result.groups.map((g) => g.size)).toEqual([...result.groups.map((g) => g.size)].sort((x, y) => y - x));
    expect(result.groups[0]!.size).toBeGreaterThan(result.groups[1]!.size);
  });

  it('CONS31 places only people with enough answers (5, or every statement when fewer)', () => {
    const cells: [number, number, number][] = [];
    for (let p = 0; p < 10; p++) for (let s = 0; s < (p < 6 ? 5 : 4); s++) cells.push([p, s, p % 2 ? 1 : -1]);
    expect(report({ answers: votes(cells), participants: 10, statementCount: 8 }).answerers).toBe(6);
    // Three statements only: three answers place.
    const few: [number, number, number][] = [];
    for (let p = 0; p < 4; p++) for (let s = 0; s < 3; s++) few.push([p, s, 1]);
    expect(report({ answers: votes(few), participants: 4, statementCount: 3 }).answerers).toBe(4);
  });

  it('CONS36 degenerate inputs give finite numbers: nobody, one voter, one statement, everyone agreeing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 6 }), fc.constantFrom(-1, 0, 1), fc.boolean(), (participants, statementCount, vote, mixed) => {
        const cells: [number, number, number][] = [];
        for (let p = 0; p < participants; p++) for (let s = 0; s < statementCount; s++) cells.push([p, s, mixed ? ((p + s) % 3) - 1 : vote]);
        const result = report({ answers: votes(cells), participants, statementCount });
        expect(finite(result)).toBe(true);
        expect(result.groups.reduce((sum, g) => sum + g.size, 0)).toBe(result.answerers);
        for (const statement of result.statements) expect(statement.byOpinionGroup).toHaveLength(result.groups.length);
      }),
      { numRuns: 120, seed: 15 },
    );
  });

  it('CONS32 everyone answering alike is one group, and every statement a consensus', () => {
    const cells: [number, number, number][] = [];
    for (let p = 0; p < 20; p++) for (let s = 0; s < 6; s++) cells.push([p, s, 1]);
    const result = report({ answers: votes(cells), participants: 20, statementCount: 6 });
    expect(result.groups).toEqual([{ index: 0, size: 20, representative: [] }]);
    expect(result.statements.every((s) => s.kind === 'consensus')).toBe(true);
  });

  it('CONS33 finds what unites (consensus) and what divides two planted camps', () => {
    const planted = plantedVoters({ groups: 2, perGroup: 30, statements: 20, consensus: 3, flip: 0.05, seed: 4 });
    const result = report({ answers: planted.votes, participants: planted.participants, statementCount: 20 });
    expect(result.groups).toHaveLength(2);
    for (const s of result.statements.slice(0, 3)) expect(s).toMatchObject({ kind: 'consensus' });
    const divisive = result.statements.filter((s) => s.kind === 'divisive');
    expect(divisive.length).toBeGreaterThan(8);
    for (const s of divisive) expect(s.divisiveness).toBeGreaterThan(s.consensus - CONSENSUS_THRESHOLD);
    // Representative statements: each group's are ones it agrees with more than the other.
    for (const group of result.groups) {
      expect(group.representative.length).toBeGreaterThan(0);
      for (const id of group.representative) {
        const tallies = result.statements.find((s) => s.statementId === id)!.byOpinionGroup;
        const share = (t: { agree: number; disagree: number; pass: number }) => t.agree / Math.max(1, t.agree + t.disagree + t.pass);
        expect(share(tallies[group.index]!)).toBeGreaterThan(share(tallies[1 - group.index]!));
      }
    }
  });

  it('CONS33 scores: all groups agree → high consensus; groups opposed → high divisiveness; no NaN on empty', () => {
    expect(
      consensusScore([
        { agree: 10, disagree: 0, pass: 0 },
        { agree: 9, disagree: 1, pass: 0 },
      ]),
    ).toBeGreaterThan(0.8);
    expect(
      consensusScore([
        { agree: 0, disagree: 10, pass: 0 },
        { agree: 0, disagree: 9, pass: 1 },
      ]),
    ).toBeGreaterThan(0.8);
    expect(
      consensusScore([
        { agree: 10, disagree: 0, pass: 0 },
        { agree: 0, disagree: 10, pass: 0 },
      ]),
    ).toBeLessThan(0.2);
    expect(
      divisivenessScore([
        { agree: 10, disagree: 0, pass: 0 },
        { agree: 0, disagree: 10, pass: 0 },
      ]),
    ).toBeGreaterThan(0.8);
    expect(
      divisivenessScore([
        { agree: 10, disagree: 0, pass: 0 },
        { agree: 10, disagree: 0, pass: 0 },
      ]),
    ).toBe(0);
    expect(consensusScore([])).toBe(0);
    expect(divisivenessScore([{ agree: 0, disagree: 0, pass: 0 }])).toBe(0);
  });

  it('CONS34 by stakeholder group: groups of 1 or 2 answerers hidden, nothing at all under anonymous', () => {
    const groups: StakeholderGroup[] = [];
    const cells: [number, number, number][] = [];
    // 10 government, 5 academia, 2 civil society, 1 other; 6 statements each.
    const plan: [StakeholderGroup, number][] = [
      ['government', 10],
      ['academia', 5],
      ['civil-society', 2],
      ['other', 1],
    ];
    for (const [group, count] of plan) for (let i = 0; i < count; i++) groups.push(group);
    groups.forEach((_, p) => {
      for (let s = 0; s < 6; s++) cells.push([p, s, p % 2 ? 1 : -1]);
    });
    const input = { answers: votes(cells), participants: groups.length, statementCount: 6, participantGroups: groups };
    const named = report({ ...input, attribution: 'named' }).statements[0]!.byStakeholderGroup;
    expect(named.government).toEqual({ agree: 5, disagree: 5, pass: 0 });
    expect(named.academia).not.toBeNull();
    expect(named['civil-society']).toBeNull();
    expect(named.other).toBeNull();
    expect(Object.keys(named).sort()).toEqual(['academia', 'civil-society', 'government', 'other']);
    expect(STAKEHOLDER_GROUPS.filter((g) => g in named)).toHaveLength(4);
    expect(report({ ...input, attribution: 'anonymous' }).statements.every((s) => Object.keys(s.byStakeholderGroup).length === 0)).toBe(true);
  });

  it('CONS35 the scatter plot is a sample of at most 500 placed people, with their group', () => {
    const planted = plantedVoters({ groups: 2, perGroup: 400, statements: 10, seed: 2 });
    const result = report({ answers: planted.votes, participants: planted.participants, statementCount: 10 });
    expect(result.points).toHaveLength(POINTS_SAMPLE);
    expect(result.points.every((p) => p.group >= 0 && p.group < result.groups.length)).toBe(true);
    expect(Object.keys(result.points[0]!).sort()).toEqual(['group', 'x', 'y']);
  });
});
