// Contribution and comment text (CONS4): trimmed, not empty, within the limits after cleaning.
import { refusals, type Result } from '../result.js';
import { CONSULTATION_LIMITS as L } from './words.js';

const { conflict } = refusals('consultation');

/** Trims, unifies line ends, drops control characters (tabs and newlines kept), collapses 3+ blank lines. */
export function cleanText(input: string): string {
  return (
    input
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

/** One line: whitespace runs become one space. */
export function cleanLine(input: string): string {
  return cleanText(input).replace(/\s+/g, ' ');
}

export function cleanContribution(input: { title: string; text: string }): Result<{ title: string; text: string }> {
  const title = cleanLine(input.title);
  const text = cleanText(input.text);
  if (title.length === 0) return conflict('A contribution needs a title', 'titleEmpty');
  if (text.length === 0) return conflict('A contribution needs a text', 'textEmpty');
  if (title.length > L.titleLength) return conflict(`A title has at most ${L.titleLength} characters`, 'titleTooLong', { max: L.titleLength });
  if (text.length > L.textLength) return conflict(`A contribution has at most ${L.textLength} characters`, 'textTooLong', { max: L.textLength });
  return { ok: true, title, text };
}

export function cleanComment(input: string): Result<{ text: string }> {
  const text = cleanText(input);
  if (text.length === 0) return conflict('A comment needs a text', 'commentEmpty');
  if (text.length > L.commentLength) return conflict(`A comment has at most ${L.commentLength} characters`, 'commentTooLong', { max: L.commentLength });
  return { ok: true, text };
}
