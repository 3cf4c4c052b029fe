// Gathers a session's record facts from storage (REC9): never from a browser. Notepads are read
// from the server's open documents or their stored updates, in one pass over the session.
import {
  createPollState,
  groupHarvest,
  notesLanguage,
  parseNotepadRoom,
  pollResults,
  recountTallies,
  type FactCafe,
  type FactTownhall,
  type RecordFacts,
} from '@open-talks/shared';
import type * as Y from 'yjs';
import type { NotepadServer } from '../notepad/index.js';
import { readHarvest, readNotepad, type HarvestContent, type NotepadContent } from '../notepad/read.js';
import type { SessionRecord, Store } from '../store/index.js';
import type { FactConsultation, FactOpinion, Language } from '@open-talks/shared';
import type { ResponseStatus, Stance } from '@open-talks/shared/consultation';
import type { OpinionReport } from '@open-talks/shared/protocol';
import { phaseNow } from '../consultation/public/phase.js';

type RoomContent = { kind: 'table'; tableId: string; round: number; content: NotepadContent } | { kind: 'synthesis'; text: string } | { kind: 'harvest'; content: HarvestContent };

function readRoom(name: string, doc: Y.Doc): RoomContent | null {
  const room = parseNotepadRoom(name);
  if (!room) return null;
  if (room.kind === 'table') return { kind: 'table', tableId: room.tableId, round: room.round, content: readNotepad(doc) };
  if (room.kind === 'synthesis') return { kind: 'synthesis', text: readNotepad(doc).text };
  return { kind: 'harvest', content: readHarvest(doc) };
}

async function cafeFacts(store: Store, sessionId: string, rooms: RoomContent[]): Promise<FactCafe> {
  const [tables, rounds, session, plan, people, chosen] = await Promise.all([
    store.cafe.tables(sessionId),
    store.cafe.rounds(sessionId),
    store.sessions.byId(sessionId),
    store.cafe.plan(sessionId),
    store.participants.listAll(sessionId),
    store.cafe.notesLanguages(sessionId),
  ]);
  // NOTE20: each table's notes language in each round, as a reader of its notepad is told (NOTE19).
  const languageOf = new Map(people.filter((p) => p.removedAt === null).map((p) => [p.id, p.language]));
  const notesLanguages: Record<string, string | null> = {};
  for (const round of rounds) {
    for (const table of tables) {
      const seated = [...(plan?.plan.rounds[round.number - 1]?.[table.id] ?? []), ...(table.hostParticipantId ? [table.hostParticipantId] : [])];
      const unique = [...new Set(seated)];
      notesLanguages[`${table.id}/${round.number}`] = notesLanguage(
        chosen.get(`${table.id}/${round.number}`) ?? null,
        unique.map((id) => languageOf.get(id) ?? null),
        session?.languages ?? [],
      );
    }
  }
  const tableOrder = tables.map((t) => t.id);
  const notes: FactCafe['notes'] = [];
  let harvest: HarvestContent = { ideas: [], themes: [], placement: new Map(), order: new Map() };
  for (const room of rooms) {
    if (room.kind === 'table') notes.push({ tableId: room.tableId, round: room.round, text: room.content.text, ideas: room.content.ideas });
    if (room.kind === 'harvest') harvest = room.content;
  }
  const grouped = groupHarvest(harvest.ideas, harvest.themes, harvest.placement, tableOrder, harvest.order);
  return {
    rounds,
    tables: tables.map((t) => ({ id: t.id, label: t.label, kind: t.kind })),
    notes,
    notesLanguages,
    harvest: { themes: grouped.themes.map((theme) => ({ id: theme.id, name: theme.name, ideas: theme.ideas })), unthemed: grouped.unthemed },
  };
}

async function townhallFacts(store: Store, sessionId: string): Promise<FactTownhall> {
  const [state, questions, polls, ballots, speakers, captions] = await Promise.all([
    store.townhall.state(sessionId),
    store.qa.questions(sessionId),
    store.polls.polls(sessionId),
    store.polls.ballots(sessionId),
    store.speakers.turns(sessionId),
    store.townhall.captions(sessionId),
  ]);
  return {
    agenda: state?.agenda.items ?? [],
    questions,
    polls: polls.map((poll) => {
      const pollState = createPollState(poll);
      pollState.tallies = recountTallies(ballots.get(poll.id) ?? []);
      return { poll, results: pollResults(pollState) };
    }),
    speakers,
    captions: captions.captions.map((c) => ({ text: c.text, language: c.language, at: c.at })),
  };
}

