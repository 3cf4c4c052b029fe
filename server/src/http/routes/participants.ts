import { joinBody, joinCodeSchema, profileUpdateBody, setRoleBody } from '@open-talks/shared/protocol';
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

  router.patch('/sessions/:id/participants/:participantId', async (req, res) => {
    const principal = await principalFor(service, req, req.params.id, 'participant:set-role');
    const { role } = parseOrThrow(setRoleBody, req.body);
    res.json({ participant: await service.setRole(principal, req.params.participantId, role) });
  });

  router.delete('/sessions/:id/participants/:participantId', async (req, res) => {
    const principal = await principalFor(service, req, req.params.id, 'participant:remove');
    await service.remove(principal, req.params.participantId);
    res.status(204).end();
  });

  router.patch('/sessions/:id/me', async (req, res) => {
    const principal = await principalFor(service, req, req.params.id, 'profile:update');
    const changes = parseOrThrow(profileUpdateBody, req.body);
    res.json({ participant: await service.updateProfile(principal, changes) });
  });

  return router;
}
