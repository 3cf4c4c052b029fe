import { describe, expect, it } from 'vitest';
import type { Attribution } from '../../words.js';
import type { EvidenceItem, SeriesReference, SeriesStatistics } from '../types.js';
import type { ReferenceWords } from '../reference-text.js';
import { buildAnnex } from './annex.js';
import { freezeDocument, freezeWith, type FreezeMeta } from './freeze.js';

const words: ReferenceWords = {
  kinds: {
    'cafe-theme': { one: 'theme', other: 'themes' },
    'cafe-idea': { one: 'key idea', other: 'key ideas' },
    'townhall-question': { one: 'question', other: 'questions' },
    poll: { one: 'poll', other: 'polls' },
    'speaker-turn': { one: 'intervention', other: 'interventions' },
    'consultation-contribution': { one: 'contribution', other: 'contributions' },
    'opinion-group': { one: 'opinion group', other: 'opinion groups' },
  },
  groups: {
    government: 'government',
    'private-sector': 'private sector',
    'civil-society': 'civil society',
    academia: 'academia',
    'technical-community': 'technical community',
    intergovernmental: 'intergovernmental',
    other: 'other',
  },
  and: 'and',
  separator: ', ',
};

function item(key: string, over: Partial<EvidenceItem>): EvidenceItem {
  return {
    key,
    sessionId: 's1',
    sessionTitle: 'Café',
    format: 'cafe',
    kind: 'cafe-idea',
    text: `text of ${key}`,
    theme: null,
    credit: { name: 'Amal', group: 'academia' },
    language: 'en',
    at: 1,
    detail: {},
    ...over,
  };
}

// Session order: consultation first, as the series lists it; the annex still goes café, Town Hall, consultation.
const evidence: EvidenceItem[] = [
  item('c:consultation-contribution:1', { sessionId: 'c', sessionTitle: 'Online', format: 'consultation', kind: 'consultation-contribution' }),
  item('c:opinion-group:1', { sessionId: 'c', sessionTitle: 'Online', format: 'consultation', kind: 'opinion-group' }),
  item('t:townhall-question:1', { sessionId: 't', sessionTitle: 'Town Hall', format: 'townhall', kind: 'townhall-question' }),
  item('t:townhall-question:2', { sessionId: 't', sessionTitle: 'Town Hall', format: 'townhall', kind: 'townhall-question', credit: { name: null, group: 'government' } }),
  item('s1:cafe-theme:1', { kind: 'cafe-theme' }),
  item('s1:cafe-idea:1', {}),
];
const attributions = new Map<string, Attribution>([
  ['c', 'named'],
  ['t', 'anonymous'],
  ['s1', 'group'],
]);

const meta: FreezeMeta = { series: { id: 'x', title: 'S', topic: '' }, version: 1, language: 'en', originalLanguage: 'en', original: true, finalisedAt: 5, changes: '' };
const title = { symbol: 'OT/1', date: '2026-11-29', submittedBy: 'Secretariat', title: 'Doc' };
const statistics = { total: { people: 3, contributions: 4 } } as SeriesStatistics;

function reference(id: string, over: Partial<SeriesReference> = {}): SeriesReference {
  return {
    id,
    sources: ['t:townhall-question:1', 't:townhall-question:2'],
    quote: null,
    summary: { count: 2, kind: 'townhall-question', groups: [] },
    status: 'ok',
    changes: [],
    createdAt: 1,
    ...over,
  };
}

describe('buildAnnex (SER80–SER84)', () => {
  const annex = buildAnnex(evidence, { seriesAttribution: 'named', sessionAttribution: attributions });

  it('SER81 keeps contributions only, word for word, grouped by format then session', () => {
    expect(annex.map((s) => [s.format, s.sessionId, s.entries.map((e) => e.ref)])).toEqual([
      ['cafe', 's1', ['A.1.1']],
      ['townhall', 't', ['A.2.1', 'A.2.2']],
      ['consultation', 'c', ['A.3.1']],
    ]);
    expect(annex[1]!.entries[0]!.text).toBe('text of t:townhall-question:1');
  });

  it('SER2 SER83 never loosens attribution: the stricter of series and session, credits narrowed again', () => {
    expect(annex.map((s) => s.attribution)).toEqual(['group', 'anonymous', 'named']);
    expect(annex[0]!.entries[0]!.credit).toEqual({ name: null, group: 'academia' });
    expect(annex[1]!.entries.map((e) => e.credit)).toEqual([
      { name: null, group: null },
      { name: null, group: null },
    ]);
    expect(annex[2]!.entries[0]!.credit).toEqual({ name: 'Amal', group: 'academia' });
    const strict = buildAnnex(evidence, { seriesAttribution: 'anonymous', sessionAttribution: attributions });
    expect(strict.flatMap((s) => s.entries.map((e) => e.credit))).toEqual(strict.flatMap((s) => s.entries.map(() => ({ name: null, group: null }))));
  });

  it('SER83 treats a session of unknown attribution as anonymous', () => {
    const annex2 = buildAnnex(evidence, { seriesAttribution: 'named', sessionAttribution: new Map() });
    expect(annex2.every((s) => s.attribution === 'anonymous')).toBe(true);
  });
});

