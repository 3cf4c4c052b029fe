// A frozen version as a Word document (SER8, SER95) through the `docx` library: paragraphs
// numbered by real Word numbering (one list, decimal "%1." with lowerLetter "%2)" sub-items,
// so a secretariat can insert a paragraph and Word renumbers), heading styles, real footnotes,
// the title block, the statistics and the annex as tables (one per session, with bookmarks the
// footnotes' annex refs name), right to left for Arabic paragraphs and runs.
import {
  AlignmentType,
  Bookmark,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  InternalHyperlink,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { textDirection } from '@open-talks/shared';
import type { FrozenBlock, FrozenInline, InformationDocument } from '@open-talks/shared/series';
import { rowsMarker, rowsXml, spliceRows } from './docx-rows.js';
import { statisticsTables } from './markdown.js';
import { creditText, detailText, footnoteText, referenceInText, type DocumentWords } from './words.js';

/** The numbering definition's reference: every numbered paragraph of the document is one list. */
const PARAGRAPHS = 'document-paragraphs';
const INDENT = 567; // twips (1 cm): the number's hanging indent
/** The annex table's columns in twips (a 16 cm text width): the words get the room. */
const ANNEX_COLUMNS = [1000, 4700, 1900, 1900];
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2 } as const;

/** Whether a text runs right to left: by its own first strong letter, else the document's language. */
function rtlText(text: string, rtl: boolean): boolean {
  return textDirection(text, rtl ? 'rtl' : 'ltr') === 'rtl';
}

function runs(text: string, rtl: boolean, style: { bold?: boolean; italics?: boolean } = {}): TextRun[] {
  const right = rtlText(text, rtl);
  return text.split(/\r\n|\r|\n/).map((line, index) => new TextRun({ text: line, ...style, ...(right && { rightToLeft: true }), ...(index > 0 && { break: 1 }) }));
}

function inline(content: readonly FrozenInline[], rtl: boolean, words: DocumentWords): ParagraphChild[] {
  return content.flatMap((c) => {
    if (c.kind === 'text') return runs(c.text, rtl);
    const said = referenceInText(c, words);
    return [...(said ? runs(said, rtl) : []), new FootnoteReferenceRun(c.number)];
  });
}

function plainText(content: readonly FrozenInline[]): string {
  return content.map((c) => (c.kind === 'text' ? c.text : '')).join('');
}

/** The annex is most of a big document's objects: a one-line, left-to-right cell is one plain paragraph. */
function cell(text: string, rtl: boolean, header = false): TableCell {
  const right = rtlText(text, rtl);
  const paragraph =
    header || right || /[\r\n]/.test(text) ? new Paragraph({ children: runs(text, rtl, { bold: header }), ...(right && { bidirectional: true }) }) : new Paragraph(text);
  return new TableCell({ children: [paragraph] });
}

function table(head: string[], rows: string[][], rtl: boolean, columnWidths?: number[]): (Table | Paragraph)[] {
  return [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      ...(columnWidths && { columnWidths }),
      visuallyRightToLeft: rtl,
      rows: [
        new TableRow({ tableHeader: true, children: head.map((h) => cell(h, rtl, true)) }),
        ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c) => cell(c, rtl)) })),
      ],
    }),
    new Paragraph({ children: [] }), // Word merges two tables with nothing between them
  ];
}

function block(b: FrozenBlock, words: DocumentWords): (Paragraph | Table)[] {
  const rtl = words.rtl;
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[b.level], children: inline(b.content, rtl, words), bidirectional: rtlText(plainText(b.content), rtl) })];
    case 'paragraph':
      return [
        new Paragraph({
          numbering: { reference: PARAGRAPHS, level: 0 },
          // The anchor as a bookmark, so "para-12" is a place in Word as on the public page.
          children: [new Bookmark({ id: b.anchor.replace('-', '_'), children: inline(b.content, rtl, words) })],
          bidirectional: rtlText(plainText(b.content), rtl),
        }),
        ...b.items.map(
          (item) =>
            new Paragraph({ numbering: { reference: PARAGRAPHS, level: 1 }, children: inline(item.content, rtl, words), bidirectional: rtlText(plainText(item.content), rtl) }),
        ),
      ];
    case 'stats':
      return statisticsTables(b.statistics, words).flatMap((t) => [
        new Paragraph({ heading: HeadingLevel.HEADING_3, children: runs(t.title, rtl), bidirectional: rtl }),
        ...table(t.head, t.rows, rtl),
      ]);
    case 'annex-list':
      return b.entries.map(
        (e, i) =>
          new Paragraph({ bullet: { level: 0 }, children: [new InternalHyperlink({ anchor: `annex_${i + 1}`, children: runs(`${e.id} ${e.title}`, rtl) })], bidirectional: rtl }),
      );
    default:
      throw new Error(`unknown block ${JSON.stringify(b satisfies never)}`);
  }
}

