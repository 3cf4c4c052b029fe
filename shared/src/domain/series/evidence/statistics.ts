// The participation table (SER6): people per format, by stakeholder group, in the room / remote and
// by language; contributions per format. Computed from each session's attendance facts, the way
// its record counts (REC1, ATTEND1: participants only, removed people not counted). A session's
// group and language counts enter as its own record would show them under the stricter of the
// series' and its attribution (ATTR5: under `anonymous`, small ones are not shown and add nothing),
// and the series' sums then hide every count of 1 or 2 (`hideSmallCounts`, SER2).
import { groupCountsUnder, isParticipantRole } from '../../attendance.js';
import type { RecordFacts } from '../../record/facts.js';
import { hideSmallCounts } from '../../small-counts.js';
import { SESSION_FORMATS, LANGUAGES, MODES, STAKEHOLDER_GROUPS, type Attribution, type Language, type StakeholderGroup } from '../../words.js';
import { stricterAttribution } from '../attribution.js';
import type { EvidenceItem, SeriesStatistics } from '../types.js';
import type { EvidenceKind } from '../words.js';

/** What counts as a contribution: what a person wrote or said (themes, polls and opinion groups are summaries). */
const CONTRIBUTION_KINDS: ReadonlySet<EvidenceKind> = new Set<EvidenceKind>(['cafe-idea', 'townhall-question', 'speaker-turn', 'consultation-contribution']);

export interface StatisticsSource {
  facts: RecordFacts;
  /** The session's evidence items (contributions are counted from them). */
  items: readonly EvidenceItem[];
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

function addShown<K extends string>(into: Record<K, number>, shown: Record<K, number | null>, keys: readonly K[]): void {
  for (const k of keys) into[k] += shown[k] ?? 0;
}

export function seriesStatistics(sources: readonly StatisticsSource[], seriesAttribution: Attribution, computedAt: number): SeriesStatistics {
  const peopleByFormat = zeroes(SESSION_FORMATS);
  const contributionsByFormat = zeroes(SESSION_FORMATS);
  const byGroup = zeroes(STAKEHOLDER_GROUPS);
  const byMode = zeroes(MODES);
  const byLanguage = zeroes(LANGUAGES);
  const sessions: SeriesStatistics['sessions'] = [];
  let people = 0;
  let contributions = 0;
  for (const { facts, items } of sources) {
    const shown = stricterAttribution(seriesAttribution, facts.session.attribution);
    const groups = zeroes(STAKEHOLDER_GROUPS);
    const languages = zeroes(LANGUAGES);
    let count = 0;
    for (const p of facts.people) {
      if (p.removed || !isParticipantRole(p.role)) continue;
      count++;
      groups[p.stakeholderGroup]++;
      byMode[p.mode]++;
      if (p.language) languages[p.language]++;
    }
    addShown<StakeholderGroup>(byGroup, groupCountsUnder(groups, shown), STAKEHOLDER_GROUPS);
    addShown<Language>(byLanguage, shown === 'anonymous' ? hideSmallCounts(languages, LANGUAGES) : languages, LANGUAGES);
    const comments = facts.consultation?.commentCount ?? facts.consultation?.comments.length ?? 0;
    const made = items.filter((i) => CONTRIBUTION_KINDS.has(i.kind)).length + comments;
    const format = facts.session.format;
    peopleByFormat[format] += count;
    contributionsByFormat[format] += made;
    people += count;
    contributions += made;
    sessions.push({ sessionId: facts.session.id, title: facts.session.title, format, people: count, contributions: made });
  }
  return {
    sessions,
    peopleByFormat,
    byGroup: hideSmallCounts(byGroup, STAKEHOLDER_GROUPS),
    byMode,
    byLanguage: hideSmallCounts(byLanguage, LANGUAGES),
    contributionsByFormat,
    total: { people, contributions },
    computedAt,
  };
}
