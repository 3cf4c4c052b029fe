// A large consultation written straight into storage for the lists-and-search bench (CONS29):
// 10,000 contributions in six languages (Chinese and Arabic included), 50,000 comments and
// 200,000 supports, with the counts on the contribution rows as the core part keeps them.
// Deterministic (seeded), so two runs measure the same data.
import type { DatabaseHandle } from '../../server/src/store/db.js';
import type { ConsultationContributionsTable } from '../../server/src/store/consultation-schema.js';
import { commentRow, contributionRow, insertMany } from '../helpers/consultation-rows.js';

export const SIZES = { contributions: 10_000, comments: 50_000, supports: 200_000, supporters: 40_000 };

/** Words per language; Chinese words are joined without spaces, as written. */
export const WORDS: Record<string, string[]> = {
  en: 'open data digital cooperation trust privacy access rights network future skills security inclusion governance policy internet children education health climate'.split(' '),
  fr: 'données ouvertes numérique coopération confiance vie privée accès droits réseau avenir compétences sécurité inclusion gouvernance santé climat'.split(' '),
  es: 'datos abiertos digital cooperación confianza privacidad acceso derechos red futuro habilidades seguridad inclusión gobernanza salud clima'.split(' '),
  ru: 'открытые данные цифровое сотрудничество доверие доступ права сеть будущее навыки безопасность управление здоровье климат образование'.split(' '),
  zh: '数字 合作 未来 数据 开放 安全 隐私 治理 教育 网络 信任 包容 健康 气候 权利 技能'.split(' '),
  ar: 'البيانات المفتوحة الرقمي التعاون الثقة الخصوصية الوصول الحقوق الشبكة المستقبل المهارات الأمن الإدماج الحوكمة الصحة المناخ'.split(' '),
};
const LANGS = Object.keys(WORDS);
const GROUPS = ['government', 'private-sector', 'civil-society', 'academia', 'technical-community'];
const THEMES = ['Open data', 'Trust', 'Skills', 'Climate'];

/** mulberry32: a small seeded generator, 0 ≤ x < 1. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function sentence(rnd: () => number, language: string, words: number): string {
  const pool = WORDS[language]!;
  const picked = Array.from({ length: words }, () => pool[Math.floor(rnd() * pool.length)]!);
  return language === 'zh' ? `${picked.join('')}。` : `${picked.join(' ')}.`;
}

async function timed(label: string, work: () => Promise<void>) {
  const started = performance.now();
  await work();
  console.log(`  (${label}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

export interface Filled {
  questionIds: string[];
  /** The contribution with the most comments (for a comment page). */
  mostDiscussed: string;
  contributionIds: string[];
}

export async function fillConsultation(db: DatabaseHandle['db'], sessionId: string, questionIds: string[]): Promise<Filled> {
  const rnd = random(15);
  const rows: ConsultationContributionsTable[] = [];
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < SIZES.contributions; i++) {
    const language = LANGS[i % LANGS.length]!;
    const status = i % 50 === 0 ? 'pending' : i % 97 === 0 ? 'hidden' : 'published';
    rows.push(
      contributionRow({
        id: `bench-c-${i}`,
        session_id: sessionId,
        question_id: questionIds[i % questionIds.length]!,
        title: sentence(rnd, language, 4),
        text: Array.from({ length: 4 }, () => sentence(rnd, language, 12)).join(' '),
        language,
        author_id: `bench-p-${i % 3_000}`,
        stakeholder_group: GROUPS[i % GROUPS.length]!,
        mode: 'remote',
        status,
        created_at: start + i * 60_000,
        themes: JSON.stringify(rnd() < 0.3 ? [THEMES[i % THEMES.length]] : []),
        flags: i % 211 === 0 ? 3 : 0,
      }),
    );
  }
  // Supports: a skewed spread (a few popular ones), one row per (contribution, person).
  const supports = new Map<number, number>();
  const supportRows = [];
  for (let s = 0; s < SIZES.supports; s++) {
    const person = s % SIZES.supporters;
    const round = Math.floor(s / SIZES.supporters);
    const target = (Math.floor(Math.pow(rnd(), 3) * SIZES.contributions) * 7 + round) % SIZES.contributions;
    supportRows.push({
      contribution_id: `bench-c-${target}`,
      participant_id: `bench-s-${person}-${round}`,
      session_id: sessionId,
      question_id: rows[target]!.question_id,
      created_at: start,
    });
    supports.set(target, (supports.get(target) ?? 0) + 1);
  }
  const commentRows = [];
  const counts = new Map<number, { comments: number; agree: number; disagree: number; neutral: number }>();
  for (let m = 0; m < SIZES.comments; m++) {
    const target = Math.floor(Math.pow(rnd(), 2) * SIZES.contributions);
    const stance = (['agree', 'disagree', 'neutral'] as const)[m % 3]!;
    const count = counts.get(target) ?? { comments: 0, agree: 0, disagree: 0, neutral: 0 };
    count.comments++;
    count[stance]++;
    counts.set(target, count);
    const language = rows[target]!.language;
    commentRows.push(
      commentRow({
        id: `bench-m-${m}`,
        session_id: sessionId,
        contribution_id: `bench-c-${target}`,
        author_id: `bench-p-${m % 3_000}`,
        text: sentence(rnd, language, 15),
        stance,
        language,
        created_at: start + m * 1_000,
      }),
    );
  }
  for (const [i, row] of rows.entries()) Object.assign(row, { supports: supports.get(i) ?? 0, ...counts.get(i) });
  await timed('contributions', () => insertMany(db, 'consultation_contributions', rows));
  await timed('supports', () => insertMany(db, 'consultation_supports', supportRows));
  await timed('comments', () => insertMany(db, 'consultation_comments', commentRows));
  const mostDiscussed = [...counts.entries()].filter(([i]) => rows[i]!.status === 'published').sort((a, b) => b[1].comments - a[1].comments)[0]![0];
  return { questionIds, mostDiscussed: `bench-c-${mostDiscussed}`, contributionIds: rows.map((row) => row.id) };
}
