// One writer per session (docs/cluster.md, CLU…): a session's Town Hall room, café clocks, mutex
// and coalescers live on exactly one node, its owner, which holds the session's lease. Every other
// node forwards the session's commands and live reads there (router.ts).

/** Who owns which session. On one process (`soloOwnership`) it is always this one. */
export interface SessionOwnership {
  /** This node's id. */
  readonly nodeId: string;
  /**
   * The node that owns the session, taking the lease for this node when nobody holds it.
   * Resolves `nodeId` when this node owns it (and then `owns` is true).
   */
  ownerOf(sessionId: string): Promise<string>;
  /** Whether this node holds the session's lease now (from its own table, no round trip). */
  owns(sessionId: string): boolean;
  /** The fencing token of this node's lease on the session; larger for every new owner. */
  fence(sessionId: string): number | undefined;
  /** Forget what this node believes about another node's session (its owner did not answer). */
  forget(sessionId: string): void;
  /**
   * Told after this node takes a session (on first use, or from a node that died): resume its
   * clocks. The lease is held before it is called; `ownerOf` (the path of every command, live read
   * and forwarded request, router.ts) resolves only when it has finished (CLU25). One that fails
   * gives the lease back (CLU26).
   */
  onAcquired(listener: (sessionId: string) => Promise<void>): void;
  /**
   * Where the sessions with a running clock are read from storage: every few sweeps each gets an
   * owner, even after Redis forgot every lease (CLU22); the others, when idle, are let go (CLU23).
   */
  watchRunning?(running: () => Promise<Set<string>>): void;
  /** Told when this node lost a lease it held (renewal failed): drop what it keeps of the session. */
  onLost(listener: (sessionId: string) => void): void;
  /** Gives every lease back (a planned stop), so the others take over at once. */
  close(): Promise<void>;
}

/** One process: it owns everything, nothing moves. */
export function soloOwnership(nodeId = 'solo'): SessionOwnership {
  return {
    nodeId,
    ownerOf: () => Promise.resolve(nodeId),
    owns: () => true,
    fence: () => 0,
    forget: () => undefined,
    onAcquired: () => undefined,
    watchRunning: () => undefined,
    onLost: () => undefined,
    close: () => Promise.resolve(),
  };
}

/** Where each node of the cluster is reached (NODE_URL), for forwarding to a session's owner. */
export interface NodeDirectory {
  /** The node's NODE_URL as it last announced it; undefined for a node unknown or stopped. */
  urlOf(nodeId: string): Promise<string | undefined>;
}

/** One process: it is the only node. */
export function soloDirectory(nodeId = 'solo', url = ''): NodeDirectory {
  return { urlOf: (id) => Promise.resolve(id === nodeId ? url : undefined) };
}
