// The evidence part: the side panel's list, references and the statistics (SER4–SER6).
import { Router } from 'express';
import { checkPathIds } from '../../http/path-ids.js';
import type { SeriesDeps } from '../deps.js';

export function evidenceRoutes(_deps: SeriesDeps): Router {
  return checkPathIds(Router());
}
