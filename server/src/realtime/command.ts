import { performance } from 'node:perf_hooks';
import { COMMAND_NAMES, COMMANDS, type Ack, type CommandAck, type CommandInput, type CommandName } from '@open-talks/shared/protocol';
import { AppError, parseOrThrow, toApiError } from '../errors.js';
import type { Logger } from '../log.js';
import { authorize, type Principal } from '../sessions/principal.js';
import type { SessionService } from '../sessions/session-service.js';
import type { RateLimit } from '../limits/rate-classes.js';
import { requirePerson } from '../townhall/context.js';
import type { IoSocket } from './types.js';

export type CommandHandler<K extends CommandName> = (principal: Principal, payload: CommandInput<K>) => Promise<CommandAck<K>>;
export type CommandHandlers = { [K in CommandName]: CommandHandler<K> };

/** What runs a command, over Socket.IO and HTTP alike: one handler each, and the rate classes' limiter. */
export interface Commands {
  handlers: CommandHandlers;
  limit: RateLimit;
}

/**
 * A command for someone already allowed it (`action` checked): parse the payload, pay its rate
 * class if it has one, run the handler. Both transports come through here, so they cannot differ.
 */
export async function runCommand<K extends CommandName>({ handlers, limit }: Commands, name: K, principal: Principal, payload: unknown): Promise<CommandAck<K>> {
  const spec: { schema: (typeof COMMANDS)[K]['schema']; rate?: Parameters<RateLimit>[0] } = COMMANDS[name];
  const parsed = parseOrThrow(spec.schema, payload) as CommandInput<K>;
  if (spec.rate) await limit(spec.rate, requirePerson(principal).id);
  return (handlers[name] as CommandHandler<K>)(principal, parsed);
}

export interface CommandContext {
  service: SessionService;
  log: Logger;
  commands: Commands;
}

/**
 * The one way a command is registered (STYLE.md §2): (rate-limited before, by guardSocket) re-read who is asking,
 * check the permission table, run the command, ack, log one line.
 * Handlers never parse, authorise or limit by hand, and a failure changes nothing.
 */
export function registerCommand<K extends CommandName>(socket: IoSocket, name: K, { service, log, commands }: CommandContext): void {
  const { action } = COMMANDS[name];
  const listener = async (payload: unknown, ack: unknown) => {
    const started = performance.now();
    const { sessionId, participantId } = socket.data;
    let reply: Ack<object>;
    try {
      if (typeof ack !== 'function') throw new AppError('bad_request', 'Commands need an acknowledgement callback');
      const principal = await service.resolve(sessionId, participantId);
      authorize(principal, action);
      reply = { ok: true, ...(await runCommand(commands, name, principal, payload)) };
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

/** Every command in the table, on one socket. */
export function registerCommands(socket: IoSocket, context: CommandContext): void {
  for (const name of COMMAND_NAMES) registerCommand(socket, name, context);
}
