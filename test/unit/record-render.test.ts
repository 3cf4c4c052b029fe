import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { buildRecord, type Attribution, type RecordFormat, type SessionRecordDocument } from '../../shared/src/index.js';
import { cafeFacts, IDS, NAMES, T0, townhallFacts } from '../fixtures/record-facts.js';
import { recordLabels } from '../../server/src/record/labels.js';
import { CSV_COLUMNS } from '../../server/src/record/render/csv.js';
import { renderRecord } from '../../server/src/record/render/index.js';
import { escapeMarkdownLine } from '../../server/src/record/render/markdown.js';
import { parseCsv } from '../helpers/csv.js';

const GENERATED_AT = T0 + 2 * 3_600_000; // fixed, so the golden files do not move
const EN = recordLabels('en');
const FACTS = { cafe: cafeFacts, townhall: townhallFacts } as const;

async function render(kind: keyof typeof FACTS, attribution: Attribution, format: RecordFormat) {
  return renderRecord(format, buildRecord(FACTS[kind](attribution), GENERATED_AT), EN);
}

/** What a person reading the file sees: text for the text formats, the DOCX's text through mammoth. */
async function readable(kind: keyof typeof FACTS, attribution: Attribution, format: RecordFormat): Promise<string> {
  const { body } = await render(kind, attribution, format);
  if (format !== 'docx') return body.toString('utf8');
  const [{ value: text }, { value: html }] = await Promise.all([mammoth.extractRawText({ buffer: body }), mammoth.convertToHtml({ buffer: body })]);
  return `${text}\n${html}`;
}

describe('REC15 golden files of a small fixed session', () => {
  for (const [kind, attribution] of [
    ['cafe', 'named'],
    ['townhall', 'group'],
  ] as const) {
    it(`REC15 Markdown of the ${kind} (${attribution})`, async () => {
      await expect((await render(kind, attribution, 'md')).body.toString('utf8')).toMatchFileSnapshot(`../fixtures/record/${kind}-${attribution}.md`);
    });
    it(`REC15 JSON of the ${kind} (${attribution})`, async () => {
      await expect((await render(kind, attribution, 'json')).body.toString('utf8')).toMatchFileSnapshot(`../fixtures/record/${kind}-${attribution}.json`);
    });
  }
});

