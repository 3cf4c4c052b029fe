// HTTP under /api/sessions/:id on a node that does not own the session (CLU40–CLU44): the request
// goes to the owner as it came (method, path, headers, body) and the owner's answer comes back.
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { idSchema } from '@open-talks/shared/protocol';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AppError } from '../errors.js';
import type { Logger } from '../log.js';
import { endToEnd, NotSent, readBody, TooLarge, type NodeClient } from './forward.js';
import { throttledWarn } from './internal-warn.js';
import { carriesSecret, CLIENT_IP_HEADER, CLIENT_PROTO_HEADER, FORWARDED_HEADER, INTERNAL_PREFIX } from './internal-auth.js';
import type { NodeDirectory, SessionOwnership } from './ownership.js';
import type { OwnerRun } from './router.js';

// As Express routes it (CLU46): any case, on the path without its query; the id is then decoded.
const SESSION_PATH = /^\/api\/sessions\/([^/]+)(?:\/|$)/i;
/** Served by any node, never forwarded: the plain-text caption stream stays open for an hour (CAPS34). */
const ANY_NODE_PATH = /^\/api\/sessions\/[^/]+\/captions\.txt$/i;
/** A path under /api/sessions/ whose segment is no session id: refused here, never run anywhere. */
const NOT_AN_ID = Symbol('not an id');
/** Set on a request this node runs as the session's owner (runHere), so the owner guard lets it pass. */
const RUN_AS_OWNER = Symbol('run as owner');
const MAX_FORWARDED_BODY = 128 * 1024; // bytes: the API reads at most 64 KB (MAX_BODY); past this the owner would refuse it anyway

export interface ClusterHttpDeps {
  ownership: SessionOwnership;
  nodes: NodeDirectory;
  client: NodeClient;
  run: OwnerRun;
  /** The owner's internal endpoints (internal.ts). */
  internal: (req: IncomingMessage, res: Response) => void;
  secretDigest: Buffer;
  /** Whether the session exists: a made-up id is answered here (404), and never takes a lease. */
  sessionExists(sessionId: string): Promise<boolean>;
  log: Logger;
}

/**
 * The cluster's part of the HTTP app, first of all its middleware (before any body is read):
 * internal endpoints, requests forwarded by another node, and requests to forward to the owner.
 */
export function clusterHttp(deps: ClusterHttpDeps): RequestHandler {
  const warnRefused = throttledWarn(deps.log, 'forwarded requests without the cluster secret were refused');
  return (req, res, next) => {
    if (req.url.startsWith(INTERNAL_PREFIX)) return deps.internal(req, res);
    const sessionId = sessionOf(req.url);
    if (sessionId === NOT_AN_ID) {
      req.resume();
      res.status(400).json({ error: { code: 'bad_request', message: 'id in the path: not a valid id' } });
      return;
    }
    if (req.headers[FORWARDED_HEADER] !== undefined) {
      if (!carriesSecret(req.headers, deps.secretDigest)) {
        warnRefused({ path: req.url.split('?')[0] });
        req.resume();
        res.status(403).json({ error: { code: 'forbidden', message: 'Only the nodes of this cluster may forward requests' } });
        return;
      }
      trustForwardedClient(req);
      // Forwarded once, never again (CLU33): if this node no longer owns it, the client asks again.
      if (sessionId) void runHere(deps, sessionId, req, res, next, true);
      else next();
      return;
    }
    if (!sessionId || ANY_NODE_PATH.test(req.url.split('?')[0]!)) return next();
    void route(deps, sessionId, req, res, next);
  };
}

/** The session a request is for, as Express will see `:id`; NOT_AN_ID when the segment is none. */
function sessionOf(url: string): string | typeof NOT_AN_ID | undefined {
  const raw = SESSION_PATH.exec(url.split('?')[0]!)?.[1];
  if (raw === undefined) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    return NOT_AN_ID;
  }
  return idSchema.safeParse(id).success ? id : NOT_AN_ID;
}

/**
 * The second guard (CLU47), on the API's `/sessions/:id` routes: a request this node did not run as
 * the session's owner (a path the middleware above read otherwise than Express) runs here only if
 * this node owns the session, fenced; on any other node it is answered `unavailable`, never run.
 */
