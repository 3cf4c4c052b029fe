// One renderer per format, all from the same record (REC9): the one place a format is chosen.
import { outline, type RecordFormat, type SessionRecordDocument } from '@open-talks/shared';
import type { RecordLabels } from '@open-talks/shared';
import { renderCsv } from './csv.js';
import { renderConsultationCsv } from './csv-consultation.js';
import { renderDocx } from './docx.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';

export interface RenderedRecord {
  body: Buffer;
  contentType: string;
}

const CONTENT_TYPES: Record<RecordFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
};

async function body(format: RecordFormat, record: SessionRecordDocument, labels: RecordLabels): Promise<Buffer | string> {
  const page = { title: record.session.title, language: labels.language, rtl: labels.rtl };
  switch (format) {
    case 'md':
      return renderMarkdown(outline(record, labels));
    case 'html':
      return renderHtml(outline(record, labels), page);
    case 'docx':
      return renderDocx(outline(record, labels), page);
    case 'json':
      return `${JSON.stringify(record, null, 2)}\n`;
    case 'csv':
      return record.consultation ? renderConsultationCsv(record.consultation) : renderCsv(record);
    default:
      throw new Error(`unknown format ${JSON.stringify(format satisfies never)}`);
  }
}

export async function renderRecord(format: RecordFormat, record: SessionRecordDocument, labels: RecordLabels): Promise<RenderedRecord> {
  const rendered = await body(format, record, labels);
  return { body: typeof rendered === 'string' ? Buffer.from(rendered, 'utf8') : rendered, contentType: CONTENT_TYPES[format] };
}
