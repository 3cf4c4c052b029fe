// A series with sessions and finalised versions for the public page's tests (SER111–SER118),
// written through the real HTTP API where it exists and through the store where a test needs no
// more than the rows (a finalised version without drafting one).
import type { FrozenReference, InformationDocument } from '../../shared/src/domain/series/index.js';
import { createSeries, createSession, http } from './api.js';
import type { TestServer } from './server.js';

/**
 * Stores a finalised version through the publish part's repository, as its finalise does: one
 * row per language, the original first, with the references it froze kept beside the document.
 */
export async function insertVersion(server: TestServer, seriesId: string, docs: InformationDocument[], finalisedAt = Date.UTC(2026, 9, 2, 12)): Promise<void> {
  const references: FrozenReference[] = [{ id: 'FROZEN-REFS', quote: null, summary: { count: 1, kind: 'cafe-idea', groups: [] }, annex: ['A.1.1'] }];
  for (const doc of docs) await server.store.seriesVersions.insert(seriesId, { document: { ...doc, finalisedAt }, references }, null);
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
  for (const s of [cafe, townhall]) {
    const added = await http(server.url, 'POST', `/api/series/${seriesId}/sessions`, {
      token: created.facilitatorToken,
      body: { kind: 'existing', sessionId: s.session.id, facilitatorToken: s.facilitatorToken },
    });
    if (added.status !== 201) throw new Error(`adding a session to the series failed: ${added.status} ${JSON.stringify(added.body)}`);
  }
  const published = await http<{ publication: { path: string } }>(server.url, 'POST', `/api/sessions/${cafe.session.id}/publication`, { token: cafe.facilitatorToken, body: {} });
  if (published.status !== 201) throw new Error(`publishing the café record failed: ${published.status}`);
  const series = await server.store.series.byId(seriesId);
  return { seriesId, token: created.facilitatorToken, slug: series!.publicSlug, cafeRecordPath: published.body.publication.path };
}
