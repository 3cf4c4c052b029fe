// The information document's exports (SER95–SER98): DOCX read back with mammoth and unzipped
// (real numbering, real footnotes, right to left for Arabic), Markdown, and a LibreOffice
// conversion when `soffice` is on the PATH.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { renderDocumentDocx } from '../../server/src/series/publish/render/docx.js';
import { exportDocument } from '../../server/src/series/publish/render/index.js';
import { renderDocumentMarkdown } from '../../server/src/series/publish/render/markdown.js';
import { detailText, documentWords } from '../../server/src/series/publish/render/words.js';
import { frozen } from './series-publish-fixture.js';

const onPath = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** One part of the DOCX package, as text (unzip is part of the base system here). */
function part(docx: Buffer, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'series-docx-'));
  const file = join(dir, 'doc.docx');
  writeFileSync(file, docx);
  return execFileSync('unzip', ['-p', file, name], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

describe('SER95 DOCX', () => {
  it('SER95 numbers paragraphs with a Word numbering definition: decimal "%1." and lowerLetter "%2)"', async () => {
    const docx = await renderDocumentDocx(frozen('en'), documentWords('en'));
    const numbering = part(docx, 'word/numbering.xml');
    expect(numbering).toMatch(/<w:lvl w:ilvl="0"[^>]*>.*?<w:numFmt w:val="decimal"\/>.*?<w:lvlText w:val="%1."\/>/s);
    expect(numbering).toMatch(/<w:lvl w:ilvl="1"[^>]*>.*?<w:numFmt w:val="lowerLetter"\/>.*?<w:lvlText w:val="%2\)"\/>/s);
    const body = part(docx, 'word/document.xml');
    // Two numbered paragraphs and two sub-items in one list: the numbers are Word's, never typed.
    const levels = [...body.matchAll(/<w:numPr><w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/>/g)].map((m) => `${m[2]}:${m[1]}`);
    const list = levels.find((l) => l.endsWith(':1'))!.split(':')[0];
    expect(levels.filter((l) => l.startsWith(`${list}:`))).toEqual([`${list}:0`, `${list}:1`, `${list}:1`, `${list}:0`]);
    expect(body).not.toMatch(/>1\. The series/);
    expect(body).toContain('w:name="para_1"');
  });

  it('SER95 makes each reference a real footnote, in reading order, pointing into the annex', async () => {
    const docx = await renderDocumentDocx(frozen('en'), documentWords('en'));
    const body = part(docx, 'word/document.xml');
    expect(body.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(2);
    // The text says what the draft showed before each mark: the summary in brackets, the quotation.
    expect(body).toContain('[2 key ideas, Academia and Civil society]');
    expect(body).toContain('“Who pays for the networks?”');
    const footnotes = part(docx, 'word/footnotes.xml');
    expect(footnotes).toContain('2 key ideas, Academia and Civil society. Annex: A.1.1, A.1.2');
    expect(footnotes).toContain('“Who pays for the networks?” (1 question). Annex: A.2.1');
  });

  it('SER95 reads back with mammoth: title block, headings, statistics and annex tables', async () => {
    const docx = await renderDocumentDocx(frozen('en'), documentWords('en'));
    const { value: html } = await mammoth.convertToHtml({ buffer: docx });
    expect(html).toContain('<h1>Introduction</h1>');
    expect(html).toContain('<h2>Participation</h2>');
    const { value: text } = await mammoth.extractRawText({ buffer: docx });
    for (const words of [
      'OT/2026/INF.3',
      'Submitted by: The Secretariat',
      'Original language: English',
      'Information document on connectivity',
      'People by stakeholder group',
      'not shown (fewer than 3)',
      'A.1 Café on data (World Café)',
      'Fund local archives | and <libraries>.',
      'Everyone should be online by 2030.',
      'Chen Li (Private sector)',
      'Official response: We agree.',
    ])
      expect(text).toContain(words);
  });

  it('SER2 SER83 an anonymous session has no name or group in the DOCX annex', async () => {
    const docx = await renderDocumentDocx(frozen('en'), documentWords('en'));
    const { value: text } = await mammoth.extractRawText({ buffer: docx });
    expect(text).toContain('Who pays for the networks?');
    expect(text).not.toContain('Secret Person');
    expect(text).not.toContain('Amal Haddad'); // the café is `group`: groups only
  });

  it('SER98 Arabic: right-to-left paragraphs and runs, Arabic words', async () => {
    const docx = await renderDocumentDocx(frozen('ar'), documentWords('ar'));
    const body = part(docx, 'word/document.xml');
    expect(body).toContain('<w:bidi/>');
    expect(body).toContain('<w:rtl/>');
    const { value: text } = await mammoth.extractRawText({ buffer: docx });
    expect(text).toContain('المرفق');
    expect(text).toContain('اجتمعت السلسلة ثلاث مرات');
  });

  it.skipIf(!onPath('soffice'))('SER95 converts with LibreOffice and renders page 1', { timeout: 120_000 }, async () => {
    const dir = process.env.SERIES_DOCX_OUT ?? mkdtempSync(join(tmpdir(), 'series-soffice-'));
    for (const language of ['en', 'ar'] as const) {
      const file = join(dir, `document-${language}.docx`);
      writeFileSync(file, await renderDocumentDocx(frozen(language), documentWords(language)));
      execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
        stdio: 'ignore',
        timeout: 100_000,
      });
      expect(existsSync(join(dir, `document-${language}.pdf`))).toBe(true);
      if (onPath('pdftoppm')) execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', join(dir, `document-${language}.pdf`), join(dir, `page-${language}`)]);
      else
        execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'png', '--outdir', dir, file], {
          stdio: 'ignore',
          timeout: 100_000,
        });
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(2);
  });
});

