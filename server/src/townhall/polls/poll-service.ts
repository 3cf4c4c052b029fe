import {
  applyBallotChange,
  canSeeResults,
  castBallot,
  closePoll,
  createPoll,
  createPollState,
  deletablePoll,
  editPoll,
  openPoll,
  pollResults,
  resultsUnder,
  setResultsVisible,
  withdrawBallot,
  type BallotChange,
  type Poll,
  type PollResult,
  type PollResults,
  type PollState,
} from '@open-talks/shared';
import type { MyBallot, PollItem, editPollPayload, pollDefinition, pollVotePayload } from '@open-talks/shared/protocol';
import type { z } from 'zod';
import { newId } from '../../auth/tokens.js';
import { AppError } from '../../errors.js';
import type { Principal } from '../../sessions/principal.js';
import { isStaff, orThrow, requirePerson, type TownhallContext } from '../context.js';
import { stateRecord, type TownhallRoom } from '../room.js';
import { myBallot, type TownhallViewer } from '../views.js';

/**
 * Polls (POLL1–POLL11): definitions change rarely and are stored whole; a ballot is one row
 * written or deleted and moves the tallies by its difference. Results are computed when they go
 * out (coalesced per session, ~4 a second), never per vote.
 */
export class PollService {
  /** sessionId → polls whose results changed since the last broadcast. */
  private readonly pendingResults = new Map<string, Set<string>>();

  constructor(private readonly ctx: TownhallContext) {}

  create(principal: Principal, definition: z.output<typeof pollDefinition>): Promise<{ poll: PollItem }> {
    return this.ctx.run(principal, async (room) => {
      const { poll } = orThrow(createPoll(newId(), definition, this.ctx.now()));
      await this.ctx.store.polls.savePoll(room.sessionId, poll);
      room.polls.set(poll.id, createPollState(poll));
      this.ctx.bus.publish('townhall:poll-changed', { sessionId: room.sessionId, poll });
      return { poll: this.itemFor(room, poll.id, principal) };
    });
  }

  edit(principal: Principal, { pollId, ...definition }: z.output<typeof editPollPayload>): Promise<{ poll: PollItem }> {
    return this.change(principal, pollId, (poll) => editPoll(poll, definition));
  }

  /** Opening a poll also puts it on the projector. POLL3. */
  open(principal: Principal, pollId: string): Promise<{ poll: PollItem }> {
    return this.change(principal, pollId, (poll) => openPoll(poll, this.ctx.now()), { project: true });
  }

  close(principal: Principal, pollId: string): Promise<{ poll: PollItem }> {
    return this.change(principal, pollId, (poll) => closePoll(poll, this.ctx.now()));
  }

  /** Deletes a draft (POLL12): nobody but staff saw it, so only they are told. */
  delete(principal: Principal, pollId: string): Promise<object> {
    return this.ctx.run(principal, async (room) => {
      orThrow(deletablePoll(this.stateOf(room, pollId).poll));
      await this.ctx.store.polls.deletePoll(room.sessionId, pollId);
      room.polls.delete(pollId);
      room.resultsCache.delete(pollId);
      this.ctx.bus.publish('townhall:poll-deleted', { sessionId: room.sessionId, pollId });
      return {};
    });
  }

  resultsVisible(principal: Principal, pollId: string, visible: boolean): Promise<{ poll: PollItem }> {
    return this.change(principal, pollId, (poll) => setResultsVisible(poll, visible));
  }

  project(principal: Principal, pollId: string | null): Promise<{ projectedPollId: string | null }> {
    return this.ctx.run(principal, async (room) => {
      if (pollId !== null) {
        const state = this.stateOf(room, pollId);
        if (state.poll.status === 'draft') throw new AppError('conflict', 'Open the poll before putting it on the projector', { reason: 'townhall.openBeforeProject' });
      }
      await this.ctx.saveState(room, { projectedPollId: pollId });
      room.projectedPollId = pollId;
      this.ctx.bus.publish('townhall:projected', { sessionId: room.sessionId, pollId });
      return { projectedPollId: pollId };
    });
  }

  vote(principal: Principal, { pollId, choice }: z.output<typeof pollVotePayload>): Promise<{ ballot: MyBallot }> {
    return this.ctx.run(principal, async (room) => {
      const me = requirePerson(principal);
      const state = this.stateOf(room, pollId);
      const { change } = orThrow(castBallot(state, { participantId: me.id, stakeholderGroup: me.stakeholderGroup, hubHeadcount: me.hub?.headcount }, choice, this.ctx.now()));
      await this.applyBallot(room, state, change);
      return { ballot: myBallot(state.poll, change.ballot!) };
    });
  }

