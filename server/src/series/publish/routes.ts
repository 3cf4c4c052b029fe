// The publish part: finalise, versions, translations, exports, publication (SER7–SER9).
import { Router } from 'express';
import { checkPathIds } from '../../http/path-ids.js';
import type { SeriesDeps } from '../deps.js';

export function publishRoutes(_deps: SeriesDeps): Router {
  return checkPathIds(Router());
}