function titleBlock(doc: InformationDocument, words: DocumentWords): Paragraph[] {
  const tb = doc.titleBlock;
  const rtl = words.rtl;
  const fact = (label: string, value: string) =>
    new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true, ...(rtl && { rightToLeft: true }) }), ...runs(value, rtl)], bidirectional: rtl });
  return [
    new Paragraph({ alignment: AlignmentType.END, children: runs(tb.symbol, rtl, { bold: true }), bidirectional: rtl }),
    fact(words.t('date'), tb.date),
    fact(words.t('originalLanguage'), words.raw(`words.languageName.${doc.originalLanguage}`)),
    fact(words.t('submittedBy'), tb.submittedBy),
    doc.original
      ? new Paragraph({ children: runs(words.t('version', { version: doc.version }), rtl, { bold: true }), bidirectional: rtl })
      : fact(words.t('version', { version: doc.version }), words.t('translationOf', { language: words.raw(`words.languageName.${doc.originalLanguage}`) })),
    ...(doc.changes ? [fact(words.t('changes'), doc.changes)] : []),
    new Paragraph({ heading: HeadingLevel.TITLE, children: runs(tb.title || doc.series.title, rtl), bidirectional: rtlText(tb.title || doc.series.title, rtl) }),
  ];
}

function annex(doc: InformationDocument, words: DocumentWords, rows: Map<string, string>): (Paragraph | Table)[] {
  const rtl = words.rtl;
  const out: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: runs(words.t('annex'), rtl), bidirectional: rtl }),
    new Paragraph({ children: runs(words.t('annexIntro'), rtl), bidirectional: rtl }),
  ];
  doc.annex.forEach((section, index) => {
    const ref = `A.${index + 1}`;
    const title = words.t('annexSection', { ref, session: section.sessionTitle, format: words.raw(`words.format.${section.format}`) });
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new Bookmark({ id: `annex_${index + 1}`, children: runs(title, rtl) })], bidirectional: rtl }));
    if (section.entries.length === 0) {
      out.push(new Paragraph({ children: runs(words.t('noContributions'), rtl), bidirectional: rtl }));
      return;
    }
    // The library makes the table (header, widths, borders); its rows are written in docx-rows.ts.
    const marker = rowsMarker(index + 1);
    rows.set(
      marker,
      rowsXml(
        section.entries.map((e) => [e.ref, e.text, creditText(e.credit, words), detailText(e, words)]),
        ANNEX_COLUMNS,
        rtl,
      ),
    );
    out.push(...table([words.t('ref'), words.t('contribution'), words.t('from'), words.t('details')], [[marker, '', '', '']], rtl, ANNEX_COLUMNS));
  });
  return out;
}

export async function renderDocumentDocx(doc: InformationDocument, words: DocumentWords): Promise<Buffer> {
  const rtl = words.rtl;
  const rows = new Map<string, string>();
  const document = new Document({
    title: doc.titleBlock.title || doc.series.title,
    creator: 'Open Talks',
    styles: { default: { document: { run: { language: { value: doc.language } } } } },
    numbering: {
      config: [
        {
          reference: PARAGRAPHS,
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: INDENT, hanging: INDENT } } } },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 2 * INDENT, hanging: INDENT } } } },
          ],
        },
      ],
    },
    footnotes: Object.fromEntries(
      doc.footnotes.map((f) => [
        String(f.number),
        { children: [new Paragraph({ children: runs(` ${footnoteText(f, words)}`, rtl), bidirectional: rtlText(f.quote ?? f.text, rtl) })] },
      ]),
    ),
    sections: [{ properties: {}, children: [...titleBlock(doc, words), ...doc.blocks.flatMap((b) => block(b, words)), ...annex(doc, words, rows)] }],
  });
  return spliceRows(await Packer.toBuffer(document), rows);
}
