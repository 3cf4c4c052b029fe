// A rendered record is a list of blocks; Markdown, HTML and DOCX each render the same list,
// so the three documents always hold the same things in the same order.

/**
 * A list item whose words are in a known language (a key idea, MT50): `text` is the person's,
 * `note` (credit, "marked") ours, in the document's language.
 */
export interface ListItem {
  text: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  note: string;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  /** Label → value pairs (the document's facts under its title). */
  | { kind: 'facts'; rows: [string, string][] }
  /** One paragraph of our own words; `muted` for "nothing here" notes. */
  | { kind: 'paragraph'; text: string; muted?: boolean }
  /**
   * Our label, then someone's words on the same line ("Question: …"): the words are isolated in
   * their own direction, so an English question in an Arabic record keeps its "?" at its end.
   */
  | { kind: 'labelled'; label: string; text: string }
  /** Someone's text, verbatim, line breaks kept; `lang`/`dir` when its language is known (a table's notes, NOTE20). */
  | { kind: 'verbatim'; text: string; lang?: string; dir?: 'ltr' | 'rtl' }
  /** `lang`/`dir`: every item is in that language (a caption stream, CAPS21); else each item may say its own. */
  | { kind: 'list'; items: (string | ListItem)[]; lang?: string; dir?: 'ltr' | 'rtl' }
  | { kind: 'table'; head: string[]; rows: string[][] };
