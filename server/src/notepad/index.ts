export { NotepadServer, PATH_PREFIX, type NotepadOptions } from './notepad-server.js';
export { readNotepad, docFromStored, type NotepadContent } from './read.js';
export { withNotepadRevalidation } from './notifier-hook.js';
export { IdeaCommands } from './idea-commands.js';
