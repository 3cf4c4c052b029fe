// A frozen version as Markdown (SER8, SER96): numbered paragraphs "1.", sub-items "(a)",
// footnotes `[^n]`, the statistics and the annex as tables. People's words are escaped so a
// contribution cannot become a heading, a link or a table row of its own.
import type { FrozenBlock, FrozenInline, InformationDocument, SeriesStatistics } from '@open-talks/shared/series';
import { creditText, detailText, footnoteText, referenceInText, type DocumentWords } from './words.js';

/** Markdown's active characters escaped; line breaks kept as hard breaks. */
function escape(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|~])/g, '\\$1')
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/^(\s*)([#+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2'))
    .join('  \n');
}

/** In a table cell: one line, pipes escaped. */
function cell(text: string): string {
  return escape(text).replace(/ {2}\n/g, '<br>');
}

function inline(content: readonly FrozenInline[], words: DocumentWords): string {
  return content.map((c) => (c.kind === 'text' ? escape(c.text) : `${escape(referenceInText(c, words))}[^${c.number}]`)).join('');
}

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.map(cell).join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`), ''];
}

export function statisticsTables(stats: SeriesStatistics, words: DocumentWords): { title: string; head: string[]; rows: string[][] }[] {
  const count = (n: number | null) => (n === null ? words.t('notShown') : String(n));
  return [
    {
      title: words.t('statistics'),
      head: [words.t('session'), words.t('format'), words.t('people'), words.t('contributions')],
      rows: [
        ...stats.sessions.map((s) => [s.title, words.raw(`words.format.${s.format}`), String(s.people), String(s.contributions)]),
        [words.t('total'), '', String(stats.total.people), String(stats.total.contributions)],
      ],
    },
    { title: words.t('byGroup'), head: [words.t('group'), words.t('people')], rows: Object.entries(stats.byGroup).map(([g, n]) => [words.raw(`words.group.${g}`), count(n)]) },
    { title: words.t('byMode'), head: [words.t('mode'), words.t('people')], rows: Object.entries(stats.byMode).map(([m, n]) => [words.raw(`words.mode.${m}`), String(n)]) },
    {
      title: words.t('byLanguage'),
      head: [words.t('language'), words.t('people')],
      rows: Object.entries(stats.byLanguage).map(([l, n]) => [words.raw(`words.languageName.${l}`), count(n)]),
    },
  ];
}

function block(b: FrozenBlock, words: DocumentWords): string[] {
  switch (b.kind) {
    case 'heading':
      return [`${'#'.repeat(b.level + 1)} ${inline(b.content, words)}`, ''];
    case 'paragraph': {
      // "12. " starts a list item at 12 (CommonMark keeps the start); the items are its indented lines.
      const head = `${b.number}. `;
      const indent = ' '.repeat(head.length);
      const items = b.items.map((i) => `${indent}(${i.letter}) ${inline(i.content, words)}  `);
      return [`${head}<a id="${b.anchor}"></a>${inline(b.content, words)}${items.length ? '  ' : ''}`, ...items, ''];
    }
    case 'stats':
      return statisticsTables(b.statistics, words).flatMap((t) => [`**${escape(t.title)}**`, '', ...table(t.head, t.rows)]);
    case 'annex-list':
      return [...b.entries.map((e, i) => `- [${e.id} ${escape(e.title)}](#annex-${i + 1})`), ''];
    default:
      throw new Error(`unknown block ${JSON.stringify(b satisfies never)}`);
  }
}

export function renderDocumentMarkdown(doc: InformationDocument, words: DocumentWords): string {
  const tb = doc.titleBlock;
  const lines: string[] = [
    `# ${escape(tb.title || doc.series.title)}`,
    '',
    `**${words.t('symbol')}:** ${escape(tb.symbol)}  `,
    `**${words.t('date')}:** ${escape(tb.date)}  `,
    `**${words.t('originalLanguage')}:** ${escape(words.raw(`words.languageName.${doc.originalLanguage}`))}  `,
    `**${words.t('submittedBy')}:** ${escape(tb.submittedBy)}  `,
    `**${words.t('version', { version: doc.version })}**`,
    '',
  ];
  if (doc.changes) lines.push(`**${words.t('changes')}:** ${escape(doc.changes)}`, '');
  for (const b of doc.blocks) lines.push(...block(b, words));
  lines.push(`## ${words.t('annex')}`, '', escape(words.t('annexIntro')), '');
  doc.annex.forEach((section, index) => {
    const ref = `A.${index + 1}`;
    lines.push(
      `<a id="annex-${index + 1}"></a>`,
      '',
      `### ${escape(words.t('annexSection', { ref, session: section.sessionTitle, format: words.raw(`words.format.${section.format}`) }))}`,
      '',
    );
    if (section.entries.length === 0) {
      lines.push(escape(words.t('noContributions')), '');
      return;
    }
    lines.push(
      ...table(
        [words.t('ref'), words.t('contribution'), words.t('from'), words.t('details')],
        section.entries.map((e) => [e.ref, e.text, creditText(e.credit, words), detailText(e, words)]),
      ),
    );
  });
  if (doc.footnotes.length > 0) {
    lines.push(`## ${words.t('footnotes')}`, '');
    for (const f of doc.footnotes) lines.push(`[^${f.number}]: ${escape(footnoteText(f, words))}`);
    lines.push('');
  }
  return lines.join('\n');
}
