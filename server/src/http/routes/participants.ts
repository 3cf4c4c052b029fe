import { joinBody, joinCodeSchema } from '@open-talks/shared/protocol';
import { Router } from 'express';
import { parseOrThrow } from '../../errors.js';
import type { SessionService } from '../../sessions/session-service.js';
import { principalFor } from '../auth.js';
import type { JoinLimits } from '../join-limits.js';
import { checkPathIds } from '../path-ids.js';

export function participantRoutes(service: SessionService, limits: JoinLimits): Router {
  const router = checkPathIds(Router());

  // What the join page shows before anyone joins: only what the code already reveals in the room.
  router.get('/join/:joinCode', ...limits.preview, async (req, res) => {
    const joinCode = parseOrThrow(joinCodeSchema, req.params.joinCode);
    res.json({ session: await service.preview(joinCode) });
  });

  router.post('/join', ...limits.join, async (req, res) => {
    const body = parseOrThrow(joinBody, req.body);
    const joined = await service.join(body);
    req.log.info({ sessionId: joined.session.id, participantId: joined.participant.id }, 'joined');
    res.status(201).json(joined);
  });

  router.get('/sessions/:id/participants', async (req, res) => {
    await principalFor(service, req, req.params.id, 'participants:list');
    res.json({ participants: await service.listParticipants(req.params.id) });
  });

  // Changing a role, removing someone and one's own profile are commands: routes/commands.ts.
  return router;
}
