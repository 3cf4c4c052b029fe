import type { EventBus } from '../events/bus.js';
import { sessionRoom, staffRoom, tableRoom } from '../realtime/rooms.js';
import type { IoServer } from '../realtime/types.js';

/** A text's versions changed: `content:versions` to everyone who may read it (LANG30), serialised once. */
export function contentToSockets(bus: EventBus, io: IoServer): void {
  bus.subscribe('content:versions', ({ sessionId, versions, audience }) => {
    // A prompt to one table: its people and the staff, as the prompt itself went (CAFE3).
    const to =
      audience === 'everyone'
        ? io.to(sessionRoom(sessionId))
        : audience === 'staff'
          ? io.to(staffRoom(sessionId))
          : io.to(tableRoom(sessionId, audience.tableId)).to(staffRoom(sessionId));
    to.emit('content:versions', versions);
  });
}
