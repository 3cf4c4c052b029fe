import type { EventBus } from '../events/bus.js';
import { participantRoom, sessionRoom, staffRoom } from './rooms.js';
import type { IoServer } from './types.js';

/**
 * Town Hall changes to Socket.IO rooms. A question goes out once per audience: staff, its author
 * (all their tabs), everyone else (only while it is visible or answered). Per-person events go to
 * that person's room, so a second tab stays in step.
 */
export function townhallToSockets(bus: EventBus, io: IoServer): void {
  bus.subscribe('townhall:question', ({ sessionId, audiences: { authorId, staff, author, public: everyone, wasPublic } }) => {
    const own = participantRoom(authorId);
    io.to(staffRoom(sessionId)).except(own).emit('qa:question', staff);
    io.to(own).emit('qa:question', author);
    const others = io.to(sessionRoom(sessionId)).except([staffRoom(sessionId), own]);
    if (everyone) others.emit('qa:question', everyone);
    else if (wasPublic) others.emit('qa:gone', { questionId: staff.id });
  });
  bus.subscribe('townhall:votes', ({ sessionId, counts }) => {
    io.to(sessionRoom(sessionId)).emit('qa:votes', counts);
  });
  bus.subscribe('townhall:voted', ({ participantId, questionId, voted }) => {
    io.to(participantRoom(participantId)).emit('qa:voted', { questionId, voted });
  });
  bus.subscribe('townhall:queue', ({ sessionId, queue }) => {
    io.to(staffRoom(sessionId)).emit('hand:queue', queue);
  });
  bus.subscribe('townhall:hand-status', ({ participantId, status }) => {
    io.to(participantRoom(participantId)).emit('hand:you', status);
  });
  bus.subscribe('townhall:floor', ({ sessionId, floor }) => {
    io.to(sessionRoom(sessionId)).emit('floor:changed', floor);
  });
  bus.subscribe('townhall:poll-changed', ({ sessionId, poll }) => {
    // Drafts are staff business (POLL4).
    io.to(poll.status === 'draft' ? staffRoom(sessionId) : sessionRoom(sessionId)).emit('poll:changed', poll);
  });
  bus.subscribe('townhall:poll-deleted', ({ sessionId, pollId }) => {
    io.to(staffRoom(sessionId)).emit('poll:deleted', { pollId });
  });
  bus.subscribe('townhall:poll-results', ({ sessionId, results, everyone }) => {
    io.to(everyone ? sessionRoom(sessionId) : staffRoom(sessionId)).emit('poll:results', results);
  });
  bus.subscribe('townhall:ballot', ({ participantId, pollId, ballot }) => {
    io.to(participantRoom(participantId)).emit('poll:ballot', { pollId, ballot });
  });
  bus.subscribe('townhall:projected', ({ sessionId, pollId }) => {
    io.to(sessionRoom(sessionId)).emit('poll:projected', { pollId });
  });
  bus.subscribe('townhall:captions', ({ sessionId, captions }) => {
    io.to(sessionRoom(sessionId)).emit('caption:lines', captions);
  });
  bus.subscribe('townhall:agenda', ({ sessionId, agenda }) => {
    io.to(sessionRoom(sessionId)).emit('agenda:changed', agenda);
  });
  bus.subscribe('townhall:settings', ({ sessionId, settings }) => {
    io.to(sessionRoom(sessionId)).emit('townhall:settings', settings);
  });
  bus.subscribe('townhall:time-up', ({ sessionId, payload }) => {
    io.to(sessionRoom(sessionId)).emit('townhall:time-up', payload);
  });
}
