// A consultation's record → blocks (CONS68): background, phases with dates, per question its
// contributions (supports, comment stances, themes, responses) and opinion groups, statistics, and
// the annex of every contribution and comment word for word, each with its reference.
import type { Block } from './blocks.js';
import type { ConsultStatsRow, RecordConsultation, RecordConsultContribution, RecordConsultQuestion } from './consultation-types.js';
import { creditText, formatRecordDate, formatRecordTime } from './formats.js';
import type { RecordLabels } from './labels.js';
import type { Attribution } from '../words.js';

function origin(l: RecordLabels, c: RecordConsultContribution): string {
  const o = c.origin;
  if (!o) return '';
  if (o.format === 'townhall') return l.raw('consultPublic.origin.townhall', { title: o.sessionTitle });
  return o.table !== null && o.round !== null
    ? l.raw('consultPublic.origin.cafeTable', { title: o.sessionTitle, table: o.table, round: o.round })
    : l.raw('consultPublic.origin.cafe', { title: o.sessionTitle });
}

function contribution(l: RecordLabels, c: RecordConsultContribution): Block[] {
  const by = creditText(c.credit, l.group);
  const line = [by, formatRecordDate(c.at), l.languageName(c.language), origin(l, c)].filter(Boolean).join(' · ');
  const out: Block[] = [
    { kind: 'heading', level: 4, text: `${c.reference} ${c.title}` },
    { kind: 'paragraph', text: line, muted: true },
    { kind: 'verbatim', text: c.text },
    {
      kind: 'paragraph',
      text: `${l.c('supports', { count: c.supports })} · ${l.c('commentStances', { count: c.comments.length, ...c.stances })}`,
    },
  ];
  if (c.themes.length) out.push({ kind: 'labelled', label: l.c('themes'), text: c.themes.join(', ') });
  if (c.response) {
    out.push({ kind: 'paragraph', text: l.c('response', { status: l.raw(`consultPublic.responseStatus.${c.response.status}`) }) }, { kind: 'verbatim', text: c.response.text });
  }
  return out;
}

function question(l: RecordLabels, q: RecordConsultQuestion): Block[] {
  const out: Block[] = [
    { kind: 'heading', level: 2, text: l.c('question', { number: q.number }) },
    { kind: 'labelled', label: l.t('question'), text: q.text },
  ];
  if (q.description.trim()) out.push({ kind: 'verbatim', text: q.description });
  out.push({ kind: 'heading', level: 3, text: l.c('contributions') });
  if (q.contributions.length === 0) out.push({ kind: 'paragraph', text: l.c('noContributions'), muted: true });
  for (const c of q.contributions) out.push(...contribution(l, c));
  if (q.themes.length) {
    out.push({ kind: 'heading', level: 3, text: l.c('themes') }, { kind: 'table', head: [l.c('themes'), l.t('count')], rows: q.themes.map((th) => [th.name, String(th.count)]) });
  }
  if (q.opinions) {
    const o = q.opinions;
    out.push(
      { kind: 'heading', level: 3, text: l.c('opinions') },
      { kind: 'paragraph', text: l.c('opinionSummary', { answerers: o.answerers, groups: o.groups.length }) },
      {
        kind: 'table',
        head: [l.c('statement'), l.c('agree'), l.c('disagree'), l.c('pass'), l.c('kind')],
        rows: o.statements.map((s) => [s.text, String(s.tally.agree), String(s.tally.disagree), String(s.tally.pass), s.kind ? l.c(s.kind) : '']),
      },
    );
  }
  return out;
}

function statsTable<K extends string>(l: RecordLabels, head: string, rows: ConsultStatsRow<K>[], name: (key: K) => string): Block {
  const cell = (n: number | null) => (n === null ? l.notShown() : String(n));
  return {
    kind: 'table',
    head: [head, l.c('contributors'), l.c('contributionsColumn'), l.c('commentsColumn')],
    rows: rows.map((r) => [name(r.key), cell(r.contributors), cell(r.contributions), cell(r.comments)]),
  };
}

function annex(l: RecordLabels, c: RecordConsultation, attribution: Attribution): Block[] {
  const head = [
    l.c('reference'),
    l.t('question'),
    l.c('title'),
    l.t('text'),
    l.t('languages'),
    l.c('stance'),
    ...(attribution === 'anonymous' ? [] : [l.t('group')]),
    ...(attribution === 'named' ? [l.t('author')] : []),
    l.t('time'),
  ];
  const rows: string[][] = [];
  const credit = (cr: RecordConsultContribution['credit']) => [
    ...(attribution === 'anonymous' ? [] : [cr.group ? l.group(cr.group) : '']),
    ...(attribution === 'named' ? [cr.name ?? ''] : []),
  ];
  for (const q of c.questions) {
    for (const x of q.contributions) {
      rows.push([x.reference, String(q.number), x.title, x.text, l.languageName(x.language), '', ...credit(x.credit), formatRecordTime(x.at)]);
      for (const m of x.comments)
        rows.push([m.reference, String(q.number), '', m.text, l.languageName(m.language), l.raw(`consultPublic.stance.${m.stance}`), ...credit(m.credit), formatRecordTime(m.at)]);
    }
  }
  return [
    { kind: 'heading', level: 2, text: l.c('annex') },
    { kind: 'paragraph', text: l.c('annexHint'), muted: true },
    rows.length ? { kind: 'table', head, rows } : { kind: 'paragraph', text: l.t('empty'), muted: true },
  ];
}

export function consultationOutline(l: RecordLabels, c: RecordConsultation, attribution: Attribution): Block[] {
  const out: Block[] = [];
  if (c.background.trim()) out.push({ kind: 'heading', level: 2, text: l.c('background') }, { kind: 'verbatim', text: c.background });
  out.push(
    { kind: 'heading', level: 2, text: l.c('phases') },
    { kind: 'paragraph', text: l.c('now', { phase: l.raw(`consultPublic.phases.${c.phase}`) }) },
    {
      kind: 'table',
      head: [l.c('phase'), l.c('starts')],
      rows: c.schedule.map((s) => [l.raw(`consultPublic.phases.${s.phase}`), s.at === null ? l.c('byHand') : formatRecordDate(s.at)]),
    },
  );
  for (const q of c.questions) out.push(...question(l, q));
  const s = c.statistics;
  out.push(
    { kind: 'heading', level: 2, text: l.c('statistics') },
    {
      kind: 'paragraph',
      text: `${l.c('contributors')}: ${s.total.contributors} · ${l.c('contributionsColumn')}: ${s.total.contributions} · ${l.c('commentsColumn')}: ${s.total.comments}`,
    },
    { kind: 'heading', level: 3, text: l.c('byGroup') },
    statsTable(l, l.t('group'), s.byGroup, l.group),
    { kind: 'heading', level: 3, text: l.c('byLanguage') },
    statsTable(l, l.t('languages'), s.byLanguage, l.languageName),
  );
  return [...out, ...annex(l, c, attribution)];
}