/** `lean`: a consultation's comments are counted, not read, and contributions carry only what evidence shows (series evidence, SER79). */
export interface GatherOptions {
  lean?: boolean;
}

export async function gatherFacts(store: Store, notepads: NotepadServer, session: SessionRecord, now: number = Date.now(), options: GatherOptions = {}): Promise<RecordFacts> {
  const [people, rooms] = await Promise.all([store.participants.listAll(session.id), notepads.readSession(session.id, readRoom)]);
  const contents = [...rooms.values()].filter((room): room is RoomContent => room !== null);
  const synthesis = contents.find((room): room is Extract<RoomContent, { kind: 'synthesis' }> => room.kind === 'synthesis');
  return {
    session: {
      id: session.id,
      title: session.title,
      format: session.format,
      languages: session.languages,
      attribution: session.attribution,
      createdAt: session.createdAt,
      endedAt: session.endedAt,
    },
    people: people.map((p) => ({
      id: p.id,
      displayName: p.displayName,
      role: p.role,
      mode: p.mode,
      stakeholderGroup: p.stakeholderGroup,
      removed: p.removedAt !== null,
      language: p.language,
      ...(p.hub && { hub: { ...p.hub, groups: [...p.hub.groups] } }),
    })),
    synthesis: synthesis?.text ?? '',
    cafe: session.format === 'cafe' ? await cafeFacts(store, session.id, contents) : null,
    townhall: session.format === 'townhall' ? await townhallFacts(store, session.id) : null,
    ...(session.format === 'consultation' ? { consultation: await consultationFacts(store, session.id, now, options.lean ?? false) } : {}),
  };
}

/** A consultation's published rows (CONS68): contributions, comments, responses, opinion reports. */
async function consultationFacts(store: Store, sessionId: string, now: number, lean: boolean): Promise<FactConsultation | null> {
  const config = await store.consultationPublic.config(sessionId);
  if (!config) return null;
  const [contributions, comments, opinions, counts] = await Promise.all([
    lean ? store.consultationPublic.evidenceContributions(sessionId) : store.consultationPublic.publishedContributions(sessionId),
    lean ? Promise.resolve([]) : store.consultationPublic.publishedComments(sessionId),
    store.consultationPublic.opinions(sessionId),
    lean ? store.consultationPublic.questionCounts(sessionId) : Promise.resolve(null),
  ]);
  const withStatements = new Set(config.questions.filter((q) => q.statements).map((q) => q.id));
  return {
    config,
    phase: phaseNow(config, now),
    contributions: contributions.map((c) => ({
      id: c.id,
      questionId: c.question_id,
      authorId: c.author_id,
      authorName: c.author_name,
      group: c.stakeholder_group,
      title: c.title,
      text: c.text,
      language: c.language as Language,
      supports: c.supports,
      stances: { agree: c.agree, disagree: c.disagree, neutral: c.neutral },
      themes: JSON.parse(c.themes) as string[],
      origin: c.origin === null ? null : (JSON.parse(c.origin) as FactConsultation['contributions'][number]['origin']),
      createdAt: c.created_at,
      response: c.response ? { status: c.response.status as ResponseStatus, text: c.response.text, at: c.response.responded_at } : null,
    })),
    comments: comments.map((m) => ({
      id: m.id,
      contributionId: m.contribution_id,
      authorId: m.author_id,
      authorName: m.author_name,
      group: m.stakeholder_group,
      stance: m.stance as Stance,
      text: m.text,
      language: m.language as Language,
      createdAt: m.created_at,
    })),
    opinions: opinions.filter((o) => withStatements.has(o.questionId)).map((o) => opinionFact(o.questionId, o.report)),
    ...(counts ? { commentCount: [...counts.values()].reduce((sum, c) => sum + c.comments, 0) } : {}),
  };
}

/** The stored report reduced to what the record shows: sizes and tallies, no per-person points. */
function opinionFact(questionId: string, json: string): FactOpinion {
  const report = JSON.parse(json) as OpinionReport;
  return {
    questionId,
    answerers: report.answerers,
    groups: report.groups.map((g) => ({ index: g.index, size: g.size })),
    statements: report.statements.map((s) => ({ text: s.text, tally: { ...s.tally }, kind: s.kind })),
  };
}
