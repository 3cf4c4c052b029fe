import type { KeyIdea } from '../../domain/notepad/ideas.js';
import { ack, type CommandSpec } from '../command-spec.js';
import { addIdeaPayload, dropIdeaPayload, editIdeaPayload, markIdeaPayload, moveIdeaPayload } from '../notepad.js';

const IDEAS = '/sessions/:id/cafe/tables/:tableId/rounds/:round/ideas';
const round = { round: { field: 'round', as: 'number' } } as const;
const idea = ack<{ idea: KeyIdea }>();

/** Key ideas in a table's notepad (docs/notepads.md, IDEA1–IDEA5): written by the server only. */
export const NOTEPAD_COMMANDS = {
  'notepad:add-idea': { schema: addIdeaPayload, action: 'notepad:add-idea', ack: idea, http: { method: 'post', path: IDEAS, status: 201, params: round } },
  'notepad:edit-idea': { schema: editIdeaPayload, action: 'notepad:curate-ideas', ack: idea, http: { method: 'put', path: `${IDEAS}/:ideaId/text`, params: round } },
  'notepad:mark-idea': { schema: markIdeaPayload, action: 'notepad:curate-ideas', ack: idea, http: { method: 'put', path: `${IDEAS}/:ideaId/marked`, params: round } },
  'notepad:move-idea': { schema: moveIdeaPayload, action: 'notepad:curate-ideas', ack: ack(), http: { method: 'put', path: `${IDEAS}/:ideaId/position`, params: round } },
  'notepad:drop-idea': { schema: dropIdeaPayload, action: 'notepad:curate-ideas', ack: ack(), http: { method: 'delete', path: `${IDEAS}/:ideaId`, params: round } },
} as const satisfies Record<string, CommandSpec>;
