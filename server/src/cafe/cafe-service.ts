import { randomInt } from 'node:crypto';
import {
  CAFE_LIMITS,
  findRuleViolations,
  focusRound,
  measurePlan,
  moveInPlan,
  planSeating,
  seatingParticipants,
  suggestTables,
  type CafeRound,
  type CafeTable,
} from '@open-talks/shared';
import type { CafeView, lockPayload, makeTablesPayload, movePayload, planPayload, setRoundsPayload, setTablesPayload } from '@open-talks/shared/protocol';
import type { z } from 'zod';
import { newId } from '../auth/tokens.js';
import { AppError } from '../errors.js';
import type { EventBus } from '../events/bus.js';
import type { Principal } from '../sessions/principal.js';
import type { Presence } from '../sessions/session-service.js';
import type { ParticipantRecord, Repos, Store } from '../store/index.js';
import type { KeyedMutex } from '../util/keyed-mutex.js';

/**
 * The café's set-up and seating plan. The server decides the seating (with the pure planner
 * in shared/); every change is persisted, then staff screens get the new café.
 */
export class CafeService {
  constructor(
    private readonly store: Store,
    private readonly presence: Presence,
    private readonly bus: EventBus,
    private readonly mutex: KeyedMutex,
    private readonly now: () => number = Date.now,
  ) {}

  async view(sessionId: string, repos: Repos = this.store): Promise<CafeView> {
    const [tables, rounds, plan, run, prompts] = await Promise.all([
      repos.cafe.tables(sessionId),
      repos.cafe.rounds(sessionId),
      repos.cafe.plan(sessionId),
      repos.cafe.run(sessionId),
      repos.cafe.recentPrompts(sessionId, CAFE_LIMITS.promptsKept),
    ]);
    return { tables, rounds, plan, run, prompts };
  }

  setTables(principal: Principal, payload: z.output<typeof setTablesPayload>): Promise<CafeView> {
    return this.mutex.run(principal.session.id, () => this.setTablesNow(principal, payload));
  }

  private async setTablesNow(principal: Principal, { tables }: z.output<typeof setTablesPayload>): Promise<CafeView> {
    const sessionId = principal.session.id;
    const existing = new Set((await this.store.cafe.tables(sessionId)).map((t) => t.id));
    const hosts = new Set<string>();
    const promoted: ParticipantRecord[] = [];
    for (const table of tables) {
      if (table.id && !existing.has(table.id)) throw new AppError('bad_request', `No table ${table.id} in this café; leave the id out for a new table`);
      if (!table.hostParticipantId) continue;
      if (hosts.has(table.hostParticipantId)) throw new AppError('bad_request', 'A person can host only one table');
      hosts.add(table.hostParticipantId);
      const host = await this.store.participants.byId(table.hostParticipantId);
      if (!host || host.sessionId !== sessionId || host.removedAt !== null) throw new AppError('not_found', 'The table host is not in this session');
      if (host.role !== 'host' && host.role !== 'participant') throw new AppError('conflict', `A ${host.role} cannot host a table`, { reason: 'cafe.roleCannotHost' });
      if (host.mode === 'in-room' ? table.kind === 'remote' : table.kind === 'in-room') {
        throw new AppError('conflict', `An ${host.mode} host cannot host an ${table.kind} table`, { reason: 'cafe.hostModeMismatch' });
      }
      if (host.role === 'participant') promoted.push({ ...host, role: 'host' });
    }
    const next: CafeTable[] = tables.map((t) => ({ ...t, id: t.id ?? newId() }));
    return this.replaceTables(principal, next, promoted);
  }

  makeTables(principal: Principal, payload: z.output<typeof makeTablesPayload>): Promise<CafeView> {
    return this.mutex.run(principal.session.id, () => this.makeTablesNow(principal, payload));
  }

  private async makeTablesNow(principal: Principal, { tableSize }: z.output<typeof makeTablesPayload>): Promise<CafeView> {
    const sessionId = principal.session.id;
    const [people, online] = await Promise.all([this.store.participants.listActive(sessionId), this.presence.onlineIds(sessionId)]);
    const here = seatingParticipants(people.filter((p) => online.has(p.id)), []);
    if (here.length === 0) throw new AppError('conflict', 'Nobody is here yet to make tables for', { reason: 'cafe.nobodyHere' });
    const counts = { 'in-room': here.filter((p) => p.mode === 'in-room').length, remote: here.filter((p) => p.mode === 'remote').length };
    const tables = suggestTables(counts, tableSize).map((t) => ({ ...t, id: newId() }));
    return this.replaceTables(principal, tables, []);
  }

