import { lockPayload, makeTablesPayload, movePayload, planPayload, setRoundsPayload, setTablesPayload } from '@open-talks/shared/protocol';
import { Router } from 'express';
import type { CafeService } from '../../cafe/cafe-service.js';
import { parseOrThrow } from '../../errors.js';
import type { SessionService } from '../../sessions/session-service.js';
import { principalFor } from '../auth.js';

/** The café set-up over HTTP, so organisers can script tables and rounds before the event. */
export function cafeRoutes(service: SessionService, cafe: CafeService): Router {
  const router = Router();
  const base = '/sessions/:id/cafe';

  router.get(base, async (req, res) => {
    const principal = await principalFor(service, req, req.params.id!, 'cafe:view-setup');
    res.json({ cafe: await cafe.view(principal.session.id) });
  });
  router.put(`${base}/tables`, async (req, res) => {
    const principal = await principalFor(service, req, req.params.id!, 'cafe:configure');
    res.json({ cafe: await cafe.setTables(principal, parseOrThrow(setTablesPayload, req.body)) });
  });
  router.post(`${base}/tables/auto`, async (req, res) => {
    const principal = await principalFor(service, req, req.params.id!, 'cafe:configure');
    res.json({ cafe: await cafe.makeTables(principal, parseOrThrow(makeTablesPayload, req.body ?? {})) });
  });
  router.put(`${base}/rounds`, async (req, res) => {
    const principal = await principalFor(service, req, req.params.id!, 'cafe:configure');
    res.json({ cafe: await cafe.setRounds(principal, parseOrThrow(setRoundsPayload, req.body)) });
  });
  router.post(`${base}/plan`, async (req, res) => {
    const principal = await principalFor(service, req, req.params.id!, 'cafe:plan');
    res.status(201).json({ cafe: await cafe.plan(principal, parseOrThrow(planPayload, req.body ?? {})) });
  });
  router.post(`${base}/plan/moves`, async (req, res) => {
    const principal = await principalFor(service, req, req.params.id!, 'cafe:plan');
    res.json({ cafe: await cafe.move(principal, parseOrThrow(movePayload, req.body)) });
  });
  router.put(`${base}/plan/lock`, async (req, res) => {
    const principal = await principalFor(service, req, req.params.id!, 'cafe:plan');
    res.json({ cafe: await cafe.lock(principal, parseOrThrow(lockPayload, req.body)) });
  });
  return router;
}
