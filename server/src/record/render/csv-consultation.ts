// A consultation's annex as CSV (CONS68): one row per published contribution and comment, with
// its reference, in the annex's order; the same quoting, line ends and byte order mark as REC14.
import type { RecordConsultation } from '@open-talks/shared';
import { csvCell } from './csv.js';

export const CONSULTATION_CSV_COLUMNS = [
  'reference',
  'kind',
  'question',
  'title',
  'text',
  'language',
  'stance',
  'stakeholder_group',
  'author',
  'supports',
  'response_status',
  'response',
  'themes',
  'origin',
  'time',
] as const;

export function renderConsultationCsv(c: RecordConsultation): string {
  const lines = [CONSULTATION_CSV_COLUMNS.join(',')];
  for (const q of c.questions) {
    for (const x of q.contributions) {
      const origin = x.origin ? [x.origin.format, x.origin.sessionTitle, x.origin.table ?? '', x.origin.round ?? ''].join(' / ') : '';
      lines.push(
        [
          x.reference,
          'contribution',
          String(q.number),
          x.title,
          x.text,
          x.language,
          '',
          x.credit.group ?? '',
          x.credit.name ?? '',
          String(x.supports),
          x.response?.status ?? '',
          x.response?.text ?? '',
          x.themes.join('; '),
          origin,
          new Date(x.at).toISOString(),
        ]
          .map(csvCell)
          .join(','),
      );
      for (const m of x.comments) {
        lines.push(
          [m.reference, 'comment', String(q.number), '', m.text, m.language, m.stance, m.credit.group ?? '', m.credit.name ?? '', '', '', '', '', '', new Date(m.at).toISOString()]
            .map(csvCell)
            .join(','),
        );
      }
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