  private async replaceTables(principal: Principal, tables: CafeTable[], promoted: ParticipantRecord[]): Promise<CafeView> {
    const sessionId = principal.session.id;
    const view = await this.store.transaction(async (repos) => {
      const [plan, run, before] = await Promise.all([repos.cafe.plan(sessionId), repos.cafe.run(sessionId), repos.cafe.tables(sessionId)]);
      if (run.round > 0) {
        // Mid-café the plan is in use: tables may be renamed, resized or given a video link, nothing that unseats anyone.
        if (!sameSeatingShape(before, tables)) {
          throw new AppError('conflict', 'The café has started: tables can be renamed or get a new capacity or video link, but not be added, removed, or change kind or host', { reason: 'cafe.tablesFixed' });
        }
        const seatedMost = maxSeated(plan?.plan.rounds ?? []);
        const tooSmall = tables.find((t) => t.capacity < (seatedMost.get(t.id) ?? 0));
        if (tooSmall) throw new AppError('conflict', `Table ${tooSmall.label} already has more people planned than that capacity`, { reason: 'cafe.capacityTooSmall', params: { table: tooSmall.label } });
        await repos.cafe.replaceTables(sessionId, tables);
      } else {
        if (plan?.locked) throw new AppError('conflict', 'The seating plan is locked; unlock it before changing tables', { reason: 'cafe.planLocked' });
        await repos.cafe.replaceTables(sessionId, tables);
        // Tables changed under the plan: it no longer fits, so it goes; the facilitator plans again.
        if (plan) await repos.cafe.deletePlan(sessionId);
      }
      for (const host of promoted) await repos.participants.update(host.id, { role: 'host' });
      return this.view(sessionId, repos);
    });
    for (const host of promoted) this.bus.publish('participant:changed', { participant: host });
    this.bus.publish('cafe:changed', { sessionId, cafe: view });
    await this.bus.publishAndWait('cafe:setup-changed', { sessionId });
    return view;
  }

  setRounds(principal: Principal, payload: z.output<typeof setRoundsPayload>): Promise<CafeView> {
    return this.mutex.run(principal.session.id, () => this.setRoundsNow(principal, payload));
  }

  private async setRoundsNow(principal: Principal, { rounds }: z.output<typeof setRoundsPayload>): Promise<CafeView> {
    const sessionId = principal.session.id;
    const next: CafeRound[] = rounds.map((r, i) => ({ number: i + 1, question: r.question, durationMs: Math.round(r.durationMinutes * 60_000) }));
    const view = await this.store.transaction(async (repos) => {
      const [plan, run, before] = await Promise.all([repos.cafe.plan(sessionId), repos.cafe.run(sessionId), repos.cafe.rounds(sessionId)]);
      if (run.round > 0 && before.length !== next.length) {
        throw new AppError('conflict', 'The café has started: questions and durations can change, the number of rounds cannot', { reason: 'cafe.roundCountFixed' });
      }
      const countChanges = plan !== null && plan.plan.rounds.length !== next.length;
      if (countChanges && plan.locked) throw new AppError('conflict', 'The seating plan is locked; unlock it before changing the number of rounds', { reason: 'cafe.planLocked' });
      await repos.cafe.replaceRounds(sessionId, next);
      if (countChanges) await repos.cafe.deletePlan(sessionId);
      return this.view(sessionId, repos);
    });
    this.bus.publish('cafe:changed', { sessionId, cafe: view });
    await this.bus.publishAndWait('cafe:setup-changed', { sessionId });
    return view;
  }

  plan(principal: Principal, payload: z.output<typeof planPayload>): Promise<CafeView> {
    return this.mutex.run(principal.session.id, () => this.planNow(principal, payload));
  }