  withdraw(principal: Principal, pollId: string): Promise<object> {
    return this.ctx.run(principal, async (room) => {
      const me = requirePerson(principal);
      const state = this.stateOf(room, pollId);
      await this.applyBallot(room, state, orThrow(withdrawBallot(state, me.id)).change);
      return {};
    });
  }

  /** Every poll this viewer may see, newest first, with results when they may see them. POLL4. */
  itemsFor(room: TownhallRoom, viewer: TownhallViewer): PollItem[] {
    const items: PollItem[] = [];
    for (const state of room.polls.values()) {
      if (viewer.staff || state.poll.status !== 'draft') items.push(this.item(room, state, viewer));
    }
    return items.reverse();
  }

  private item(room: TownhallRoom, state: PollState, viewer: TownhallViewer): PollItem {
    const ballot = viewer.participantId === null ? undefined : Object.hasOwn(state.ballots, viewer.participantId) ? state.ballots[viewer.participantId] : undefined;
    return {
      poll: state.poll,
      results: canSeeResults(state.poll, viewer.staff) ? this.results(room, state) : null,
      ballot: ballot ? myBallot(state.poll, ballot) : null,
    };
  }

  private itemFor(room: TownhallRoom, pollId: string, principal: Principal): PollItem {
    return this.item(room, this.stateOf(room, pollId), { participantId: principal.participant?.id ?? null, staff: isStaff(principal.role) });
  }

  private results(room: TownhallRoom, state: PollState): PollResults {
    let results = room.resultsCache.get(state.poll.id);
    // Under Chatham House, a group of one or two is left out of the breakdown, for staff too (POLL13).
    if (!results) room.resultsCache.set(state.poll.id, (results = resultsUnder(pollResults(state), room.attribution)));
    return results;
  }

  private stateOf(room: TownhallRoom, pollId: string): PollState {
    const state = room.polls.get(pollId);
    if (!state) throw new AppError('not_found', `No poll ${pollId}`);
    return state;
  }

  private change(principal: Principal, pollId: string, decide: (poll: Poll) => PollResult, options: { project?: boolean } = {}): Promise<{ poll: PollItem }> {
    return this.ctx.run(principal, async (room) => {
      const state = this.stateOf(room, pollId);
      const wasDraft = state.poll.status === 'draft';
      const { poll } = orThrow(decide(state.poll));
      const project = options.project === true && room.projectedPollId !== poll.id;
      await this.ctx.store.transaction(async (repos) => {
        await repos.polls.savePoll(room.sessionId, poll);
        if (project) await repos.townhall.saveState(room.sessionId, stateRecord(room, { projectedPollId: poll.id }), this.ctx.now());
      });
      state.poll = poll;
      room.resultsCache.delete(poll.id);
      this.ctx.bus.publish('townhall:poll-changed', { sessionId: room.sessionId, poll });
      if (wasDraft && poll.status === 'open') this.ctx.bus.publish('townhall:poll-opened', { sessionId: room.sessionId, pollId: poll.id });
      if (project) {
        room.projectedPollId = poll.id;
        this.ctx.bus.publish('townhall:projected', { sessionId: room.sessionId, pollId: poll.id });
      }
      this.queueResults(room, poll.id);
      return { poll: this.itemFor(room, poll.id, principal) };
    });
  }

  private async applyBallot(room: TownhallRoom, state: PollState, change: BallotChange): Promise<void> {
    await this.ctx.store.polls.applyBallot(room.sessionId, change);
    applyBallotChange(state, change);
    room.resultsCache.delete(state.poll.id);
    this.queueResults(room, state.poll.id);
    this.ctx.bus.publish('townhall:ballot', { participantId: change.participantId, pollId: state.poll.id, ballot: change.ballot ? myBallot(state.poll, change.ballot) : null });
  }

  /** Staff always get results; everyone while they are shown (POLL4, POLL8). Coalesced per session. */
  private queueResults(room: TownhallRoom, pollId: string): void {
    let pending = this.pendingResults.get(room.sessionId);
    if (!pending) this.pendingResults.set(room.sessionId, (pending = new Set()));
    pending.add(pollId);
    this.ctx.coalescer.schedule(`${room.sessionId}:polls`, () => {
      const ids = this.pendingResults.get(room.sessionId) ?? new Set<string>();
      this.pendingResults.delete(room.sessionId);
      for (const id of ids) {
        const state = room.polls.get(id);
        if (state) this.ctx.bus.publish('townhall:poll-results', { sessionId: room.sessionId, results: this.results(room, state), everyone: canSeeResults(state.poll, false) });
      }
    });
  }
}
