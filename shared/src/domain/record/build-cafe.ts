// The café part of the record: each round's question, each table's notes and key ideas, and the
// harvest's themes, credited under the attribution.
import { harvestIdeaKey, type HarvestIdea } from '../notepad/harvest.js';
import type { KeyIdea } from '../notepad/ideas.js';
import type { Attribution } from '../words.js';
import { creditFor } from './credit.js';
import type { FactCafe } from './facts.js';
import type { RecordCafe, RecordIdea } from './types.js';

export function buildCafe(cafe: FactCafe, attribution: Attribution): RecordCafe {
  const labels = new Map(cafe.tables.map((table) => [table.id, table.label]));
  const notes = new Map(cafe.notes.map((n) => [`${n.tableId}/${n.round}`, n]));
  // Each key idea's theme, by its harvest key (table, round, id): the CSV's `theme` column.
  const themeOf = new Map<string, string>();
  for (const theme of cafe.harvest.themes) for (const i of theme.ideas) themeOf.set(harvestIdeaKey(i), theme.name);
  const idea = (i: KeyIdea | HarvestIdea): RecordIdea => ({
    text: i.text,
    credit: creditFor(attribution, { name: i.author, group: i.group }),
    marked: i.marked,
    round: i.round,
    table: i.tableId === null ? null : (labels.get(i.tableId) ?? null),
    theme: themeOf.get(harvestIdeaKey(i)) ?? null,
    at: i.createdAt,
    language: i.language,
  });
  return {
    rounds: cafe.rounds.map((round) => ({
      number: round.number,
      question: round.question,
      tables: cafe.tables.map((table) => {
        const pad = notes.get(`${table.id}/${round.number}`);
        const notesLanguage = cafe.notesLanguages?.[`${table.id}/${round.number}`] ?? null;
        return { label: table.label, kind: table.kind, notes: pad?.text ?? '', notesLanguage, ideas: (pad?.ideas ?? []).map(idea) };
      }),
    })),
    harvest: {
      themes: cafe.harvest.themes.map((theme) => ({ name: theme.name, ideas: theme.ideas.map(idea) })),
      // The server mirrors every key idea into the harvest (HARV1); unthemed, only those the
      // tables marked belong in its summary: all of them are under their tables already.
      unthemed: cafe.harvest.unthemed.filter((i) => i.marked).map(idea),
    },
  };
}