describe('REC12 people write text, never markup', () => {
  it('REC12 Markdown escapes headings, lists, HTML, pipes and emphasis', async () => {
    expect(escapeMarkdownLine('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdownLine('- item')).toBe('\\- item');
    expect(escapeMarkdownLine('1. item')).toBe('\\1. item');
    expect(escapeMarkdownLine('<script>alert(1)</script> | *x* [a](b) & c')).toBe('\\<script\\>alert(1)\\</script\\> \\| \\*x\\* \\[a\\](b) & c');
    // An & is escaped the Markdown way, and only where it would start an entity (an escaped # already stops one).
    expect(escapeMarkdownLine('&copy; &#169; &#xA9; R&D')).toBe('\\&copy; &\\#169; &\\#xA9; R&D');
    const md = (await render('cafe', 'named', 'md')).body.toString('utf8');
    expect(md).not.toContain('<script>');
    expect(md).not.toMatch(/^# not a heading/m);
    // Every table row keeps its column count: a pipe in a text never opens a cell.
    for (const line of md.split('\n').filter((l) => l.startsWith('| '))) {
      const cells = line.replace(/\\\|/g, '').split('|').length;
      expect([4, 5, 6, 7, 8, 9, 10, 11]).toContain(cells);
    }
  });

  it('REC12 HTML is one self-contained file with every text escaped', async () => {
    const html = (await render('cafe', 'named', 'html')).body.toString('utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;bold?&lt;/b&gt;');
    expect(html).not.toMatch(/\b(src|href)=/); // nothing fetched from anywhere
    expect(html).toContain('<style>');
    expect(html).toContain('@media print');
  });
});

describe('REC12 what people wrote reads as written', () => {
  it('NOTE20 a table’s notes carry their language and direction in HTML and Markdown', async () => {
    const html = (await render('cafe', 'named', 'html')).body.toString('utf8');
    expect(html).toContain('<div class="verbatim" lang="ar" dir="rtl"><p dir="auto">&lt;b&gt;bold?');
    expect(html).toContain('<div class="verbatim" lang="en" dir="ltr">');
    const md = (await render('cafe', 'named', 'md')).body.toString('utf8');
    expect(md).toContain('<div lang="ar" dir="rtl">\n\n\\<b\\>bold?');
  });

  it('REC12 Markdown headings show "&" as written, never "&amp;" (title, harvest theme)', async () => {
    const md = (await render('cafe', 'named', 'md')).body.toString('utf8');
    expect(md).toMatch(/^# Open Talks: data & trust$/m);
    expect(md).toMatch(/^### Openness & reuse$/m);
    expect(md).not.toContain('&amp;');
  });

  it('REC12 HTML gives each line of the notes its own direction (dir="auto"), in paragraphs and table cells', async () => {
    const record = buildRecord(cafeFacts('named'), GENERATED_AT);
    const html = (await renderRecord('html', record, recordLabels('ar'))).body.toString('utf8');
    expect(html).toContain('<p dir="auto">We talked about *transparency*.</p><p dir="auto">A line with | a pipe.</p><p dir="auto">نريد بيانات مفتوحة</p>');
    // In the annex a cell isolates each line on its own.
    expect(html).toContain('<bdi>A line with | a pipe.</bdi>\n<bdi>نريد بيانات مفتوحة</bdi>');
  });

  it('REC18 HTML isolates a round\'s question from its label, so an English "?" stays at its end in Arabic', async () => {
    const record = buildRecord(cafeFacts('named'), GENERATED_AT);
    const ar = recordLabels('ar');
    const html = (await renderRecord('html', record, ar)).body.toString('utf8');
    expect(html).toContain(`<p>${ar.t('question')}: <bdi>What builds trust in data?</bdi></p>`);
    const md = (await renderRecord('md', record, EN)).body.toString('utf8');
    expect(md).toContain('Question: What builds trust in data?'); // Markdown stays plain
  });
});

describe('REC13 DOCX read back with mammoth', () => {
  it('REC13 has the headings, the tables and the annex, text intact', async () => {
    const { body } = await render('cafe', 'named', 'docx');
    const { value: html } = await mammoth.convertToHtml({ buffer: body });
    expect(html).toContain('<h1>Open Talks: data &amp; trust</h1>');
    expect(html).toContain('<h2>Round 1</h2>');
    expect(html).toContain('<h2>Annex: every contribution</h2>');
    expect(html).toContain('<table>');
    const { value: text } = await mammoth.extractRawText({ buffer: body });
    expect(text).toContain('Use <script>alert(1)</script> & friends | pipes');
    expect(text).toContain('Fund "local" hubs, not, just capitals');
    expect(text).toContain('Amina Diallo');
  });

  it('REC13 a Town Hall has its questions, polls, speakers and transcript', async () => {
    const { value: text } = await mammoth.extractRawText({ buffer: (await render('townhall', 'group', 'docx')).body });
    for (const expected of ['Who audits the models?', 'Which comes first?', 'Speakers', 'Welcome, everyone.', 'Merged into question 1']) expect(text).toContain(expected);
  });
});

describe('REC14 CSV parsed back', () => {
  it('REC14 one row per contribution, columns as documented, text verbatim', async () => {
    const { body } = await render('cafe', 'named', 'csv');
    const text = body.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const record = buildRecord(cafeFacts('named'), GENERATED_AT);
    expect(rows).toHaveLength(record.contributions.length + 1);
    for (const [index, c] of record.contributions.entries()) {
      const row = rows[index + 1]!;
      expect(row).toHaveLength(CSV_COLUMNS.length);
      expect(row[5]).toBe(c.text);
      expect(row[7]).toBe(c.credit.name ?? '');
    }
  });

  it('REC14 a key idea has its harvest theme in the theme column; notes and unthemed ideas none', async () => {
    const rows = parseCsv((await render('cafe', 'named', 'csv')).body.toString('utf8').slice(1));
    const column = rows[0]!.indexOf('theme');
    expect(column).toBe(CSV_COLUMNS.indexOf('theme'));
    const themeOf = new Map(rows.slice(1).map((row) => [row[5], row[column]]));
    expect(themeOf.get('Open data by default')).toBe('Openness & reuse');
    expect(themeOf.get('# not a heading')).toBe('Openness & reuse');
    expect(themeOf.get('Fund "local" hubs, not, just capitals')).toBe('');
    expect(themeOf.get('Use <script>alert(1)</script> & friends | pipes')).toBe('');
    for (const row of rows.slice(1).filter((r) => r[1] === 'notes')) expect(row[column]).toBe('');
  });

  it('REC14 a cell that would run as a formula starts with an apostrophe', async () => {
    const { csvCell } = await import('../../server/src/record/render/csv.js');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('- trust')).toBe(`'- trust`);
    expect(csvCell('plain')).toBe('plain');
  });
});

const FORMATS: RecordFormat[] = ['md', 'html', 'docx', 'json', 'csv'];

describe('REC2–REC4 no attribution leaks, in any format', () => {
  for (const kind of ['cafe', 'townhall'] as const) {
    for (const attribution of ['named', 'group', 'anonymous'] as const) {
      for (const format of FORMATS) {
        it(`REC4 ${kind}, ${attribution}, ${format}: ${attribution === 'named' ? 'names shown' : 'no name'}, no participant id`, async () => {
          const out = await readable(kind, attribution, format);
          for (const id of IDS) expect(out).not.toContain(id);
          if (attribution === 'named') expect(out).toContain('Boris Petrov');
          else for (const name of NAMES) expect(out).not.toContain(name);
        });
      }
    }
  }
});

describe('REC1 ATTR5 small groups under anonymous, in every format', () => {
  it('REC1 ATTR5 anonymous: Markdown, HTML, DOCX and JSON give no count for a group of one (the record says "not shown (Chatham House Rule)"); CSV has no attendance', async () => {
    // In the fixture every group has 0 or 1 participant: four groups of one, total 4. Shown zeros
    // would tell that each hidden group has exactly 1, so the whole breakdown is not shown.
    for (const format of ['md', 'html', 'docx'] as const) {
      const out = await readable('cafe', 'anonymous', format);
      expect(out, format).toContain('not shown (Chatham House Rule)');
      expect(out, format).not.toContain('fewer than');
      expect(await readable('cafe', 'group', format), format).not.toContain('not shown');
    }
    const md = await readable('cafe', 'anonymous', 'md');
    expect(md).toContain('| Government | not shown (Chatham House Rule) |');
    expect(md).not.toMatch(/\| (Government|Academia|Civil society|Private sector|Other) \| \d+ \|/);
    const json = JSON.parse(await readable('cafe', 'anonymous', 'json')) as SessionRecordDocument;
    expect(json.schemaVersion).toBe(2);
    expect(json.attendance.total).toBe(4);
    expect(Object.values(json.attendance.byGroup)).toEqual([null, null, null, null, null, null, null]);
    expect(await readable('cafe', 'anonymous', 'csv')).not.toContain('not shown');
  });

  it("REC1 ATTR5 total 4, Academia 3, Government 1: no format gives Academia's 3, so Government's 1 does not follow from the total", async () => {
    const facts = cafeFacts('anonymous');
    const person = (id: string, stakeholderGroup: 'academia' | 'government') => ({
      id,
      displayName: id,
      role: 'participant' as const,
      mode: 'in-room' as const,
      stakeholderGroup,
      removed: false,
    });
    const people = [
      ...facts.people.map((p) => ({ ...p, removed: true })),
      person('a1', 'academia'),
      person('a2', 'academia'),
      person('a3', 'academia'),
      person('g1', 'government'),
    ];
    const record = buildRecord({ ...facts, people }, GENERATED_AT);
    const md = (await renderRecord('md', record, EN)).body.toString('utf8');
    expect(md).toContain('| Academia | not shown (Chatham House Rule) |');
    expect(md).toContain('| Government | not shown (Chatham House Rule) |');
    expect(md).toContain('| Other | 0 |');
    expect(md).toContain('| Total | 4 |');
    const html = (await renderRecord('html', record, EN)).body.toString('utf8');
    expect(html).not.toMatch(/Academia<\/th>\s*<td[^>]*>3</);
    const json = JSON.parse((await renderRecord('json', record, EN)).body.toString('utf8')) as SessionRecordDocument;
    expect(json.attendance.byGroup).toMatchObject({ academia: null, government: null, other: 0 });
  });
});

describe('REC11 the record words', () => {
  it('REC11 every heading key is in the catalogs, and the catalogs have no other', async () => {
    const { RECORD_DOC_KEYS } = await import('../../shared/src/index.js');
    const en = (await import('../../shared/src/i18n/en.json', { with: { type: 'json' } })).default;
    const { types, ...doc } = en.record.doc;
    expect(Object.keys(doc).sort()).toEqual([...RECORD_DOC_KEYS].sort());
    expect(Object.keys(types).sort()).toEqual(['key-idea', 'notes', 'question']);
  });

  it('MT50 a key idea in Arabic is marked as Arabic, right to left, in HTML and DOCX; Markdown keeps its words', async () => {
    const facts = cafeFacts('named');
    const note = facts.cafe!.notes[0]!;
    const arabic = { ...note.ideas[0]!, id: 'i9', text: 'بيانات مفتوحة للجميع', language: 'ar' };
    const record = buildRecord({ ...facts, cafe: { ...facts.cafe!, notes: [{ ...note, ideas: [...note.ideas, arabic] }, ...facts.cafe!.notes.slice(1)] } }, GENERATED_AT);
    const html = (await renderRecord('html', record, EN)).body.toString('utf8');
    expect(html).toContain('<li dir="auto"><span lang="ar" dir="rtl">بيانات مفتوحة للجميع</span> — Amina Diallo (Civil society) (marked for the harvest)</li>');
    expect(html).toContain('<span lang="en" dir="ltr">Open data by default</span>'); // every idea says its language
    expect(html).toContain('<html lang="en" dir="ltr">');
    const md = (await renderRecord('md', record, EN)).body.toString('utf8');
    expect(md).toContain('- بيانات مفتوحة للجميع — Amina Diallo (Civil society) (marked for the harvest)');
    const docx = (await renderRecord('docx', record, EN)).body;
    const file = join(mkdtempSync(join(tmpdir(), 'record-docx-')), 'record.docx');
    writeFileSync(file, docx);
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const paragraph = xml.split('</w:p>').find((p) => p.includes('بيانات مفتوحة للجميع'))!;
    expect(paragraph).toContain('<w:bidi/>');
    expect(paragraph).toContain('<w:rtl/>');
    const english = xml.split('</w:p>').find((p) => p.includes('Open data by default'))!;
    expect(english).not.toContain('<w:bidi/>');
  });

  it('REC11 headings follow the language asked for; Arabic reads right to left', async () => {
    const record = buildRecord(cafeFacts('group'), GENERATED_AT);
    const html = (await renderRecord('html', record, recordLabels('ar'))).body.toString('utf8');
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('الحضور');
    const md = (await renderRecord('md', record, recordLabels('fr'))).body.toString('utf8');
    expect(md).toContain('## Tour 1');
    expect(md).toContain('What builds trust in data?'); // content stays as written
  });
});
