import type { ParticipantRecord, Store } from '../store/index.js';

/**
 * Who is who, for attribution in Town Hall views (authors, speakers, hands). Filled with a
 * session's people when its room loads and kept current while it is loaded; anyone missing
 * (removed people, say) is read once. A cache only: names can always be read again from storage,
 * so a session's people leave with its room (MEM2).
 */
export class PeopleCache {
  private readonly byId = new Map<string, ParticipantRecord>();

  constructor(private readonly store: Store) {}

  async loadSession(sessionId: string): Promise<void> {
    for (const person of await this.store.participants.listActive(sessionId)) this.byId.set(person.id, person);
  }

  async ensure(ids: Iterable<string>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.byId.has(id));
    for (const id of missing) {
      const person = await this.store.participants.byId(id);
      if (person) this.byId.set(id, person);
    }
  }

  get(id: string): ParticipantRecord | undefined {
    return this.byId.get(id);
  }

  update(person: ParticipantRecord): void {
    this.byId.set(person.id, person);
  }

  dropSession(sessionId: string): void {
    for (const [id, person] of this.byId) if (person.sessionId === sessionId) this.byId.delete(id);
  }
}