describe('SER96 Markdown', () => {
  const md = renderDocumentMarkdown(frozen('en'), documentWords('en'));

  it('SER96 numbered paragraphs, items (a), footnotes [^n], the annex', () => {
    // A reference says in the text what the draft showed (its summary, or the quotation), then its mark.
    expect(md).toMatch(/^1\. <a id="para-1"><\/a>The series met three times \\\[2 key ideas, Academia and Civil society\\\]\[\^1\]\.\s{2}$/m);
    expect(md).toMatch(/^ {3}\(a\) people asked “Who pays for the networks\?”\[\^2\] {2}$/m);
    expect(md).toMatch(/^2\. <a id="para-2"><\/a>A second paragraph\.$/m);
    expect(md).toContain('[^1]: 2 key ideas, Academia and Civil society. Annex: A.1.1, A.1.2');
    expect(md).toContain('## Annex');
    expect(md).toContain('| A.1.2 | Fund local archives \\| and \\<libraries\\>. | Civil society |  |');
    expect(md).toContain('- [A.2 Town Hall](#annex-2)');
  });

  it('SER2 SER83 an anonymous session has no name or group in Markdown or JSON', async () => {
    expect(md).not.toContain('Secret Person');
    expect(md).toMatch(/\| A\.2\.1 \| Who pays for the networks\? \| — \|/);
    const json = (await exportDocument(frozen('en'), 'json')).body.toString();
    expect(json).not.toContain('Secret Person');
    const annexTownHall = (JSON.parse(json) as ReturnType<typeof frozen>).annex[1]!;
    expect(annexTownHall.entries.map((e) => e.credit)).toEqual([{ name: null, group: null }]);
  });
});

describe('SER96 an annex entry’s facts in words', () => {
  it('SER96 says a status in the document’s language, never the stored word', () => {
    const entry = {
      ref: 'A.1.1',
      kind: 'townhall-question',
      text: 'Who pays?',
      credit: { name: null, group: null },
      language: 'en',
      at: 1,
      detail: { votes: 2, status: 'visible' },
    } as const;
    expect(detailText(entry, documentWords('en'))).toBe('2 votes; Status: open');
    expect(detailText(entry, documentWords('fr'))).not.toContain('visible');
    expect(detailText({ ...entry, detail: { status: 'something-new' } }, documentWords('en'))).toBe('Status: something-new');
  });
});

describe('SER97 file names', () => {
  it('SER97 names the file by symbol, version and language', async () => {
    const exported = await exportDocument(frozen('ar'), 'md');
    expect(exported.fileName).toBe('ot-2026-inf-3-v1-ar.md');
    expect(exported.contentType).toContain('text/markdown');
  });
});
