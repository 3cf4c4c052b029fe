import type { Kysely } from 'kysely';
import type { Ballot, BallotChange, Poll, StakeholderGroup } from '@open-talks/shared';
import type { Database } from './schema.js';

/** Polls (their definition and life, as one JSON value) and one ballot row per person per poll. */
export class PollRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async polls(sessionId: string): Promise<Poll[]> {
    const rows = await this.db.selectFrom('polls').select('poll').where('session_id', '=', sessionId).orderBy('created_at').orderBy('id').execute();
    return rows.map((row) => JSON.parse(row.poll) as Poll);
  }

  async savePoll(sessionId: string, poll: Poll): Promise<void> {
    const json = JSON.stringify(poll);
    await this.db
      .insertInto('polls')
      .values({ id: poll.id, session_id: sessionId, poll: json, created_at: poll.createdAt })
      .onConflict((oc) => oc.column('id').doUpdateSet({ poll: json }))
      .execute();
  }

  /** A draft's row (a draft has no ballots). */
  async deletePoll(sessionId: string, pollId: string): Promise<void> {
    await this.db.deleteFrom('polls').where('session_id', '=', sessionId).where('id', '=', pollId).execute();
  }

  /** Every ballot of the session, by poll id. */
  async ballots(sessionId: string): Promise<Map<string, Ballot[]>> {
    const rows = await this.db.selectFrom('poll_ballots').selectAll().where('session_id', '=', sessionId).execute();
    const byPoll = new Map<string, Ballot[]>();
    for (const row of rows) {
      const ballot: Ballot = {
        participantId: row.participant_id,
        stakeholderGroup: row.stakeholder_group as StakeholderGroup,
        keys: JSON.parse(row.keys) as string[],
        spellings: row.spellings === null ? null : (JSON.parse(row.spellings) as string[]),
        castAt: Number(row.cast_at),
        ...(row.hub_headcount !== null && { hubHeadcount: Number(row.hub_headcount) }),
      };
      const list = byPoll.get(row.poll_id) ?? [];
      list.push(ballot);
      byPoll.set(row.poll_id, list);
    }
    return byPoll;
  }

  /** A decided ballot change: one row written or deleted. */
  async applyBallot(sessionId: string, change: BallotChange): Promise<void> {
    const { ballot } = change;
    if (!ballot) {
      await this.db.deleteFrom('poll_ballots').where('poll_id', '=', change.pollId).where('participant_id', '=', change.participantId).execute();
      return;
    }
    const values = {
      stakeholder_group: ballot.stakeholderGroup,
      keys: JSON.stringify(ballot.keys),
      spellings: ballot.spellings === null ? null : JSON.stringify(ballot.spellings),
      cast_at: ballot.castAt,
      hub_headcount: ballot.hubHeadcount ?? null,
    };
    await this.db
      .insertInto('poll_ballots')
      .values({ poll_id: change.pollId, participant_id: change.participantId, session_id: sessionId, ...values })
      .onConflict((oc) => oc.columns(['poll_id', 'participant_id']).doUpdateSet(values))
      .execute();
  }
}
