// What every evidence builder knows of the session an item comes from, and the one way it credits
// a person: first as the session's record would (`creditFor`), then narrowed to the stricter of
// the series' and the session's attribution (SER2). Nothing else here writes a credit.
import { creditFor } from '../../record/credit.js';
import type { Credit } from '../../record/types.js';
import type { RecordFacts } from '../../record/facts.js';
import type { Attribution, Language, SessionFormat } from '../../words.js';
import { narrowCredit, stricterAttribution } from '../attribution.js';
import type { EvidenceDetail, EvidenceItem } from '../types.js';
import type { EvidenceKind } from '../words.js';
import { evidenceKey } from './keys.js';

export interface SourceContext {
  sessionId: string;
  sessionTitle: string;
  format: SessionFormat;
  /** The session's own attribution. */
  session: Attribution;
  /** The stricter of the series' and the session's: what every item of it may show at most. */
  shown: Attribution;
}

export function sourceContext(facts: RecordFacts, seriesAttribution: Attribution): SourceContext {
  const s = facts.session;
  return { sessionId: s.id, sessionTitle: s.title, format: s.format, session: s.attribution, shown: stricterAttribution(seriesAttribution, s.attribution) };
}

export function creditIn(ctx: SourceContext, person: { name: string | null; group: string | null } | null): Credit {
  return narrowCredit(creditFor(ctx.session, person), ctx.shown);
}

/** A person's language says who they may be: not shown when the item's session is anonymous to the series. */
export function languageIn(ctx: SourceContext, language: Language | null | undefined): Language | null {
  return ctx.shown === 'anonymous' ? null : (language ?? null);
}

export function item(
  ctx: SourceContext,
  kind: EvidenceKind,
  storedId: string,
  fields: { text: string; theme?: string | null; credit: Credit; language?: Language | null; at?: number | null; detail?: EvidenceDetail },
): EvidenceItem {
  return {
    key: evidenceKey(ctx.sessionId, kind, storedId),
    sessionId: ctx.sessionId,
    sessionTitle: ctx.sessionTitle,
    format: ctx.format,
    kind,
    text: fields.text,
    theme: fields.theme ?? null,
    credit: fields.credit,
    language: fields.language ?? null,
    at: fields.at ?? null,
    detail: fields.detail ?? {},
  };
}
