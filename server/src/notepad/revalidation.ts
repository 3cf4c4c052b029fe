// NOTE6: open connections re-checked against storage after a change that may alter who may read
// or write what, coalesced per session.
import { notepadAccess, type NotepadAccessDecision, type NotepadViewer } from '@open-talks/shared';
import type { Store } from '../store/index.js';
import { cafeFacts } from './access-facts.js';
import type { NotepadConnection } from './connection.js';
import { refusalClose, roomOf } from './decisions.js';

export class Revalidation {
  private readonly queuedChecks = new Map<string, Promise<void>>();
  private readonly runningChecks = new Map<string, Promise<void>>();

  constructor(
    private readonly store: Store,
    /** The session's connections that are open now. */
    private readonly openIn: (sessionId: string) => NotepadConnection[],
  ) {}

  revalidate(sessionId: string): Promise<void> {
    // Coalesced per session: a burst of changes (a crowd joining) costs one check after the
    // running one, never one each; every caller's promise settles after a check that began later.
    const queued = this.queuedChecks.get(sessionId);
    if (queued) return queued;
    const before = this.runningChecks.get(sessionId) ?? Promise.resolve();
    const check: Promise<void> = before
      .catch(() => undefined)
      .then(() => {
        this.queuedChecks.delete(sessionId);
        this.runningChecks.set(sessionId, check);
        return this.revalidateNow(sessionId);
      })
      .finally(() => {
        if (this.runningChecks.get(sessionId) === check) this.runningChecks.delete(sessionId);
      });
    this.queuedChecks.set(sessionId, check);
    return check;
  }

  private async revalidateNow(sessionId: string): Promise<void> {
    const open = this.openIn(sessionId);
    if (open.length === 0) return;
    const [facts, people] = await Promise.all([cafeFacts(this.store, sessionId), this.store.participants.listActive(sessionId)]);
    const byId = new Map(people.map((p) => [p.id, p]));
    for (const connection of open) {
      const id = connection.owner.participantId;
      const person = id === null ? undefined : byId.get(id);
      const viewer: NotepadViewer = {
        sessionId,
        participant: id === null ? null : person ? { id, role: person.role, removed: false } : { id, role: 'observer', removed: true },
      };
      apply(connection, notepadAccess(viewer, roomOf(connection), facts));
    }
  }
}

function apply(connection: NotepadConnection, decision: NotepadAccessDecision): void {
  if (decision.access === 'none') return connection.close(refusalClose(decision));
  if (decision.access === 'read') return connection.downgrade();
  if (connection.access === 'read') connection.close('accessChanged');
}
