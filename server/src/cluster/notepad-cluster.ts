// What the notepad server gets on several nodes (CLU60–CLU69): its relay and shared tickets,
// on one Redis connection of its own (plus the relay's subscriber): the node's shared client
// also carries the Socket.IO adapter's blocking stream reads, which would hold a publish back.
import { createClient } from 'redis';
import type { Logger } from '../log.js';
import type { NotepadCluster } from '../notepad/relay.js';
import { RedisNotepadRelay } from './notepad-relay.js';
import { redisTicketStore } from './notepad-tickets.js';

/** The Redis client the notepads use (typed as `createClient` makes it with a URL only). */
export function notepadRedis(url: string) {
  return createClient({ url });
}
export type NotepadRedis = ReturnType<typeof notepadRedis>;

export async function notepadCluster(options: { redisUrl: string; prefix: string; log: Logger }): Promise<NotepadCluster> {
  const redis = notepadRedis(options.redisUrl);
  redis.on('error', (error: unknown) => options.log.warn({ err: error }, 'notepads: Redis error'));
  await redis.connect();
  const relay = await RedisNotepadRelay.start(redis, options.prefix, options.log);
  return {
    relay,
    tickets: redisTicketStore(redis, options.prefix),
    async close() {
      await relay.close();
      await redis.close();
    },
  };
}
