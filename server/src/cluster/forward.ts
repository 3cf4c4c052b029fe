// Requests from one node to another (CLU32): plain HTTP on NODE_URL over kept-alive connections,
// with the one distinction forwarding needs: did the request possibly reach the other node?
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { FORWARDED_HEADER, SECRET_HEADER } from './internal-auth.js';

const CONNECT_TIMEOUT_MS = 1_000; // ms to open a connection to a node on the same network; longer means it is gone
const RESPONSE_TIMEOUT_MS = 30_000; // ms for the owner to start answering (an export is built before it is sent)
const NOT_WRITTEN_MS = 5_000; // ms from a request's creation to its writing: waiting for a free connection included (CLU49)
const MAX_SOCKETS_PER_NODE = 128; // a burst of 2,000 votes queues here rather than opening 2,000 connections
const MAX_ANSWER_BYTES = 8 * 1024 * 1024; // an internal answer (a session's state) larger than this is a fault

/**
 * The request never reached the other node: the connection was refused, or not open within
 * CONNECT_TIMEOUT_MS, so nothing was written. Only then may a command go elsewhere (CLU34).
 */
export class NotSent extends Error {
  constructor(readonly reason: string) {
    super(`the other node was not reached (${reason})`);
    this.name = 'NotSent';
  }
}

/** The request was written, and then nothing usable came back: it may have been applied (CLU34). */
export class NoAnswer extends Error {
  constructor(readonly reason: string) {
    super(`the other node did not answer (${reason})`);
    this.name = 'NoAnswer';
  }
}

export interface Outgoing {
  method: string;
  /** Path and query, as sent to the node. */
  path: string;
  headers: OutgoingHttpHeaders;
  body: Buffer | undefined;
}

/** The client's timings and pool; the defaults are the cluster's, tests shorten them. */
export interface NodeClientOptions {
  connectTimeoutMs?: number;
  notWrittenMs?: number;
  maxSockets?: number;
}

/** The connections of one node to the others, with the cluster's secret on every request. */
export class NodeClient {
  private readonly http: HttpAgent;
  private readonly https: HttpsAgent;
  private readonly connectTimeoutMs: number;
  private readonly notWrittenMs: number;

  constructor(
    private readonly nodeId: string,
    private readonly secret: string,
    options: NodeClientOptions = {},
  ) {
    const maxSockets = options.maxSockets ?? MAX_SOCKETS_PER_NODE;
    this.http = new HttpAgent({ keepAlive: true, maxSockets });
    this.https = new HttpsAgent({ keepAlive: true, maxSockets });
    this.connectTimeoutMs = options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
    this.notWrittenMs = options.notWrittenMs ?? NOT_WRITTEN_MS;
  }

  /** Sends one request to `baseUrl`; resolves with the response once its head has arrived. */
  send(baseUrl: string, outgoing: Outgoing): Promise<IncomingMessage> {
    const url = new URL(outgoing.path, baseUrl);
    const secure = url.protocol === 'https:';
    const headers: OutgoingHttpHeaders = { ...outgoing.headers, [SECRET_HEADER]: this.secret, [FORWARDED_HEADER]: this.nodeId };
    if (outgoing.body) headers['content-length'] = outgoing.body.length;
    return new Promise<IncomingMessage>((resolve, reject) => {
      let written = false;
      let connectTimer: NodeJS.Timeout | undefined;
      const request = (secure ? httpsRequest : httpRequest)(url, { method: outgoing.method, headers, agent: secure ? this.https : this.http });
      // From now, not only from when the pool hands out a connection: a request queued behind
      // connections that never open has a deadline too, and nothing of it was written (CLU49).
      const queueTimer = setTimeout(() => request.destroy(new Error('not written in time')), this.notWrittenMs);
      const wrote = () => {
        clearTimeout(queueTimer);
        clearTimeout(connectTimer);
        written = true;
      };
      const fail = (error: Error) => {
        clearTimeout(queueTimer);
        clearTimeout(connectTimer);
        reject(written ? new NoAnswer(error.message) : new NotSent((error as NodeJS.ErrnoException).code ?? error.message));
      };
      request.on('socket', (socket) => {
        // A kept-alive connection is open already: the request is written at once. A new one
        // writes once connected; a node that does not take the connection in time is gone.
        if (!socket.connecting) return wrote();
        connectTimer = setTimeout(() => request.destroy(new Error('connect timeout')), this.connectTimeoutMs);
        socket.once('connect', wrote);
      });
      request.setTimeout(RESPONSE_TIMEOUT_MS, () => request.destroy(new Error('response timeout')));
      request.once('error', fail);
      request.once('response', (response) => {
        clearTimeout(queueTimer);
        clearTimeout(connectTimer);
        request.setTimeout(0);
        resolve(response);
      });
      request.end(outgoing.body);
    });
  }

  /** POSTs JSON to another node and answers its JSON (an internal endpoint, CLU31). */
  async postJson(baseUrl: string, path: string, body: unknown): Promise<unknown> {
    const response = await this.send(baseUrl, { method: 'POST', path, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(body)) });
    const text = await readAll(response, MAX_ANSWER_BYTES).catch((error: unknown) => {
      throw new NoAnswer((error as Error).message);
    });
    if (response.statusCode !== 200) throw new NoAnswer(`status ${response.statusCode}: ${text.slice(0, 200)}`);
    return JSON.parse(text) as unknown;
  }

  close(): void {
    this.http.destroy();
    this.https.destroy();
  }
}

/** Reads a whole message as text, refusing past `limit` bytes. */
export function readAll(message: IncomingMessage, limit: number): Promise<string> {
  return readBody(message, limit).then((body) => body.toString('utf8'));
}

/** Reads a whole message body, refusing past `limit` bytes (a `TooLarge` error). */
export function readBody(message: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    message.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        message.destroy();
        reject(new TooLarge());
        return;
      }
      chunks.push(chunk);
    });
    message.once('end', () => resolve(Buffer.concat(chunks)));
    message.once('error', reject);
    message.once('aborted', () => reject(new Error('aborted')));
  });
}

export class TooLarge extends Error {
  constructor() {
    super('the body is too large');
    this.name = 'TooLarge';
  }
}

/** Headers that belong to one connection, never passed on (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

/** The end-to-end headers of a message, to pass on. */
export function endToEnd(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) kept[name] = value;
  return kept;
}
