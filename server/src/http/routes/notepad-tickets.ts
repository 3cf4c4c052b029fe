import { notepadTicketBody, type NotepadTicketResponse } from '@open-talks/shared/protocol';
import { Router } from 'express';
import { parseOrThrow } from '../../errors.js';
import type { TicketStore } from '../../notepad/tickets.js';
import type { SessionService } from '../../sessions/session-service.js';
import { authenticateAndSpend, bearerToken } from '../auth.js';

/** NOTE16: a single-use ticket for one notepad connection, so no token travels in a WebSocket URL. */
export function notepadTicketRoutes(service: SessionService, tickets: TicketStore): Router {
  const router = Router();
  router.post('/notepad-tickets', async (req, res) => {
    const token = bearerToken(req);
    await authenticateAndSpend(service, req); // 401 for no or a bad token, 403 for a removed person, 429 past LIMIT1
    parseOrThrow(notepadTicketBody, req.body ?? {});
    const body: NotepadTicketResponse = { ticket: await tickets.issue(token!) };
    res.status(201).set('Cache-Control', 'no-store').json(body);
  });
  return router;
}
