// After a command's commit: what changed goes to the bus as views per audience (CONS18), built
// with ../views.ts so the attribution is applied in one place. Counts go out coalesced.
import type { SessionRecord } from '../../store/index.js';
import type { ConsultationContext } from '../context.js';
import { commentView, contributionView, PUBLIC_AUDIENCE } from '../views.js';
import { consultationView, youOf } from './views.js';
import { loadConfig } from './access.js';

export class Announcer {
  /** sessionId → contributionId → counts not yet sent. */
  private readonly pendingCounts = new Map<string, Map<string, { supports: number; comments: number }>>();

  constructor(private readonly ctx: ConsultationContext) {}

  /**
   * A contribution created or changed; `wasPublic`: everyone could see it before, or `unchanged`
   * when its status did not move (a response written): then only those who see it hear of it.
   */
  async contribution(session: SessionRecord, id: string, wasPublic: boolean | 'unchanged'): Promise<void> {
    const [row] = await this.ctx.store.consultation.joined(session.id, [id]);
    if (!row) return;
    const attribution = session.attribution;
    const published = row.status === 'published' && row.merged_into === null;
    if (wasPublic === 'unchanged') wasPublic = published;
    this.ctx.bus.publish('consultation:contribution', {
      sessionId: session.id,
      authorId: row.author_id,
      staff: contributionView(row, attribution, { staff: true, participantId: null }),
      author: row.author_id === null ? null : contributionView(row, attribution, { staff: false, participantId: row.author_id }),
      everyone: published ? contributionView(row, attribution, PUBLIC_AUDIENCE) : null,
      wasPublic,
      mergedInto: row.merged_into,
    });
  }

  async comment(session: SessionRecord, id: string, wasPublic: boolean): Promise<void> {
    const row = await this.ctx.store.consultationItems.comment(session.id, id);
    if (!row) return;
    const attribution = session.attribution;
    // A comment is everyone's only while the contribution it answers is too (approved under a hidden one: staff and its author).
    const [on] = await this.ctx.store.consultation.joined(session.id, [row.contribution_id]);
    const onPublic = on !== undefined && on.status === 'published' && on.merged_into === null;
    this.ctx.bus.publish('consultation:comment', {
      sessionId: session.id,
      authorId: row.author_id,
      staff: commentView(row, attribution, { staff: true, participantId: null }),
      author: commentView(row, attribution, { staff: false, participantId: row.author_id }),
      everyone: row.status === 'published' && onPublic ? commentView(row, attribution, PUBLIC_AUDIENCE) : null,
      wasPublic: wasPublic && onPublic,
    });
  }

  /** Support and comment counts, a few times a second per session at most. */
  counts(sessionId: string, contributionId: string, counts: { supports: number; comments: number }): void {
    let pending = this.pendingCounts.get(sessionId);
    if (!pending) this.pendingCounts.set(sessionId, (pending = new Map<string, { supports: number; comments: number }>()));
    pending.set(contributionId, counts);
    this.ctx.coalescer.schedule(`${sessionId}:consultation-counts`, async () => {
      const batch = this.pendingCounts.get(sessionId);
      this.pendingCounts.delete(sessionId);
      if (!batch || batch.size === 0) return;
      // Everyone hears the counts of public contributions only; the others' (a merge into a pending
      // one, a support taken back from a hidden one) go to staff, who see those contributions.
      const rows = await this.ctx.store.consultation.joined(sessionId, [...batch.keys()]);
      const open = new Set(rows.filter((r) => r.status === 'published' && r.merged_into === null).map((r) => r.id));
      const everyone = [...batch].filter(([id]) => open.has(id));
      const staff = [...batch].filter(([id]) => !open.has(id));
      if (everyone.length > 0) this.ctx.bus.publish('consultation:counts', { sessionId, counts: Object.fromEntries(everyone), staff: false });
      if (staff.length > 0) this.ctx.bus.publish('consultation:counts', { sessionId, counts: Object.fromEntries(staff), staff: true });
    });
  }

  async moderation(sessionId: string): Promise<void> {
    this.ctx.bus.publish('consultation:moderation', { sessionId, counts: await this.ctx.store.consultation.moderationCounts(sessionId) });
  }

  /** The question counts moved (a contribution published, hidden, merged): coalesced like the other counts. */
  countsChanged(sessionId: string): void {
    this.ctx.coalescer.schedule(`${sessionId}:consultation-changed`, () => this.changed(sessionId));
  }

  async changed(sessionId: string): Promise<void> {
    const config = await loadConfig(this.ctx.store, sessionId);
    this.ctx.bus.publish('consultation:changed', { sessionId, view: await consultationView(this.ctx.store, sessionId, config, this.ctx.now()) });
  }

  async you(session: SessionRecord, participantId: string | null): Promise<void> {
    if (participantId === null) return;
    this.ctx.bus.publish('consultation:you', { participantId, you: await youOf(this.ctx.store, session.id, participantId, session.attribution) });
  }
}
