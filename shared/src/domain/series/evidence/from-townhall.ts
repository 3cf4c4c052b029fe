// A Town Hall's evidence: the questions the room saw (votes, status), the polls (results) and the
// speaker log. A merged question is not evidence itself: its fate points at the survivor, so a
// reference to it follows the merge (SER5); a question hidden or never approved is `hidden`.
import type { FactPerson, FactTownhall } from '../../record/facts.js';
import type { ResultSummary } from '../../townhall/poll-results.js';
import type { EvidenceDetail, EvidenceItem } from '../types.js';
import type { EvidenceFates } from './fate.js';
import { creditIn, item, languageIn, type SourceContext } from './context.js';
import { evidenceKey } from './keys.js';

function results(s: ResultSummary): NonNullable<EvidenceDetail['results']> {
  if (s.options) return s.options.map((o) => ({ label: o.label, count: o.count }));
  if (s.words) return s.words.map((w) => ({ label: w.word, count: w.count }));
  if (s.rating) return s.rating.distribution.map((d) => ({ label: String(d.value), count: d.count }));
  return [];
}

export function townhallEvidence(ctx: SourceContext, townhall: FactTownhall, people: ReadonlyMap<string, FactPerson>, fates: EvidenceFates): EvidenceItem[] {
  const out: EvidenceItem[] = [];
  for (const q of townhall.questions) {
    const key = evidenceKey(ctx.sessionId, 'townhall-question', q.id);
    if (q.mergedInto !== null) {
      fates.set(key, { change: 'merged', into: evidenceKey(ctx.sessionId, 'townhall-question', q.mergedInto) });
      continue;
    }
    if (q.status !== 'visible' && q.status !== 'answered') {
      fates.set(key, { change: 'hidden' });
      continue;
    }
    const author = q.anonymous ? undefined : people.get(q.authorId);
    out.push(
      item(ctx, 'townhall-question', q.id, {
        text: q.text,
        credit: creditIn(ctx, author ? { name: author.displayName, group: author.stakeholderGroup } : null),
        language: author ? languageIn(ctx, author.language) : null,
        at: q.createdAt,
        detail: { votes: q.votes, status: q.status },
      }),
    );
  }
  for (const { poll, results: r } of townhall.polls) {
    if (poll.status === 'draft') continue;
    out.push(
      item(ctx, 'poll', poll.id, {
        text: poll.question,
        credit: creditIn(ctx, null),
        at: poll.createdAt,
        detail: { status: poll.status, votes: r.overall.ballots, results: results(r.overall) },
      }),
    );
  }
  for (const turn of townhall.speakers) {
    const person = people.get(turn.participantId);
    // One speaker holds the floor at a time: the start is the turn's stored identity, and names nobody.
    out.push(
      item(ctx, 'speaker-turn', String(turn.startedAt), {
        text: turn.topic ?? '',
        credit: creditIn(ctx, { name: person?.displayName ?? null, group: turn.stakeholderGroup }),
        language: languageIn(ctx, person?.language),
        at: turn.startedAt,
      }),
    );
  }
  return out;
}
