// The annex's table rows written as WordprocessingML directly (SER99). The `docx` library builds
// an object per cell, paragraph and run and serialises them one by one: for the 13,000 rows of a
// large series that took most of ten seconds. Each annex table is therefore made by the library
// with its header row and one placeholder row; once packed, the placeholder row is replaced by
// rows written here — the same elements the library writes for a plain cell — and the package is
// zipped again. The text is escaped as XML text; nothing a person wrote becomes markup.
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import { textDirection } from '@open-talks/shared';
import { xmlSafe } from './xml-safe.js';

/** The placeholder's text in its row; it cannot occur in a person's words (they are escaped and have no `\u2063`). */
export function rowsMarker(table: number): string {
  return `\u2063annex-rows-${table}\u2063`;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
function escapeXml(text: string): string {
  // Characters XML 1.0 does not allow are dropped (xml-safe.ts), the markup ones escaped.
  return xmlSafe(text).replace(/[&<>"]/g, (c) => XML_ESCAPES[c]!);
}

function cellXml(text: string, width: number, rtl: boolean): string {
  const right = textDirection(text, rtl ? 'rtl' : 'ltr') === 'rtl';
  const runProps = right ? '<w:rPr><w:rtl/></w:rPr>' : '';
  const runs = text
    .split(/\r\n|\r|\n/)
    .map((line, index) => `<w:r>${runProps}${index > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r>`)
    .join('');
  return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/></w:tcPr><w:p>${right ? '<w:pPr><w:bidi/></w:pPr>' : ''}${runs}</w:p></w:tc>`;
}

export function rowsXml(rows: readonly string[][], widths: readonly number[], rtl: boolean): string {
  return rows.map((row) => `<w:tr><w:trPr><w:cantSplit/></w:trPr>${row.map((text, i) => cellXml(text, widths[i]!, rtl)).join('')}</w:tr>`).join('');
}

/** Replaces each placeholder row of `word/document.xml` with its rows. */
export function spliceRows(docx: Uint8Array, rows: ReadonlyMap<string, string>): Buffer {
  if (rows.size === 0) return Buffer.from(docx);
  const files = unzipSync(docx);
  let xml = strFromU8(files['word/document.xml']!);
  for (const [marker, replacement] of rows) {
    const at = xml.indexOf(marker);
    if (at < 0) throw new Error('annex placeholder row missing');
    const start = xml.lastIndexOf('<w:tr>', at) >= 0 ? xml.lastIndexOf('<w:tr>', at) : xml.lastIndexOf('<w:tr ', at);
    const end = xml.indexOf('</w:tr>', at) + '</w:tr>'.length;
    xml = xml.slice(0, start) + replacement + xml.slice(end);
  }
  files['word/document.xml'] = strToU8(xml);
  return Buffer.from(zipSync(files, { level: 6 }));
}
