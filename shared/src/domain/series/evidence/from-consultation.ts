// A consultation's evidence: every published contribution (title and text, supports, official
// response, themes, language) and the opinion groups of its statements.
import type { FactConsultation } from '../../record/consultation-types.js';
import type { EvidenceItem } from '../types.js';
import { creditIn, item, type SourceContext } from './context.js';

/** A contribution's words as the annex and a quotation give them: the title, a blank line, the text. */
export function contributionText(title: string, text: string): string {
  return title.trim() === '' ? text : `${title}\n\n${text}`;
}

export function consultationEvidence(ctx: SourceContext, consultation: FactConsultation): EvidenceItem[] {
  const questionText = new Map(consultation.config.questions.map((q) => [q.id, q.text]));
  const contributions = consultation.contributions.map((c) =>
    item(ctx, 'consultation-contribution', c.id, {
      text: contributionText(c.title, c.text),
      theme: c.themes[0] ?? null,
      // A seed carried in from another session has no author (CONS62).
      credit: creditIn(ctx, c.authorId === null ? null : { name: c.authorName, group: c.group }),
      // The language a contribution is written in is its text's, not its author's: shown like the record does.
      language: c.language,
      at: c.createdAt,
      detail: { supports: c.supports, status: c.response?.status ?? 'published', response: c.response ? { status: c.response.status, text: c.response.text } : null },
    }),
  );
  const groups = consultation.opinions.flatMap((o) =>
    o.groups.map((g) =>
      item(ctx, 'opinion-group', `${o.questionId}/${g.index}`, {
        text: `${g.index + 1}. ${questionText.get(o.questionId) ?? ''}`.trim(),
        credit: creditIn(ctx, null),
        detail: { size: g.size, results: o.statements.map((s) => ({ label: s.text, count: s.tally.agree })) },
      }),
    ),
  );
  return [...contributions, ...groups];
}
