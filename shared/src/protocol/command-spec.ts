// The shape of one row of the command table (commands/*.ts). A row is all the server and the
// client need to know about a command: the table is the single source, everything else derives.
import type { z } from 'zod';
import type { Action } from '../domain/permissions.js';

declare const ACK: unique symbol;

/** A type carried by the table and nowhere at runtime: what a command's ack holds on success. */
export interface AckMarker<T extends object> {
  readonly [ACK]?: T;
}

/** `ack<{ question: QuestionItem }>()`: the success body of a command's ack (and of its HTTP answer). */
export function ack<T extends object = object>(): AckMarker<T> {
  return {};
}

/**
 * Per-person limits some commands pay on top of the general command budget (LIMIT1), which
 * every command pays. One bucket per class: a poll vote and a question vote share `vote`.
 */
export type RateClass = 'ask' | 'vote' | 'hand' | 'contribute';

export type HttpMethod = 'post' | 'put' | 'patch' | 'delete';

/** Where a path parameter goes in the payload: another field, or the same one read as a number. */
export type PathParam = string | { field: string; as: 'number' };

/**
 * A command as an HTTP endpoint under /api (docs/api.md). `:id` is the session; every other path
 * parameter goes into the payload under its own name (it wins over the body's), unless `params`
 * says otherwise. The answer is the ack's success body as JSON, with `status` (default 200).
 */
export interface HttpRoute {
  method: HttpMethod;
  path: `/sessions/:id${string}`;
  /** 201 for what creates something; 204 answers no body. */
  status?: 201 | 204;
  params?: Readonly<Record<string, PathParam>>;
}

export interface CommandSpec {
  /** Parses the payload; the server never trusts the sender's types. */
  schema: z.ZodType;
  /** The permission it needs (PERMISSIONS). */
  action: Action;
  ack: AckMarker<object>;
  rate?: RateClass;
  http?: HttpRoute;
}

/** The path's parameters, `:id` excluded: `'/sessions/:id/queue/:handle/move'` → `'handle'`. */
export type PathParams<P extends string> = P extends `${string}:${infer Param}/${infer Rest}`
  ? Exclude<Param, 'id'> | PathParams<`/${Rest}`>
  : P extends `${string}:${infer Param}`
    ? Exclude<Param, 'id'>
    : never;
