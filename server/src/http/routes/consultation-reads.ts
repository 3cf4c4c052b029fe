// The consultation's reads as GET endpoints (CONS28; docs/api.md, "Consultation: lists and
// search"), for scripts and the public page's live updates: the same permission, schema and
// handler as the Socket.IO commands. A query string carries only strings, so the numbers are read
// here and everything else is left to the command's schema, which refuses unknown fields.
import type { CommandName } from '@open-talks/shared/protocol';
import { COMMANDS } from '@open-talks/shared/protocol';
import { Router, type Request } from 'express';
import { AppError } from '../../errors.js';
import { runCommand, type Commands } from '../../realtime/command.js';
import type { SessionService } from '../../sessions/session-service.js';
import { principalFor } from '../auth.js';
import { checkPathIds } from '../path-ids.js';

const BASE = '/sessions/:id/consultation';
/** Query fields the schemas take as numbers. */
const NUMBERS = new Set(['page', 'pageSize', 'seed']);
const DIGITS = /^\d{1,10}$/;

/** The query string as a payload: one value a field, numbers where numbers are due. */
export function queryPayload(query: Request['query']): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(query)) {
    if (typeof value !== 'string') throw new AppError('bad_request', `${name}: give it once, as plain text`);
    payload[name] = NUMBERS.has(name) && DIGITS.test(value) ? Number(value) : value;
  }
  return payload;
}

const READS: { path: string; command: CommandName }[] = [
  { path: `${BASE}/contributions`, command: 'consultation:list' },
  { path: `${BASE}/contributions/:contributionId`, command: 'contribution:get' },
  { path: `${BASE}/contributions/:contributionId/comments`, command: 'contribution:comments' },
  { path: `${BASE}/similar`, command: 'consultation:similar' },
  { path: `${BASE}/queue`, command: 'consultation:queue' },
];

export function consultationReadRoutes(service: SessionService, commands: Commands): Router {
  const router = checkPathIds(Router());
  for (const { path, command } of READS) {
    router.get(path, async (req, res) => {
      const { id, contributionId } = req.params as { id: string; contributionId?: string };
      const principal = await principalFor(service, req, id, COMMANDS[command].action);
      const payload = { ...queryPayload(req.query), ...(contributionId !== undefined && { contributionId }) };
      res.json(await runCommand(commands, command, principal, payload));
    });
  }
  return router;
}
