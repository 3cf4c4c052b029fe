// Socket.IO room names in one place, so broadcasts and joins never disagree.
// Everything goes through rooms (never a process-local list), so an adapter can fan out across nodes.

/** Everyone connected to a session, projector screens included. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
/** People allowed to see the participant list (facilitator, moderators). */
export const staffRoom = (sessionId: string) => `session:${sessionId}:staff`;
/** The projector screens of a session. */
export const displayRoom = (sessionId: string) => `session:${sessionId}:display`;
/** All connections (tabs, devices) of one participant. */
export const participantRoom = (participantId: string) => `participant:${participantId}`;
/** The people seated at one café table in the focus round (for table prompts). */
export const tableRoom = (sessionId: string, tableId: string) => `session:${sessionId}:table:${tableId}`;
