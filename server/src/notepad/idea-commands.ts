// The key idea commands (IDEA1–IDEA5, docs/notepads.md): add, edit, mark, move and drop a table
// notepad's key ideas. The server checks who may (NOTE2 write access; IDEA2 curation), stamps
// the author from the token as the session's attribution allows, stores, then acks; everyone
// with the notepad open sees the change through the notepad itself.
import { ideaAttribution, KEY_IDEA_LIMITS, mayCurateTableIdeas, moveIndex, notepadAccess, notepadRoomName, type KeyIdea, type NotepadRoom } from '@open-talks/shared';
import type { addIdeaPayload, dropIdeaPayload, editIdeaPayload, markIdeaPayload, moveIdeaPayload } from '@open-talks/shared/protocol';
import type { z } from 'zod';
import { AppError } from '../errors.js';
import type { Principal } from '../sessions/principal.js';
import type { Store } from '../store/index.js';
import { cafeFacts } from './access-facts.js';
import { viewerOf } from './decisions.js';
import type { TableIdeas } from './table-ideas.js';

type TableRoom = Extract<NotepadRoom, { kind: 'table' }>;

/** What the commands need of the notepad server. */
export interface IdeaNotepads {
  changeIdeas<T>(name: string, sessionId: string, change: (ideas: TableIdeas) => T): Promise<T>;
}

export class IdeaCommands {
  constructor(
    private readonly store: Store,
    private readonly notepads: IdeaNotepads,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * IDEA1: a new idea, its author from the token (never the payload), its table and round from
   * the room. Idempotent by the client's id: an idea already there is answered as it is, so an
   * outbox may send again after a lost ack (IDEA5).
   */
  async add(principal: Principal, input: z.output<typeof addIdeaPayload>): Promise<{ idea: KeyIdea }> {
    const room = await this.checked(principal, input, 'write');
    const person = principal.participant;
    const idea: KeyIdea = {
      id: input.id,
      text: input.text,
      ...ideaAttribution(principal.session.attribution, { displayName: person?.displayName ?? null, stakeholderGroup: person?.stakeholderGroup ?? null }),
      round: room.round,
      tableId: room.tableId,
      createdAt: this.now(),
      marked: false,
      language: input.language ?? person?.language ?? principal.session.languages[0] ?? null,
    };
    return this.change(room, (ideas) => {
      const there = ideas.find((i) => i.id === idea.id);
      if (there) return { ideas, idea: there };
      if (ideas.length >= KEY_IDEA_LIMITS.perNotepad) {
        throw new AppError('conflict', `A table notepad holds at most ${KEY_IDEA_LIMITS.perNotepad} key ideas`, {
          reason: 'ideas.full',
          params: { max: KEY_IDEA_LIMITS.perNotepad },
        });
      }
      return { ideas: [...ideas, idea], idea };
    });
  }

  async edit(principal: Principal, input: z.output<typeof editIdeaPayload>): Promise<{ idea: KeyIdea }> {
    const room = await this.checked(principal, input, 'curate');
    return this.change(room, (ideas) => {
      const idea = { ...found(ideas, input.ideaId), text: input.text };
      return { ideas: ideas.map((i) => (i.id === idea.id ? idea : i)), idea };
    });
  }

  async mark(principal: Principal, input: z.output<typeof markIdeaPayload>): Promise<{ idea: KeyIdea }> {
    const room = await this.checked(principal, input, 'curate');
    return this.change(room, (ideas) => {
      const idea = { ...found(ideas, input.ideaId), marked: input.marked };
      return { ideas: ideas.map((i) => (i.id === idea.id ? idea : i)), idea };
    });
  }

  async move(principal: Principal, input: z.output<typeof moveIdeaPayload>): Promise<Record<string, never>> {
    const room = await this.checked(principal, input, 'curate');
    return this.change(room, (ideas) => {
      const idea = found(ideas, input.ideaId);
      const rest = ideas.filter((i) => i.id !== idea.id);
      const to = moveIndex(ideas.length, input.to, 0);
      return { ideas: [...rest.slice(0, to), idea, ...rest.slice(to)] };
    });
  }

  /** Idempotent: an idea already gone is not an error. */
  async drop(principal: Principal, input: z.output<typeof dropIdeaPayload>): Promise<Record<string, never>> {
    const room = await this.checked(principal, input, 'curate');
    return this.change(room, (ideas) => ({ ideas: ideas.some((i) => i.id === input.ideaId) ? ideas.filter((i) => i.id !== input.ideaId) : ideas }));
  }

  /** NOTE2 (write access) and, for curation, IDEA2: decided from storage, like a notepad connection. */
  private async checked(principal: Principal, where: { tableId: string; round: number }, need: 'write' | 'curate'): Promise<TableRoom> {
    if (principal.session.format !== 'cafe') throw new AppError('conflict', 'This session is a Town Hall, not a café', { reason: 'cafe.notCafe' });
    const room: TableRoom = { kind: 'table', sessionId: principal.session.id, tableId: where.tableId, round: where.round };
    const viewer = viewerOf(principal);
    const facts = await cafeFacts(this.store, room.sessionId);
    const decision = notepadAccess(viewer, room, facts);
    if (decision.refusal === 'no-such-room') throw new AppError('not_found', 'No such table or round', { reason: 'ideas.noSuchNotepad' });
    if (decision.access !== 'write') throw new AppError('forbidden', 'You may not write in this table’s notepad now', { reason: 'ideas.notWriter' });
    if (need === 'curate' && !mayCurateTableIdeas(viewer, room, facts)) {
      throw new AppError('forbidden', 'Only the table’s host arranges its key ideas', { reason: 'ideas.notCurator' });
    }
    return room;
  }

  private async change<R extends { ideas: readonly KeyIdea[] }>(room: TableRoom, next: (ideas: readonly KeyIdea[]) => R): Promise<Omit<R, 'ideas'>> {
    return this.notepads.changeIdeas(notepadRoomName(room), room.sessionId, (table) => {
      const { ideas, ...rest } = next(table.list());
      if (ideas !== table.list()) table.write(ideas);
      return rest;
    });
  }
}

function found(ideas: readonly KeyIdea[], id: string): KeyIdea {
  const idea = ideas.find((i) => i.id === id);
  if (!idea) throw new AppError('not_found', 'No such key idea (it may have been dropped)', { reason: 'ideas.gone' });
  return idea;
}
