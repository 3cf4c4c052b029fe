import {
  askQuestion,
  canSeeQuestion,
  getQuestion,
  mergeQuestions,
  retagQuestion,
  unpinQuestion,
  applyQaChanges,
  type QaBoard,
  type QaChange,
  type QaResult,
  type Question,
} from '@open-talks/shared';
import type { askPayload, mergePayload, QuestionItem, qaVotePayload } from '@open-talks/shared/protocol';
import type { z } from 'zod';
import { newId } from '../../auth/tokens.js';
import { AppError } from '../../errors.js';
import type { Principal } from '../../sessions/principal.js';
import { isStaff, orThrow, requirePerson, type TownhallContext } from '../context.js';
import type { TownhallRoom } from '../room.js';
import { PUBLIC_VIEWER, questionItem } from '../views.js';
import { VoteBatcher } from './vote-batcher.js';

const PUBLIC_QA = { participantId: '', moderator: false };

/** A pure Q&A decision on the board at a time (shared/src/domain/townhall/qa.ts). */
export type ModeratorDecision = (board: QaBoard, now: number) => QaResult<{ question: Question }>;

/**
 * Town Hall Q&A (QA1–QA13): the pure domain decides, the decided changes are stored in one
 * transaction, applied to the room's copy, then announced per audience. A vote costs one row and
 * one count; its new count goes out coalesced with the other votes of the moment.
 */
export class QaService {
  /** sessionId → questionId → votes not yet broadcast. */
  private readonly pendingVotes = new Map<string, Map<string, number>>();

  private readonly batcher: VoteBatcher;

  constructor(private readonly ctx: TownhallContext) {
    this.batcher = new VoteBatcher(ctx, (room, changes) => void this.announce(room, changes, new Map()));
  }

  ask(principal: Principal, { text, anonymous, language }: z.output<typeof askPayload>): Promise<{ question: QuestionItem }> {
    return this.ctx.run(principal, async (room) => {
      const me = requirePerson(principal);
      const settings = { moderation: room.settings.moderation, anonymousAllowed: room.settings.anonymousQuestions };
      const result = orThrow(askQuestion(room.board, { id: newId(), authorId: me.id, text, anonymous, language: language ?? me.language }, settings, this.ctx.now()));
      await this.commit(room, result.changes);
      return { question: this.itemFor(room, result.question.id, principal) };
    });
  }

  /** One vote, stored with the others of its moment (vote-batcher.ts). QA9. */
  async vote(principal: Principal, { questionId, up }: z.output<typeof qaVotePayload>): Promise<{ questionId: string; votes: number }> {
    const me = requirePerson(principal);
    const result = orThrow(await this.batcher.vote(principal, me.id, questionId, up));
    return { questionId: result.questionId, votes: result.votes };
  }

  /** The ack carries the target (the root the duplicate went into), with its new count. QA8. */
  merge(principal: Principal, { sourceId, targetId }: z.output<typeof mergePayload>): Promise<{ question: QuestionItem }> {
    return this.ctx.run(principal, async (room) => {
      const result = orThrow(mergeQuestions(room.board, sourceId, targetId));
      await this.commit(room, result.changes);
      return { question: this.itemFor(room, result.target.id, principal) };
    });
  }

  /** MT5: a question's text and language as this principal may see it; null when it is not theirs to see (QA2). */
  async original(principal: Principal, questionId: string): Promise<{ text: string; language: string } | null> {
    if (principal.session.format !== 'townhall') return null;
    const room = await this.ctx.room(principal.session);
    const question = getQuestion(room.board, questionId);
    if (!question || question.mergedInto !== null) return null;
    if (!canSeeQuestion(question, { participantId: principal.participant?.id ?? '', moderator: isStaff(principal.role) })) return null;
    return { text: question.text, language: question.language };
  }

  /**
   * MT3: says which language a question is in: its author, or those who may translate (staff,
   * translators); stored, then shown again to whoever sees it (the attribution stays as it was).
   */
  setLanguage(principal: Principal, questionId: string, language: string, mayRetag: (authorId: string | null) => boolean): Promise<void> {
    return this.ctx.run(principal, async (room) => {
      const question = getQuestion(room.board, questionId);
      const viewer = { participantId: principal.participant?.id ?? '', moderator: isStaff(principal.role) };
      if (!question || !canSeeQuestion(question, viewer)) throw new AppError('not_found', `No question ${questionId}.`);
      if (!mayRetag(question.authorId)) throw new AppError('forbidden', 'Only its author or the staff may say which language a question is in');
      await this.commit(room, orThrow(retagQuestion(room.board, questionId, language)).changes);
    });
  }

