// NOTE16: notepad tickets. A WebSocket URL ends up in reverse proxies' logs, so it carries no
// token: the browser asks for a ticket over HTTPS (POST /api/notepad-tickets, Bearer token) and
// opens /yjs/<room>?ticket=<ticket>. A ticket is good for one upgrade within TICKET_TTL.
import { createHash, randomBytes } from 'node:crypto';

export const TICKET_TTL = 60_000; // ms a ticket may wait for its upgrade
/** Live tickets one token may hold; asking for more drops its oldest (memory stays bounded). */
export const MAX_TICKETS_PER_TOKEN = 32;

/**
 * Where tickets live: this process's memory (one node), or Redis when the ticket request and
 * the upgrade may reach different nodes (CLU67).
 */
export interface TicketStore {
  issue(token: string): Promise<string>;
  redeem(ticket: string | null | undefined): Promise<string | undefined>;
}

/** The memory tickets as a TicketStore. */
export function memoryTicketStore(tickets: NotepadTickets): TicketStore {
  return { issue: (token) => Promise.resolve(tickets.issue(token)), redeem: (ticket) => Promise.resolve(tickets.redeem(ticket)) };
}

interface Entry {
  token: string;
  expiresAt: number; // epoch ms
}

/**
 * Tickets in this process's memory, keyed by their SHA-256 (a memory dump or a log of this map
 * yields no usable ticket). Several nodes need the ticket request and the upgrade to reach the
 * same node (sticky sessions, which Socket.IO's long-polling needs anyway) or a shared store.
 */
export class NotepadTickets {
  private readonly byHash = new Map<string, Entry>();
  private readonly byToken = new Map<string, string[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A new single-use ticket standing for `token` (already authenticated by the caller). */
  issue(token: string): string {
    this.sweep();
    const ticket = randomBytes(24).toString('base64url');
    const hash = digest(ticket);
    this.byHash.set(hash, { token, expiresAt: this.now() + TICKET_TTL });
    const mine = this.byToken.get(token) ?? [];
    mine.push(hash);
    for (const old of mine.splice(0, Math.max(0, mine.length - MAX_TICKETS_PER_TOKEN))) this.byHash.delete(old);
    this.byToken.set(token, mine);
    return ticket;
  }

  /** The token a ticket stands for, once: undefined for an unknown, spent or expired ticket. */
  redeem(ticket: string | null | undefined): string | undefined {
    if (!ticket) return undefined;
    const hash = digest(ticket);
    const entry = this.byHash.get(hash);
    if (!entry) return undefined;
    this.forget(hash, entry.token);
    return entry.expiresAt > this.now() ? entry.token : undefined;
  }

  /** Live tickets (for tests and figures). */
  get size(): number {
    return this.byHash.size;
  }

  private forget(hash: string, token: string): void {
    this.byHash.delete(hash);
    const mine = this.byToken.get(token)?.filter((h) => h !== hash) ?? [];
    if (mine.length > 0) this.byToken.set(token, mine);
    else this.byToken.delete(token);
  }

  private sweep(): void {
    const now = this.now();
    // Insertion order is issue order, so expiry order: stop at the first live one.
    for (const [hash, entry] of this.byHash) {
      if (entry.expiresAt > now) break;
      this.forget(hash, entry.token);
    }
  }
}

function digest(ticket: string): string {
  return createHash('sha256').update(ticket).digest('hex');
}
