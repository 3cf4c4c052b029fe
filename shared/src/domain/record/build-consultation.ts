// The consultation's record (CONS68, docs/record.md): questions with their published
// contributions, comments, supports, themes, responses and opinion groups, statistics by group and
// language, every contribution and comment with a reference (C-1, C-1.1 …) for the annex. Credits
// through `creditFor` (ATTR1–ATTR4); under `anonymous` small counts hidden (ATTR5).
import { SCHEDULED_PHASES } from '../consultation/words.js';
import { hideSmallCounts } from '../small-counts.js';
import { LANGUAGES, STAKEHOLDER_GROUPS, type Attribution, type Language, type StakeholderGroup } from '../words.js';
import { creditFor } from './credit.js';
import type { ConsultStatsRow, FactConsultation, RecordConsultComment, RecordConsultation, RecordConsultQuestion } from './consultation-types.js';

type Counts = { contributors: Set<string>; contributions: number; comments: number };

function statsRows<K extends string>(keys: readonly K[], counts: Map<K, Counts>, attribution: Attribution): ConsultStatsRow<K>[] {
  const column = (pick: (c: Counts) => number) => {
    const raw = Object.fromEntries(keys.map((k) => [k, counts.get(k) ? pick(counts.get(k)!) : 0])) as Record<K, number>;
    return attribution === 'anonymous' ? hideSmallCounts(raw, keys) : raw;
  };
  const contributors = column((c) => c.contributors.size);
  const contributions = column((c) => c.contributions);
  const comments = column((c) => c.comments);
  return keys.filter((k) => counts.has(k)).map((key) => ({ key, contributors: contributors[key], contributions: contributions[key], comments: comments[key] }));
}

function statistics(facts: FactConsultation, attribution: Attribution): RecordConsultation['statistics'] {
  const byGroup = new Map<StakeholderGroup, Counts>();
  const byLanguage = new Map<Language, Counts>();
  const everyone = new Set<string>();
  const add = <K>(map: Map<K, Counts>, key: K, author: string | null, what: 'contributions' | 'comments') => {
    const entry = map.get(key) ?? { contributors: new Set<string>(), contributions: 0, comments: 0 };
    entry[what]++;
    if (author) entry.contributors.add(author);
    map.set(key, entry);
  };
  const isGroup = (g: string | null): g is StakeholderGroup => g !== null && (STAKEHOLDER_GROUPS as readonly string[]).includes(g);
  for (const c of facts.contributions) {
    if (c.authorId) everyone.add(c.authorId);
    if (isGroup(c.group)) add(byGroup, c.group, c.authorId, 'contributions');
    add(byLanguage, c.language, c.authorId, 'contributions');
  }
  for (const m of facts.comments) {
    everyone.add(m.authorId);
    if (isGroup(m.group)) add(byGroup, m.group, m.authorId, 'comments');
    add(byLanguage, m.language, m.authorId, 'comments');
  }
  return {
    total: { contributors: everyone.size, contributions: facts.contributions.length, comments: facts.comments.length },
    byGroup: statsRows(STAKEHOLDER_GROUPS, byGroup, attribution),
    byLanguage: statsRows(LANGUAGES, byLanguage, attribution),
  };
}

export function buildConsultation(facts: FactConsultation, attribution: Attribution): RecordConsultation {
  const commentsOf = new Map<string, FactConsultation['comments']>();
  for (const m of [...facts.comments].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))) {
    commentsOf.set(m.contributionId, [...(commentsOf.get(m.contributionId) ?? []), m]);
  }
  let next = 1;
  const questions: RecordConsultQuestion[] = facts.config.questions.map((q, index) => {
    const mine = facts.contributions.filter((c) => c.questionId === q.id).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
    const themes = new Map<string, number>();
    const contributions = mine.map((c) => {
      const reference = `C-${next++}`;
      for (const theme of c.themes) themes.set(theme, (themes.get(theme) ?? 0) + 1);
      const comments: RecordConsultComment[] = (commentsOf.get(c.id) ?? []).map((m, i) => ({
        reference: `${reference}.${i + 1}`,
        stance: m.stance,
        text: m.text,
        language: m.language,
        credit: creditFor(attribution, { name: m.authorName, group: m.group }),
        at: m.createdAt,
      }));
      return {
        reference,
        title: c.title,
        text: c.text,
        language: c.language,
        // A seed carried in has no author (CONS62).
        credit: creditFor(attribution, c.authorId === null ? null : { name: c.authorName, group: c.group }),
        supports: c.supports,
        stances: { ...c.stances },
        themes: [...c.themes],
        origin: c.origin,
        at: c.createdAt,
        response: c.response,
        comments,
      };
    });
    return {
      number: index + 1,
      text: q.text,
      description: q.description,
      contributions,
      themes: [...themes].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
      opinions: q.statements ? (facts.opinions.find((o) => o.questionId === q.id) ?? null) : null,
    };
  });
  return {
    background: facts.config.settings.background,
    phase: facts.phase,
    schedule: SCHEDULED_PHASES.map((phase) => ({ phase, at: facts.config.schedule[phase] })),
    questions,
    statistics: statistics(facts, attribution),
  };
}
