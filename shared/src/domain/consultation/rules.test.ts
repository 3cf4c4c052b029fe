import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanComment, cleanContribution } from './contributions.js';
import { cleanThemes, decideFlag, decideMerge } from './moderation.js';
import { relink } from './responses.js';
import { decideSupport, type SupportRequest } from './supports.js';
import { CONSULTATION_LIMITS as L } from './words.js';

describe('CONS4 contribution text', () => {
  it('CONS4 trimmed, not empty, title and text within their limits after cleaning', () => {
    expect(cleanContribution({ title: '  Open  data ', text: '\n Publish it \r\n' })).toEqual({ ok: true, title: 'Open data', text: 'Publish it' });
    expect(cleanContribution({ title: '   ', text: 'x' })).toMatchObject({ ok: false, error: { reason: 'consultation.titleEmpty' } });
    expect(cleanContribution({ title: 'x', text: ' \n\t ' })).toMatchObject({ ok: false, error: { reason: 'consultation.textEmpty' } });
    expect(cleanContribution({ title: 'x'.repeat(L.titleLength + 1), text: 'x' })).toMatchObject({
      ok: false,
      error: { reason: 'consultation.titleTooLong', params: { max: L.titleLength } },
    });
    expect(cleanContribution({ title: 'x', text: 'y'.repeat(L.textLength + 1) })).toMatchObject({ ok: false, error: { reason: 'consultation.textTooLong' } });
    // Spaces around do not count against the limit.
    expect(cleanContribution({ title: 'x', text: `  ${'y'.repeat(L.textLength)}  ` })).toMatchObject({ ok: true });
    expect(cleanComment('  ')).toMatchObject({ ok: false, error: { reason: 'consultation.commentEmpty' } });
  });

  it('CONS4 property: an accepted contribution is trimmed and within the limits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 260 }), fc.string({ maxLength: 300 }), (title, text) => {
        const result = cleanContribution({ title, text });
        if (!result.ok) return;
        expect(result.title).toBe(result.title.trim());
        expect(result.title.length).toBeGreaterThan(0);
        expect(result.title.length).toBeLessThanOrEqual(L.titleLength);
        expect(result.text.length).toBeLessThanOrEqual(L.textLength);
      }),
    );
  });
});

const target = { id: 'c1', questionId: 'q', authorId: 'author', status: 'published' as const };
const base: SupportRequest = { phase: 'contributions', limit: 2, personId: 'me', target, supported: [], support: true };

describe('CONS7 CONS8 supports', () => {
  it('CONS7 refused on one’s own, on an unpublished one, outside the phase, beyond the limit (named)', () => {
    expect(decideSupport({ ...base, personId: 'author' })).toMatchObject({ ok: false, error: { reason: 'consultation.supportOwn' } });
    expect(decideSupport({ ...base, target: { ...target, status: 'pending' } })).toMatchObject({ ok: false, error: { reason: 'consultation.supportNotPublished' } });
    expect(decideSupport({ ...base, phase: 'closed' })).toMatchObject({ ok: false, error: { reason: 'consultation.phaseClosed', params: { phase: 'closed' } } });
    expect(decideSupport({ ...base, supported: ['a', 'b'] })).toMatchObject({ ok: false, error: { reason: 'consultation.supportLimit', params: { limit: 2 } } });
    expect(decideSupport({ ...base, phase: 'comments' })).toMatchObject({ ok: true, add: 'c1', supported: ['c1'] });
  });

  it('CONS8 moveFrom moves one at the limit in one step; taking back frees a slot', () => {
    const from = { ...target, id: 'a' };
    expect(decideSupport({ ...base, supported: ['a', 'b'], moveFrom: from })).toEqual({ ok: true, add: 'c1', remove: ['a'], supported: ['b', 'c1'] });
    expect(decideSupport({ ...base, supported: ['b'], moveFrom: from })).toMatchObject({ ok: false, error: { reason: 'consultation.supportMoveNotSupported' } });
    expect(decideSupport({ ...base, supported: ['a', 'b'], moveFrom: { ...from, questionId: 'other' } })).toMatchObject({
      ok: false,
      error: { reason: 'consultation.supportMoveQuestion' },
    });
    expect(decideSupport({ ...base, supported: ['c1', 'b'], support: false })).toEqual({ ok: true, add: null, remove: ['c1'], supported: ['b'] });
  });

  it('CONS7 property: whatever the sequence, a person never holds more than the limit nor the same one twice', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.boolean()), { maxLength: 60 }), (limit, steps) => {
        let supported: string[] = [];
        for (const [n, support] of steps) {
          const result = decideSupport({ ...base, limit, target: { ...target, id: `c${n}` }, supported, support });
          if (result.ok) supported = result.supported;
          expect(supported.length).toBeLessThanOrEqual(limit);
          expect(new Set(supported).size).toBe(supported.length);
        }
      }),
    );
  });
});

describe('CONS11 merges', () => {
  const side = (id: string, supporters: string[], questionId = 'q') => ({ id, questionId, status: 'published' as const, mergedInto: null, supporters });

  it('CONS11 supporters union, nobody twice; those who supported both get a slot back', () => {
    expect(decideMerge(side('s', ['a', 'b', 'c']), side('t', ['c', 'd']))).toEqual({ ok: true, added: ['a', 'b'], refunded: ['c'], supports: 4 });
    expect(decideMerge(side('s', []), side('t', [], 'other'))).toMatchObject({ ok: false, error: { reason: 'consultation.mergeOtherQuestion' } });
    expect(decideMerge(side('s', []), side('s', []))).toMatchObject({ ok: false, error: { reason: 'consultation.mergeSelf' } });
  });

  it('CONS11 property: the merged count is the size of the union', () => {
    const people = fc.uniqueArray(fc.integer({ min: 0, max: 30 }).map(String), { maxLength: 20 });
    fc.assert(
      fc.property(people, people, (a, b) => {
        const result = decideMerge(side('s', a), side('t', b));
        if (!result.ok) throw new Error('refused');
        expect(result.supports).toBe(new Set([...a, ...b]).size);
        expect(result.added.length + result.refunded.length).toBe(a.length);
      }),
    );
  });
});

describe('CONS12 flags and CONS14 themes', () => {
  it('CONS12 distinct people; the threshold puts a published, unreviewed one back to pending', () => {
    const state = { status: 'published' as const, authorId: 'author', reviewed: false, flaggers: ['a'] };
    expect(decideFlag(state, 'a', 2)).toEqual({ ok: true, added: false, flags: 1, toPending: false });
    expect(decideFlag(state, 'b', 2)).toEqual({ ok: true, added: true, flags: 2, toPending: true });
    expect(decideFlag({ ...state, reviewed: true }, 'b', 2)).toMatchObject({ toPending: false });
    expect(decideFlag(state, 'author', 2)).toMatchObject({ ok: false, error: { reason: 'consultation.flagOwn' } });
  });

  it('CONS14 themes trimmed, empty dropped, case-insensitive duplicates once', () => {
    expect(cleanThemes([' Water ', 'water', '', 'Data  access'])).toEqual(['Water', 'Data access']);
  });
});

describe('CONS16 responses', () => {
  it('CONS16 a contribution has at most one response: a new one moves the link, an emptied one is reported', () => {
    const links = new Map([
      ['c1', 'r1'],
      ['c2', 'r2'],
    ]);
    const { emptied, links: after } = relink(links, 'r3', ['c2']);
    expect(after.get('c2')).toBe('r3');
    expect(emptied).toEqual(['r2']);
  });
});
