// The series and its information document (issue 16, docs/series.md): one module, four parts
// (core: the series and its sessions; document: the shared draft; evidence: the side panel,
// references and statistics; publish: versions, exports and the public page).
import type { Router } from 'express';
import { coreRoutes } from './core/routes.js';
import type { SeriesDeps } from './deps.js';
import { documentRoutes } from './document/routes.js';
import { evidenceRoutes } from './evidence/routes.js';
import { seriesPublicPages } from './publish/public-page.js';
import { publishRoutes } from './publish/routes.js';
import { publicationRoutes } from './publish/publication.js';

export { seriesAuthenticator, type SeriesPrincipal } from './auth.js';
export { seriesDrafts } from './document/drafts.js';
export { seriesEvidence } from './evidence/source.js';
export type { SeriesDeps, SeriesDrafts } from './deps.js';

/** The /api routers (mounted under /api) and the server-rendered public pages (mounted at /). */
export function seriesRouters(deps: SeriesDeps): { api: Router[]; pages: Router } {
  return { api: [coreRoutes(deps), documentRoutes(deps), evidenceRoutes(deps), publishRoutes(deps), publicationRoutes(deps)], pages: seriesPublicPages(deps) };
}
