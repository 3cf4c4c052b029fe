// The owner's side of forwarding (CLU31): what another node asks this one to run, as if it had
// arrived here. Only for the cluster: refused without the secret, never forwarded again.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { COMMAND_NAMES, formatSchema, idSchema, type CommandName } from '@open-talks/shared/protocol';
import { z } from 'zod';
import { AppError, toApiError } from '../errors.js';
import type { Logger } from '../log.js';
import type { ParticipantRecord } from '../store/index.js';
import { readAll, TooLarge } from './forward.js';
import { carriesSecret } from './internal-auth.js';
import { throttledWarn } from './internal-warn.js';
import type { SessionOwnership } from './ownership.js';
import { INTERNAL, type OwnerRun, type SessionRouter } from './router.js';

const MAX_INTERNAL_BYTES = 256 * 1024; // a command is at most 64 KB (MAX_MESSAGE_BYTES); its envelope adds little

const sender = z.object({ sessionId: idSchema, participantId: idSchema.nullable() });
const commandNames = new Set<string>(COMMAND_NAMES);
const commandBody = z.object({ name: z.string().refine((name) => commandNames.has(name)), sender, payload: z.unknown() });
const stateBody = z.object({ sender });
const personBody = z.object({ sessionId: idSchema, participantId: idSchema, format: formatSchema });

export interface InternalDeps {
  ownership: SessionOwnership;
  /** This node's own runner. */
  local: SessionRouter;
  run: OwnerRun;
  /** Re-reads the person a change is about: the forwarding node sends only ids. */
  participant(id: string): Promise<ParticipantRecord | undefined>;
  secretDigest: Buffer;
  log: Logger;
}

type Reply = (status: number, body: unknown) => void;

/** Answers `/internal/cluster/…` (the caller checked the path). */
export function internalEndpoint(deps: InternalDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const warnRefused = throttledWarn(deps.log, 'cluster requests without the cluster secret were refused');
  return (req, res) => {
    const reply: Reply = (status, body) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
    };
    if (!carriesSecret(req.headers, deps.secretDigest)) {
      warnRefused({ path: req.url?.split('?')[0] });
      // Drain what was sent, so the connection stays usable for the answer.
      req.resume();
      return reply(403, { error: { code: 'forbidden', message: 'Only the nodes of this cluster may call this' } });
    }
    if (req.method !== 'POST') {
      req.resume();
      return reply(405, { error: { code: 'bad_request', message: 'POST only' } });
    }
    readAll(req, MAX_INTERNAL_BYTES)
      .then((text) => answer(deps, req.url?.split('?')[0] ?? '', JSON.parse(text) as unknown))
      .then(
        (body) => reply(200, body),
        (error: unknown) => {
          if (error instanceof TooLarge) return reply(413, { error: { code: 'payload_too_large', message: 'Too large' } });
          if (error instanceof SyntaxError || error instanceof AppError)
            return reply(400, { error: toApiError(error instanceof AppError ? error : new AppError('bad_request', 'Not JSON')) });
          deps.log.error({ err: error }, 'a forwarded request failed');
          reply(500, { error: toApiError(error) });
        },
      );
  };
}

/** Runs one forwarded operation here, if this node owns its session; else says `unavailable` (CLU33). */
async function answer(deps: InternalDeps, path: string, body: unknown): Promise<unknown> {
  const { ownership, local, run } = deps;
  const owned = async <T>(sessionId: string, fn: () => Promise<T>): Promise<T> => {
    // The lease moved since the forwarding node looked: its new owner is someone else's to find.
    if ((await ownership.ownerOf(sessionId)) !== ownership.nodeId) throw new AppError('unavailable', 'The session moved to another server; try again');
    return run(sessionId, fn);
  };
  const refused = (error: unknown) => {
    if (!(error instanceof AppError)) throw error;
    return { ok: false, error: toApiError(error) };
  };
  switch (path) {
    case INTERNAL.command: {
      const { name, sender, payload } = parse(commandBody, body);
      return owned(sender.sessionId, () => local.command(name as CommandName, sender, payload)).catch(refused);
    }
    case INTERNAL.state: {
      const { sender } = parse(stateBody, body);
      return owned(sender.sessionId, async () => ({ ok: true, state: await local.state(sender) })).catch(refused);
    }
    case INTERNAL.personChanged: {
      const { sessionId, participantId, format } = parse(personBody, body);
      return owned(sessionId, async () => {
        const participant = await deps.participant(participantId);
        if (!participant || participant.sessionId !== sessionId) throw new AppError('not_found', 'No such participant in this session');
        await local.personChanged(participant, format);
        return { ok: true };
      }).catch(refused);
    }
    default:
      throw new AppError('bad_request', 'No such cluster endpoint');
  }
}

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new AppError('bad_request', 'A malformed cluster request');
  return parsed.data;
}
