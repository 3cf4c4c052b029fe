// A series with sessions and finalised versions for the public page's tests (SER111–SER118),
// written through the real HTTP API where it exists and straight into storage where another part
// owns the writing (a series' sessions: core; versions: publish's finalise).
import type { InformationDocument } from '../../shared/src/domain/series/index.js';
import { openDatabase } from '../../server/src/store/db.js';
import { createSeries, createSession, http } from './api.js';
import type { TestServer } from './server.js';

/** Stores version rows as the publish part's finalise does: one row per language, the original first. */
export async function insertVersion(server: TestServer, seriesId: string, docs: InformationDocument[], finalisedAt = Date.UTC(2026, 9, 2, 12)): Promise<void> {
  const h = await openDatabase({ url: server.database.url, pgSchema: server.database.schema });
  try {
    for (const doc of docs) {
      await h.db
        .insertInto('series_versions')
        .values({
          series_id: seriesId,
          version: doc.version,
          language: doc.language,
          original: doc.original ? 1 : 0,
          document: JSON.stringify(doc),
          changes: doc.changes,
          finalised_by: null,
          finalised_at: finalisedAt,
        })
        .execute();
    }
  } finally {
    await h.db.destroy();
  }
}

export interface PublicWorld {
  seriesId: string;
  token: string;
  slug: string;
  /** The café's record is published (/p/…); the Town Hall's is not. */
  cafeRecordPath: string;
}

/** A series "Open Talks on data governance" (English then Arabic) with a published café record and an unpublished Town Hall. */
export async function publicWorld(server: TestServer, title = 'Open Talks on data <governance>'): Promise<PublicWorld> {
  const created = await createSeries(server.url, { title, topic: 'How should data be shared?', languages: ['en', 'ar'], attribution: 'named' });
  const seriesId = created.series.id;
  const cafe = await createSession(server.url, { title: 'Café on data', format: 'cafe' });
  const townhall = await createSession(server.url, { title: 'Town Hall on data', format: 'townhall' });
  for (const s of [cafe, townhall]) await server.store.series.addSession(seriesId, s.session.id, Date.now());
  const published = await http<{ publication: { path: string } }>(server.url, 'POST', `/api/sessions/${cafe.session.id}/publication`, { token: cafe.facilitatorToken, body: {} });
  if (published.status !== 201) throw new Error(`publishing the café record failed: ${published.status}`);
  const series = await server.store.series.byId(seriesId);
  return { seriesId, token: created.facilitatorToken, slug: series!.publicSlug, cafeRecordPath: published.body.publication.path };
}
