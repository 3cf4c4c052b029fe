// The record → blocks, with headings in the requested language (REC11). Everything a person wrote
// goes into blocks as plain text; each renderer (Markdown, HTML, DOCX on the server, React on the
// public page) escapes it for its own format (REC12).
import { directionOf } from '../content/language-tag.js';
import { textDirection } from './direction.js';
import { MODES, STAKEHOLDER_GROUPS } from '../words.js';
import type { Block, ListItem } from './blocks.js';
import { consultationOutline } from './outline-consultation.js';
import { creditText, formatDuration, formatRecordDate, formatRecordTime } from './formats.js';
import type { RecordLabels } from './labels.js';
import type { Credit, RecordCafe, RecordHubs, RecordIdea, RecordPoll, RecordPollSummary, RecordTownhall, SessionRecordDocument } from './types.js';

function credit(l: RecordLabels, c: Credit): string {
  return creditText(c, l.group, (hub) => hubText(l, hub));
}

/** A hub's credit as the attribution left it (HUB41): name and place under `named`, else the headcount alone. */
function hubText(l: RecordLabels, hub: NonNullable<Credit['hub']>): string {
  return hub.name !== null ? l.t('hubCredit', { name: hub.name, place: hub.place ?? '', headcount: hub.headcount }) : l.t('hubCreditCount', { headcount: hub.headcount });
}

/** HUB40: the hubs that took part, as much as the attribution lets the record say. */
function hubs(l: RecordLabels, h: RecordHubs): Block[] {
  const out: Block[] = [
    { kind: 'heading', level: 2, text: l.t('hubs') },
    { kind: 'paragraph', text: l.t('hubsTookPart', { hubs: h.count, people: h.people }) },
  ];
  if (h.list) {
    out.push({
      kind: 'table',
      head: [l.t('hub'), l.t('place'), l.t('headcount'), l.t('groupsPresent')],
      rows: h.list.map((hub) => [hub.name, hub.place, String(hub.headcount), hub.groups.map(l.group).join(', ')]),
    });
  }
  if (h.byGroup) {
    const rows = STAKEHOLDER_GROUPS.flatMap((g) => (h.byGroup?.[g] === undefined ? [] : [[l.group(g), String(h.byGroup[g])]]));
    if (rows.length) out.push({ kind: 'table', head: [l.t('byGroup'), l.t('hubs')], rows });
    out.push({ kind: 'paragraph', text: l.t('hubGroupsHint'), muted: true });
  }
  return out;
}

/** A key idea with its language when known (MT50), so each format can mark the words as in it. */
function idea(l: RecordLabels, i: RecordIdea): string | ListItem {
  const by = credit(l, i.credit);
  const note = [by && `— ${by}`, i.marked && `(${l.t('marked')})`].filter(Boolean).join(' ');
  if (i.language === null) return [i.text, note].filter(Boolean).join(' ');
  // Its letters' direction, the language's when it has none: the language is often the author's by default (IDEA6).
  return { text: i.text, lang: i.language, dir: textDirection(i.text, directionOf(i.language)), note };
}

/** A group's count, or "not shown" where `anonymous` leaves it out (REC1, ATTR5). */
function groupCount(l: RecordLabels, count: number | null): string {
  return count === null ? l.notShown() : String(count);
}

function header(l: RecordLabels, r: SessionRecordDocument): Block[] {
  return [
    { kind: 'heading', level: 1, text: r.session.title },
    {
      kind: 'facts',
      rows: [
        [l.t('date'), formatRecordDate(r.session.date)],
        [l.t('format'), l.format(r.session.format)],
        [l.t('languages'), r.session.languages.map(l.languageName).join(', ')],
        [l.t('attribution'), l.attribution(r.session.attribution)],
      ],
    },
    { kind: 'paragraph', text: l.t('generated', { time: formatRecordTime(r.generatedAt) }), muted: true },
    // A consultation has no rapporteurs' notepad: its record has no synthesis section.
    ...(r.consultation
      ? []
      : ([
          { kind: 'heading', level: 2, text: l.t('synthesis') },
          r.synthesis.trim() ? { kind: 'verbatim', text: r.synthesis } : { kind: 'paragraph', text: l.t('noSynthesis'), muted: true },
        ] satisfies Block[])),
    { kind: 'heading', level: 2, text: l.t('attendance') },
    {
      kind: 'table',
      head: [l.t('byGroup'), l.t('people')],
      rows: [...STAKEHOLDER_GROUPS.map((g) => [l.group(g), groupCount(l, r.attendance.byGroup[g])]), [l.t('total'), String(r.attendance.total)]],
    },
    { kind: 'table', head: [l.t('byMode'), l.t('people')], rows: MODES.map((m) => [l.mode(m), String(r.attendance.byMode[m])]) },
    ...(r.hubs ? hubs(l, r.hubs) : []),
  ];
}

