import type { CommandHandlers } from '../realtime/command.js';
import type { ContentService } from './content-service.js';

type ContentCommand = 'content:desk' | 'content:set-version' | 'content:remove-version' | 'content:set-original-language' | 'content:machine-translate';

/** The content commands (docs/languages.md), once for Socket.IO and HTTP. */
export function contentHandlers(content: ContentService): Pick<CommandHandlers, ContentCommand> {
  return {
    'content:desk': async (p) => ({ desk: await content.desk(p) }),
    'content:set-version': async (p, payload) => ({ content: await content.setVersion(p, payload) }),
    'content:remove-version': async (p, payload) => ({ content: await content.removeVersion(p, payload) }),
    'content:set-original-language': async (p, payload) => ({ content: await content.setOriginalLanguage(p, payload) }),
    'content:machine-translate': (p, payload) => content.machineTranslate(p, payload),
  };
}
