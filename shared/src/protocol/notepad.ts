// Key idea commands (docs/notepads.md, IDEA1–IDEA5): the server writes a table notepad's key ideas,
// never a client. Authorship, table and round come from the token and the room, not the payload.
import { z } from 'zod';
import { KEY_IDEA_LIMITS } from '../domain/notepad/ideas.js';
import { languageTagSchema } from './content.js';
import { idSchema, NO_CONTROL_CHARS } from './schemas.js';

/** A client-made idea id (a UUID in the app): what makes a retried add from an outbox idempotent. */
export const ideaIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'not a valid idea id');

const ideaText = z.string().trim().min(1, 'A key idea needs some words').max(KEY_IDEA_LIMITS.textLength).regex(NO_CONTROL_CHARS);

/** Which table notepad: the session is the token's. */
const tableRound = { tableId: idSchema, round: z.number().int().min(1).max(1000) };

/** `notepad:add-idea`: no author, group or date here; strict, so a payload that brings them is refused. */
/** `language`: BCP 47, the author's participant language when left out (MT50). */
export const addIdeaPayload = z.strictObject({ ...tableRound, id: ideaIdSchema, text: ideaText, language: languageTagSchema.optional() });
export const editIdeaPayload = z.strictObject({ ...tableRound, ideaId: ideaIdSchema, text: ideaText });
/** Set, not toggle: sending it twice changes nothing the second time. */
export const markIdeaPayload = z.strictObject({ ...tableRound, ideaId: ideaIdSchema, marked: z.boolean() });
/** The idea's new place in the table's order (from 0, clamped to the list); idempotent like mark. */
export const moveIdeaPayload = z.strictObject({ ...tableRound, ideaId: ideaIdSchema, to: z.number().int().min(0).max(KEY_IDEA_LIMITS.perNotepad) });
export const dropIdeaPayload = z.strictObject({ ...tableRound, ideaId: ideaIdSchema });

/** `notepad:set-language` (NOTE18): the language the table's free notes are written in, for every round. */
export const setNotesLanguagePayload = z.strictObject({ ...tableRound, language: languageTagSchema });
/** `notepad:notes-language` (NOTE19): which language a table's notes are in, for one round. */
export const notesLanguagePayload = z.strictObject(tableRound);

/** A table's notes language as a reader needs it (NOTE17–NOTE19). */
export interface NotesLanguageView {
  tableId: string;
  round: number;
  /** BCP 47; null only for a session with no languages and nobody seated. */
  language: string | null;
  /** Chosen by someone (NOTE18), or the default (NOTE17). */
  chosen: boolean;
}

/** The `notepad:language` event: a table's notes language was chosen for one round's notes. */
export interface NotesLanguageChanged {
  tableId: string;
  round: number;
  language: string;
}

/** POST /api/notepad-tickets (NOTE16): no fields; who asks is the Bearer token. */
export const notepadTicketBody = z.strictObject({});

export interface NotepadTicketResponse {
  /** Opens one notepad connection (`/yjs/<room>?ticket=…`) within a minute; then spent. */
  ticket: string;
}