/** NOTE20: the notes' language and direction, when known. */
function written(language: string | null): { lang?: string; dir?: 'ltr' | 'rtl' } {
  return language ? { lang: language, dir: directionOf(language) } : {};
}

function cafe(l: RecordLabels, c: RecordCafe): Block[] {
  const out: Block[] = [];
  for (const round of c.rounds) {
    out.push({ kind: 'heading', level: 2, text: l.t('round', { number: round.number }) }, { kind: 'labelled', label: l.t('question'), text: round.question });
    for (const table of round.tables) {
      out.push({ kind: 'heading', level: 3, text: table.label });
      if (!table.notes.trim() && table.ideas.length === 0) out.push({ kind: 'paragraph', text: l.t('empty'), muted: true });
      if (table.ideas.length > 0) out.push({ kind: 'heading', level: 4, text: l.t('keyIdeas') }, { kind: 'list', items: table.ideas.map((i) => idea(l, i)) });
      if (table.notes.trim()) out.push({ kind: 'heading', level: 4, text: l.t('notes') }, { kind: 'verbatim', text: table.notes, ...written(table.notesLanguage) });
    }
  }
  out.push({ kind: 'heading', level: 2, text: l.t('harvest') });
  const themes = [...c.harvest.themes, ...(c.harvest.unthemed.length ? [{ name: l.t('unthemed'), ideas: c.harvest.unthemed }] : [])];
  if (themes.length === 0) out.push({ kind: 'paragraph', text: l.t('empty'), muted: true });
  for (const theme of themes) out.push({ kind: 'heading', level: 3, text: theme.name }, { kind: 'list', items: theme.ideas.map((i) => idea(l, i)) });
  return out;
}

function summaryTable(l: RecordLabels, s: RecordPollSummary): Block[] {
  const out: Block[] = [{ kind: 'paragraph', text: l.t('answers', { count: s.ballots }) }];
  if (s.options) out.push({ kind: 'table', head: [l.t('option'), l.t('count')], rows: s.options.map((o) => [o.label, String(o.count)]) });
  if (s.rating) {
    if (s.rating.average !== null) out.push({ kind: 'paragraph', text: l.t('average', { value: s.rating.average.toFixed(2) }) });
    out.push({ kind: 'table', head: [l.t('rating'), l.t('count')], rows: s.rating.distribution.map((d) => [String(d.value), String(d.count)]) });
  }
  if (s.words) out.push({ kind: 'table', head: [l.t('word'), l.t('count')], rows: s.words.map((w) => [w.word, String(w.count)]) });
  return out;
}

function poll(l: RecordLabels, p: RecordPoll): Block[] {
  const out: Block[] = [{ kind: 'heading', level: 3, text: p.question }, { kind: 'heading', level: 4, text: l.t('overall') }, ...summaryTable(l, p.overall)];
  for (const g of p.byGroup) out.push({ kind: 'heading', level: 4, text: l.group(g.group) }, ...summaryTable(l, g.summary));
  return out;
}

