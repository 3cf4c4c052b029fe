import type { Presence } from '../sessions/session-service.js';
import { participantRoom, sessionRoom } from './rooms.js';
import type { IoServer } from './types.js';

/** Presence read from Socket.IO's rooms, which an adapter answers for every node. */
export function socketPresence(io: IoServer): Presence {
  return {
    async onlineIds(sessionId) {
      const sockets = await io.in(sessionRoom(sessionId)).fetchSockets();
      const ids = new Set<string>();
      for (const socket of sockets) if (socket.data.participantId) ids.add(socket.data.participantId);
      return ids;
    },
    async isOnline(participantId) {
      return (await io.in(participantRoom(participantId)).fetchSockets()).length > 0;
    },
    async anyoneConnected(sessionId) {
      return (await io.in(sessionRoom(sessionId)).fetchSockets()).length > 0;
    },
  };
}
