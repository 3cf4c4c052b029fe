// The series' public page, server-rendered at /d/:slug (SER10): its sessions and its published document.
import { Router } from 'express';
import type { SeriesDeps } from '../deps.js';

export function seriesPublicPages(_deps: SeriesDeps): Router {
  return Router();
}
