// How the notepad server reads access decisions: who a principal is as a viewer, which room a
// connection is in, and which close a refusal gets (NOTE1–NOTE6).
import { parseNotepadRoom, type NotepadAccessDecision, type NotepadRoom, type NotepadViewer } from '@open-talks/shared';
import type { Principal } from '../sessions/principal.js';
import type { NotepadConnection } from './connection.js';
import type { CloseKind } from './protocol.js';

export function viewerOf(principal: Principal): NotepadViewer {
  const p = principal.participant;
  return { sessionId: principal.session.id, participant: p ? { id: p.id, role: p.role, removed: p.removedAt !== null } : null };
}

export function roomOf(connection: NotepadConnection): NotepadRoom {
  const room = parseNotepadRoom(connection.document.name);
  if (!room) throw new Error(`a loaded document has a bad room name: ${connection.document.name}`);
  return room;
}

export function refusalClose(decision: NotepadAccessDecision): CloseKind {
  switch (decision.refusal) {
    case 'removed':
      return 'removed';
    case 'no-such-room':
      return 'noSuchRoom';
    default:
      return 'forbidden';
  }
}
