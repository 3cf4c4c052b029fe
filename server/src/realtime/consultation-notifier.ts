import type { EventBus } from '../events/bus.js';
import { participantRoom, sessionRoom, staffRoom } from './rooms.js';
import type { IoServer } from './types.js';

/**
 * Consultation changes to Socket.IO rooms (CONS18). A contribution or comment goes out once per
 * audience: staff (every status), its author's own connections (`contribution:mine`, whatever the
 * status, with a hidden reason), everyone else only while published (`…:gone` when it stops being).
 */
export function consultationToSockets(bus: EventBus, io: IoServer): void {
  bus.subscribe('consultation:changed', ({ sessionId, view }) => {
    io.to(sessionRoom(sessionId)).emit('consultation:changed', view);
  });
  bus.subscribe('consultation:contribution', ({ sessionId, authorId, staff, author, everyone, wasPublic, mergedInto }) => {
    const own = authorId === null ? [] : [participantRoom(authorId)];
    io.to(staffRoom(sessionId)).except(own).emit('contribution:changed', staff);
    if (authorId !== null && author) {
      io.to(participantRoom(authorId)).emit('contribution:mine', author);
      if (everyone) io.to(participantRoom(authorId)).emit('contribution:changed', author);
    }
    const others = io.to(sessionRoom(sessionId)).except([staffRoom(sessionId), ...own]);
    if (everyone) others.emit('contribution:changed', everyone);
    else if (wasPublic) others.emit('contribution:gone', { contributionId: staff.id, mergedInto });
  });
  bus.subscribe('consultation:comment', ({ sessionId, authorId, staff, author, everyone, wasPublic }) => {
    const own = participantRoom(authorId);
    io.to(staffRoom(sessionId)).except(own).emit('comment:changed', staff);
    io.to(own).emit('comment:changed', author);
    const others = io.to(sessionRoom(sessionId)).except([staffRoom(sessionId), own]);
    if (everyone) others.emit('comment:changed', everyone);
    else if (wasPublic) others.emit('comment:gone', { commentId: staff.id, contributionId: staff.contributionId });
  });
  bus.subscribe('consultation:counts', ({ sessionId, counts, staff }) => {
    io.to(staff ? staffRoom(sessionId) : sessionRoom(sessionId)).emit('contribution:counts', { counts });
  });
  bus.subscribe('consultation:moderation', ({ sessionId, counts }) => {
    io.to(staffRoom(sessionId)).emit('moderation:counts', counts);
  });
  bus.subscribe('consultation:you', ({ participantId, you }) => {
    io.to(participantRoom(participantId)).emit('consultation:you', you);
  });
}
