// The annex as CSV (REC14): one row per contribution, RFC 4180 quoting, CRLF line ends, and a
// UTF-8 byte order mark so Excel reads Arabic, Chinese and Russian text as UTF-8.
import type { SessionRecordDocument } from '@open-talks/shared';

/**
 * Columns are only ever added at the end, so readers of the ones before find them where they were:
 * `theme` (harvest), then `language` (a caption's stream, CAPS22), then the hub a contribution
 * came from (HUB41: name and place under `named`, the headcount under `named` and `group`).
 */
export const CSV_COLUMNS = [
  'number',
  'type',
  'round',
  'table',
  'question',
  'text',
  'stakeholder_group',
  'author',
  'votes',
  'time',
  'theme',
  'language',
  'hub',
  'hub_place',
  'hub_headcount',
] as const;
const BOM = '\uFEFF';
/** A cell a spreadsheet would run as a formula; it gets a leading apostrophe (OWASP's advice). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function renderCsv(record: SessionRecordDocument): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const c of record.contributions) {
    const row = [
      String(c.number),
      c.type,
      c.round === null ? '' : String(c.round),
      c.table ?? '',
      c.question ?? '',
      c.text,
      c.credit.group ?? '',
      c.credit.name ?? '',
      c.votes === null ? '' : String(c.votes),
      c.at === null ? '' : new Date(c.at).toISOString(),
      c.theme ?? '',
      '',
      c.credit.hub?.name ?? '',
      c.credit.hub?.place ?? '',
      c.credit.hub ? String(c.credit.hub.headcount) : '',
    ];
    lines.push(row.map(csvCell).join(','));
  }
  // Then the captions, stream by stream (CAPS22): type `caption`, no number and no author.
  for (const stream of record.townhall?.transcript ?? []) {
    for (const c of stream.lines) lines.push(['', 'caption', '', '', '', c.text, '', '', '', new Date(c.at).toISOString(), '', stream.language, '', '', ''].map(csvCell).join(','));
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
