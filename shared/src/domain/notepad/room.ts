// Notepad room names (DESIGN.md): which Yjs document a y-websocket connection is for. Pure.

export type NotepadRoom = { kind: 'table'; sessionId: string; tableId: string; round: number } | { kind: 'harvest'; sessionId: string } | { kind: 'synthesis'; sessionId: string };

export type NotepadRoomKind = NotepadRoom['kind'];

/** Ids are the server's (base64url-ish); nothing else may reach storage as part of a room name. */
const ID = '[A-Za-z0-9_-]{1,64}';
const TABLE_ROOM = new RegExp(`^session/(${ID})/table/(${ID})/round/([1-9][0-9]{0,2})$`);
const SESSION_ROOM = new RegExp(`^session/(${ID})/(harvest|synthesis)$`);

/** NOTE1: the room a name stands for, or null when the name is not one of ours. */
export function parseNotepadRoom(name: string): NotepadRoom | null {
  const table = TABLE_ROOM.exec(name);
  if (table) return { kind: 'table', sessionId: table[1]!, tableId: table[2]!, round: Number(table[3]) };
  const whole = SESSION_ROOM.exec(name);
  if (whole) return { kind: whole[2] as 'harvest' | 'synthesis', sessionId: whole[1]! };
  return null;
}

export function notepadRoomName(room: NotepadRoom): string {
  switch (room.kind) {
    case 'table':
      return `session/${room.sessionId}/table/${room.tableId}/round/${room.round}`;
    case 'harvest':
    case 'synthesis':
      return `session/${room.sessionId}/${room.kind}`;
    default:
      throw new Error(`unknown notepad room ${JSON.stringify(room satisfies never)}`);
  }
}
