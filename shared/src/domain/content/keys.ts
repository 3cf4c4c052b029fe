// What can carry versions in several languages (issue 18), named by one string key so one table,
// one event and one desk serve every kind: `<kind>/<id>/<field>`.

/**
 * What the organisers write for everyone (`content`), and what participants write (`contribution`).
 * The field says which text of the item: a poll has its question and one field per option.
 */
export const CONTENT_KINDS = {
  /** A café round's question. field: `question`. id: the round's number (from 1). */
  'cafe-round': 'content',
  /** A live café prompt. field: `text`. */
  'cafe-prompt': 'content',
  /** A Town Hall agenda item. field: `title` (and `notes` where it has them). */
  'agenda-item': 'content',
  /** A Town Hall poll. field: `question`, or `option:<optionId>`. */
  poll: 'content',
  /** The consultation itself. fields: `title`, `background`. id: the session id. */
  consultation: 'content',
  /** A consultation question. fields: `title`, `text`. */
  'consultation-question': 'content',
  /** An official response. field: `text`. */
  'official-response': 'content',
  /** A Town Hall audience question. field: `text`. */
  question: 'contribution',
  /** A consultation contribution. field: `text` (and `title` where it has one). */
  contribution: 'contribution',
  /** A comment on a contribution. field: `text`. */
  comment: 'contribution',
  /** A key idea from a table's notepad. field: `text`. id: `<tableId>.<round>.<ideaId>` (keyIdeaContentId). */
  'key-idea': 'contribution',
  /** A caption line. field: `text`. */
  caption: 'contribution',
} as const;

export type ContentKind = keyof typeof CONTENT_KINDS;
export const CONTENT_KIND_NAMES = Object.keys(CONTENT_KINDS) as ContentKind[];

export interface ContentRef {
  kind: ContentKind;
  id: string;
  field: string;
}

/** Ids and fields are our own ids and short names: no slash, nothing odd. */
const PART = /^[A-Za-z0-9_.:-]{1,80}$/u;

/**
 * A key idea lives in one table's notepad for one round (NOTE8), and its own id is only unique
 * there: its content id names all three, so the server finds the notepad (and who may read it)
 * from the key alone. Table and idea ids never hold a dot.
 */
const KEY_IDEA_ID = /^([A-Za-z0-9_-]{1,64})\.([1-9][0-9]{0,3})\.([A-Za-z0-9_-]{1,100})$/u;

export interface KeyIdeaPlace {
  tableId: string;
  round: number;
  ideaId: string;
}

export function keyIdeaContentId({ tableId, round, ideaId }: KeyIdeaPlace): string {
  return `${tableId}.${round}.${ideaId}`;
}

/** The table, round and idea a key idea's content id names, or null when it is not one. */
export function parseKeyIdeaContentId(id: string): KeyIdeaPlace | null {
  const match = KEY_IDEA_ID.exec(id);
  if (!match) return null;
  return { tableId: match[1]!, round: Number(match[2]), ideaId: match[3]! };
}

export function contentKey({ kind, id, field }: ContentRef): string {
  return `${kind}/${id}/${field}`;
}

/** The ref a key names, or null when it is not a well-formed key of a known kind. */
export function parseContentKey(key: string): ContentRef | null {
  const parts = key.split('/');
  if (parts.length !== 3) return null;
  const [kind, id, field] = parts as [string, string, string];
  if (!Object.hasOwn(CONTENT_KINDS, kind) || !PART.test(field)) return null;
  if (kind === 'key-idea' ? parseKeyIdeaContentId(id) === null : !PART.test(id)) return null;
  return { kind: kind as ContentKind, id, field };
}

export function isContributionKind(kind: ContentKind): boolean {
  return CONTENT_KINDS[kind] === 'contribution';
}
