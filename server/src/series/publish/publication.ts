// Publishing the series' public page (SER10): owned by the public-page part.
import { Router } from 'express';
import { checkPathIds } from '../../http/path-ids.js';
import type { SeriesDeps } from '../deps.js';

export function publicationRoutes(_deps: SeriesDeps): Router {
  return checkPathIds(Router());
}