describe('freezeDocument (SER85–SER90)', () => {
  const annex = buildAnnex(evidence, { seriesAttribution: 'named', sessionAttribution: attributions });
  const text = [
    '# Summary',
    '',
    'People asked [[ref:r1]] and wrote [[ref:q1]].',
    '- first [[ref:r1]]',
    '- second',
    '',
    '[[stats]]',
    '',
    'Another paragraph.',
    '',
    '[[annex]]',
  ].join('\n');
  const references = [
    reference('r1'),
    reference('q1', { sources: ['c:consultation-contribution:1'], quote: 'text of c', summary: { count: 1, kind: 'consultation-contribution', groups: ['academia'] } }),
  ];

  it('SER85 numbers paragraphs and footnotes in reading order with anchors and annex refs', () => {
    const result = freezeDocument({ text, title }, references, evidence, statistics, annex, words, meta);
    if (!result.ok) throw new Error(result.error.message);
    const doc = result.document;
    expect(doc.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'stats', 'paragraph', 'annex-list']);
    const p1 = doc.blocks[1]!;
    expect(p1).toMatchObject({ kind: 'paragraph', number: 1, anchor: 'para-1' });
    expect(doc.footnotes.map((f) => [f.number, f.referenceId, f.text, f.annex])).toEqual([
      [1, 'r1', '2 questions', ['A.2.1', 'A.2.2']],
      [2, 'q1', '1 contribution, academia', ['A.3.1']],
      [3, 'r1', '2 questions', ['A.2.1', 'A.2.2']],
    ]);
    expect(doc.footnotes[1]!.quote).toBe('text of c');
    if (p1.kind !== 'paragraph') throw new Error('not a paragraph');
    expect(p1.items.map((i) => i.letter)).toEqual(['a', 'b']);
    expect(p1.items[0]!.content[1]).toMatchObject({ kind: 'footnote', number: 3 });
    expect(doc.blocks[2]).toEqual({ kind: 'stats', statistics });
    expect(doc.blocks[3]).toMatchObject({ number: 2, anchor: 'para-2' });
    expect(doc.blocks[4]).toEqual({
      kind: 'annex-list',
      entries: [
        { id: 'A.1', title: 'Café' },
        { id: 'A.2', title: 'Town Hall' },
        { id: 'A.3', title: 'Online' },
      ],
    });
    expect(doc).toMatchObject({ schema: 'open-talks/information-document', version: 1, titleBlock: title, annex });
  });

  it('SER87 refuses an unresolved changed reference, listing its label', () => {
    const changed = [reference('r1', { status: 'changed', changes: [{ key: 't:townhall-question:1', change: 'merged' }] }), references[1]!];
    const result = freezeDocument({ text, title }, changed, evidence, statistics, annex, words, meta);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'conflict', reason: 'seriesDocument.unresolvedReferences', params: { count: 1, ids: 'r1', labels: '2 questions' } });
  });

  it('SER68 SER87 refuses a quotation whose source is gone, even resolved, without repeating its text', () => {
    const gone = [reference('r1', { quote: 'What the moderators hid', quoteGone: true }), references[1]!];
    const result = freezeDocument({ text, title }, gone, evidence, statistics, annex, words, meta);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'conflict', reason: 'seriesDocument.quoteSourceGone', params: { count: 1, ids: 'r1' } });
    expect(JSON.stringify(result.error)).not.toContain('What the moderators hid');
  });

  it('SER87 accepts a changed reference the draft no longer uses', () => {
    const result = freezeDocument({ text: 'Plain.', title }, [reference('r1', { status: 'changed' })], evidence, null, annex, words, meta);
    expect(result.ok).toBe(true);
  });

  it('SER87 refuses an unknown reference id', () => {
    const result = freezeDocument({ text: 'See [[ref:nope]].', title }, references, evidence, statistics, annex, words, meta);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ reason: 'seriesDocument.unknownReferences', params: { ids: 'nope' } });
  });

  it('SER93 a translation puts the same references in its own words', () => {
    const original = freezeDocument({ text, title }, references, evidence, statistics, annex, words, meta);
    if (!original.ok) throw new Error('refused');
    const fr: typeof words = { ...words, kinds: { ...words.kinds, 'townhall-question': { one: 'question', other: 'questions posées' } } };
    const translated = freezeWith({ text: 'On a demandé [[ref:r1]].', title }, original.references, statistics, annex, fr, { ...meta, language: 'fr', original: false });
    if (!translated.ok) throw new Error('refused');
    expect(translated.document.footnotes).toEqual([{ number: 1, referenceId: 'r1', text: '2 questions posées', quote: null, annex: ['A.2.1', 'A.2.2'] }]);
    expect(translated.document.annex).toEqual(annex);
  });
});
