// The annex: every contribution verbatim, in an order that follows the session (type, round,
// table, the table's own idea order, time, text), never the author, so no ordering gives a person away (REC5, REC7).
import type { Contribution, RecordCafe, RecordTownhall } from './types.js';

type Unnumbered = Omit<Contribution, 'number'>;

function cafeContributions(cafe: RecordCafe): Unnumbered[] {
  const out: Unnumbered[] = [];
  for (const round of cafe.rounds) {
    for (const table of round.tables) {
      if (table.notes.trim() !== '') {
        out.push({
          type: 'notes',
          round: round.number,
          table: table.label,
          question: round.question,
          text: table.notes,
          credit: { name: null, group: null },
          votes: null,
          theme: null,
          at: null,
        });
      }
      for (const idea of table.ideas) {
        out.push({
          type: 'key-idea',
          round: round.number,
          table: table.label,
          question: round.question,
          text: idea.text,
          credit: idea.credit,
          votes: null,
          theme: idea.theme,
          at: idea.at,
        });
      }
    }
  }
  return out;
}

function townhallContributions(townhall: RecordTownhall): Unnumbered[] {
  return [...townhall.questions]
    .sort((a, b) => a.askedAt - b.askedAt || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
    .map((q) => ({ type: 'question', round: null, table: null, question: null, text: q.text, credit: q.credit, votes: q.votes, theme: null, at: q.askedAt }));
}

export function contributions(cafe: RecordCafe | null, townhall: RecordTownhall | null): Contribution[] {
  const all = [...(cafe ? cafeContributions(cafe) : []), ...(townhall ? townhallContributions(townhall) : [])];
  return all.map((c, index) => ({ number: index + 1, ...c }));
}
