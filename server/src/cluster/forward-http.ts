// HTTP under /api/sessions/:id on a node that does not own the session (CLU40–CLU44): the request
// goes to the owner as it came (method, path, headers, body) and the owner's answer comes back.
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { idSchema } from '@open-talks/shared/protocol';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AppError } from '../errors.js';
import type { Logger } from '../log.js';
import { endToEnd, NotSent, readBody, TooLarge, type NodeClient } from './forward.js';
import { carriesSecret, CLIENT_IP_HEADER, CLIENT_PROTO_HEADER, FORWARDED_HEADER, INTERNAL_PREFIX } from './internal-auth.js';
import type { NodeDirectory, SessionOwnership } from './ownership.js';
import type { OwnerRun } from './router.js';

const SESSION_PATH = /^\/api\/sessions\/([^/?#]+)(?:[/?#]|$)/;
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
  return (req, res, next) => {
    if (req.url.startsWith(INTERNAL_PREFIX)) return deps.internal(req, res);
    const sessionId = sessionOf(req.url);
    if (req.headers[FORWARDED_HEADER] !== undefined) {
      if (!carriesSecret(req.headers, deps.secretDigest)) {
        deps.log.warn({ path: req.url.split('?')[0] }, 'a forwarded request without the cluster secret was refused');
        req.resume();
        res.status(403).json({ error: { code: 'forbidden', message: 'Only the nodes of this cluster may forward requests' } });
        return;
      }
      trustForwardedClient(req);
      // Forwarded once, never again (CLU33): if this node no longer owns it, the client asks again.
      if (sessionId) void runHere(deps, sessionId, res, next, true);
      else next();
      return;
    }
    if (!sessionId) return next();
    void route(deps, sessionId, req, res, next);
  };
}

function sessionOf(url: string): string | undefined {
  const raw = SESSION_PATH.exec(url)?.[1];
  return raw !== undefined && idSchema.safeParse(raw).success ? raw : undefined;
}

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
        return runHere(deps, sessionId, res, next, false);
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
async function runHere(deps: ClusterHttpDeps, sessionId: string, res: Response, next: NextFunction, forwarded: boolean): Promise<void> {
  try {
    if (forwarded && (await deps.ownership.ownerOf(sessionId)) !== deps.ownership.nodeId) return unavailable(res);
    await deps.run(
      sessionId,
      () =>
        new Promise<void>((resolve) => {
          res.once('close', resolve);
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
