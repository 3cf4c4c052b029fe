import { z } from 'zod';

/** POST /api/notepad-tickets (NOTE16): no fields; who asks is the Bearer token. */
export const notepadTicketBody = z.strictObject({});

export interface NotepadTicketResponse {
  /** Opens one notepad connection (`/yjs/<room>?ticket=…`) within a minute; then spent. */
  ticket: string;
}
