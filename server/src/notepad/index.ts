export { NotepadServer, PATH_PREFIX, type NotepadOptions } from './notepad-server.js';
export { readNotepad, docFromStored, type NotepadContent } from './read.js';
export { notepadAccessFollows } from './access-follows.js';
export { IdeaCommands } from './idea-commands.js';
export { NotesLanguages } from './notes-language.js';
