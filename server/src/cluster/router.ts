// Forwarding to the owner (docs/cluster.md, CLU30–CLU40): whatever node a command, a live read or
// a person's change arrives at, it runs on the session's owner, the one node holding its state.
import type { SessionFormat } from '@open-talks/shared';
import type { Ack, CommandName, SessionState } from '@open-talks/shared/protocol';
import { AppError, toApiError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Sender } from '../realtime/command.js';
import type { Principal } from '../sessions/principal.js';
import type { ParticipantRecord } from '../store/index.js';
import { NotSent, type NodeClient } from './forward.js';
import { INTERNAL_PREFIX } from './internal-auth.js';
import { KeyedChain } from './router-chain.js';
import type { NodeDirectory, SessionOwnership } from './ownership.js';

/** What a session's owner runs itself (router-local.ts); on one process, this is the router. */
export interface SessionRouter {
  /** Runs a command for its sender; never throws, answers the ack. */
  command(name: CommandName, sender: Sender, payload: unknown): Promise<Ack<object>>;
  /** What the sender sees of the session now (`session:state`); `known` saves a read on the owner. */
  state(sender: Sender, known?: Principal): Promise<SessionState>;
  /** The café re-seats a person, the Town Hall follows their name and hand (after a join, a role change…). */
  personChanged(participant: ParticipantRecord, format: SessionFormat): Promise<void>;
}

/** Runs owner work under this node's lease and fence (core's `ownerRun`); refuses with `unavailable` otherwise. */
export type OwnerRun = <T>(sessionId: string, fn: () => Promise<T>) => Promise<T>;

/** The internal endpoints, one per kind of thing forwarded. */
export const INTERNAL = {
  command: `${INTERNAL_PREFIX}command`,
  state: `${INTERNAL_PREFIX}state`,
  personChanged: `${INTERNAL_PREFIX}person-changed`,
} as const;

/** What comes back from the owner's state endpoint. */
export type StateAnswer = { ok: true; state: SessionState } | { ok: false; error: { code: AppError['code']; message: string } };

const UNAVAILABLE_MESSAGE = 'The session is moving to another server; try again in a moment';
const STATE_RETRY_MS = 250; // ms between two tries of a state read while its session finds a new owner
/** Commands that touch no session state, answered where the socket is (a clock sync needs no detour). */
const ANSWERED_ANYWHERE: ReadonlySet<CommandName> = new Set(['clock:ping']);

export interface ClusterRouterDeps {
  ownership: SessionOwnership;
  nodes: NodeDirectory;
  client: NodeClient;
  /** This node's own runner: used when it owns the session. */
  local: SessionRouter;
  run: OwnerRun;
  log: Logger;
  /** ms a state read keeps trying while its session has no reachable owner (a dead owner's lease runs out). */
  statePatienceMs: number;
  /** ms after which a person's change the owner could not be told about is tried once more: its lease has run out by then (CLU50). */
  personRetryMs: number;
  /** Re-reads a person before that second try: they may have changed or left meanwhile. */
  participant(id: string): Promise<ParticipantRecord | undefined>;
}

/** The router of a node in a cluster: runs here what this node owns, forwards the rest (CLU30). */
export class ClusterRouter implements SessionRouter {
  /** A sender's commands, one after the other (CLU48): a raised then lowered hand stays lowered. */
  readonly chains = new KeyedChain();
  private readonly retries = new Set<NodeJS.Timeout>();

  constructor(private readonly deps: ClusterRouterDeps) {}

  command(name: CommandName, sender: Sender, payload: unknown): Promise<Ack<object>> {
    if (ANSWERED_ANYWHERE.has(name)) return this.deps.local.command(name, sender, payload);
    // Never rejects (see send), so one failed command does not hold up the next.
    return this.chains.run(`${sender.sessionId}/${sender.participantId ?? ''}`, () => this.send(name, sender, payload));
  }

  private async send(name: CommandName, sender: Sender, payload: unknown): Promise<Ack<object>> {
    const { local, run, client } = this.deps;
    try {
      return await this.route(
        sender.sessionId,
        () => run(sender.sessionId, () => local.command(name, sender, payload)),
        async (url) => (await client.postJson(url, INTERNAL.command, { name, sender, payload })) as Ack<object>,
      );
    } catch (error) {
      if (!(error instanceof AppError)) this.deps.log.error({ err: error, cmd: name, sessionId: sender.sessionId }, 'command failed');
      return { ok: false, error: toApiError(error) };
    }
  }

