// The record (docs/record.md): gathered from storage, built under the session's attribution,
// rendered per format; and its public outcome page (REC10).
import { buildRecord, recordFileName, type Language, type RecordFacts, type RecordFormat, type SessionRecordDocument } from '@open-talks/shared';
import type { PublicationView } from '@open-talks/shared/protocol';
import { newId } from '../auth/tokens.js';
import { AppError } from '../errors.js';
import type { NotepadServer } from '../notepad/index.js';
import type { Principal } from '../sessions/principal.js';
import type { PublicationRecord, SessionRecord, Store } from '../store/index.js';
import { recordLabels } from './labels.js';
import { gatherFacts, type GatherOptions } from './gather.js';
import { renderRecord } from './render/index.js';

export interface ExportedRecord {
  fileName: string;
  /** The same name in UTF-8, for Content-Disposition's filename*. */
  fileNameUtf8: string;
  contentType: string;
  body: Buffer;
}

function view(publication: PublicationRecord | null, session: SessionRecord): PublicationView | null {
  if (!publication) return null;
  // A consultation's public page is the server-rendered /c/ page (CONS67).
  const path = session.format === 'consultation' ? `/c/${publication.slug}` : `/p/${publication.slug}`;
  return { slug: publication.slug, path, published: publication.publishedAt !== null, publishedAt: publication.publishedAt };
}

/** The title as a file name: no path separators, quotes or control characters. */
function utf8Name(title: string, date: number, format: RecordFormat): string {
  const clean =
    title
      .replace(/[\p{Cc}\p{Cf}"\\/:*?<>|]+/gu, ' ')
      .trim()
      .slice(0, 80) || 'session';
  return `${clean} ${new Date(date).toISOString().slice(0, 10)}.${format}`;
}

export class RecordService {
  constructor(
    private readonly store: Store,
    private readonly notepads: NotepadServer,
    private readonly now: () => number = Date.now,
  ) {}

  /** 404 for a session that does not exist, before anything else is checked. */
  async requireSession(sessionId: string): Promise<SessionRecord> {
    const session = await this.store.sessions.byId(sessionId);
    if (!session) throw new AppError('not_found', 'No such session');
    return session;
  }

  async record(session: SessionRecord): Promise<SessionRecordDocument> {
    const now = this.now();
    return buildRecord(await gatherFacts(this.store, this.notepads, session, now), now);
  }

  /** The raw facts the record is built from, with stored ids: only for server-side builders that apply attribution themselves (series evidence, SER2). */
  async facts(session: SessionRecord, options: GatherOptions = {}): Promise<RecordFacts> {
    return gatherFacts(this.store, this.notepads, session, this.now(), options);
  }

  /** Headings follow `language` (the requester's) or else the session's first language (REC11). */
  async export(principal: Principal, format: RecordFormat, language: Language | undefined): Promise<ExportedRecord> {
    const { session } = principal;
    const record = await this.record(session);
    const rendered = await renderRecord(format, record, recordLabels(language ?? session.languages[0] ?? 'en'));
    return {
      fileName: recordFileName(session.title, session.createdAt, format),
      fileNameUtf8: utf8Name(session.title, session.createdAt, format),
      ...rendered,
    };
  }

  async publication(principal: Principal): Promise<PublicationView | null> {
    return view(await this.store.records.publication(principal.session.id), principal.session);
  }

  /** Publishes (the slug is made once and kept, so the link is stable) or takes the page down. */
  async publish(principal: Principal, published: boolean): Promise<PublicationView> {
    const sessionId = principal.session.id;
    const now = this.now();
    const existing = await this.store.records.publication(sessionId);
    const next: PublicationRecord = { sessionId, slug: existing?.slug ?? newId(), publishedAt: published ? (existing?.publishedAt ?? now) : null };
    await this.store.records.save(next, now);
    // Read back: of two publishes at once (a double click) the first slug is the one stored.
    return view(await this.store.records.publication(sessionId), principal.session)!;
  }

  /** The public page's record, or 404 while it is not published (REC10). */
  async publicRecord(slug: string): Promise<SessionRecordDocument> {
    const publication = await this.store.records.bySlug(slug);
    const session = publication?.publishedAt != null ? await this.store.sessions.byId(publication.sessionId) : undefined;
    if (!session) throw new AppError('not_found', 'This record is not published');
    return this.record(session);
  }
}
