// What a finished café or a Town Hall gives a consultation as seeds (CONS60): the café's harvest
// themes and its tables' key ideas, read from its record (so the same facts the record shows), and
// the Town Hall's questions still open (not answered, hidden, merged or pending). No author is ever
// carried (CONS62): a seed's provenance is its `origin`, never a person.
import { CONSULTATION_LIMITS } from '@open-talks/shared/consultation';
import type { ContributionOrigin as Origin } from '@open-talks/shared/protocol';
import type { Language } from '@open-talks/shared';
import type { RecordService } from '../../record/record-service.js';
import type { SessionRecord, Store } from '../../store/index.js';

export interface Seed {
  /** Stable within the source: the same item imported twice has the same key (CONS61). */
  key: string;
  title: string;
  text: string;
  language: Language;
  origin: Origin;
}

export interface Include {
  themes: boolean;
  keyIdeas: boolean;
  questions: boolean;
}

/** A title from a text: its first line, cut at a word before the limit. */
export function titleOf(text: string): string {
  const line = text.trim().split(/\r?\n/)[0] ?? '';
  const max = Math.min(CONSULTATION_LIMITS.titleLength, 120);
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

function clip(text: string): string {
  return text.length <= CONSULTATION_LIMITS.textLength ? text : `${text.slice(0, CONSULTATION_LIMITS.textLength - 1)}…`;
}

async function cafeSeeds(records: RecordService, source: SessionRecord, include: Include): Promise<Seed[]> {
  const record = await records.record(source);
  const cafe = record.cafe;
  if (!cafe) return [];
  const language = source.languages[0] ?? 'en';
  const origin = (kind: Origin['kind'], table: string | null, round: number | null): Origin => ({ format: 'cafe', sessionTitle: source.title, kind, table, round });
  const seeds: Seed[] = [];
  if (include.themes) {
    for (const theme of cafe.harvest.themes) {
      if (!theme.name.trim()) continue;
      const text = theme.ideas.map((i) => `- ${i.text}`).join('\n') || theme.name;
      seeds.push({ key: `theme:${theme.name.trim().toLocaleLowerCase()}`, title: titleOf(theme.name), text: clip(text), language, origin: origin('theme', null, null) });
    }
  }
  if (include.keyIdeas) {
    for (const round of cafe.rounds) {
      for (const table of round.tables) {
        for (const idea of table.ideas) {
          if (!idea.text.trim()) continue;
          seeds.push({
            key: `idea:${round.number}:${table.label}:${idea.at}:${idea.text}`,
            title: titleOf(idea.text),
            text: clip(idea.text),
            language,
            origin: origin('key-idea', table.label, round.number),
          });
        }
      }
    }
  }
  return seeds;
}

async function townhallSeeds(store: Store, source: SessionRecord, include: Include): Promise<Seed[]> {
  if (!include.questions) return [];
  const language = source.languages[0] ?? 'en';
  const questions = await store.qa.questions(source.id);
  return questions
    .filter((q) => q.status === 'visible' && q.mergedInto === null)
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((q) => ({
      key: `question:${q.id}`,
      title: titleOf(q.text),
      text: clip(q.text),
      language,
      origin: { format: 'townhall', sessionTitle: source.title, kind: 'question', table: null, round: null },
    }));
}

export function seedsOf(store: Store, records: RecordService, source: SessionRecord, include: Include): Promise<Seed[]> {
  return source.format === 'cafe' ? cafeSeeds(records, source, include) : townhallSeeds(store, source, include);
}
