import { ack, type CommandSpec } from '../command-spec.js';
import { machineTranslatePayload, removeVersionPayload, setOriginalLanguagePayload, setVersionPayload, type ContentVersions, type DeskView, type TextVersion } from '../content.js';
import { emptyPayload } from '../schemas.js';

const versions = ack<{ content: ContentVersions }>();

/**
 * Content in several languages (docs/languages.md): the translation desk and machine translation.
 * Every command is also an endpoint under /api/sessions/:id/content.
 */
export const CONTENT_COMMANDS = {
  /** The translation desk: every translatable text of the session with what is missing per language. */
  'content:desk': { schema: emptyPayload, action: 'content:translate', ack: ack<{ desk: DeskView }>(), http: { method: 'post', path: '/sessions/:id/content/desk' } },
  'content:set-version': { schema: setVersionPayload, action: 'content:translate', ack: versions, http: { method: 'put', path: '/sessions/:id/content/versions' } },
  'content:remove-version': { schema: removeVersionPayload, action: 'content:translate', ack: versions, http: { method: 'delete', path: '/sessions/:id/content/versions' } },
  /** The staff correct any text's language; an author corrects their own contribution's (`content:retag`, checked again by the server). */
  'content:set-original-language': {
    schema: setOriginalLanguagePayload,
    action: 'content:retag',
    ack: versions,
    http: { method: 'put', path: '/sessions/:id/content/original-language' },
  },
  /** Refused with `conflict` when the session or the server has no machine translation. */
  'content:machine-translate': {
    schema: machineTranslatePayload,
    action: 'content:machine-translate',
    ack: ack<{ key: string; version: TextVersion }>(),
    rate: 'contribute',
    http: { method: 'post', path: '/sessions/:id/content/machine-translation' },
  },
} as const satisfies Record<string, CommandSpec>;
