// The annex (SER9, SER80–SER84): every contribution of the series word for word, grouped by
// format then session, each with a reference `A.<section>.<n>` that the footnotes point to.
// Generated from the evidence items, never typed; their credit is narrowed again to the
// section's attribution, so the annex can never show more than its session allows (SER2).
import { SESSION_FORMATS, type Attribution } from '../../words.js';
import { narrowCredit, stricterAttribution } from '../attribution.js';
import type { AnnexSection, EvidenceItem } from '../types.js';
import type { EvidenceKind } from '../words.js';

/**
 * What a person contributed, as opposed to what the session made of it (SER81): a café table's
 * key idea, a Town Hall question, a consultation contribution. Harvest themes, polls, the
 * speaker log and opinion groups are summaries or counts, not anybody's words; café table notes
 * are a host's running notes of the conversation (not one person's words, and not evidence).
 */
export const ANNEX_KINDS: readonly EvidenceKind[] = ['cafe-idea', 'townhall-question', 'consultation-contribution'];

export interface AnnexOptions {
  /** The series' default attribution. */
  seriesAttribution: Attribution;
  /** Each session's own attribution; a session not listed is treated as `anonymous` (never loosened). */
  sessionAttribution: ReadonlyMap<string, Attribution>;
}

/** The annex sections, numbered 1, 2, … in format order (café, Town Hall, consultation), then session order. */
export function buildAnnex(evidence: readonly EvidenceItem[], options: AnnexOptions): AnnexSection[] {
  const bySession = new Map<string, EvidenceItem[]>();
  for (const item of evidence) {
    if (!ANNEX_KINDS.includes(item.kind)) continue;
    const list = bySession.get(item.sessionId);
    if (list) list.push(item);
    else bySession.set(item.sessionId, [item]);
  }
  const sessions = [...bySession.values()];
  const sections: AnnexSection[] = [];
  for (const format of SESSION_FORMATS) {
    for (const items of sessions.filter((s) => s[0]!.format === format)) {
      const first = items[0]!;
      const attribution = stricterAttribution(options.seriesAttribution, options.sessionAttribution.get(first.sessionId) ?? 'anonymous');
      const section = sections.length + 1;
      sections.push({
        format,
        sessionId: first.sessionId,
        sessionTitle: first.sessionTitle,
        attribution,
        entries: items.map((item, index) => ({
          ref: `A.${section}.${index + 1}`,
          kind: item.kind,
          text: item.text,
          credit: narrowCredit(item.credit, attribution),
          language: item.language,
          at: item.at,
          detail: item.detail,
        })),
      });
    }
  }
  return sections;
}

/** Evidence key → annex reference, for the footnotes (an item is found by its position in its session). */
export function annexRefsByKey(evidence: readonly EvidenceItem[], annex: readonly AnnexSection[]): Map<string, string> {
  const sectionOf = new Map(annex.map((s) => [s.sessionId, s]));
  const seen = new Map<string, number>();
  const out = new Map<string, string>();
  for (const item of evidence) {
    if (!ANNEX_KINDS.includes(item.kind)) continue;
    const section = sectionOf.get(item.sessionId);
    if (!section) continue;
    const index = seen.get(item.sessionId) ?? 0;
    seen.set(item.sessionId, index + 1);
    const entry = section.entries[index];
    if (entry) out.set(item.key, entry.ref);
  }
  return out;
}
