// The document part: the drafts' notepad rooms and what the console needs of them (SER3).
import { Router } from 'express';
import { checkPathIds } from '../../http/path-ids.js';
import type { SeriesDeps } from '../deps.js';

export function documentRoutes(_deps: SeriesDeps): Router {
  return checkPathIds(Router());
}
