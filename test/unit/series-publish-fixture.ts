// A small frozen information document for the render tests: three sessions (café under `group`,
// Town Hall under `anonymous`, consultation `named`), references, statistics, the annex.
import { buildAnnex, freezeDocument, type EvidenceItem, type InformationDocument, type SeriesReference, type SeriesStatistics } from '../../shared/src/domain/series/index.js';
import type { Attribution, Language } from '../../shared/src/index.js';
import { documentWords } from '../../server/src/series/publish/render/words.js';

function item(key: string, over: Partial<EvidenceItem>): EvidenceItem {
  return {
    key,
    sessionId: 'cafe1',
    sessionTitle: 'Café on data',
    format: 'cafe',
    kind: 'cafe-idea',
    text: key,
    theme: null,
    credit: { name: 'Amal Haddad', group: 'academia' },
    language: 'en',
    at: 1,
    detail: {},
    ...over,
  };
}

export const EVIDENCE: EvidenceItem[] = [
  item('cafe1:cafe-idea:1', { text: 'Open data needs open standards.' }),
  item('cafe1:cafe-idea:2', { text: 'Fund local archives | and <libraries>.', credit: { name: 'Bo', group: 'civil-society' } }),
  item('th1:townhall-question:1', {
    sessionId: 'th1',
    sessionTitle: 'Town Hall',
    format: 'townhall',
    kind: 'townhall-question',
    text: 'Who pays for the networks?',
    credit: { name: 'Secret Person', group: 'government' },
    detail: { votes: 12, status: 'answered' },
  }),
  item('c1:consultation-contribution:1', {
    sessionId: 'c1',
    sessionTitle: 'Online consultation',
    format: 'consultation',
    kind: 'consultation-contribution',
    text: 'Access\n\nEveryone should be online by 2030.',
    credit: { name: 'Chen Li', group: 'private-sector' },
    detail: { supports: 4, response: { status: 'taken-up', text: 'We agree.' } },
  }),
  item('c1:consultation-contribution:2', {
    sessionId: 'c1',
    sessionTitle: 'Online consultation',
    format: 'consultation',
    kind: 'consultation-contribution',
    text: 'يجب أن يكون الإنترنت متاحًا للجميع.',
    language: 'ar',
    credit: { name: 'Samir', group: 'academia' },
  }),
];

export const ATTRIBUTIONS = new Map<string, Attribution>([
  ['cafe1', 'group'],
  ['th1', 'anonymous'],
  ['c1', 'named'],
]);

export const REFERENCES: SeriesReference[] = [
  {
    id: 'r1',
    sources: ['cafe1:cafe-idea:1', 'cafe1:cafe-idea:2'],
    quote: null,
    summary: { count: 2, kind: 'cafe-idea', groups: ['academia', 'civil-society'] },
    status: 'ok',
    changes: [],
    createdAt: 1,
  },
  {
    id: 'r2',
    sources: ['th1:townhall-question:1'],
    quote: 'Who pays for the networks?',
    summary: { count: 1, kind: 'townhall-question', groups: [] },
    status: 'ok',
    changes: [],
    createdAt: 1,
  },
];

export const STATISTICS: SeriesStatistics = {
  sessions: [
    { sessionId: 'cafe1', title: 'Café on data', format: 'cafe', people: 40, contributions: 2 },
    { sessionId: 'th1', title: 'Town Hall', format: 'townhall', people: 90, contributions: 1 },
    { sessionId: 'c1', title: 'Online consultation', format: 'consultation', people: 12, contributions: 2 },
  ],
  peopleByFormat: { cafe: 40, townhall: 90, consultation: 12 },
  byGroup: { government: 30, 'private-sector': 20, 'civil-society': 50, academia: 38, 'technical-community': 4, intergovernmental: null, other: null },
  byMode: { 'in-room': 100, remote: 42 },
  byLanguage: { ar: 10, zh: null, en: 120, fr: 12, ru: null, es: null },
  contributionsByFormat: { cafe: 2, townhall: 1, consultation: 2 },
  total: { people: 142, contributions: 5 },
  computedAt: 1,
};

export const TEXT_EN = [
  '# Introduction',
  'The series met three times [[ref:r1]].',
  '- people asked [[ref:r2]]',
  '- others agreed',
  '',
  '## Participation',
  '[[stats]]',
  '',
  'A second paragraph.',
  '',
  '[[annex]]',
].join('\n');

export const TEXT_AR = ['# مقدمة', 'اجتمعت السلسلة ثلاث مرات [[ref:r1]].', '- سأل الناس [[ref:r2]]', '- ووافق آخرون', '', '[[stats]]', '', 'فقرة ثانية.', '', '[[annex]]'].join(
  '\n',
);

export function frozen(language: Language = 'en', text = language === 'ar' ? TEXT_AR : TEXT_EN): InformationDocument {
  const annex = buildAnnex(EVIDENCE, { seriesAttribution: 'named', sessionAttribution: ATTRIBUTIONS });
  const result = freezeDocument(
    {
      text,
      title: { symbol: 'OT/2026/INF.3', date: '2026-11-29', submittedBy: 'The Secretariat', title: language === 'ar' ? 'وثيقة المعلومات' : 'Information document on connectivity' },
    },
    REFERENCES,
    EVIDENCE,
    STATISTICS,
    annex,
    documentWords(language).reference,
    { series: { id: 's', title: 'Connectivity', topic: '' }, version: 1, language, originalLanguage: language, original: true, finalisedAt: 1_764_400_000_000, changes: '' },
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.document;
}