function townhall(l: RecordLabels, th: RecordTownhall, attribution: SessionRecordDocument['session']['attribution']): Block[] {
  const out: Block[] = [{ kind: 'heading', level: 2, text: l.t('agenda') }];
  out.push(
    th.agenda.length
      ? {
          kind: 'table',
          head: [l.t('item'), l.t('timeBox'), l.t('started'), l.t('ended')],
          rows: th.agenda.map((a) => [a.title, formatDuration(a.durationMs), a.startedAt ? formatRecordTime(a.startedAt) : '', a.endedAt ? formatRecordTime(a.endedAt) : '']),
        }
      : { kind: 'paragraph', text: l.t('empty'), muted: true },
  );
  const creditHead = attribution === 'anonymous' ? [] : [attribution === 'named' ? l.t('author') : l.t('group')];
  const creditCell = (c: Credit) => (attribution === 'anonymous' ? [] : [credit(l, c)]);
  out.push({ kind: 'heading', level: 2, text: l.t('questions') });
  out.push(
    th.questions.length
      ? {
          kind: 'table',
          head: [l.t('number'), l.t('question'), l.t('votes'), l.t('status'), ...creditHead],
          rows: th.questions.map((q) => [String(q.number), q.text, String(q.votes), l.questionStatus(q.status, q.mergedInto), ...creditCell(q.credit)]),
        }
      : { kind: 'paragraph', text: l.t('empty'), muted: true },
  );
  out.push({ kind: 'heading', level: 2, text: l.t('polls') });
  if (th.polls.length === 0) out.push({ kind: 'paragraph', text: l.t('empty'), muted: true });
  for (const p of th.polls) out.push(...poll(l, p));
  out.push({ kind: 'heading', level: 2, text: l.t('speakers') });
  out.push(
    th.speakers.length
      ? {
          kind: 'table',
          head: [l.t('time'), ...(attribution === 'anonymous' ? [] : [l.t('speaker')]), l.t('topic'), l.t('duration')],
          rows: th.speakers.map((s) => [
            formatRecordTime(s.startedAt),
            ...(attribution === 'anonymous' ? [] : [[credit(l, s.credit), s.mode ? l.mode(s.mode) : ''].filter(Boolean).join(', ')]),
            s.topic ?? '',
            s.durationMs === null ? l.t('speaking') : formatDuration(s.durationMs),
          ]),
        }
      : { kind: 'paragraph', text: l.t('empty'), muted: true },
  );
  out.push({ kind: 'heading', level: 2, text: l.t('transcript') });
  if (th.transcript.length === 0) out.push({ kind: 'paragraph', text: l.t('empty'), muted: true });
  // One stream per language (CAPS20), its lines marked with their language and direction (CAPS21).
  const names = languageNames(l.language);
  for (const stream of th.transcript) {
    out.push({ kind: 'heading', level: 3, text: `${names(stream.language)} (${stream.language})` });
    out.push({ kind: 'list', items: stream.lines.map((c) => `${formatRecordTime(c.at)} — ${c.text}`), lang: stream.language, dir: stream.dir });
  }
  return out;
}

function annex(l: RecordLabels, r: SessionRecordDocument): Block[] {
  const a = r.session.attribution;
  // A hub column only where hubs took part and the attribution credits them (HUB41).
  const withHubs = r.hubs !== undefined && a !== 'anonymous';
  const head = [
    l.t('number'),
    l.t('type'),
    l.t('roundColumn'),
    l.t('table'),
    l.t('text'),
    ...(a === 'anonymous' ? [] : [l.t('group')]),
    ...(a === 'named' ? [l.t('author')] : []),
    ...(withHubs ? [l.t('hub')] : []),
    l.t('votes'),
    l.t('time'),
  ];
  const rows = r.contributions.map((c) => [
    String(c.number),
    l.contributionType(c.type),
    c.round === null ? '' : String(c.round),
    c.table ?? '',
    c.text,
    ...(a === 'anonymous' ? [] : [c.credit.group ? l.group(c.credit.group) : '']),
    ...(a === 'named' ? [c.credit.name ?? ''] : []),
    ...(withHubs ? [c.credit.hub ? hubText(l, c.credit.hub) : ''] : []),
    c.votes === null ? '' : String(c.votes),
    c.at === null ? '' : formatRecordTime(c.at),
  ]);
  return [
    { kind: 'heading', level: 2, text: l.t('annex') },
    { kind: 'paragraph', text: l.t('annexHint'), muted: true },
    rows.length ? { kind: 'table', head, rows } : { kind: 'paragraph', text: l.t('empty'), muted: true },
  ];
}

export function outline(record: SessionRecordDocument, labels: RecordLabels): Block[] {
  if (record.consultation) return [...header(labels, record), ...consultationOutline(labels, record.consultation, record.session.attribution)];
  return [
    ...header(labels, record),
    ...(record.cafe ? cafe(labels, record.cafe) : []),
    ...(record.townhall ? townhall(labels, record.townhall, record.session.attribution) : []),
    ...annex(labels, record),
  ];
}

/** A language's name in the record's language ("français" in a French record), or its tag. */
function languageNames(recordLanguage: string): (tag: string) => string {
  try {
    const names = new Intl.DisplayNames([recordLanguage], { type: 'language' });
    return (tag) => names.of(tag) ?? tag;
  } catch {
    return (tag) => tag;
  }
}
