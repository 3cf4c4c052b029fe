// NOTE16 tickets in Redis (CLU67): the ticket request (any node) and the upgrade (the node the
// proxy hashes the room to) rarely meet on one node. Kept as SHA-256 hashes, spent with GETDEL,
// gone after TICKET_TTL; at most MAX_TICKETS_PER_TOKEN live per token, as in memory.
import { createHash, randomBytes } from 'node:crypto';
import type { NotepadRedis } from './notepad-cluster.js';
import { MAX_TICKETS_PER_TOKEN, TICKET_TTL, type TicketStore } from '../notepad/tickets.js';

type Redis = NotepadRedis;

// KEYS: the ticket, the token's list. ARGV: token, ttl, ticket hash, max per token, ticket key prefix.
const ISSUE = `
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('LPUSH', KEYS[2], ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
local old = redis.call('LRANGE', KEYS[2], tonumber(ARGV[4]), -1)
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[4]) - 1)
for _, hash in ipairs(old) do redis.call('DEL', ARGV[5] .. hash) end
return 0`;

export function redisTicketStore(redis: Redis, prefix: string): TicketStore {
  const ticketKey = `${prefix}notepad-ticket:`;
  return {
    async issue(token) {
      const ticket = randomBytes(24).toString('base64url');
      const hash = digest(ticket);
      await redis.eval(ISSUE, {
        keys: [ticketKey + hash, `${prefix}notepad-tickets-of:${digest(token)}`],
        arguments: [token, String(TICKET_TTL), hash, String(MAX_TICKETS_PER_TOKEN), ticketKey],
      });
      return ticket;
    },
    async redeem(ticket) {
      if (!ticket) return undefined;
      const token = await redis.getDel(ticketKey + digest(ticket));
      return typeof token === 'string' ? token : undefined;
    },
  };
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
