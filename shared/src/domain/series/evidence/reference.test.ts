import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EvidenceItem } from '../types.js';
import type { EvidenceFates } from './fate.js';
import { referenceSummary, repairReference, resolveReference, snapshotOf, type ReferenceSnapshot, type StoredReference } from './reference.js';

function item(key: string, text = `text of ${key}`, theme: string | null = null, group: EvidenceItem['credit']['group'] = null): EvidenceItem {
  return {
    key,
    sessionId: 's',
    sessionTitle: 'S',
    format: 'consultation',
    kind: 'consultation-contribution',
    text,
    theme,
    credit: { name: null, group },
    language: null,
    at: null,
    detail: {},
  };
}
const byKey = (items: EvidenceItem[]) => new Map(items.map((i) => [i.key, i]));
function stored(items: EvidenceItem[]): StoredReference {
  return { sources: items.map((i) => i.key), snapshot: Object.fromEntries(items.map((i) => [i.key, snapshotOf(i)])) };
}

describe('reference summary (SER66)', () => {
  it('SER66 counts the sources and names their groups in the fixed order, none when anonymous', () => {
    const a = item('s:consultation-contribution:a', 'a', null, 'academia');
    const b = item('s:consultation-contribution:b', 'b', null, 'civil-society');
    const c = item('s:consultation-contribution:c', 'c', null, null);
    expect(referenceSummary(...(Object.values(stored([a, b, c])) as [string[], ReferenceSnapshot]))).toEqual({
      count: 3,
      kind: 'consultation-contribution',
      groups: ['civil-society', 'academia'],
    });
    expect(referenceSummary(...(Object.values(stored([c])) as [string[], ReferenceSnapshot])).groups).toEqual([]);
  });
});

describe('reference repair (SER67–SER70)', () => {
  const a = item('s:townhall-question:a');
  const b = item('s:townhall-question:b');

  it('SER67 unchanged sources read ok', () => {
    expect(repairReference(stored([a, b]), byKey([a, b]), new Map())).toEqual({ sources: [a.key, b.key], status: 'ok', changes: [] });
  });

  it('SER67 a merged source is followed to its survivor (through a chain) and reads merged', () => {
    const fates: EvidenceFates = new Map([
      [a.key, { change: 'merged', into: 'x' }],
      ['x', { change: 'merged', into: b.key }],
    ]);
    const repaired = repairReference(stored([a]), byKey([b]), fates);
    expect(repaired).toEqual({ sources: [b.key], status: 'changed', changes: [{ key: a.key, change: 'merged' }] });
    const resolved = resolveReference(stored([a]), byKey([b]), fates);
    expect(resolved.sources).toEqual([b.key]);
    expect(repairReference(resolved, byKey([b]), fates).status).toBe('ok');
  });

  it('SER68 hidden and removed sources read so; resolving accepts them gone, and a return reads edited', () => {
    const fates: EvidenceFates = new Map([[a.key, { change: 'hidden' }]]);
    const repaired = repairReference(stored([a, b]), new Map(), fates);
    expect(repaired.changes).toEqual([
      { key: a.key, change: 'hidden' },
      { key: b.key, change: 'removed' },
    ]);
    const resolved = resolveReference(stored([a, b]), new Map(), fates);
    expect(resolved.snapshot[a.key]).toMatchObject({ text: a.text, gone: 'hidden' });
    expect(repairReference(resolved, new Map(), fates).status).toBe('ok');
    expect(repairReference(resolved, byKey([a]), new Map()).changes).toEqual([{ key: a.key, change: 'edited' }]);
  });

  it('SER69 an edited text reads edited, a new theme re-themed; resolve takes them as they are', () => {
    const themed = item('s:cafe-idea:t/1/i', 'idea', 'Trust');
    const now = [{ ...themed, text: 'idea, reworded', theme: 'Skills' }];
    expect(repairReference(stored([themed]), byKey(now), new Map()).changes).toEqual([
      { key: themed.key, change: 'edited' },
      { key: themed.key, change: 're-themed' },
    ]);
    expect(repairReference(resolveReference(stored([themed]), byKey(now), new Map()), byKey(now), new Map()).status).toBe('ok');
  });

  it('SER70 property: a reference never points to nothing silently', () => {
    const keys = ['k0', 'k1', 'k2', 'k3', 'k4', 'k5'];
    const fate = fc.oneof(
      fc.constant(null),
      fc.constant({ change: 'hidden' as const }),
      fc.constantFrom(...keys).map((into) => ({ change: 'merged' as const, into })),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...keys), { minLength: 1 }),
        fc.subarray(keys),
        fc.array(fate, { minLength: keys.length, maxLength: keys.length }),
        fc.array(fc.boolean(), { minLength: keys.length, maxLength: keys.length }),
        fc.boolean(),
        (sources, present, fateList, edited, resolveFirst) => {
          const original = keys.map((k) => item(k));
          let ref = stored(original.filter((i) => sources.includes(i.key)));
          const fates: EvidenceFates = new Map();
          fateList.forEach((f, n) => {
            if (f && !present.includes(keys[n]!)) fates.set(keys[n]!, f);
          });
          const now = byKey(original.filter((i) => present.includes(i.key)).map((i, n) => (edited[n] ? { ...i, text: `${i.text}!` } : i)));
          if (resolveFirst) ref = resolveReference(ref, now, fates);
          const repaired = repairReference(ref, now, fates);
          expect(repaired.sources.length).toBeGreaterThan(0);
          expect(repaired.status === 'ok').toBe(repaired.changes.length === 0);
          for (const key of ref.sources) {
            const flagged = repaired.changes.some((c) => c.key === key);
            // Either the source is there as it was, or the reference says what happened, or the rapporteur accepted it gone.
            const intact = now.has(key) && now.get(key)!.text === ref.snapshot[key]?.text && !ref.snapshot[key]?.gone;
            const gone = fates.get(key)?.change === 'hidden' ? 'hidden' : 'removed';
            const accepted = !now.has(key) && ref.snapshot[key]?.gone === gone;
            expect(intact || flagged || accepted).toBe(true);
          }
          for (const key of repaired.sources) expect(now.has(key) || ref.snapshot[key] !== undefined || repaired.changes.length > 0).toBe(true);
        },
      ),
    );
  });
});
