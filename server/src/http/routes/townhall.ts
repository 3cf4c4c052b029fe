import { COMMANDS } from '@open-talks/shared/protocol';
import { Router, type Request } from 'express';
import { parseOrThrow } from '../../errors.js';
import type { SessionService } from '../../sessions/session-service.js';
import type { TownhallCommand, TownhallHandlers } from '../../townhall/handlers.js';
import type { TownhallService } from '../../townhall/townhall-service.js';
import { principalFor } from '../auth.js';
import { checkPathIds } from '../path-ids.js';

type Method = 'post' | 'put' | 'patch' | 'delete';

interface Route {
  method: Method;
  path: string;
  command: TownhallCommand;
  /** 201 for what creates something. */
  status?: number;
  /** The command payload from the path and the body (default: the body). */
  payload?: (req: Request, body: Record<string, unknown>) => unknown;
}

const param = (name: string) => (req: Request, body: Record<string, unknown>) => ({ ...body, [name]: req.params[name] });
const questionId = param('questionId');
const pollId = param('pollId');
const itemId = param('itemId');

/** Every Town Hall command as an endpoint under /api/sessions/:id/townhall (docs/api.md). */
const ROUTES: Route[] = [
  { method: 'patch', path: '/settings', command: 'townhall:configure' },
  { method: 'post', path: '/questions', command: 'qa:ask', status: 201 },
  { method: 'post', path: '/questions/:questionId/vote', command: 'qa:vote', payload: questionId },
  { method: 'post', path: '/questions/:questionId/approve', command: 'qa:approve', payload: questionId },
  { method: 'post', path: '/questions/:questionId/hide', command: 'qa:hide', payload: questionId },
  { method: 'patch', path: '/questions/:questionId', command: 'qa:edit', payload: questionId },
  { method: 'post', path: '/questions/:questionId/merge', command: 'qa:merge', payload: (req, body) => ({ ...body, sourceId: req.params.questionId }) },
  { method: 'post', path: '/questions/:questionId/pin', command: 'qa:pin', payload: questionId },
  { method: 'delete', path: '/pin', command: 'qa:unpin' },
  { method: 'post', path: '/questions/:questionId/answer', command: 'qa:answer', payload: questionId },
  { method: 'put', path: '/hand', command: 'hand:raise' },
  { method: 'delete', path: '/hand', command: 'hand:lower' },
  { method: 'delete', path: '/queue/:handle', command: 'hand:dismiss', payload: param('handle') },
  { method: 'post', path: '/queue/:handle/move', command: 'hand:move', payload: param('handle') },
  { method: 'put', path: '/queue/alternate', command: 'hand:alternate' },
  { method: 'post', path: '/floor', command: 'hand:give-floor' },
  { method: 'delete', path: '/floor', command: 'hand:end-floor' },
  { method: 'post', path: '/floor/pause', command: 'hand:pause-floor' },
  { method: 'post', path: '/floor/resume', command: 'hand:resume-floor' },
  { method: 'post', path: '/floor/extend', command: 'hand:extend-floor' },
  { method: 'post', path: '/polls', command: 'poll:create', status: 201 },
  { method: 'put', path: '/polls/:pollId', command: 'poll:edit', payload: pollId },
  { method: 'post', path: '/polls/:pollId/open', command: 'poll:open', payload: pollId },
  { method: 'post', path: '/polls/:pollId/close', command: 'poll:close', payload: pollId },
  { method: 'delete', path: '/polls/:pollId', command: 'poll:delete', payload: pollId },
  { method: 'put', path: '/polls/:pollId/results-visible', command: 'poll:results-visible', payload: pollId },
  { method: 'put', path: '/projected-poll', command: 'poll:project' },
  { method: 'put', path: '/polls/:pollId/ballot', command: 'poll:vote', payload: pollId },
  { method: 'delete', path: '/polls/:pollId/ballot', command: 'poll:withdraw', payload: pollId },
  { method: 'post', path: '/captions', command: 'caption:add', status: 201 },
  { method: 'post', path: '/agenda', command: 'agenda:add', status: 201 },
  { method: 'post', path: '/agenda/next', command: 'agenda:next' },
  { method: 'post', path: '/agenda/pause', command: 'agenda:pause' },
  { method: 'post', path: '/agenda/resume', command: 'agenda:resume' },
  { method: 'post', path: '/agenda/extend', command: 'agenda:extend' },
  { method: 'patch', path: '/agenda/:itemId', command: 'agenda:edit', payload: itemId },
  { method: 'delete', path: '/agenda/:itemId', command: 'agenda:remove', payload: itemId },
  { method: 'post', path: '/agenda/:itemId/move', command: 'agenda:move', payload: itemId },
];

/** The Town Hall over HTTP: the same handlers as the Socket.IO commands, so organisers can script it. */
export function townhallRoutes(service: SessionService, townhall: TownhallService, handlers: TownhallHandlers): Router {
  const router = checkPathIds(Router());
  const base = '/sessions/:id/townhall';

  router.get(base, async (req, res) => {
    const principal = await principalFor(service, req, req.params.id, 'session:view');
    res.json({ townhall: await townhall.live(principal) });
  });
  router.get(`${base}/captions`, async (req, res) => {
    const principal = await principalFor(service, req, req.params.id, 'session:view');
    res.json({ captions: await townhall.captions.transcript(principal) });
  });
  for (const route of ROUTES) {
    const { schema, action } = COMMANDS[route.command];
    router[route.method](`${base}${route.path}`, async (req, res) => {
      const principal = await principalFor(service, req, req.params.id, action);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const payload = parseOrThrow(schema, route.payload ? route.payload(req, body) : body);
      const handler = handlers[route.command] as (p: typeof principal, payload: unknown) => Promise<object>;
      res.status(route.status ?? 200).json(await handler(principal, payload));
    });
  }
  return router;
}
