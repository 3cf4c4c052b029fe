import {
  CAFE_LIMITS,
  decideEnd,
  decideExpiry,
  decideExtend,
  decidePause,
  decidePrompt,
  decideResume,
  decideShowHarvest,
  decideStart,
  focusRound,
  hubTableFor,
  isExpired,
  measurePlan,
  reseatPerson,
  seatingParticipants,
  seatLookup,
  seatViews,
  type CafePerson,
  type CafeResult,
  type CafeRun,
  type CafeSnapshot,
  type RunningRun,
  type Timer,
} from '@open-talks/shared';
import type { CafeLive, PromptView, promptPayload, SeatView } from '@open-talks/shared/protocol';
import type { z } from 'zod';
import { newId } from '../auth/tokens.js';
import { AppError, orThrow } from '../errors.js';
import type { EventBus } from '../events/bus.js';
import type { Principal } from '../sessions/principal.js';
import type { ParticipantRecord, Store } from '../store/index.js';
import type { KeyedMutex } from '../util/keyed-mutex.js';
import type { CafeService } from './cafe-service.js';
import { publicCafeView } from './views.js';

/** Wakes the service when a running round's time is up (one timeout per café, never a tick). */
export interface RoundClock {
  schedule(sessionId: string, at: number, onDue: () => void): void;
  cancel(sessionId: string): void;
}

/**
 * A café while it runs: rounds started, paused, extended and ended on the server's clock
 * (the pure timers in shared/), prompts, and seats kept in step with who is there.
 * Every change is stored before it is acked or announced; after a restart `resumeClocks`
 * picks up running rounds from their stored deadline.
 */
