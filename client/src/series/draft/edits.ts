// The toolbar's edits (SER47), as plain CodeMirror transactions: they change the text only, so
// they merge like typing, and the numbering follows from the text.
import type { EditorView } from '@codemirror/view';

const HEADING = /^(#{1,2})\s+/;
const ITEM = /^\s*[-*]\s+/;

/** Puts `text` at the cursor (replacing a selection); the cursor ends after it. */
export function insertAtCursor(view: EditorView, text: string): void {
  const { from, to } = view.state.selection.main;
  view.dispatch({ changes: { from, to, insert: text }, selection: { anchor: from + text.length }, scrollIntoView: true, userEvent: 'input' });
  view.focus();
}

/** Puts a block token ([[stats]], [[annex]]) on a line of its own after the cursor's line. */
export function insertBlock(view: EditorView, token: string): void {
  const line = view.state.doc.lineAt(view.state.selection.main.head);
  const empty = line.text.trim() === '';
  const insert = empty ? token : `\n${token}`;
  const at = empty ? line.from : line.to;
  view.dispatch({ changes: { from: at, to: empty ? line.to : at, insert }, selection: { anchor: at + insert.length }, scrollIntoView: true, userEvent: 'input' });
  view.focus();
}

/** Makes the cursor's line a heading of `level`, or plain text again if it is one already. */
export function toggleHeading(view: EditorView, level: 1 | 2): void {
  const line = view.state.doc.lineAt(view.state.selection.main.head);
  const found = HEADING.exec(line.text) ?? ITEM.exec(line.text);
  const same = HEADING.exec(line.text)?.[1]?.length === level;
  const prefix = same ? '' : `${'#'.repeat(level)} `;
  replacePrefix(view, line.from, found?.[0].length ?? 0, prefix);
}

/** Makes the cursor's line a sub-item (a), b) …), or plain text again if it is one already. */
export function toggleItem(view: EditorView): void {
  const line = view.state.doc.lineAt(view.state.selection.main.head);
  const item = ITEM.exec(line.text);
  const heading = HEADING.exec(line.text);
  const prefix = item ? '' : '- ';
  replacePrefix(view, line.from, item?.[0].length ?? heading?.[0].length ?? 0, prefix);
}

/** Swaps a line's marker; the cursor keeps its place in the line's text (after the new marker). */
function replacePrefix(view: EditorView, lineFrom: number, removed: number, prefix: string): void {
  const head = view.state.selection.main.head;
  const anchor = Math.max(lineFrom + prefix.length, head - removed + prefix.length);
  view.dispatch({ changes: { from: lineFrom, to: lineFrom + removed, insert: prefix }, selection: { anchor }, userEvent: 'input' });
  view.focus();
}
