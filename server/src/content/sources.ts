// Issue 18 (docs/languages.md): where the original of a translatable text lives. Each kind's owner reads
// it from its own storage; the content service never reads another domain's tables itself.
import type { ContentKind, ContentRef } from '@open-talks/shared';
import type { Principal } from '../sessions/principal.js';

export interface Original {
  text: string;
  /** BCP 47. */
  language: string;
}

/** One line of the translation desk before its versions are added. */
export interface ListedOriginal {
  key: string;
  /** For a person, never a contributor's name: "Round 2", "Poll: Which first?". */
  label: string;
  original: Original;
}

/**
 * Who may read a text now, so its versions reach them live (LANG30): everyone in the session, only
 * the staff, or the staff and the people seated at one café table (a prompt to that table).
 */
export type ContentAudience = 'everyone' | 'staff' | { tableId: string };

export interface ContentSource {
  kinds: readonly ContentKind[];
  /**
   * The original text and language of one item's field, as this principal may see it; null when
   * it does not exist or is not theirs to see (a hidden question): a version of what one may not
   * read is neither shown nor accepted.
   */
  original(principal: Principal, ref: ContentRef): Promise<Original | null>;
  /** Every text of these kinds in the session, for the translation desk (staff and translators). */
  list(principal: Principal): Promise<ListedOriginal[]>;
  /**
   * Say which language an original is in. For contributions the server checks again that the
   * principal is its author or staff (`forbidden` otherwise); for the organisers' texts, staff.
   */
  setLanguage(principal: Principal, ref: ContentRef, language: string): Promise<void>;
  /**
   * Who may read this text now, so its versions reach them live (LANG30). Without it: everyone for the organisers' kinds, the staff for
   * contributions (a contribution's source says when one is public).
   */
  audience?(principal: Principal, ref: ContentRef): Promise<ContentAudience>;
}
