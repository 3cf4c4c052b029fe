import type { KeyIdea } from '../../domain/notepad/ideas.js';
import { ack, type CommandSpec } from '../command-spec.js';
import {
  addIdeaPayload,
  dropIdeaPayload,
  editIdeaPayload,
  markIdeaPayload,
  moveIdeaPayload,
  notesLanguagePayload,
  setNotesLanguagePayload,
  type NotesLanguageView,
} from '../notepad.js';

const IDEAS = '/sessions/:id/cafe/tables/:tableId/rounds/:round/ideas';
const round = { round: { field: 'round', as: 'number' } } as const;
const idea = ack<{ idea: KeyIdea }>();
const notesLanguage = ack<{ notesLanguage: NotesLanguageView }>();

/** Key ideas in a table's notepad (docs/notepads.md, IDEA1–IDEA5): written by the server only; and its notes language. */
export const NOTEPAD_COMMANDS = {
  'notepad:add-idea': { schema: addIdeaPayload, action: 'notepad:add-idea', ack: idea, http: { method: 'post', path: IDEAS, status: 201, params: round } },
  'notepad:edit-idea': { schema: editIdeaPayload, action: 'notepad:curate-ideas', ack: idea, http: { method: 'put', path: `${IDEAS}/:ideaId/text`, params: round } },
  'notepad:mark-idea': { schema: markIdeaPayload, action: 'notepad:curate-ideas', ack: idea, http: { method: 'put', path: `${IDEAS}/:ideaId/marked`, params: round } },
  'notepad:move-idea': { schema: moveIdeaPayload, action: 'notepad:curate-ideas', ack: ack(), http: { method: 'put', path: `${IDEAS}/:ideaId/position`, params: round } },
  'notepad:drop-idea': { schema: dropIdeaPayload, action: 'notepad:curate-ideas', ack: ack(), http: { method: 'delete', path: `${IDEAS}/:ideaId`, params: round } },
  // NOTE18–NOTE19: the language the table's free notes are written in.
  'notepad:set-language': {
    schema: setNotesLanguagePayload,
    action: 'notepad:set-language',
    ack: notesLanguage,
    http: { method: 'put', path: '/sessions/:id/cafe/tables/:tableId/rounds/:round/notes-language', params: round },
  },
  'notepad:notes-language': { schema: notesLanguagePayload, action: 'session:view', ack: notesLanguage },
} as const satisfies Record<string, CommandSpec>;