export class CafeRunService {
  constructor(
    private readonly store: Store,
    private readonly setup: CafeService,
    private readonly bus: EventBus,
    private readonly clock: RoundClock,
    private readonly mutex: KeyedMutex,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The café as this member sees it on (re)connect: the public view is built once per burst and
   * shared (SYNC3); a table's seats the first time someone at it asks (RESTART2).
   */
  async liveFor(sessionId: string, participantId: string | null): Promise<CafeLive> {
    const { live, seatOf } = await this.store.shared.cached(sessionId, 'cafe-live', async () => {
      const snapshot = await this.snapshot(sessionId);
      return { live: publicCafeView(snapshot), seatOf: seatLookup(snapshot) };
    });
    return { live, seat: participantId ? seatOf(participantId) : null };
  }

  async start(principal: Principal): Promise<CafeRun> {
    const sessionId = principal.session.id;
    return this.mutex.run(sessionId, async () => {
      const [rounds, plan, run] = await Promise.all([this.store.cafe.rounds(sessionId), this.store.cafe.plan(sessionId), this.store.cafe.run(sessionId)]);
      const { run: next, lockPlan } = orThrow(decideStart({ format: principal.session.format, rounds, plan, run }, this.now()));
      await this.store.transaction(async (repos) => {
        await repos.cafe.saveRun(sessionId, next, this.now());
        if (lockPlan) await repos.cafe.savePlan(sessionId, { ...plan!, locked: true });
      });
      this.watch(sessionId, next.timer);
      await this.announceAll(sessionId, { staff: lockPlan });
      return next;
    });
  }

  pause(principal: Principal): Promise<CafeRun> {
    return this.changeTimer(principal.session.id, (run, now) => decidePause(run, now));
  }

  resume(principal: Principal): Promise<CafeRun> {
    return this.changeTimer(principal.session.id, (run, now) => decideResume(run, now));
  }

  extend(principal: Principal, minutes: number): Promise<CafeRun> {
    return this.changeTimer(principal.session.id, (run, now) => decideExtend(run, minutes, now));
  }

  async end(principal: Principal): Promise<CafeRun> {
    const sessionId = principal.session.id;
    return this.mutex.run(sessionId, async () => {
      const { run: next } = orThrow(decideEnd(await this.store.cafe.run(sessionId), this.now()));
      // Transactions here and below: in a cluster they are fenced (CLU6, CLU104), so a node that
      // stalled past its lease cannot overwrite what the new owner wrote since.
      await this.store.transaction((repos) => repos.cafe.saveRun(sessionId, next, this.now()));
      this.clock.cancel(sessionId);
      await this.announceAll(sessionId, { staff: false });
      return next;
    });
  }

  async prompt(principal: Principal, { text, tableId }: z.output<typeof promptPayload>): Promise<PromptView> {
    const sessionId = principal.session.id;
    const [tables, run] = await Promise.all([tableId === null ? [] : this.store.cafe.tables(sessionId), this.store.cafe.run(sessionId)]);
    const { prompt } = orThrow(decidePrompt({ tables, run }, { id: newId(), text, tableId }, this.now()));
    await this.store.transaction((repos) => repos.cafe.addPrompt(sessionId, prompt));
    this.bus.publish('cafe:prompt', { sessionId, prompt });
    return prompt;
  }

  /** HARV6: the projector shows the harvest (or the round again); stored, then announced to every screen. */
  async showHarvest(principal: Principal, show: boolean): Promise<{ shown: boolean }> {
    const sessionId = principal.session.id;
    const { shown } = orThrow(decideShowHarvest(principal.session.format, show));
    return this.mutex.run(sessionId, async () => {
      await this.store.transaction((repos) => repos.cafe.showHarvest(sessionId, shown, this.now()));
      this.bus.publish('cafe:live', { sessionId, live: publicCafeView(await this.snapshot(sessionId)), tablesChanged: false });
      return { shown };
    });
  }

  /**
   * Someone joined, changed (role, mode) or was removed: once a plan exists, seat them from the
   * focus round on, move them to a table that fits, or free their seat, moving nobody else.
   */
  async personChanged(person: ParticipantRecord): Promise<void> {
    const sessionId = person.sessionId;
    await this.mutex.run(sessionId, async () => {
      const tableAdded = await this.giveHubTable(person);
      // A new table changes every screen's table map; the staff's café too.
      const announceTable = () => (tableAdded ? this.announceAll(sessionId, { staff: true, tablesChanged: true }) : Promise.resolve());
      const plan = await this.store.cafe.plan(sessionId);
      if (!plan) return announceTable();
      const [tables, rounds, run] = await Promise.all([this.store.cafe.tables(sessionId), this.store.cafe.rounds(sessionId), this.store.cafe.run(sessionId)]);
      const focus = focusRound(run, rounds.length);
      if (focus === null) return announceTable();
      const before = plan.plan.rounds[focus - 1] ?? {};
      const result = reseatPerson(plan.plan, focus - 1, person.id, person.removedAt === null ? person : null, tables);
      if (!result.changed) return announceTable();
      const people = seatingParticipants(await this.store.participants.listActive(sessionId), tables);
      await this.store.transaction((repos) => repos.cafe.savePlan(sessionId, { ...plan, plan: result.plan, figures: measurePlan(result.plan, people, tables) }));
      if (tableAdded) return announceTable();
      // Only the tables this person left or joined change for anyone else.
      const after = result.plan.rounds[focus - 1] ?? {};
      const touched = new Set<string>([person.id]);
      for (const seating of [before, after]) {
        for (const ids of Object.values(seating)) if (ids.includes(person.id)) for (const id of ids) touched.add(id);
      }
      const snapshot = await this.snapshot(sessionId);
      const seats = seatViews(snapshot, touched);
      const changed = new Map([...touched].map((id) => [id, seats.get(id) ?? null]));
      this.bus.publish('cafe:seats', { sessionId, seats: changed, tableIds: tables.map((t) => t.id), everyone: false });
      this.bus.publish('cafe:live', { sessionId, live: publicCafeView(snapshot), tablesChanged: false });
      this.bus.publish('cafe:changed', { sessionId, cafe: await this.setup.view(sessionId) });
    });
  }

  /**
   * HUB50: a hub in a café gets a table of its own (SEAT11) the first time it is seen, before it
   * is seated there; no facilitator needs to make it. Whether a table was added.
   */
  private async giveHubTable(person: ParticipantRecord): Promise<boolean> {
    if (person.role !== 'hub' || person.removedAt !== null || !person.hub) return false;
    const sessionId = person.sessionId;
    const hub = { id: person.id, name: person.hub.name };
    return this.store.transaction(async (repos) => {
      const [session, tables] = await Promise.all([repos.sessions.byId(sessionId), repos.cafe.tables(sessionId)]);
      const table = hubTableFor(tables, hub, session?.attribution === 'named');
      if (!table) return false;
      await repos.cafe.replaceTables(sessionId, [...tables, { ...table, id: newId() }]);
      return true;
    });
  }

  /** After a start: every running round gets its end scheduled again (ended at once if overdue). */
  async resumeClocks(): Promise<void> {
    for (const { sessionId, run } of await this.store.cafe.runningSessions()) await this.resumeRun(sessionId, run.timer!);
  }

  /** This node took the session (docs/cluster.md CLU12): its running round's end is scheduled again, from storage. */
  async resumeSession(sessionId: string): Promise<void> {
    const { timer } = await this.store.cafe.run(sessionId);
    if (timer?.status === 'running') await this.resumeRun(sessionId, timer);
  }

  /** Another node owns the session now (CLU13): its clock stops here. */
  dropSession(sessionId: string): void {
    this.clock.cancel(sessionId);
  }

  private async resumeRun(sessionId: string, timer: Timer): Promise<void> {
    // Overdue ones end before the server takes connections, so nobody sees a stale round.
    if (isExpired(timer, this.now())) await this.expire(sessionId);
    else this.watch(sessionId, timer);
  }

  /** The round's time is up: the server ends it (TIME4), so every screen moves on together. */
  private async expire(sessionId: string): Promise<void> {
    await this.mutex.run(sessionId, async () => {
      const ended = decideExpiry(await this.store.cafe.run(sessionId), this.now());
      if (!ended) return;
      // A transaction: in a cluster it is fenced (CLU6), so a node that lost the session cannot end its round.
      await this.store.transaction((repos) => repos.cafe.saveRun(sessionId, ended, this.now()));
      await this.announceAll(sessionId, { staff: false });
    });
  }

  private watch(sessionId: string, timer: Timer): void {
    if (timer.status !== 'running' || timer.deadline === null) {
      this.clock.cancel(sessionId);
      return;
    }
    this.clock.schedule(sessionId, timer.deadline, () => void this.expire(sessionId));
  }

  private changeTimer(sessionId: string, decide: (run: CafeRun, now: number) => CafeResult<{ run: RunningRun }>): Promise<CafeRun> {
    return this.mutex.run(sessionId, async () => {
      const { run: next } = orThrow(decide(await this.store.cafe.run(sessionId), this.now()));
      await this.store.transaction((repos) => repos.cafe.saveRun(sessionId, next, this.now()));
      this.watch(sessionId, next.timer);
      this.bus.publish('cafe:timer', { sessionId, timer: { round: next.round, timer: next.timer } });
      return next;
    });
  }

  /** Tables, rounds or the plan changed: everyone's view, the table map included, and seat are sent again. */
  announce(sessionId: string): Promise<void> {
    return this.announceAll(sessionId, { staff: false, tablesChanged: true });
  }

  /** A round started or ended: everyone's view and seat change; the tables do not (CAFE-PERF2). */
  private async announceAll(sessionId: string, { staff, tablesChanged = false }: { staff: boolean; tablesChanged?: boolean }): Promise<void> {
    const snapshot = await this.snapshot(sessionId);
    const seats = seatViews(snapshot);
    const everyone = new Map<string, SeatView | null>();
    for (const id of snapshot.people.keys()) everyone.set(id, seats.get(id) ?? null);
    this.bus.publish('cafe:live', { sessionId, live: publicCafeView(snapshot), tablesChanged });
    this.bus.publish('cafe:seats', { sessionId, seats: everyone, tableIds: snapshot.tables.map((t) => t.id), everyone: true });
    if (staff) this.bus.publish('cafe:changed', { sessionId, cafe: await this.setup.view(sessionId) });
  }

  /** The café as stored now; shared by concurrent callers until the next write (SYNC3). */
  private snapshot(sessionId: string): Promise<CafeSnapshot> {
    return this.store.shared.cached(sessionId, 'cafe-snapshot', () => this.readSnapshot(sessionId));
  }

  private async readSnapshot(sessionId: string): Promise<CafeSnapshot> {
    const [session, tables, rounds, plan, run, prompts, people, harvestShown] = await Promise.all([
      this.store.sessions.byId(sessionId),
      this.store.cafe.tables(sessionId),
      this.store.cafe.rounds(sessionId),
      this.store.cafe.plan(sessionId),
      this.store.cafe.run(sessionId),
      this.store.cafe.recentPrompts(sessionId, CAFE_LIMITS.promptsKept),
      this.store.shared.roster(sessionId),
      this.store.cafe.harvestShown(sessionId),
    ]);
    if (!session) throw new AppError('not_found', 'No such session');
    return {
      attribution: session.attribution,
      tables,
      rounds,
      plan: plan?.plan ?? null,
      run,
      prompts,
      people: new Map<string, CafePerson>(people.map((p) => [p.id, p])),
      harvestShown,
    };
  }
}
