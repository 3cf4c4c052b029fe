// Figures for the information document (issue 16, SER99): a series of three sessions — a café
// of 1,000 people with their key ideas, a Town Hall with 2,000 questions, a consultation with
// 10,000 contributions — as the evidence source hands them over (EvidenceItem[]), a draft of
// 120 paragraphs with 200 references, then the annex built, the version frozen and exported in
// every format. Prints the median of RUNS runs and the bytes per format.
import { buildAnnex, freezeDocument, type EvidenceItem, type SeriesReference, type SeriesStatistics } from '../../shared/src/domain/series/index.js';
import type { Attribution, StakeholderGroup } from '../../shared/src/index.js';
import { exportDocument } from '../../server/src/series/publish/render/index.js';
import { documentWords } from '../../server/src/series/publish/render/words.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
export const SERIES_SIZE = { cafeIdeas: 1_000, townhallQuestions: 2_000, consultationContributions: 10_000, paragraphs: 120, references: 200 };

const GROUPS: StakeholderGroup[] = ['government', 'private-sector', 'civil-society', 'academia', 'technical-community'];
const SENTENCE = 'Affordable access in rural areas needs shared infrastructure, local skills and clear rules on spectrum';

function items(): EvidenceItem[] {
  const out: EvidenceItem[] = [];
  const push = (sessionId: string, format: EvidenceItem['format'], kind: EvidenceItem['kind'], n: number, detail: (i: number) => EvidenceItem['detail']) => {
    for (let i = 0; i < n; i++) {
      out.push({
        key: `${sessionId}:${kind}:${i}`,
        sessionId,
        sessionTitle: `${format} session`,
        format,
        kind,
        text: `${SENTENCE} (${kind} ${i + 1}).${i % 7 === 0 ? `\n\n${SENTENCE}.` : ''}`,
        theme: null,
        credit: { name: `Person ${i}`, group: GROUPS[i % GROUPS.length]! },
        language: 'en',
        at: 1_764_000_000_000 + i * 1000,
        detail: detail(i),
      });
    }
  };
  push('cafe', 'cafe', 'cafe-idea', SERIES_SIZE.cafeIdeas, (i) => ({ table: `Table ${(i % 200) + 1}`, round: (i % 4) + 1 }));
  push('townhall', 'townhall', 'townhall-question', SERIES_SIZE.townhallQuestions, (i) => ({ votes: i % 50, status: i % 3 ? 'visible' : 'answered' }));
  push('consultation', 'consultation', 'consultation-contribution', SERIES_SIZE.consultationContributions, (i) => ({
    supports: i % 30,
    response: i % 10 ? null : { status: 'taken-up', text: 'We take this up.' },
  }));
  return out;
}

function draft(evidence: EvidenceItem[]): { text: string; references: SeriesReference[] } {
  const references: SeriesReference[] = Array.from({ length: SERIES_SIZE.references }, (_, r) => {
    const sources = Array.from({ length: 20 }, (_, k) => evidence[(r * 61 + k * 7) % evidence.length]!.key);
    return {
      id: `r${r}`,
      sources,
      quote: null,
      summary: { count: sources.length, kind: 'consultation-contribution', groups: ['academia', 'civil-society'] },
      status: 'ok',
      changes: [],
      createdAt: 1,
    };
  });
  const lines: string[] = ['# Summary of the discussions'];
  for (let p = 0; p < SERIES_SIZE.paragraphs; p++) {
    if (p % 20 === 0) lines.push('', `## Part ${p / 20 + 1}`);
    lines.push('', `${SENTENCE} [[ref:r${p % SERIES_SIZE.references}]] and more [[ref:r${(p + 60) % SERIES_SIZE.references}]].`);
    if (p % 5 === 0) lines.push('- a first point', '- a second point');
  }
  lines.push('', '[[stats]]', '', '[[annex]]');
  return { text: lines.join('\n'), references };
}

const STATISTICS: SeriesStatistics = {
  sessions: [],
  peopleByFormat: { cafe: 1000, townhall: 1000, consultation: 3000 },
  byGroup: { government: 900, 'private-sector': 800, 'civil-society': 1500, academia: 1200, 'technical-community': 600, intergovernmental: null, other: null },
  byMode: { 'in-room': 1500, remote: 3500 },
  byLanguage: { ar: 400, zh: 300, en: 3000, fr: 700, ru: 300, es: 300 },
  contributionsByFormat: { cafe: 1000, townhall: 2000, consultation: 10000 },
  total: { people: 5000, contributions: 13000 },
  computedAt: 1,
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

export async function benchSeries(): Promise<void> {
  const evidence = items();
  const { text, references } = draft(evidence);
  const attributions = new Map<string, Attribution>([
    ['cafe', 'group'],
    ['townhall', 'anonymous'],
    ['consultation', 'named'],
  ]);
  const words = documentWords('en');
  const freeze = () => {
    const annex = buildAnnex(evidence, { seriesAttribution: 'named', sessionAttribution: attributions });
    const result = freezeDocument(
      { text, title: { symbol: 'OT/2026/INF.3', date: '2026-11-29', submittedBy: 'Bench', title: 'Bench' } },
      references,
      evidence,
      STATISTICS,
      annex,
      words.reference,
      {
        series: { id: 'bench', title: 'Bench', topic: '' },
        version: 1,
        language: 'en',
        originalLanguage: 'en',
        original: true,
        finalisedAt: 1,
        changes: '',
      },
    );
    if (!result.ok) throw new Error(result.error.message);
    return result.document;
  };
  console.log(`\nseries (information document): median of ${RUNS} runs (after one warm-up), in process:`, SERIES_SIZE);
  freeze();
  const freezes: number[] = [];
  for (let i = 0; i < RUNS; i++) freezes.push((await timed(freeze)).ms);
  console.log(`  ${'freeze'.padEnd(6)} ${median(freezes).toFixed(0).padStart(6)} ms`);
  const doc = freeze();
  for (const format of ['docx', 'html', 'md', 'json'] as const) {
    await exportDocument(doc, format);
    const runs: { ms: number; bytes: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { ms, value } = await timed(() => exportDocument(doc, format));
      runs.push({ ms, bytes: Buffer.byteLength(value.body) });
    }
    console.log(
      `  ${format.padEnd(6)} ${median(runs.map((r) => r.ms))
        .toFixed(0)
        .padStart(6)} ms  ${(runs[0]!.bytes / 1024).toFixed(0).padStart(7)} KB`,
    );
  }
}
