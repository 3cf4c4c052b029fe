import type { RequestHandler } from 'express';
import { sharedSession } from '../auth/authenticate.js';
import type { ClusterConfig } from '../config.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';
import { NodeClient } from './forward.js';
import { clusterHttp, ownerGuard } from './forward-http.js';
import { internalEndpoint } from './internal.js';
import { secretDigest } from './internal-auth.js';
import type { NodeDirectory, SessionOwnership } from './ownership.js';
import { ClusterRouter, type OwnerRun, type SessionRouter } from './router.js';

export interface ClusterRouting {
  /** Commands, live reads and people's changes, run on each session's owner. */
  router: SessionRouter;
  /** The HTTP app's first middleware: forwarding and the internal endpoints. */
  http: RequestHandler;
  /** On the API's `/sessions/:id` routes: run only on the session's owner (CLU47). */
  guard: RequestHandler;
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
  // A person's change the dead owner missed is told again once its lease has surely run out (CLU50).
  const participant = (id: string) => store.participants.byId(id);
  const router = new ClusterRouter({ ownership, nodes, client, local, run, log, statePatienceMs: config.leaseMs + 2_000, personRetryMs: config.leaseMs + 1_000, participant });
  const internal = internalEndpoint({ ownership, local, run, participant, secretDigest: digest, log });
  const sessionExists = async (id: string) => (await sharedSession(store, id)) !== undefined;
  const http = clusterHttp({ ownership, nodes, client, run, internal, secretDigest: digest, sessionExists, log });
  return {
    router,
    http,
    guard: ownerGuard({ ownership, run, sessionExists, log }),
    close: () => {
      router.close();
      client.close();
    },
  };
}
