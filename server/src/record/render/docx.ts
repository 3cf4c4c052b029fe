// Blocks → a Word document through the `docx` library (REC13): real heading styles (so Word and
// LibreOffice build a navigation pane and a table of contents), tables with a repeated header
// row, the annex as a table. Text goes in as text runs: the library escapes the XML.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type ParagraphChild } from 'docx';
import { textDirection, type Block } from '@open-talks/shared';

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 } as const;
const MUTED = '555555'; // hex colour of "nothing here" notes

/** One run per line, joined by line breaks, so a person's line breaks survive. */
function runs(text: string, style: { bold?: boolean; italics?: boolean; color?: string; rightToLeft?: boolean } = {}): ParagraphChild[] {
  return text.split(/\r\n|\r|\n/).map((line, index) => new TextRun({ text: line, ...style, ...(index > 0 && { break: 1 }) }));
}

/**
 * Whether a paragraph runs right to left: by its own first letter (people's words keep their
 * direction in a record of another script), else the document's.
 */
function bidi(text: string, rtl: boolean): boolean {
  return textDirection(text, rtl ? 'rtl' : 'ltr') === 'rtl';
}

/** Cells are most of a big record's objects: a one-line, left-to-right cell is one plain paragraph. */
function cell(text: string, rtl: boolean, header = false): TableCell {
  const right = bidi(text, rtl);
  const paragraph = header || right || /[\r\n]/.test(text) ? new Paragraph({ children: runs(text, { bold: header }), ...(right && { bidirectional: true }) }) : new Paragraph(text);
  return new TableCell({ children: [paragraph] });
}

function block(b: Block, rtl: boolean): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[b.level], children: runs(b.text), bidirectional: bidi(b.text, rtl) })];
    case 'facts':
      return b.rows.map(([label, value]) => new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), ...runs(value)], bidirectional: bidi(label, rtl) }));
    case 'paragraph':
      return [new Paragraph({ children: runs(b.text, b.muted ? { italics: true, color: MUTED } : {}), bidirectional: bidi(b.text, rtl) })];
    case 'labelled':
      // Word has no <bdi>: the paragraph takes the document's direction (the label is ours).
      return [new Paragraph({ children: [new TextRun({ text: `${b.label}: ` }), ...runs(b.text)], bidirectional: rtl })];
    case 'verbatim':
      return b.text
        .trim()
        .split(/\n\s*\n/)
        .map((para) => new Paragraph({ children: runs(para), bidirectional: b.dir ? b.dir === 'rtl' : bidi(para, rtl) }));
    case 'list':
      return b.items.map((item) => {
        if (typeof item === 'string') return new Paragraph({ children: runs(item), bullet: { level: 0 }, bidirectional: b.dir ? b.dir === 'rtl' : bidi(item, rtl) });
        // A key idea in a known language (MT50): its words right to left when that language is, like a caption stream.
        const children = [...runs(item.text, { rightToLeft: item.dir === 'rtl' }), ...(item.note ? runs(` ${item.note}`) : [])];
        return new Paragraph({ children, bullet: { level: 0 }, bidirectional: item.dir === 'rtl' });
      });
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          visuallyRightToLeft: rtl,
          rows: [
            new TableRow({ tableHeader: true, children: b.head.map((h) => cell(h, rtl, true)) }),
            ...b.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c) => cell(c, rtl)) })),
          ],
        }),
        new Paragraph({ children: [] }), // Word needs a paragraph between two tables, or it merges them
      ];
    default:
      throw new Error(`unknown block ${JSON.stringify(b satisfies never)}`);
  }
}

export async function renderDocx(blocks: readonly Block[], options: { title: string; language: string; rtl: boolean }): Promise<Buffer> {
  const doc = new Document({
    title: options.title,
    creator: 'Open Talks',
    styles: { default: { document: { run: { language: { value: options.language } } } } },
    sections: [{ children: blocks.flatMap((b) => block(b, options.rtl)) }],
  });
  return Packer.toBuffer(doc);
}
