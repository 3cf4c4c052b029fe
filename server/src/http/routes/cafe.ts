import { emptyPayload, extendRoundPayload, promptPayload, showHarvestPayload, lockPayload, makeTablesPayload, movePayload, planPayload, setRoundsPayload, setTablesPayload } from '@open-talks/shared/protocol';
import type { CafeRun } from '@open-talks/shared';
import { Router } from 'express';
import type { CafeService } from '../../cafe/cafe-service.js';
import type { CafeRunService } from '../../cafe/run-service.js';
import { parseOrThrow } from '../../errors.js';
import type { SessionService } from '../../sessions/session-service.js';
import type { Principal } from '../../sessions/principal.js';
import { principalFor } from '../auth.js';
import { checkPathIds } from '../path-ids.js';

/** The café set-up over HTTP, so organisers can script tables and rounds before the event. */
export function cafeRoutes(service: SessionService, cafe: CafeService, cafeRun: CafeRunService): Router {
  const router = checkPathIds(Router());
  const base = '/sessions/:id/cafe';

  router.get(base, async (req, res) => {
    const principal = await principalFor(service, req, req.params.id, 'cafe:view-setup');
    res.json({ cafe: await cafe.view(principal.session.id) });
  });
  router.put(`${base}/tables`, async (req, res) => {
    const principal = await principalFor(service, req, req.params.id, 'cafe:configure');
    res.json({ cafe: await cafe.setTables(principal, parseOrThrow(setTablesPayload, req.body)) });
  });
  router.post(`${base}/tables/auto`, async (req, res) => {
    const principal = await principalFor(service, req, req.params.id, 'cafe:configure');
    res.json({ cafe: await cafe.makeTables(principal, parseOrThrow(makeTablesPayload, req.body ?? {})) });
  });
  router.put(`${base}/rounds`, async (req, res) => {
    const principal = await principalFor(service, req, req.params.id, 'cafe:configure');
    res.json({ cafe: await cafe.setRounds(principal, parseOrThrow(setRoundsPayload, req.body)) });
  });
  router.post(`${base}/plan`, async (req, res) => {
    const principal = await principalFor(service, req, req.params.id, 'cafe:plan');
    res.status(201).json({ cafe: await cafe.plan(principal, parseOrThrow(planPayload, req.body ?? {})) });
  });
  router.post(`${base}/plan/moves`, async (req, res) => {
    const principal = await principalFor(service, req, req.params.id, 'cafe:plan');
    res.json({ cafe: await cafe.move(principal, parseOrThrow(movePayload, req.body)) });
  });
  router.put(`${base}/plan/lock`, async (req, res) => {
    const principal = await principalFor(service, req, req.params.id, 'cafe:plan');
    res.json({ cafe: await cafe.lock(principal, parseOrThrow(lockPayload, req.body)) });
  });
  // Running the café: the same as the console's buttons.
  router.get(`${base}/live`, async (req, res) => {
    const principal = await principalFor(service, req, req.params.id, 'session:view');
    res.json({ cafe: await cafeRun.liveFor(principal.session.id, principal.participant?.id ?? null) });
  });
  const runActions = {
    start: (p, _body) => cafeRun.start(p),
    pause: (p, _body) => cafeRun.pause(p),
    resume: (p, _body) => cafeRun.resume(p),
    end: (p, _body) => cafeRun.end(p),
    extend: (p, body) => cafeRun.extend(p, parseOrThrow(extendRoundPayload, body).minutes),
  } satisfies Record<string, (p: Principal, body: unknown) => Promise<CafeRun>>;
  for (const [name, act] of Object.entries(runActions)) {
    router.post(`${base}/run/${name}`, async (req, res) => {
      const principal = await principalFor(service, req, req.params.id, 'cafe:run');
      const body: unknown = req.body ?? {};
      if (name !== 'extend') parseOrThrow(emptyPayload, body);
      res.json({ run: await act(principal, body) });
    });
  }
  router.post(`${base}/prompts`, async (req, res) => {
    const principal = await principalFor(service, req, req.params.id, 'cafe:prompt');
    res.status(201).json({ prompt: await cafeRun.prompt(principal, parseOrThrow(promptPayload, req.body)) });
  });
  // HARV6: the projector shows the harvest, or the round again.
  router.put(`${base}/projector/harvest`, async (req, res) => {
    const principal = await principalFor(service, req, req.params.id, 'cafe:run');
    res.json(await cafeRun.showHarvest(principal, parseOrThrow(showHarvestPayload, req.body).show));
  });
  return router;
}
