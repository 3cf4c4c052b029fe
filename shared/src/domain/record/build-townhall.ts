// The Town Hall part of the record: agenda, questions with votes and status, poll results
// overall and by group, the speakers and the transcript, credited under the attribution.
import { resultsUnder, type PollResults, type ResultSummary } from '../townhall/poll-results.js';
import type { Question } from '../townhall/qa.js';
import { STAKEHOLDER_GROUPS, type Attribution, type Language } from '../words.js';
import { directionOf } from '../content/language-tag.js';
import { orderCaptionStreams } from '../townhall/caption-streams.js';
import { attribute } from '../attribution.js';
import { creditFor, NO_CREDIT, recordCredit } from './credit.js';
import type { FactPerson, FactTownhall } from './facts.js';
import type { RecordCaptionStream, RecordPoll, RecordPollSummary, RecordQuestion, RecordTownhall } from './types.js';

export { MIN_ANONYMOUS_GROUP_BALLOTS } from '../townhall/poll-results.js';

type Lookup = (id: string) => FactPerson | undefined;

/** Questions the room saw: moderated-out and never-approved ones stay out of the record (REC8). */
function inRecord(q: Question): boolean {
  return q.status === 'visible' || q.status === 'answered' || (q.status === 'hidden' && q.mergedInto !== null);
}

/** Most votes first, then the older, then by text: never by author or stored id (REC5). */
function byVotes(a: Question, b: Question): number {
  return b.votes - a.votes || a.createdAt - b.createdAt || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
}

function questions(facts: FactTownhall, attribution: Attribution, lookup: Lookup): RecordQuestion[] {
  const kept = facts.questions.filter(inRecord).sort(byVotes);
  const numbers = new Map(kept.map((q, index) => [q.id, index + 1]));
  return kept.map((q, index) => {
    const author = q.anonymous ? undefined : lookup(q.authorId);
    return {
      number: index + 1,
      text: q.text,
      votes: q.mergedInto === null ? q.votes : 0,
      status: q.mergedInto !== null ? 'merged' : q.status === 'answered' ? 'answered' : 'visible',
      mergedInto: q.mergedInto === null ? null : (numbers.get(q.mergedInto) ?? null),
      credit: author ? creditFor(attribution, { name: author.displayName, group: author.stakeholderGroup, hub: author.hub }) : NO_CREDIT,
      askedAt: q.createdAt,
      answeredAt: q.answeredAt,
    };
  });
}

function summary(s: ResultSummary): RecordPollSummary {
  return {
    ballots: s.ballots,
    options: s.options?.map((o) => ({ label: o.label, count: o.count })) ?? null,
    rating: s.rating ? { average: s.rating.average, distribution: s.rating.distribution.map((d) => ({ ...d })) } : null,
    words: s.words?.map((w) => ({ word: w.word, count: w.count })) ?? null,
  };
}

function pollGroups(results: PollResults, attribution: Attribution): RecordPoll['byGroup'] {
  const shown = resultsUnder(results, attribution).byGroup;
  return STAKEHOLDER_GROUPS.flatMap((group) => {
    const s = shown[group];
    return s ? [{ group, summary: summary(s) }] : [];
  });
}

export function buildTownhall(facts: FactTownhall, attribution: Attribution, lookup: Lookup, sessionLanguages: readonly Language[] = []): RecordTownhall {
  return {
    agenda: facts.agenda.map((item) => ({ title: item.title, durationMs: item.durationMs, startedAt: item.startedAt, endedAt: item.endedAt })),
    questions: questions(facts, attribution, lookup),
    polls: facts.polls.flatMap(({ poll, results }) =>
      poll.status === 'draft'
        ? []
        : [{ question: poll.question, kind: poll.kind, status: poll.status, overall: summary(results.overall), byGroup: pollGroups(results, attribution) }],
    ),
    speakers: [...facts.speakers]
      .sort((a, b) => a.startedAt - b.startedAt)
      .map((turn) => {
        const person = lookup(turn.participantId);
        const said = attribute(attribution, { displayName: person?.displayName ?? null, stakeholderGroup: turn.stakeholderGroup, mode: turn.mode, hub: person?.hub });
        return {
          startedAt: turn.startedAt,
          endedAt: turn.endedAt,
          durationMs: turn.endedAt === null ? null : turn.endedAt - turn.startedAt,
          topic: turn.topic,
          credit: recordCredit(said),
          mode: said.mode,
        };
      }),
    transcript: transcriptStreams(facts.captions, sessionLanguages),
  };
}

/**
 * The transcript, one stream per language (CAPS20): in the session's language order, then the
 * others; each with its direction, for the exports to mark (CAPS21). Captions name no one.
 */
function transcriptStreams(captions: FactTownhall['captions'], sessionLanguages: readonly Language[]): RecordCaptionStream[] {
  const byLanguage = new Map<Language, RecordCaptionStream>();
  for (const c of captions) {
    let stream = byLanguage.get(c.language);
    if (!stream) byLanguage.set(c.language, (stream = { language: c.language, dir: directionOf(c.language), lines: [] }));
    stream.lines.push({ at: c.at, text: c.text });
  }
  const streams = [...byLanguage.values()].map((s) => ({ ...s, count: s.lines.length }));
  return orderCaptionStreams(streams, sessionLanguages).map(({ count: _count, ...s }) => s);
}
