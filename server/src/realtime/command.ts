import { performance } from 'node:perf_hooks';
import { COMMANDS, type Ack, type ClientToServerEvents, type CommandName } from '@open-talks/shared/protocol';
import type { z } from 'zod';
import { AppError, parseOrThrow, toApiError } from '../errors.js';
import type { Logger } from '../log.js';
import { authorize, type Principal } from '../sessions/principal.js';
import type { SessionService } from '../sessions/session-service.js';
import type { IoSocket } from './types.js';

type AckOf<K extends CommandName> = Parameters<ClientToServerEvents[K]>[1];
type SuccessOf<K extends CommandName> = Omit<Extract<Parameters<AckOf<K>>[0], { ok: true }>, 'ok'>;
type PayloadOf<K extends CommandName> = z.output<(typeof COMMANDS)[K]['schema']>;

export type CommandHandler<K extends CommandName> = (principal: Principal, payload: PayloadOf<K>) => Promise<SuccessOf<K>>;

export interface CommandContext {
  service: SessionService;
  log: Logger;
}

/**
 * The one way a command is registered (STYLE.md §2): (rate-limited before, by guardSocket) re-read who is asking,
 * check the permission table, parse the payload, run the handler, ack, log one line.
 * Handlers never parse or authorise by hand, and a failure changes nothing.
 */
export function registerCommand<K extends CommandName>(
  socket: IoSocket,
  name: K,
  handler: CommandHandler<K>,
  { service, log }: CommandContext,
): void {
  const { schema, action } = COMMANDS[name];
  const listener = async (payload: unknown, ack: unknown) => {
    const started = performance.now();
    const { sessionId, participantId } = socket.data;
    let reply: Ack<object>;
    try {
      if (typeof ack !== 'function') throw new AppError('bad_request', 'Commands need an acknowledgement callback');
      const principal = await service.resolve(sessionId, participantId);
      authorize(principal, action);
      const parsed = parseOrThrow(schema, payload) as PayloadOf<K>;
      reply = { ok: true, ...(await handler(principal, parsed)) };
    } catch (error) {
      reply = { ok: false, error: toApiError(error) };
      if (!(error instanceof AppError)) log.error({ err: error, cmd: name, sessionId }, 'command failed');
    }
    const ms = Math.round((performance.now() - started) * 10) / 10;
    log.info({ cmd: name, sessionId, participantId, ok: reply.ok, code: reply.ok ? undefined : reply.error.code, ms }, 'command');
    if (typeof ack === 'function') (ack as (reply: Ack<object>) => void)(reply);
    if (!reply.ok && reply.error.code === 'removed') socket.disconnect(true);
  };
  socket.on(name, listener as never);
}