  async state(sender: Sender, known?: Principal): Promise<SessionState> {
    const { local, run, client, statePatienceMs } = this.deps;
    const deadline = Date.now() + statePatienceMs;
    // A read changes nothing, so unlike a command it may be asked again (CLU36).
    for (;;) {
      try {
        return await this.route(
          sender.sessionId,
          () => run(sender.sessionId, () => local.state(sender, known)),
          async (url) => {
            const answer = (await client.postJson(url, INTERNAL.state, { sender })) as StateAnswer;
            if (!answer.ok) throw new AppError(answer.error.code, answer.error.message);
            return answer.state;
          },
        );
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'unavailable' || Date.now() >= deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, STATE_RETRY_MS));
      }
    }
  }

  async personChanged(participant: ParticipantRecord, format: SessionFormat): Promise<void> {
    const error = await this.tellOwner(participant, format);
    if (!error) return;
    const { log, personRetryMs } = this.deps;
    const { sessionId } = participant;
    if (!(error instanceof AppError) || error.code !== 'unavailable') {
      log.error({ err: error, sessionId, participantId: participant.id }, 'could not tell the session owner about a person');
      return;
    }
    // The owner is gone and its lease not yet run out: once it has, this node or another takes the
    // session, and is told then (CLU50). A café resume alone would leave someone who joined meanwhile
    // without a seat. Telling twice is harmless: a person seated already is not moved.
    log.warn({ sessionId, participantId: participant.id, inMs: personRetryMs }, 'the session owner is unreachable; telling it about a person later');
    const timer = setTimeout(() => {
      this.retries.delete(timer);
      void this.tellAgain(participant, format);
    }, personRetryMs);
    timer.unref();
    this.retries.add(timer);
  }

  /** Stops the second tries still waiting (the node stops). */
  close(): void {
    for (const timer of this.retries) clearTimeout(timer);
    this.retries.clear();
  }

  private async tellAgain(participant: ParticipantRecord, format: SessionFormat): Promise<void> {
    const { log } = this.deps;
    const now = await this.deps.participant(participant.id).catch(() => participant);
    const error = await this.tellOwner(now ?? participant, format);
    // The change itself is stored: the owner's next round start or reload sees it.
    if (error) log.error({ err: error, sessionId: participant.sessionId, participantId: participant.id }, 'could not tell the session owner about a person');
  }

  /** Runs a person's change on the session's owner; answers the error, if any. */
  private async tellOwner(participant: ParticipantRecord, format: SessionFormat): Promise<unknown> {
    const { local, run, client } = this.deps;
    const { sessionId } = participant;
    try {
      await this.route(
        sessionId,
        () => run(sessionId, () => local.personChanged(participant, format)),
        async (url) => {
          const answer = (await client.postJson(url, INTERNAL.personChanged, { sessionId, participantId: participant.id, format })) as Ack<object>;
          if (!answer.ok) throw new AppError(answer.error.code, answer.error.message);
        },
      );
      return undefined;
    } catch (error) {
      return error;
    }
  }

  /**
   * Runs `here` when this node owns the session, else `there` on the owner. An owner that was not
   * reached (nothing written) is forgotten and looked up once more: its lease may have run out, and
   * then this node or another took the session. Anything that may have reached the owner is never
   * sent again (CLU34): the caller gets `unavailable`.
   */
  private async route<T>(sessionId: string, here: () => Promise<T>, there: (url: string) => Promise<T>): Promise<T> {
    const { ownership, nodes, log } = this.deps;
    for (let look = 0; look < 2; look++) {
      const owner = await ownership.ownerOf(sessionId).catch((error: unknown) => {
        log.warn({ err: error, sessionId }, 'could not find the session owner');
        throw new AppError('unavailable', UNAVAILABLE_MESSAGE);
      });
      if (owner === ownership.nodeId) return here();
      const url = await nodes.urlOf(owner).catch(() => undefined);
      if (url) {
        try {
          return await there(url);
        } catch (error) {
          if (error instanceof AppError) throw error;
          if (!(error instanceof NotSent)) {
            log.warn({ err: error, sessionId, owner }, 'the session owner did not answer; not sent again');
            throw new AppError('unavailable', UNAVAILABLE_MESSAGE);
          }
          log.warn({ sessionId, owner, reason: error.reason }, 'the session owner is unreachable');
        }
      }
      ownership.forget(sessionId);
    }
    throw new AppError('unavailable', UNAVAILABLE_MESSAGE);
  }
}
