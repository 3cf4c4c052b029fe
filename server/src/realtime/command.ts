import { performance } from 'node:perf_hooks';
import { COMMANDS, type Ack, type CommandAck, type CommandInput, type CommandName } from '@open-talks/shared/protocol';
import { AppError, parseOrThrow, toApiError } from '../errors.js';
import type { Logger } from '../log.js';
import { authorize, type Principal } from '../sessions/principal.js';
import type { SessionService } from '../sessions/session-service.js';
import type { RateLimit } from '../limits/rate-classes.js';
import { requirePerson } from '../townhall/context.js';
import type { IoSocket } from './types.js';
import type { SessionRouter } from '../cluster/router.js';

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
  /** Where the session's commands run (cluster/router.ts); absent, here. */
  router?: SessionRouter;
}

/** Who sent a command: the ids a socket carries (its `data`), never a principal read earlier. */
export interface Sender {
  sessionId: string;
  participantId: string | null;
}

/**
 * Runs one command for a sender and answers its ack, never throwing: re-read who is asking (a
 * role changed a moment ago is already in force), check the permission table, run the command.
 * This is the seam where a cluster sends the command to the session's owner (docs/cluster.md).
 */
export function executeCommand(name: CommandName, sender: Sender, payload: unknown, context: CommandContext): Promise<Ack<object>> {
  // On the session's owner, whatever node the socket is on (CLU30); one process: a direct call.
  return context.router ? context.router.command(name, sender, payload) : executeLocally(name, sender, payload, context);
}

/** executeCommand on the session's owner: what the router runs here, or asks the owner to run. */
export async function executeLocally(name: CommandName, sender: Sender, payload: unknown, { service, log, commands }: CommandContext): Promise<Ack<object>> {
  const { action } = COMMANDS[name];
  try {
    const principal = await service.resolve(sender.sessionId, sender.participantId);
    authorize(principal, action);
    return { ok: true, ...(await runCommand(commands, name, principal, payload)) };
  } catch (error) {
    if (!(error instanceof AppError)) log.error({ err: error, cmd: name, sessionId: sender.sessionId }, 'command failed');
    return { ok: false, error: toApiError(error) };
  }
}

/**
 * Answers one command a socket sent (STYLE.md §2): run it through executeCommand, ack, log one
 * line. Handlers never parse, authorise or limit by hand, and a failure changes nothing.
 */
export async function answerCommand(socket: IoSocket, name: CommandName, payload: unknown, ack: unknown, context: CommandContext): Promise<void> {
  const started = performance.now();
  const { sessionId, participantId } = socket.data;
  const reply: Ack<object> =
    typeof ack === 'function'
      ? await executeCommand(name, socket.data, payload, context)
      : { ok: false, error: toApiError(new AppError('bad_request', 'Commands need an acknowledgement callback')) };
  const ms = Math.round((performance.now() - started) * 10) / 10;
  context.log.info({ cmd: name, sessionId, participantId, ok: reply.ok, code: reply.ok ? undefined : reply.error.code, ms }, 'command');
  if (typeof ack === 'function') (ack as (reply: Ack<object>) => void)(reply);
  if (!reply.ok && reply.error.code === 'removed') socket.disconnect(true);
}

/**
 * The one way commands are registered: one dispatcher per socket, the last of its middlewares
 * (after guardSocket's, which has charged the budget and answered what is not a command),
 * looking the command up in the table. Not a listener per command: 108 closures and an event map
 * of as many keys per socket were most of an idle participant's memory (MEM10).
 */
export function registerCommands(socket: IoSocket, context: CommandContext): void {
  socket.use((packet, next) => {
    const [event, payload, ack] = packet as unknown[];
    if (typeof event !== 'string' || !Object.hasOwn(COMMANDS, event)) return next();
    // As Socket.IO does for listeners: nothing is run for a socket that has gone meanwhile.
    if (socket.connected) void answerCommand(socket, event as CommandName, payload, ack, context);
  });
}
