import type { Logger } from '../log.js';
import type { Presence } from '../sessions/session-service.js';
import type { TownhallContext } from './context.js';
import type { TownhallRoom } from './room.js';

const MIN_SWEEP_MS = 50; // ms: short idle times (tests) are still swept often enough
const MAX_SWEEP_MS = 60_000; // ms

/**
 * MEM1–MEM3: a Town Hall room (and its people) leaves memory once its session has been idle,
 * with no command, no read and nobody connected, for `idleMs`. A room with a running floor or
 * agenda timer or a broadcast still waiting is not idle. Everything in it is stored, so the next
 * use reads it back exactly as a restart would.
 */
export class IdleRooms {
  private readonly timer: NodeJS.Timeout;
  private sweeping: Promise<void> | undefined;

  constructor(
    private readonly ctx: TownhallContext,
    private readonly presence: Pick<Presence, 'anyoneConnected'>,
    private readonly idleMs: number,
    log: Logger,
  ) {
    const every = Math.min(MAX_SWEEP_MS, Math.max(MIN_SWEEP_MS, Math.floor(idleMs / 2)));
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep()
        .catch((error: unknown) => log.error({ err: error }, 'unloading idle Town Hall rooms failed'))
        .finally(() => (this.sweeping = undefined));
    }, every);
    this.timer.unref();
  }

  /** One pass over the loaded rooms: those still in use are touched, the idle ones unloaded. */
  async sweep(): Promise<void> {
    for (const sessionId of this.ctx.loadedSessions()) {
      if (await this.presence.anyoneConnected(sessionId)) {
        this.ctx.touch(sessionId);
        continue;
      }
      const lastUse = this.ctx.lastUse(sessionId);
      if (this.ctx.now() - lastUse < this.idleMs) continue;
      const room = this.ctx.loaded(sessionId);
      if (!room) continue;
      await this.ctx.mutex.run(sessionId, async () => {
        // In the session's turn: a command that came meanwhile used (or replaced) the room.
        if (this.ctx.loaded(sessionId) !== room || this.ctx.lastUse(sessionId) !== lastUse) return;
        if (this.busy(sessionId, await room)) return;
        this.ctx.unload(sessionId);
      });
    }
  }

  private busy(sessionId: string, room: TownhallRoom): boolean {
    const now = this.ctx.now();
    // As resumeClocks sees it: a timer running towards a deadline still to come must fire here.
    const running = [room.queue.floor?.timer, room.agenda.timer].some((t) => t?.status === 'running' && (t.deadline ?? 0) > now);
    return running || this.ctx.coalescer.pending(`${sessionId}:`);
  }

  close(): void {
    clearInterval(this.timer);
  }
}
