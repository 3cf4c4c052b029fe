// NOTE16 tickets in Redis (CLU67): the ticket request (any node) and the upgrade (the node the
// proxy hashes the room to) rarely meet on one node. Kept under their SHA-256 hashes, spent with
// GETDEL, gone after TICKET_TTL; at most MAX_TICKETS_PER_TOKEN live per token, as in memory.
// The value is the bearer token sealed (AES-256-GCM) with a key derived from the ticket, which
// only its holder knows: Redis, its AOF or a dump yields no token and no ticket (CLU103).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { NotepadRedis } from './notepad-cluster.js';
import { MAX_TICKETS_PER_TOKEN, TICKET_TTL, type TicketStore } from '../notepad/tickets.js';

type Redis = NotepadRedis;

// KEYS: the ticket, the token's list. ARGV: sealed token, ttl, ticket hash, max per token, ticket key prefix.
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
        arguments: [seal(ticket, token), String(TICKET_TTL), hash, String(MAX_TICKETS_PER_TOKEN), ticketKey],
      });
      return ticket;
    },
    async redeem(ticket) {
      if (!ticket) return undefined;
      const sealed = await redis.getDel(ticketKey + digest(ticket));
      return typeof sealed === 'string' ? unseal(ticket, sealed) : undefined;
    },
  };
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

// The key is a hash of the ticket apart from the one naming it in Redis (a different prefix).
function keyOf(ticket: string): Buffer {
  return createHash('sha256').update('open-talks notepad ticket key\0').update(ticket).digest();
}

function seal(ticket: string, token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(ticket), iv);
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
}

function unseal(ticket: string, sealed: string): string | undefined {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !body) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(ticket), iv, { authTagLength: 16 });
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return undefined; // not sealed with this ticket (a value from an older version, tampered with)
  }
}
