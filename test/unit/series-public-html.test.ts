import { describe, expect, it } from 'vitest';
import { documentHtml } from '../../server/src/series/publish/html/render.js';
import { fixtureDocument, HOSTILE } from '../fixtures/series-document.js';

// The information document as HTML (docs/series.md, SER100–SER110): anchors, footnotes and annex
// links that all land somewhere, escaping, attribution, right to left. The renderer writes every
// attribute double-quoted and escapes every text, so ids and hrefs can be read with a pattern.

function ids(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
}
function hashLinks(html: string): string[] {
  return [...html.matchAll(/\shref="#([^"]*)"/g)].map((m) => decodeURIComponent(m[1]!));
}

describe.each(['en', 'ar'] as const)('documentHtml in %s', (language) => {
  const doc = fixtureDocument(language);
  const fragment = documentHtml(doc, { standalone: false });
  const file = documentHtml(doc, { standalone: true });

  it('SER102 every paragraph has its anchor and a visible link to itself', () => {
    for (const n of [1, 2, 3]) {
      expect(fragment).toContain(`id="para-${n}"`);
      expect(fragment).toMatch(new RegExp(`<a class="num" href="#para-${n}"[^>]*>${n}\\.</a>`));
    }
    expect(fragment).toContain('<span class="letter">(a)</span>');
    expect(fragment).toContain('<span class="letter">(b)</span>');
  });

  it('SER103 SER106 every link into the page has a target, and the ids are unique', () => {
    for (const html of [fragment, file]) {
      const all = ids(html);
      expect(new Set(all).size, 'duplicate ids').toBe(all.length);
      const targets = new Set(all);
      const links = hashLinks(html);
      expect(links.length).toBeGreaterThan(10);
      for (const link of links) expect(targets, `#${link} has no target`).toContain(link);
    }
  });

  it('SER103 footnote references are superscript links to their notes, which link back and into the annex', () => {
    for (const n of [1, 2, 3]) {
      expect(fragment).toMatch(new RegExp(`<sup class="fnref"><a id="fnref-${n}" href="#fn-${n}"[^>]*>${n}</a></sup>`));
      expect(fragment).toContain(`<li id="fn-${n}"`);
      expect(fragment).toContain(`href="#fnref-${n}"`);
    }
    const notes = fragment.slice(fragment.indexOf('class="footnotes"'), fragment.indexOf('class="annex"'));
    for (const ref of ['A.1.1', 'A.1.2', 'A.2.1', 'A.3.1', 'A.3.2']) expect(notes).toContain(`href="#${ref}"`);
    // A quotation is shown word for word in the note (escaped).
    expect(notes).toContain('<q dir="auto">Who keeps the &lt;keys&gt;?</q>');
  });

  it('SER107 the annex: a section per session with its attribution, each entry under its reference, word for word', () => {
    for (const ref of ['A.1', 'A.2', 'A.3', 'A.1.1', 'A.1.2', 'A.2.1', 'A.3.1', 'A.3.2']) expect(ids(fragment)).toContain(ref);
    expect(fragment).toContain('Ann Example');
    // Arabic text of a contribution keeps its language and direction inside an English document.
    expect(fragment).toContain('<p dir="auto" lang="ar">البيانات المفتوحة</p><p dir="auto" lang="ar">ينبغي نشر البيانات العامة افتراضيًا.</p>');
    if (language === 'en') {
      expect(fragment).toContain('Attribution: anonymous (Chatham House Rule)');
      expect(fragment).toContain('Votes: 17');
      expect(fragment).toContain('Status: answered');
      expect(fragment).toContain('Supports: 7');
      expect(fragment).toContain('Official response (taken up)');
      expect(fragment).toContain('We will publish an open data plan.');
      expect(fragment).toContain('<p class="credit">By <bdi>Ann Example</bdi>, Academia</p>');
      expect(fragment).toContain('<p class="credit">By Civil society</p>');
    }
  });

  it('SER2 SER107 an entry without a credit shows no name, no group and no "by" at all', () => {
    const entry = (ref: string) => {
      const start = fragment.indexOf(`id="${ref}"`);
      return fragment.slice(start, fragment.indexOf('</li>', fragment.indexOf('</blockquote>', start)));
    };
    for (const ref of ['A.2.1', 'A.3.2']) expect(entry(ref)).not.toContain('class="credit"');
    expect(entry('A.3.1')).toContain('class="credit"');
  });

  it('SER105 the statistics show hidden groups as "fewer than 3", never a number', () => {
    const hidden = language === 'en' ? 'fewer than 3' : 'أقل من 3';
    expect(fragment.match(new RegExp(hidden, 'g'))?.length).toBe(2);
    expect(fragment).toContain('<caption>');
    expect(fragment).toContain('<th scope="col">');
  });

  it('SER100 every text is escaped', () => {
    expect(file).not.toContain('<script>');
    expect(file).not.toContain('<b>bold</b>');
    expect(fragment).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(HOSTILE).toContain('<script>');
  });

  it('SER101 lang and dir from the document language; the file is whole and printable', () => {
    const dir = language === 'ar' ? 'rtl' : 'ltr';
    expect(fragment.startsWith(`<article class="infodoc" lang="${language}" dir="${dir}">`)).toBe(true);
    expect(file.startsWith('<!doctype html>')).toBe(true);
    expect(file).toContain(`<html lang="${language}" dir="${dir}">`);
    expect(file).toContain('@media print');
    expect(file).toContain('.infodoc .annex{break-before:page}');
    // The fragment's title is an h2 under the page's h1; the file's is its h1.
    expect(file).toMatch(/<h1 class="doc-title"/);
    expect(fragment).toMatch(/<h2 class="doc-title"/);
    expect(fragment).not.toContain('<h1');
  });
});

describe('documentHtml odd input', () => {
  it('SER106 an annex reference with odd characters is made a safe id, and a missing target is not linked', () => {
    const doc = fixtureDocument('en');
    doc.annex[0]!.entries[0]!.ref = 'A.1.1" onclick="x';
    doc.footnotes[0]!.annex = ['A.1.1" onclick="x', 'A.9.9'];
    const html = documentHtml(doc, { standalone: false });
    expect(html).not.toContain('onclick="x');
    expect(html).toContain('id="A.1.1__onclick__x"');
    expect(html).toContain('href="#A.1.1__onclick__x"');
    expect(html).not.toContain('href="#A.9.9"');
    expect(html).toContain('<span dir="ltr">A.9.9</span>');
  });

  it('SER109 a later version lists its changes', () => {
    const html = documentHtml(fixtureDocument('en', 2), { standalone: false });
    expect(html).toContain('Changes in this version');
    expect(html).toContain('Paragraph 3 corrected.');
    expect(html).toContain('Version 2');
  });
});
