// Opinion reports follow the answers (CONS36): a question's report is recomputed after answers
// arrive, at most once per RECOMPUTE_INTERVAL, in the worker thread; stored (a restart shows the
// last one at once), then announced to everyone in the session.
import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '@open-talks/shared';
import type { OpinionInput } from '@open-talks/shared/consultation/opinion';
import type { ConsultationContext } from '../context.js';
import { reportUnder } from './views.js';
import type { OpinionWorker } from './worker-pool.js';

export const RECOMPUTE_INTERVAL = 3_000; // ms between two computations of one question's report

interface QuestionState {
  timer: NodeJS.Timeout | null;
  running: boolean;
  /** Answers came in while computing: once more after this one. */
  dirty: boolean;
  lastStart: number;
}

const GROUPS: ReadonlySet<string> = new Set(STAKEHOLDER_GROUPS);

export class OpinionRecompute {
  private readonly questions = new Map<string, QuestionState>();
  private closed = false;

  constructor(
    private readonly ctx: ConsultationContext,
    private readonly worker: OpinionWorker,
  ) {}

  /** Something a report depends on changed (an answer, a statement published or hidden). */
  request(sessionId: string, questionId: string): void {
    if (this.closed) return;
    const key = `${sessionId}\n${questionId}`;
    const state = this.questions.get(key) ?? { timer: null, running: false, dirty: false, lastStart: -Infinity };
    this.questions.set(key, state);
    if (state.running) {
      state.dirty = true;
      return;
    }
    if (state.timer) return;
    const wait = Math.max(0, state.lastStart + RECOMPUTE_INTERVAL - performance.now());
    state.timer = setTimeout(() => void this.run(key, sessionId, questionId, state), wait).unref();
  }

  /** Shutdown: nothing more is scheduled (the store is closing); the worker thread stops. */
  close(): Promise<void> {
    this.closed = true;
    for (const state of this.questions.values()) if (state.timer) clearTimeout(state.timer);
    this.questions.clear();
    return this.worker.close();
  }

  private async run(key: string, sessionId: string, questionId: string, state: QuestionState): Promise<void> {
    state.timer = null;
    state.running = true;
    state.dirty = false;
    state.lastStart = performance.now();
    try {
      const input = await this.input(sessionId, questionId);
      if (input) {
        const report = await this.worker.run(input);
        await this.ctx.store.statements.saveReport(sessionId, report);
        this.ctx.bus.publish('opinion:report', { sessionId, report: reportUnder(report, input.attribution) });
      }
    } catch (error) {
      // A computation cut short by shutdown (worker stopped, store closed) is not a failure worth a log line.
      if (!this.closed) this.ctx.log.error({ err: error, sessionId, questionId }, 'opinion report failed');
    } finally {
      state.running = false;
      if (state.dirty) this.request(sessionId, questionId);
      else if (!state.timer) this.questions.delete(key);
    }
  }

  /** The answers as the engine reads them: rows are people, columns the published statements. */
  private async input(sessionId: string, questionId: string): Promise<OpinionInput | null> {
    const { store } = this.ctx;
    const session = await store.sessions.byId(sessionId);
    if (!session) return null;
    const statements = (await store.statements.list(sessionId, questionId)).filter((s) => s.status === 'published');
    const column = new Map(statements.map((s, index) => [s.id, index]));
    const answers = await store.statements.answers(sessionId, questionId);
    const row = new Map<string, number>();
    const participantGroups: (StakeholderGroup | null)[] = [];
    const rows = new Int32Array(answers.length);
    const cols = new Int32Array(answers.length);
    const votes = new Int8Array(answers.length);
    answers.forEach((answer, a) => {
      let r = row.get(answer.participantId);
      if (r === undefined) {
        row.set(answer.participantId, (r = participantGroups.length));
        participantGroups.push(answer.stakeholderGroup && GROUPS.has(answer.stakeholderGroup) ? (answer.stakeholderGroup as StakeholderGroup) : null);
      }
      rows[a] = r;
      cols[a] = column.get(answer.statementId) ?? -1;
      votes[a] = answer.vote;
    });
    return {
      questionId,
      computedAt: this.ctx.now(),
      attribution: session.attribution,
      statements: statements.map((s) => ({ id: s.id, text: s.text })),
      participantGroups,
      answers: { rows, cols, votes },
    };
  }
}
