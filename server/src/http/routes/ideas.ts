// A table notepad's key ideas over HTTP (docs/notepads.md, IDEA1–IDEA5): the same commands as the
// Socket.IO ones, for scripts. The table and round are in the path; the body never names an author.
import { addIdeaPayload, dropIdeaPayload, editIdeaPayload, markIdeaPayload, moveIdeaPayload } from '@open-talks/shared/protocol';
import { Router, type Request } from 'express';
import { parseOrThrow } from '../../errors.js';
import type { IdeaCommands } from '../../notepad/idea-commands.js';
import type { SessionService } from '../../sessions/session-service.js';
import { principalFor } from '../auth.js';
import { checkPathIds } from '../path-ids.js';

/** The body with the path's table, round and idea: what the command schemas parse. */
function input(req: Request): Record<string, unknown> {
  const body: unknown = req.body ?? {};
  const fromPath = { tableId: req.params.tableId, round: Number(req.params.round), ...(req.params.ideaId !== undefined && { ideaId: req.params.ideaId }) };
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body, ...fromPath } : fromPath;
}

export function ideaRoutes(service: SessionService, ideas: IdeaCommands): Router {
  const router = checkPathIds(Router());
  const base = '/sessions/:id/cafe/tables/:tableId/rounds/:round/ideas';

  router.post(base, async (req, res) => {
    const principal = await principalFor(service, req, req.params.id, 'notepad:add-idea');
    res.status(201).json(await ideas.add(principal, parseOrThrow(addIdeaPayload, input(req))));
  });
  router.put(`${base}/:ideaId/text`, async (req, res) => {
    const principal = await principalFor(service, req, req.params.id, 'notepad:curate-ideas');
    res.json(await ideas.edit(principal, parseOrThrow(editIdeaPayload, input(req))));
  });
  router.put(`${base}/:ideaId/marked`, async (req, res) => {
    const principal = await principalFor(service, req, req.params.id, 'notepad:curate-ideas');
    res.json(await ideas.mark(principal, parseOrThrow(markIdeaPayload, input(req))));
  });
  router.put(`${base}/:ideaId/position`, async (req, res) => {
    const principal = await principalFor(service, req, req.params.id, 'notepad:curate-ideas');
    res.json(await ideas.move(principal, parseOrThrow(moveIdeaPayload, input(req))));
  });
  router.delete(`${base}/:ideaId`, async (req, res) => {
    const principal = await principalFor(service, req, req.params.id, 'notepad:curate-ideas');
    res.json(await ideas.drop(principal, parseOrThrow(dropIdeaPayload, input(req))));
  });
  return router;
}
