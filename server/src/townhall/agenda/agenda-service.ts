import {
  addAgendaItem,
  editAgendaItem,
  extendAgendaTimer,
  isExpired,
  moveAgendaItem,
  nextAgendaItem,
  pauseAgendaTimer,
  removeAgendaItem,
  resumeAgendaTimer,
  type Agenda,
  type AgendaResult,
} from '@open-talks/shared';
import type { AgendaView, agendaAddPayload, agendaEditPayload, agendaMovePayload } from '@open-talks/shared/protocol';
import type { z } from 'zod';
import { newId } from '../../auth/tokens.js';
import type { Principal } from '../../sessions/principal.js';
import { orThrow, type TownhallContext } from '../context.js';
import type { TownhallRoom } from '../room.js';
import { agendaView } from '../views.js';

const minutesToMs = (minutes: number) => Math.round(minutes * 60_000);

/**
 * The agenda (AGENDA1–AGENDA7): stored whole in the Town Hall's row (at most 50 items). The
 * current item's timer is a stored deadline; when it passes, everyone is told (the facilitator
 * moves on), also after a restart.
 */
export class AgendaService {
  constructor(private readonly ctx: TownhallContext) {}

  add(principal: Principal, { title, durationMinutes, index }: z.output<typeof agendaAddPayload>): Promise<{ agenda: AgendaView }> {
    return this.change(principal, (agenda) => addAgendaItem(agenda, { id: newId(), title, durationMs: minutesToMs(durationMinutes) }, index));
  }

  edit(principal: Principal, { itemId, title, durationMinutes }: z.output<typeof agendaEditPayload>): Promise<{ agenda: AgendaView }> {
    const edit = { ...(title !== undefined && { title }), ...(durationMinutes !== undefined && { durationMs: minutesToMs(durationMinutes) }) };
    return this.change(principal, (agenda) => editAgendaItem(agenda, itemId, edit));
  }

  remove(principal: Principal, itemId: string): Promise<{ agenda: AgendaView }> {
    return this.change(principal, (agenda) => removeAgendaItem(agenda, itemId));
  }

  move(principal: Principal, { itemId, toIndex }: z.output<typeof agendaMovePayload>): Promise<{ agenda: AgendaView }> {
    return this.change(principal, (agenda) => moveAgendaItem(agenda, itemId, toIndex));
  }

  next(principal: Principal): Promise<{ agenda: AgendaView }> {
    return this.change(principal, (agenda) => nextAgendaItem(agenda, this.ctx.now()));
  }

  pause(principal: Principal): Promise<{ agenda: AgendaView }> {
    return this.change(principal, (agenda) => pauseAgendaTimer(agenda, this.ctx.now()));
  }

  resume(principal: Principal): Promise<{ agenda: AgendaView }> {
    return this.change(principal, (agenda) => resumeAgendaTimer(agenda, this.ctx.now()));
  }

  extend(principal: Principal, minutes: number): Promise<{ agenda: AgendaView }> {
    return this.change(principal, (agenda) => extendAgendaTimer(agenda, minutes * 60_000, this.ctx.now()));
  }

  /** Schedules the "time is up" for the current item's running timer (or cancels it). */
  watch(room: TownhallRoom): void {
    const key = `${room.sessionId}:agenda`;
    const timer = room.agenda.currentId === null ? null : room.agenda.timer;
    if (!timer || timer.status !== 'running' || timer.deadline === null) {
      this.ctx.clock.cancel(key);
      return;
    }
    const deadline = timer.deadline;
    this.ctx.clock.schedule(key, deadline, () => {
      const current = room.agenda.timer;
      if (current && current.deadline === deadline && isExpired(current, this.ctx.now())) {
        this.ctx.bus.publish('townhall:time-up', { sessionId: room.sessionId, payload: { timer: 'agenda', at: deadline } });
      }
    });
  }

  private change(principal: Principal, decide: (agenda: Agenda) => AgendaResult): Promise<{ agenda: AgendaView }> {
    return this.ctx.run(principal, async (room) => {
      const { agenda } = orThrow(decide(room.agenda));
      await this.ctx.saveState(room, { agenda });
      room.agenda = agenda;
      this.watch(room);
      const view = agendaView(agenda);
      this.ctx.bus.publish('townhall:agenda', { sessionId: room.sessionId, agenda: view });
      return { agenda: view };
    });
  }
}
