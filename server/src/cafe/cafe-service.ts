import { randomInt } from 'node:crypto';
import {
  CAFE_LIMITS,
  keepHubTables,
  decideLock,
  decideMakeTables,
  decideMove,
  decidePlan,
  decideReplaceTables,
  decideSetRounds,
  decideSetTables,
  type CafeTable,
} from '@open-talks/shared';
import type { CafeView, lockPayload, makeTablesPayload, movePayload, planPayload, setRoundsPayload, setTablesPayload } from '@open-talks/shared/protocol';
import type { z } from 'zod';
import { newId } from '../auth/tokens.js';
import { orThrow } from '../errors.js';
import type { EventBus } from '../events/bus.js';
import type { Principal } from '../sessions/principal.js';
import type { Presence } from '../sessions/session-service.js';
import type { ParticipantRecord, Repos, Store } from '../store/index.js';
import type { KeyedMutex } from '../util/keyed-mutex.js';

/**
 * The café's set-up and seating plan. The rules are the pure decisions in shared/ (the planner
 * among them); this loads what they need, stores what they decide, then staff screens get the
 * new café.
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

  private async setTablesNow(principal: Principal, payload: z.output<typeof setTablesPayload>): Promise<CafeView> {
    const sessionId = principal.session.id;
    // A hub's table (SEAT11) has no host: its hub sits there alone.
    const hubTableIds = new Set((await this.store.cafe.tables(sessionId)).filter((t) => t.hubParticipantId !== null).map((t) => t.id));
    const tables = payload.tables.map((t) => (t.id !== undefined && hubTableIds.has(t.id) ? { ...t, hostParticipantId: null } : t));
    const hostIds = [...new Set(tables.flatMap((t) => (t.hostParticipantId ? [t.hostParticipantId] : [])))];
    const [existing, hosts] = await Promise.all([this.store.cafe.tables(sessionId), Promise.all(hostIds.map((id) => this.store.participants.byId(id)))]);
    const people = new Map<string, ParticipantRecord>();
    for (const host of hosts) if (host && host.sessionId === sessionId) people.set(host.id, host);
    const { promoted } = orThrow(decideSetTables({ tableIds: new Set(existing.map((t) => t.id)), people }, tables));
    const next = keepHubTables(
      existing,
      tables.map((t): CafeTable => ({ ...t, id: t.id ?? newId(), hubParticipantId: null })),
    );
    return this.replaceTables(
      principal,
      next,
      promoted.map((id) => ({ ...people.get(id)!, role: 'host' })),
    );
  }

  makeTables(principal: Principal, payload: z.output<typeof makeTablesPayload>): Promise<CafeView> {
    return this.mutex.run(principal.session.id, () => this.makeTablesNow(principal, payload));
  }

  private async makeTablesNow(principal: Principal, { tableSize }: z.output<typeof makeTablesPayload>): Promise<CafeView> {
    const sessionId = principal.session.id;
    const [people, online, existing] = await Promise.all([this.store.participants.listActive(sessionId), this.presence.onlineIds(sessionId), this.store.cafe.tables(sessionId)]);
    const made = orThrow(
      decideMakeTables(
        people.filter((p) => online.has(p.id)),
        tableSize,
      ),
    ).tables.map((t) => ({ ...t, id: newId() }));
    // The hubs keep their own tables (SEAT11): made tables are for everyone else.
    return this.replaceTables(principal, keepHubTables(existing, made), []);
  }

  private async replaceTables(principal: Principal, tables: CafeTable[], promoted: ParticipantRecord[]): Promise<CafeView> {
    const sessionId = principal.session.id;
    const view = await this.store.transaction(async (repos) => {
      const [plan, run, before] = await Promise.all([repos.cafe.plan(sessionId), repos.cafe.run(sessionId), repos.cafe.tables(sessionId)]);
      const { deletePlan } = orThrow(decideReplaceTables({ run, plan, tables: before }, tables));
      await repos.cafe.replaceTables(sessionId, tables);
      if (deletePlan) await repos.cafe.deletePlan(sessionId);
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
    const view = await this.store.transaction(async (repos) => {
      const [plan, run, before] = await Promise.all([repos.cafe.plan(sessionId), repos.cafe.run(sessionId), repos.cafe.rounds(sessionId)]);
      const { rounds: next, deletePlan } = orThrow(decideSetRounds({ run, plan, rounds: before }, rounds));
      await repos.cafe.replaceRounds(sessionId, next);
      if (deletePlan) await repos.cafe.deletePlan(sessionId);
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
    const [current, people] = await Promise.all([this.view(sessionId), this.store.participants.listActive(sessionId)]);
    const planned = orThrow(decidePlan({ ...current, people }, seed ?? randomInt(0, 2 ** 31 - 1)));
    await this.store.cafe.savePlan(sessionId, { seed: planned.seed, plan: planned.plan, figures: planned.figures, locked: false, createdAt: this.now() });
    // Everyone's seat follows the new plan at once (no status line saying there is no plan yet).
    const view = await this.changed(sessionId);
    await this.bus.publishAndWait('cafe:setup-changed', { sessionId });
    return view;
  }

  move(principal: Principal, payload: z.output<typeof movePayload>): Promise<CafeView> {
    return this.mutex.run(principal.session.id, () => this.moveNow(principal, payload));
  }

  private async moveNow(principal: Principal, move: z.output<typeof movePayload>): Promise<CafeView> {
    const sessionId = principal.session.id;
    const [current, people] = await Promise.all([this.view(sessionId), this.store.participants.listActive(sessionId)]);
    const { plan, figures } = orThrow(decideMove({ ...current, people }, move));
    await this.store.cafe.savePlan(sessionId, { ...current.plan!, plan, figures });
    const view = await this.changed(sessionId);
    await this.bus.publishAndWait('cafe:setup-changed', { sessionId });
    return view;
  }

  lock(principal: Principal, payload: z.output<typeof lockPayload>): Promise<CafeView> {
    return this.mutex.run(principal.session.id, () => this.lockNow(principal, payload));
  }

  private async lockNow(principal: Principal, { locked }: z.output<typeof lockPayload>): Promise<CafeView> {
    const sessionId = principal.session.id;
    const { plan } = orThrow(decideLock(await this.store.cafe.plan(sessionId), locked));
    await this.store.cafe.savePlan(sessionId, plan);
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
