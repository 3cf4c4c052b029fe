import type { EventBus } from '../events/bus.js';
import { participantRoom, sessionRoom, staffRoom } from './rooms.js';
import type { IoServer } from './types.js';

/**
 * Statements and opinion reports to Socket.IO rooms (CONS39). A statement goes to staff whatever
 * its status, to its author's own connections, and to everyone else only while published; when a
 * published one is hidden, everyone else gets it once more as `hidden` with its text blanked, so
 * their screens drop it. Reports go to everyone in the session.
 */
export function opinionToSockets(bus: EventBus, io: IoServer): void {
  bus.subscribe('statement:changed', ({ sessionId, authorId, view, wasPublic }) => {
    const own = authorId === null ? [] : [participantRoom(authorId)];
    io.to(staffRoom(sessionId)).emit('statement:changed', view);
    if (own.length > 0) io.to(own).except(staffRoom(sessionId)).emit('statement:changed', view);
    const others = io.to(sessionRoom(sessionId)).except([staffRoom(sessionId), ...own]);
    if (view.status === 'published') others.emit('statement:changed', view);
    else if (wasPublic) others.emit('statement:changed', { ...view, text: '' });
  });
  bus.subscribe('opinion:report', ({ sessionId, report }) => {
    io.to(sessionRoom(sessionId)).emit('opinion:report', report);
  });
}
