import { applyQaChanges, voteQuestion, type QaChange, type TownhallResult } from '@open-talks/shared';
import type { Principal } from '../../sessions/principal.js';
import { requireTownhall, type TownhallContext } from '../context.js';
import type { TownhallRoom } from '../room.js';

type VoteChange = Extract<QaChange, { type: 'vote' }>;
type Outcome = TownhallResult<{ questionId: string; votes: number; changes: QaChange[] }>;

interface PendingVote {
  participantId: string;
  questionId: string;
  up: boolean;
  settle: (outcome: Outcome | { failed: unknown }) => void;
}

/**
 * Group commit for Q&A votes: the votes that arrive while one batch is being stored are decided
 * together, one by one with the pure domain (each sees the ones before it), and stored in one
 * transaction; only then is any of them acked (DUR1). Per vote the work stays constant; per
 * batch it is one transaction instead of one per vote, which is what lets hundreds of votes in
 * the same second through.
 *
 * A batch also waits out the event loop's turn it was opened in (TH-PERF2): the votes read from
 * the network in one turn join it. Without that wait a SQLite write (synchronous underneath)
 * finished before the next vote was even read, so every vote was its own transaction. The wait
 * is inside the session's turn, so no other command of the session slips in between.
 */
export class VoteBatcher {
  private readonly queues = new Map<string, PendingVote[]>();

  constructor(
    private readonly ctx: TownhallContext,
    /** Called once a batch is stored: broadcast its changes. */
    private readonly announce: (room: TownhallRoom, changes: VoteChange[]) => void,
  ) {}

  vote(principal: Principal, participantId: string, questionId: string, up: boolean): Promise<Outcome> {
    requireTownhall(principal.session);
    return new Promise((resolve, reject) => {
      const sessionId = principal.session.id;
      let queue = this.queues.get(sessionId);
      const first = !queue;
      if (!queue) this.queues.set(sessionId, (queue = []));
      queue.push({ participantId, questionId, up, settle: (o) => ('failed' in o ? reject(o.failed) : resolve(o)) });
      // One flush per batch, in the session's turn; later votes wait for the next batch.
      if (first) {
        this.ctx
          .run(principal, (room) => this.flush(room))
          .catch((error: unknown) => {
            // The room could not be loaded: nobody in this batch was counted.
            const stranded = this.queues.get(sessionId) ?? [];
            this.queues.delete(sessionId);
            for (const vote of stranded) vote.settle({ failed: error });
          });
      }
    });
  }

  private async flush(room: TownhallRoom): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    const batch = this.queues.get(room.sessionId) ?? [];
    this.queues.delete(room.sessionId);
    const outcomes: Outcome[] = [];
    const changes: VoteChange[] = [];
    for (const vote of batch) {
      const outcome = voteQuestion(room.board, vote.questionId, vote.participantId, vote.up);
      outcomes.push(outcome);
      if (!outcome.ok) continue;
      // Applied at once so the next vote of the batch is decided on it (a second tab, say).
      applyQaChanges(room.board, outcome.changes);
      changes.push(...(outcome.changes as VoteChange[]));
    }
    try {
      if (changes.length > 0) await this.ctx.store.transaction((repos) => repos.qa.applyVotes(room.sessionId, changes));
    } catch (error) {
      // Not stored: the copy ran ahead of storage, so it is dropped and read again.
      this.ctx.forget(room.sessionId);
      for (const vote of batch) vote.settle({ failed: error });
      return;
    }
    this.announce(room, changes);
    batch.forEach((vote, i) => vote.settle(outcomes[i]!));
  }
}