export function ownerGuard(deps: Pick<ClusterHttpDeps, 'ownership' | 'run' | 'sessionExists' | 'log'>): RequestHandler {
  return (req, res, next) => {
    const sessionId = req.params.id;
    if (typeof sessionId !== 'string' || (req as Marked)[RUN_AS_OWNER] === sessionId) return next();
    void (async () => {
      try {
        if (!(await deps.sessionExists(sessionId))) return next(); // answered as a made-up id, without a lease
        if ((await deps.ownership.ownerOf(sessionId)) !== deps.ownership.nodeId) return unavailable(res);
        deps.log.warn({ sessionId, path: req.originalUrl.split('?')[0] }, 'a session request reached the API without the cluster middleware');
        await runHere(deps, sessionId, req, res, next, false);
      } catch (error) {
        deps.log.warn({ err: error, sessionId }, 'could not check the session owner');
        unavailable(res);
      }
    })();
  };
}

type Marked = Request & { [RUN_AS_OWNER]?: string };

/** The client as the forwarding node saw it, so per-address limits count the real client (CLU41). */
function trustForwardedClient(req: Request): void {
  const ip = req.headers[CLIENT_IP_HEADER];
  if (typeof ip === 'string' && isIP(ip)) Object.defineProperty(req, 'ip', { value: ip, configurable: true, enumerable: true });
  const proto = req.headers[CLIENT_PROTO_HEADER];
  if (proto === 'http' || proto === 'https') Object.defineProperty(req, 'protocol', { value: proto, configurable: true, enumerable: true });
}

async function route(deps: ClusterHttpDeps, sessionId: string, req: Request, res: Response, next: NextFunction): Promise<void> {
  const { ownership, nodes, client, log } = deps;
  try {
    if (!(await deps.sessionExists(sessionId))) return next();
    let body: Buffer | undefined;
    for (let look = 0; look < 2; look++) {
      const owner = await ownership.ownerOf(sessionId);
      if (owner === ownership.nodeId) {
        // The body may be read already (a first owner was not reached): ask the client to come again.
        if (body) return unavailable(res);
        return runHere(deps, sessionId, req, res, next, false);
      }
      const url = await nodes.urlOf(owner).catch(() => undefined);
      if (url) {
        body ??= await readBody(req, MAX_FORWARDED_BODY);
        try {
          const answer = await client.send(url, {
            method: req.method,
            path: req.originalUrl,
            headers: { ...endToEnd(req.headers), [CLIENT_IP_HEADER]: req.ip ?? req.socket.remoteAddress ?? '', [CLIENT_PROTO_HEADER]: req.protocol },
            body,
          });
          return pipeBack(answer, res);
        } catch (error) {
          if (!(error instanceof NotSent)) {
            log.warn({ err: error, sessionId, owner }, 'the session owner did not answer a forwarded request; not sent again');
            return unavailable(res);
          }
          log.warn({ sessionId, owner, reason: error.reason }, 'the session owner is unreachable');
        }
      }
      ownership.forget(sessionId);
    }
    unavailable(res);
  } catch (error) {
    if (error instanceof TooLarge) {
      res.status(413).json({ error: { code: 'payload_too_large', message: 'The request body is too large' } });
      return;
    }
    log.warn({ err: error, sessionId }, 'could not forward a request to the session owner');
    unavailable(res);
  }
}

/** Runs the request on this node, the owner, fenced like a command (CLU42). */
async function runHere(
  deps: Pick<ClusterHttpDeps, 'ownership' | 'run' | 'log'>,
  sessionId: string,
  req: Request,
  res: Response,
  next: NextFunction,
  forwarded: boolean,
): Promise<void> {
  try {
    if (forwarded && (await deps.ownership.ownerOf(sessionId)) !== deps.ownership.nodeId) return unavailable(res);
    await deps.run(
      sessionId,
      () =>
        new Promise<void>((resolve) => {
          res.once('close', resolve);
          (req as Marked)[RUN_AS_OWNER] = sessionId;
          next();
        }),
    );
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'unavailable') deps.log.warn({ err: error, sessionId }, 'could not run a request on the session owner');
    if (!res.headersSent) unavailable(res);
  }
}

function pipeBack(answer: IncomingMessage, res: Response): void {
  res.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEnd(answer.headers));
  answer.pipe(res);
  // The owner died halfway through its answer: the client must see a cut, not a short body.
  answer.once('aborted', () => res.destroy());
  answer.once('error', () => res.destroy());
  res.once('close', () => answer.destroy());
}

function unavailable(res: Response): void {
  if (res.headersSent) return void res.destroy();
  res
    .status(503)
    .set('Retry-After', '1')
    .json({ error: { code: 'unavailable', message: 'The session is moving to another server; try again in a moment' } });
}
