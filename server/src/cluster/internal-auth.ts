// How one node proves to another that a request comes from inside the cluster (CLU31, CLU35).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** The shared secret (CLUSTER_SECRET), on every request one node sends another. */
export const SECRET_HEADER = 'x-open-talks-cluster-secret';
/** The id of the node that forwarded the request: set, the request is never forwarded again (CLU33). */
export const FORWARDED_HEADER = 'x-open-talks-forwarded-by';
/** The client's address and scheme as the node that received the request saw them (CLU41). */
export const CLIENT_IP_HEADER = 'x-open-talks-client-ip';
export const CLIENT_PROTO_HEADER = 'x-open-talks-client-proto';

/** Where the owner answers other nodes (CLU31). */
export const INTERNAL_PREFIX = '/internal/cluster/';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * Whether the headers carry the cluster's secret, compared in constant time: hashing both sides
 * first makes the comparison the same length whatever was sent, so timing tells nothing.
 */
export function carriesSecret(headers: IncomingHttpHeaders, secretDigest: Buffer): boolean {
  const sent = headers[SECRET_HEADER];
  if (typeof sent !== 'string') return false;
  return timingSafeEqual(digest(sent), secretDigest);
}

/** The secret's digest, computed once per node. */
export function secretDigest(secret: string): Buffer {
  return digest(secret);
}