  unpin(principal: Principal): Promise<object> {
    return this.ctx.run(principal, async (room) => {
      await this.commit(room, orThrow(unpinQuestion(room.board)).changes);
      return {};
    });
  }

  /**
   * A moderator's decision on one question (approve, hide, edit, pin, answer…): the domain
   * decides on the room's board, the change is stored, then announced; the ack carries the
   * question as this moderator sees it. A new moderator command needs only its decision.
   */
  moderate(principal: Principal, questionId: string, decide: ModeratorDecision): Promise<{ question: QuestionItem }> {
    return this.ctx.run(principal, async (room) => {
      const result = orThrow(decide(room.board, this.ctx.now()));
      await this.commit(room, result.changes);
      return { question: this.itemFor(room, questionId, principal) };
    });
  }

  private itemFor(room: TownhallRoom, questionId: string, principal: Principal): QuestionItem {
    const question = getQuestion(room.board, questionId)!;
    return questionItem(room, question, { participantId: principal.participant?.id ?? null, staff: isStaff(principal.role) }, this.ctx.lookup);
  }

  /** Stores the decided changes (all or none), applies them to the copy, then tells who may know. DUR1. */
  private async commit(room: TownhallRoom, changes: readonly QaChange[]): Promise<void> {
    if (changes.length === 0) return;
    const wasPublic = new Map<string, boolean>();
    for (const change of changes) {
      if (change.type !== 'question') continue;
      const before = getQuestion(room.board, change.question.id);
      wasPublic.set(change.question.id, before !== undefined && canSeeQuestion(before, PUBLIC_QA));
    }
    await this.ctx.store.transaction((repos) => repos.qa.apply(room.sessionId, changes));
    applyQaChanges(room.board, changes);
    await this.announce(room, changes, wasPublic);
  }

  private async announce(room: TownhallRoom, changes: readonly QaChange[], wasPublic: ReadonlyMap<string, boolean>): Promise<void> {
    const shown = new Set<string>();
    for (const change of changes) {
      switch (change.type) {
        case 'question':
          shown.add(change.question.id);
          break;
        case 'vote':
          this.queueVotes(room.sessionId, change.questionId, change.votes);
          this.ctx.bus.publish('townhall:voted', { participantId: change.participantId, questionId: change.questionId, voted: change.up });
          break;
        case 'merge-voters':
          shown.add(change.toId);
          for (const participantId of change.added) this.ctx.bus.publish('townhall:voted', { participantId, questionId: change.toId, voted: true });
          break;
      }
    }
    for (const id of shown) {
      const question = getQuestion(room.board, id);
      if (question) await this.showQuestion(room, question, wasPublic.get(id) ?? canSeeQuestion(question, PUBLIC_QA));
    }
  }

  private async showQuestion(room: TownhallRoom, question: Question, wasPublic: boolean): Promise<void> {
    await this.ctx.people.ensure([question.authorId]);
    const author = this.ctx.people.get(question.authorId);
    const lookup = this.ctx.lookup;
    this.ctx.bus.publish('townhall:question', {
      sessionId: room.sessionId,
      audiences: {
        authorId: question.authorId,
        staff: questionItem(room, question, { participantId: null, staff: true }, lookup),
        author: questionItem(room, question, { participantId: question.authorId, staff: author ? isStaff(author.role) : false }, lookup),
        public: canSeeQuestion(question, PUBLIC_QA) ? questionItem(room, question, PUBLIC_VIEWER, lookup) : null,
        wasPublic,
      },
    });
  }

  /** Vote counts go out at most ~4 times a second per session, one small map for all. */
  private queueVotes(sessionId: string, questionId: string, votes: number): void {
    let pending = this.pendingVotes.get(sessionId);
    if (!pending) this.pendingVotes.set(sessionId, (pending = new Map<string, number>()));
    pending.set(questionId, votes);
    this.ctx.coalescer.schedule(`${sessionId}:votes`, () => {
      const counts = this.pendingVotes.get(sessionId);
      this.pendingVotes.delete(sessionId);
      if (counts && counts.size > 0) this.ctx.bus.publish('townhall:votes', { sessionId, counts: Object.fromEntries(counts) });
    });
  }
}
