// The built client: hashed assets, the few unhashed files (favicon), and index.html for every
// client route. Files are sent as the brotli or gzip copy the build wrote beside them when the
// browser accepts it (WEB2), so nothing is compressed per request; caching follows WEB3.
import { join } from 'node:path';
import express, { type Router } from 'express';
import expressStaticGzip from 'express-static-gzip';

const ONE_YEAR = '1y'; // hashed file names change with their content: cache them for good
// Which precompressed copy to send when the browser takes both: brotli is ~10–20% smaller.
const ORDER = ['br', 'gzip'];

/** The routes of the single page: /assets/*, other files in the client's folder, and the page itself. */
export function clientRoutes(clientDir: string): Router {
  const routes = express.Router();
  const assets = expressStaticGzip(join(clientDir, 'assets'), {
    enableBrotli: true,
    orderPreference: ORDER,
    index: false,
    serveStatic: { immutable: true, maxAge: ONE_YEAR, index: false },
  });
  // index.html and the favicon keep their names across releases: always revalidated (ETag).
  const unhashed = expressStaticGzip(clientDir, {
    enableBrotli: true,
    orderPreference: ORDER,
    index: false,
    serveStatic: { index: false, cacheControl: false, setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') },
  });

  routes.use('/assets', assets, (_req, res) => {
    // A missing asset (an old hash, a source map) is a 404, never the page in its place.
    res.status(404).type('text/plain').send('Not found');
  });
  routes.use(unhashed);
  // The client routes (/join/…, /s/…) are the single page; the server hands it out.
  routes.get(/^\/(?!api\/|socket\.io\/|yjs\/).*/, (req, res, next) => {
    req.url = '/index.html';
    unhashed(req, res, next);
  });
  return routes;
}