  private async planNow(principal: Principal, { seed }: z.output<typeof planPayload>): Promise<CafeView> {
    const sessionId = principal.session.id;
    const current = await this.view(sessionId);
    if (current.run.round > 0) throw new AppError('conflict', 'The café has started: move people by hand instead of planning again', { reason: 'cafe.startedMoveInstead' });
    if (current.plan?.locked) throw new AppError('conflict', 'The seating plan is locked; unlock it to plan again', { reason: 'cafe.planLocked' });
    if (current.rounds.length === 0) throw new AppError('conflict', 'Add the rounds before planning the seating', { reason: 'cafe.noRoundsToPlan' });
    if (current.tables.length === 0) throw new AppError('conflict', 'Add tables before planning the seating', { reason: 'cafe.noTablesToPlan' });
    const people = seatingParticipants(await this.store.participants.listActive(sessionId), current.tables);
    const chosenSeed = seed ?? randomInt(0, 2 ** 31 - 1);
    const result = planSeating({ participants: people, tables: current.tables, rounds: current.rounds.length, seed: chosenSeed });
    if (!result.ok) throw new AppError('conflict', result.error.message, { reason: `seating.${result.error.code}` });
    await this.store.cafe.savePlan(sessionId, { seed: chosenSeed, plan: result.plan, figures: result.figures, locked: false, createdAt: this.now() });
    // Everyone's seat follows the new plan at once (no status line saying there is no plan yet).
    const view = await this.changed(sessionId);
    await this.bus.publishAndWait('cafe:setup-changed', { sessionId });
    return view;
  }

  move(principal: Principal, payload: z.output<typeof movePayload>): Promise<CafeView> {
    return this.mutex.run(principal.session.id, () => this.moveNow(principal, payload));
  }

  private async moveNow(principal: Principal, { participantId, round, tableId }: z.output<typeof movePayload>): Promise<CafeView> {
    const sessionId = principal.session.id;
    const current = await this.view(sessionId);
    const plan = current.plan;
    if (!plan) throw new AppError('conflict', 'There is no seating plan yet', { reason: 'cafe.noPlan' });
    if (plan.locked) throw new AppError('conflict', 'The seating plan is locked; unlock it to move people', { reason: 'cafe.planLocked' });
    if (round > plan.plan.rounds.length) throw new AppError('not_found', `The plan has ${plan.plan.rounds.length} rounds`);
    const focus = focusRound(current.run, current.rounds.length);
    if (current.run.round > 0 && (focus === null || round < focus)) throw new AppError('conflict', `Round ${round} has already been held`, { reason: 'cafe.roundHeld', params: { round } });
    if (!current.tables.some((t) => t.id === tableId)) throw new AppError('not_found', 'No such table in this café');
    const people = seatingParticipants(await this.store.participants.listActive(sessionId), current.tables);
    if (!people.some((p) => p.id === participantId)) throw new AppError('not_found', 'This person is not seated in the café');
    const moved = moveInPlan(plan.plan, round - 1, participantId, tableId);
    const broken = findRuleViolations({ rounds: [moved.rounds[round - 1]!] }, people, current.tables);
    if (broken.length > 0) throw new AppError('conflict', `That move breaks a seating rule: ${broken[0]}`, { reason: `seat.${broken[0]!.split(' ')[0]}` });
    const figures = measurePlan(moved, people, current.tables);
    await this.store.cafe.savePlan(sessionId, { ...plan, plan: moved, figures });
    const view = await this.changed(sessionId);
    await this.bus.publishAndWait('cafe:setup-changed', { sessionId });
    return view;
  }

  lock(principal: Principal, payload: z.output<typeof lockPayload>): Promise<CafeView> {
    return this.mutex.run(principal.session.id, () => this.lockNow(principal, payload));
  }

  private async lockNow(principal: Principal, { locked }: z.output<typeof lockPayload>): Promise<CafeView> {
    const sessionId = principal.session.id;
    const plan = await this.store.cafe.plan(sessionId);
    if (!plan) throw new AppError('conflict', 'There is no seating plan to lock', { reason: 'cafe.noPlan' });
    await this.store.cafe.savePlan(sessionId, { ...plan, locked });
    const view = await this.changed(sessionId);
    await this.bus.publishAndWait('cafe:setup-changed', { sessionId });
    return view;
  }

  private async changed(sessionId: string): Promise<CafeView> {
    const view = await this.view(sessionId);
    this.bus.publish('cafe:changed', { sessionId, cafe: view });
    return view;
  }
}

/** Same tables, kinds and hosts (order and labels may differ): every seat in the plan still fits. */
function sameSeatingShape(before: readonly CafeTable[], after: readonly CafeTable[]): boolean {
  if (before.length !== after.length) return false;
  const old = new Map(before.map((t) => [t.id, t]));
  return after.every((t) => {
    const was = old.get(t.id);
    return was !== undefined && was.kind === t.kind && was.hostParticipantId === t.hostParticipantId;
  });
}

/** The most people planned at each table in any round. */
function maxSeated(rounds: readonly Record<string, string[]>[]): Map<string, number> {
  const most = new Map<string, number>();
  for (const round of rounds) for (const [id, ids] of Object.entries(round)) most.set(id, Math.max(most.get(id) ?? 0, ids.length));
  return most;
}
