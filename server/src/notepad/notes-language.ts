// A table's notes language (NOTE17–NOTE19, docs/notepads.md): chosen by someone who writes in the
// table's notepad, stored before the ack, told to the session; by default the language most of
// the people seated there speak. Access is decided from storage, like a notepad connection.
import { notepadAccess, notesLanguage, type NotepadRoom } from '@open-talks/shared';
import type { NotesLanguageView, notesLanguagePayload, setNotesLanguagePayload } from '@open-talks/shared/protocol';
import type { z } from 'zod';
import { AppError } from '../errors.js';
import type { EventBus } from '../events/bus.js';
import type { Principal } from '../sessions/principal.js';
import type { Store } from '../store/index.js';
import { cafeFacts } from './access-facts.js';
import { viewerOf } from './decisions.js';

type TableRoom = Extract<NotepadRoom, { kind: 'table' }>;

export class NotesLanguages {
  constructor(
    private readonly store: Store,
    private readonly bus: EventBus,
    private readonly now: () => number = Date.now,
  ) {}

  /** NOTE18: those who may write the table's notes now choose their language, for this round's notes. */
  async set(principal: Principal, input: z.output<typeof setNotesLanguagePayload>): Promise<{ notesLanguage: NotesLanguageView }> {
    const room = await this.checked(principal, input, 'write');
    await this.store.cafe.setNotesLanguage(room.sessionId, room.tableId, room.round, input.language, this.now());
    this.bus.publish('notepad:language', { sessionId: room.sessionId, change: { tableId: room.tableId, round: room.round, language: input.language } });
    return { notesLanguage: { tableId: room.tableId, round: room.round, language: input.language, chosen: true } };
  }

  /** NOTE19: whoever reads the table's notepad reads its language. */
  async get(principal: Principal, input: z.output<typeof notesLanguagePayload>): Promise<{ notesLanguage: NotesLanguageView }> {
    const room = await this.checked(principal, input, 'read');
    return { notesLanguage: await this.of(room.sessionId, room.tableId, room.round) };
  }

  /** NOTE17–NOTE18: the table's language in a round, for readers, the record and its formats. */
  async of(sessionId: string, tableId: string, round: number): Promise<NotesLanguageView> {
    const chosen = (await this.store.cafe.notesLanguages(sessionId)).get(`${tableId}/${round}`) ?? null;
    if (chosen !== null) return { tableId, round, language: chosen, chosen: true };
    return { tableId, round, language: await this.defaultFor(sessionId, tableId, round), chosen: false };
  }

  private async defaultFor(sessionId: string, tableId: string, round: number): Promise<string | null> {
    const [session, tables, plan, people] = await Promise.all([
      this.store.sessions.byId(sessionId),
      this.store.cafe.tables(sessionId),
      this.store.cafe.plan(sessionId),
      this.store.participants.listActive(sessionId),
    ]);
    const seated = new Set(plan?.plan.rounds[round - 1]?.[tableId] ?? []);
    const host = tables.find((t) => t.id === tableId)?.hostParticipantId;
    if (host) seated.add(host);
    const languages = people.filter((p) => seated.has(p.id)).map((p) => p.language);
    return notesLanguage(null, languages, session?.languages ?? []);
  }

  private async checked(principal: Principal, where: { tableId: string; round: number }, need: 'write' | 'read'): Promise<TableRoom> {
    if (principal.session.format !== 'cafe') throw new AppError('conflict', 'This session is a Town Hall, not a café', { reason: 'cafe.notCafe' });
    const room: TableRoom = { kind: 'table', sessionId: principal.session.id, tableId: where.tableId, round: where.round };
    const decision = notepadAccess(viewerOf(principal), room, await cafeFacts(this.store, room.sessionId));
    if (decision.refusal === 'no-such-room') throw new AppError('not_found', 'No such table or round', { reason: 'ideas.noSuchNotepad' });
    if (decision.access === 'none') throw new AppError('forbidden', 'You may not read this table’s notepad', { reason: 'notes.notReader' });
    if (need === 'write' && decision.access !== 'write') throw new AppError('forbidden', 'You may not write in this table’s notepad now', { reason: 'ideas.notWriter' });
    return room;
  }
}
