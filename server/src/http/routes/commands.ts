import { COMMAND_NAMES, COMMANDS, type CommandName, type HttpRoute } from '@open-talks/shared/protocol';
import { Router, type Request } from 'express';
import type { SessionService } from '../../sessions/session-service.js';
import { runCommand, type Commands } from '../../realtime/command.js';
import { principalFor } from '../auth.js';
import { checkPathIds } from '../path-ids.js';

/** The command payload: the body, with the path's parameters (`:id`, the session, aside) over it. */
function payloadOf(req: Request, route: HttpRoute): unknown {
  const body: unknown = req.body ?? {};
  const fromPath: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(req.params)) {
    if (name === 'id') continue;
    const target = route.params?.[name] ?? name;
    if (typeof target === 'string') fromPath[target] = value;
    else fromPath[target.field] = Number(value);
  }
  return Object.keys(fromPath).length === 0 ? body : { ...(body as object), ...fromPath };
}

/**
 * Every command the table gives an HTTP route (docs/api.md), so organisers can script a session:
 * the same permission, schema, limits and handler as over Socket.IO, answered as JSON.
 */
export function commandRoutes(service: SessionService, commands: Commands): Router {
  const router = checkPathIds(Router());
  for (const name of COMMAND_NAMES) {
    const spec: { action: (typeof COMMANDS)[CommandName]['action']; http?: HttpRoute } = COMMANDS[name];
    const route = spec.http;
    if (!route) continue;
    router[route.method](route.path, async (req, res) => {
      const principal = await principalFor(service, req, req.params.id!, spec.action);
      const answer = await runCommand(commands, name, principal, payloadOf(req, route));
      if (route.status === 204) res.status(204).end();
      else res.status(route.status ?? 200).json(answer);
    });
  }
  return router;
}
