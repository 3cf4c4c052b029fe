// The document part (SER40–SER59): tickets for the drafts' notepad rooms and a draft read as
// plain data. The rooms themselves are served by the notepad server (server/src/notepad/).
import { notepadTicketBody, type NotepadTicketResponse } from '@open-talks/shared/protocol';
import { parseDocumentText, type DraftView } from '@open-talks/shared/series';
import type { Language } from '@open-talks/shared';
import { Router } from 'express';
import { AppError, parseOrThrow } from '../../errors.js';
import { bearerToken } from '../../http/auth.js';
import { checkPathIds } from '../../http/path-ids.js';
import { seriesPrincipalFor } from '../auth.js';
import type { SeriesDeps } from '../deps.js';

export function documentRoutes(deps: SeriesDeps): Router {
  const router = checkPathIds(Router());

  // SER41 (NOTE16): a single-use ticket for one draft connection; the room decides the rest at its door.
  router.post('/series/:id/notepad-tickets', async (req, res) => {
    await seriesPrincipalFor(deps.store, deps.authenticate, req, req.params.id, 'series:draft');
    parseOrThrow(notepadTicketBody, req.body ?? {});
    const body: NotepadTicketResponse = { ticket: await deps.notepads.tickets.issue(bearerToken(req)!) };
    res.status(201).set('Cache-Control', 'no-store').json(body);
  });

  // SER44: the draft of one of the series' languages, with its numbered blocks.
  router.get('/series/:id/drafts/:language', async (req, res) => {
    const { series } = await seriesPrincipalFor(deps.store, deps.authenticate, req, req.params.id, 'series:view');
    const language = req.params.language as Language; // checked by checkPathIds
    if (!series.languages.includes(language)) throw new AppError('not_found', 'This series has no draft in that language');
    const draft = await deps.drafts.read(series.id, language);
    const body: DraftView = { ...draft, blocks: parseDocumentText(draft.text) };
    res.set('Cache-Control', 'no-store').json(body);
  });

  return router;
}
