// Café key ideas as a content source (MT51): a key idea lives in its table's notepad for one round
// (NOTE8), so its key names table, round and idea (`key-idea/<tableId>.<round>.<ideaId>/text`) and
// the original is read from that notepad. Who may read it is the notepad's own rule (NOTE2–NOTE6):
// whoever may not open that table's notes gets no original, so no translation either.
import { notepadAccess, notepadRoomName, parseKeyIdeaContentId, type ContentKind, type ContentRef } from '@open-talks/shared';
import { AppError } from '../errors.js';
import { cafeFacts } from '../notepad/access-facts.js';
import { viewerOf } from '../notepad/decisions.js';
import type { NotepadContent } from '../notepad/read.js';
import type { Principal } from '../sessions/principal.js';
import type { Store } from '../store/index.js';
import type { ContentAudience, ContentSource, ListedOriginal, Original } from './sources.js';

/** What the source needs of the notepads: one room as plain data, without loading it for editing. */
export interface NotepadReader {
  readRoom(name: string): Promise<NotepadContent>;
}

export class KeyIdeaSource implements ContentSource {
  readonly kinds: readonly ContentKind[] = ['key-idea'];

  constructor(
    private readonly store: Store,
    private readonly notepads: NotepadReader,
  ) {}

  async original(principal: Principal, ref: ContentRef): Promise<Original | null> {
    const place = ref.kind === 'key-idea' && ref.field === 'text' ? parseKeyIdeaContentId(ref.id) : null;
    if (!place || principal.session.format !== 'cafe') return null;
    const room = { kind: 'table', sessionId: principal.session.id, tableId: place.tableId, round: place.round } as const;
    if (notepadAccess(viewerOf(principal), room, await cafeFacts(this.store, room.sessionId)).access === 'none') return null;
    const idea = (await this.notepads.readRoom(notepadRoomName(room))).ideas.find((i) => i.id === place.ideaId);
    if (!idea) return null;
    // Ideas from before their language was kept (MT50): the session's first language, as elsewhere.
    return { text: idea.text, language: idea.language ?? principal.session.languages[0] ?? 'en' };
  }

  /** Key ideas are not on the translation desk: readers ask for them one by one, like contributions (MT6). */
  list(): Promise<ListedOriginal[]> {
    return Promise.resolve([]);
  }

  /**
   * Human versions go live to the staff only: the notepad's readers (everyone but observers, unless
   * the session lets them) are no audience the bus knows; others get them when they next load.
   */
  audience(): Promise<ContentAudience> {
    return Promise.resolve('staff');
  }

  /** A key idea's language is set when it is written (MT50, `notepad:add-idea`). */
  setLanguage(): Promise<void> {
    return Promise.reject(new AppError('conflict', 'A key idea’s language is the one it was written in'));
  }
}
