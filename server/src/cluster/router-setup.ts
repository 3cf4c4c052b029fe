import type { RequestHandler } from 'express';
import { sharedSession } from '../auth/authenticate.js';
import type { ClusterConfig } from '../config.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';
import { NodeClient } from './forward.js';
import { clusterHttp } from './forward-http.js';
import { internalEndpoint } from './internal.js';
import { secretDigest } from './internal-auth.js';
import type { NodeDirectory, SessionOwnership } from './ownership.js';
import { ClusterRouter, type OwnerRun, type SessionRouter } from './router.js';

export interface ClusterRouting {
  /** Commands, live reads and people's changes, run on each session's owner. */
  router: SessionRouter;
  /** The HTTP app's first middleware: forwarding and the internal endpoints. */
  http: RequestHandler;
  /** Closes the connections to the other nodes. */
  close(): void;
}

export interface ClusterRoutingDeps {
  config: ClusterConfig;
  ownership: SessionOwnership;
  nodes: NodeDirectory;
  run: OwnerRun;
  /** This node's own runner (localRouter). */
  local: SessionRouter;
  store: Store;
  log: Logger;
}

/** Forwarding to the owner, for one node of a cluster (docs/cluster.md, "Forwarding to the owner"). */
export function clusterRouting({ config, ownership, nodes, run, local, store, log }: ClusterRoutingDeps): ClusterRouting {
  const client = new NodeClient(config.nodeId, config.secret);
  const digest = secretDigest(config.secret);
  // A connect waits this long for a session whose owner died: its lease runs out, another node takes it.
  const router = new ClusterRouter({ ownership, nodes, client, local, run, log, statePatienceMs: config.leaseMs + 2_000 });
  const internal = internalEndpoint({ ownership, local, run, participant: (id) => store.participants.byId(id), secretDigest: digest, log });
  const http = clusterHttp({
    ownership,
    nodes,
    client,
    run,
    internal,
    secretDigest: digest,
    sessionExists: async (id) => (await sharedSession(store, id)) !== undefined,
    log,
  });
  return { router, http, close: () => client.close() };
}
