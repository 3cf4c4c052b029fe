import type { EventBus } from '../events/bus.js';
import { sessionRoom, staffRoom } from '../realtime/rooms.js';
import type { IoServer } from '../realtime/types.js';

/** A text's versions changed: `content:versions` to everyone who may read it (LANG30), serialised once. */
export function contentToSockets(bus: EventBus, io: IoServer): void {
  bus.subscribe('content:versions', ({ sessionId, versions, audience }) => {
    io.to(audience === 'everyone' ? sessionRoom(sessionId) : staffRoom(sessionId)).emit('content:versions', versions);
  });
}
