import type { SessionRecordDocument } from '../../domain/record/types.js';
import { ack, type CommandSpec } from '../command-spec.js';
import { publishPayload, type PublicationView } from '../record.js';
import { emptyPayload } from '../schemas.js';

// The record (docs/record.md): the same model every export renders; the public page's state.
// Its HTTP side (POST and DELETE /publication, the exports) is routes/record.ts: not one command per route.
export const RECORD_COMMANDS = {
  'record:get': { schema: emptyPayload, action: 'record:export', ack: ack<{ record: SessionRecordDocument }>() },
  'record:publication': { schema: emptyPayload, action: 'record:publish', ack: ack<{ publication: PublicationView | null }>() },
  'record:publish': { schema: publishPayload, action: 'record:publish', ack: ack<{ publication: PublicationView }>() },
} as const satisfies Record<string, CommandSpec>;
