// One frozen version in one language → a file in one format (SER8). Every format reads only the
// InformationDocument, so what one shows, all show; HTML is the public part's renderer.
import type { DocumentExportFormat, InformationDocument } from '@open-talks/shared/series';
import { documentHtml } from '../html/render.js';
import { renderDocumentDocx } from './docx.js';
import { renderDocumentMarkdown } from './markdown.js';
import { documentWords } from './words.js';
import { xmlSafeDeep } from './xml-safe.js';

export interface DocumentExport {
  body: Buffer | string;
  contentType: string;
  /** ASCII only, for the plain `filename=`. */
  fileName: string;
  /** The title as it is, for `filename*=UTF-8''`. */
  fileNameUtf8: string;
}

const CONTENT_TYPES: Record<DocumentExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

function baseName(doc: InformationDocument): { ascii: string; utf8: string } {
  const name = doc.titleBlock.symbol || doc.titleBlock.title || doc.series.title;
  const ascii =
    name
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .toLowerCase() || 'document';
  const utf8 =
    name
      .replace(/[\p{Cc}\p{Cf}"\\/:*?<>|]+/gu, ' ')
      .trim()
      .slice(0, 80) || 'document';
  const tail = `v${doc.version}-${doc.language}`;
  return { ascii: `${ascii}-${tail}`, utf8: `${utf8} ${tail}` };
}

export async function exportDocument(doc: InformationDocument, format: DocumentExportFormat): Promise<DocumentExport> {
  const name = baseName(doc);
  const words = documentWords(doc.language);
  const file = { contentType: CONTENT_TYPES[format], fileName: `${name.ascii}.${format}`, fileNameUtf8: `${name.utf8}.${format}` };
  switch (format) {
    case 'docx':
      // Text from the sessions (quotes, the annex) may hold characters XML forbids: dropped here.
      return { ...file, body: await renderDocumentDocx(xmlSafeDeep(doc), words) };
    case 'html':
      return { ...file, body: documentHtml(doc, { standalone: true }) };
    case 'md':
      return { ...file, body: renderDocumentMarkdown(doc, words) };
    case 'json':
      return { ...file, body: JSON.stringify(doc, null, 2) };
    default:
      throw new Error(`unknown format ${JSON.stringify(format satisfies never)}`);
  }
}
