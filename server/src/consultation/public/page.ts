// The consultation's public page as plain HTML (CONS63–CONS65): readable on a weak link with scripts
// off; a few-KB script (live.ts) only refreshes the counts. Pure: the route gathers, this renders.
import { CONTRIBUTION_SORTS, RESPONSE_STATUSES, SCHEDULED_PHASES, type ConsultationConfig, type ConsultationPhase } from '@open-talks/shared/consultation';
import { LANGUAGES, RTL_LANGUAGES, STAKEHOLDER_GROUPS, isNobody, type Attribution, type Language, type Translate } from '@open-talks/shared';
import type { ContentRef, Shown } from '@open-talks/shared';
import type { CommentView, ContributionView } from '@open-talks/shared/protocol';
import { esc, option, paragraphs, select, STYLE } from './html.js';
import { linkQuery, PAGE_SIZE, type PageQuery } from './query.js';

export interface PageData {
  slug: string;
  sessionId: string;
  title: string;
  attribution: Attribution;
  config: ConsultationConfig;
  phase: ConsultationPhase;
  counts: Map<string, { contributions: number; comments: number; supports: number }>;
  themes: string[];
  items: ContributionView[];
  total: number;
  comments: Map<string, CommentView[]>;
  /** An organiser's text in the reader's version (LANG72): the title, background, questions, responses. */
  shown: (ref: ContentRef, text: string) => Shown;
}

export const LIVE_SCRIPT_PATH = '/c-live.js';

/** `lang="…" dir="…"` of what is shown (LANG55). */
function langAttrs(shown: Shown): string {
  return ` lang="${esc(shown.language)}" dir="${shown.dir}"`;
}

/** "Translated from English" under a version (LANG56); nothing under an original. */
function mark(t: Translate, shown: Shown, reader: Language): string {
  if (shown.kind !== 'translation') return '';
  let from = shown.originalLanguage;
  try {
    from = new Intl.DisplayNames([reader], { type: 'language' }).of(shown.originalLanguage) ?? from;
  } catch {
    // An odd tag: its code is name enough.
  }
  const parts = [t('translated.from', { language: from }), ...(shown.outdated ? [t('translated.outdated')] : [])];
  return `<p class="muted translated">${esc(parts.join(' · '))}</p>`;
}

function date(language: Language, at: number): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(at);
}

function who(t: Translate, credit: ContributionView['author']): string {
  if (isNobody(credit)) return '';
  const parts = [credit.displayName, credit.stakeholderGroup && t(`words.group.${credit.stakeholderGroup}`)].filter(Boolean);
  return t('consultPublic.by', { who: parts.join(', ') });
}

function origin(t: Translate, c: ContributionView): string {
  const o = c.origin;
  if (!o) return '';
  const text =
    o.format === 'townhall'
      ? t('consultPublic.origin.townhall', { title: o.sessionTitle })
      : o.table !== null && o.round !== null
        ? t('consultPublic.origin.cafeTable', { title: o.sessionTitle, table: o.table, round: o.round })
        : t('consultPublic.origin.cafe', { title: o.sessionTitle });
  return `<p class="origin muted">${esc(text)}</p>`;
}

function comment(t: Translate, c: CommentView): string {
  const by = who(t, c.author);
  return `<li><strong>${esc(t(`consultPublic.stance.${c.stance}`))}</strong>${by ? ` <span class="muted">${esc(by)}</span>` : ''}${paragraphs(c.text)}</li>`;
}

function contribution(t: Translate, language: Language, data: PageData, c: ContributionView): string {
  const by = who(t, c.author);
  const meta = [by, date(language, c.createdAt), t('consultPublic.writtenIn', { language: t(`words.languageName.${c.language}`) })].filter(Boolean).join(' · ');
  const comments = data.comments.get(c.id) ?? [];
  const answer = c.response && data.shown({ kind: 'official-response', id: c.response.id, field: 'text' }, c.response.text);
  const response =
    c.response && answer
      ? `<div class="response"><p><strong>${esc(t('consultPublic.response', { status: t(`consultPublic.responseStatus.${c.response.status}`) }))}</strong></p>${paragraphs(answer.text, answer.language)}${mark(t, answer, language)}</div>`
      : '';
  const themes = c.themes.length
    ? `<p>${esc(t('consultPublic.themes', { themes: '' }))}${c.themes.map((th) => `<span class="tag" dir="auto">${esc(th)}</span>`).join('')}</p>`
    : '';
  const thread = comments.length
    ? `<details class="comments"><summary>${esc(t('consultPublic.showComments', { count: comments.length }))}</summary><ol>${comments.map((m) => comment(t, m)).join('')}</ol></details>`
    : '';
  return `<li><article class="card" id="c-${esc(c.id)}" data-id="${esc(c.id)}" aria-labelledby="t-${esc(c.id)}">
<h3 id="t-${esc(c.id)}" dir="auto" lang="${esc(c.language)}">${esc(c.title)}</h3>
<p class="muted">${esc(meta)}</p>${origin(t, c)}${paragraphs(c.text, c.language)}${themes}
<p class="counts"><span data-count="supports">${esc(t('consultPublic.supports', { count: c.supports }))}</span> <span data-count="comments">${esc(t('consultPublic.comments', { count: c.comments }))}</span> <span>${esc(t('consultPublic.stances', c.stances))}</span></p>
${response}${thread}</article></li>`;
}

function filters(t: Translate, data: PageData, q: PageQuery, language: Language): string {
  const any = option('', t('consultPublic.any'), '');
  const questions = data.config.questions.map((qu) => option(qu.id, qu.text, q.question)).join('');
  const themes = data.themes.map((th) => option(th, th, q.theme)).join('');
  const groups = STAKEHOLDER_GROUPS.map((g) => option(g, t(`words.group.${g}`), q.group)).join('');
  const languages = LANGUAGES.map((l) => option(l, t(`words.languageName.${l}`), q.language)).join('');
  const statuses = [...RESPONSE_STATUSES.map((s) => option(s, t(`consultPublic.responseStatus.${s}`), q.status)), option('none', t('consultPublic.noResponse'), q.status)].join('');
  const sorts = CONTRIBUTION_SORTS.map((s) => option(s, t(`consultPublic.sorts.${s}`), q.sort)).join('');
  return `<section aria-labelledby="h-filters"><h2 id="h-filters">${esc(t('consultPublic.filters'))}</h2>
<form class="filters" method="get" action="/c/${esc(data.slug)}" role="search">
<input type="hidden" name="lang" value="${esc(language)}">
<p class="field"><label for="f-q">${esc(t('consultPublic.words'))}</label><input id="f-q" type="search" name="q" value="${esc(q.q)}" maxlength="200"></p>
${select('question', t('consultPublic.question'), any + questions)}
${data.themes.length ? select('theme', t('consultPublic.theme'), any + themes) : ''}
${data.attribution === 'anonymous' ? '' : select('group', t('consultPublic.group'), any + groups)}
${select('language', t('consultPublic.language'), any + languages)}
${select('status', t('consultPublic.status'), any + statuses)}
${select('sort', t('consultPublic.sort'), sorts)}
${q.sort === 'random' ? `<input type="hidden" name="seed" value="${q.seed}">` : ''}
<p class="field"><button type="submit">${esc(t('consultPublic.apply'))}</button></p>
<p class="field"><a href="/c/${esc(data.slug)}?lang=${esc(language)}">${esc(t('consultPublic.reset'))}</a></p>
</form></section>`;
}

function paging(t: Translate, data: PageData, q: PageQuery): string {
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  if (pages <= 1) return '';
  const href = (page: number) => `/c/${esc(data.slug)}${esc(linkQuery(q, { page }))}`;
  const items = [
    q.page > 1 ? `<li><a rel="prev" href="${href(q.page - 1)}">${esc(t('consultPublic.previous'))}</a></li>` : '',
    `<li aria-current="page">${esc(t('consultPublic.page', { page: q.page, pages }))}</li>`,
    q.page < pages ? `<li><a rel="next" href="${href(q.page + 1)}">${esc(t('consultPublic.next'))}</a></li>` : '',
  ];
  return `<nav class="pages" aria-label="${esc(t('consultPublic.pages'))}"><ul>${items.join('')}</ul></nav>`;
}

function schedule(t: Translate, data: PageData, language: Language): string {
  const rows = SCHEDULED_PHASES.map((p) => {
    const at = data.config.schedule[p];
    const phase = t(`consultPublic.phases.${p}`);
    return `<li>${esc(at === null ? t('consultPublic.byHand', { phase }) : t('consultPublic.dateFrom', { phase, date: date(language, at) }))}</li>`;
  });
  return `<h2>${esc(t('consultPublic.dates'))}</h2><ul>${rows.join('')}</ul>`;
}

export function renderPage(data: PageData, q: PageQuery, language: Language, t: Translate): string {
  const dir = RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
  const langs = LANGUAGES.map((l) =>
    l === language
      ? `<li><a href="/c/${esc(data.slug)}${esc(linkQuery(q, { lang: l }))}" lang="${l}" aria-current="true">${esc(translatedName(l))}</a></li>`
      : `<li><a href="/c/${esc(data.slug)}${esc(linkQuery(q, { lang: l }))}" lang="${l}" hreflang="${l}">${esc(translatedName(l))}</a></li>`,
  ).join('');
  const questions = data.config.questions
    .map((qu) => {
      const c = data.counts.get(qu.id) ?? { contributions: 0, comments: 0, supports: 0 };
      const title = data.shown({ kind: 'consultation-question', id: qu.id, field: 'title' }, qu.text);
      const text = qu.description ? data.shown({ kind: 'consultation-question', id: qu.id, field: 'text' }, qu.description) : null;
      return `<li><a href="/c/${esc(data.slug)}${esc(linkQuery(q, { question: qu.id, page: 1 }))}"${langAttrs(title)}>${esc(title.text)}</a>${mark(t, title, language)}${text ? paragraphs(text.text, text.language) + mark(t, text, language) : ''}<p class="muted">${esc(t('consultPublic.questionCounts', c))}</p></li>`;
    })
    .join('');
  const title = data.shown({ kind: 'consultation', id: data.sessionId, field: 'title' }, data.title);
  const background = data.shown({ kind: 'consultation', id: data.sessionId, field: 'background' }, data.config.settings.background);
  const list = data.items.length
    ? `<ol class="contributions">${data.items.map((c) => contribution(t, language, data, c)).join('')}</ol>`
    : `<p class="muted">${esc(t('consultPublic.none'))}</p>`;
  return `<!doctype html>
<html lang="${language}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title.text)}</title><style>${STYLE}</style><script src="${LIVE_SCRIPT_PATH}" defer></script></head>
<body><a class="skip" href="#results">${esc(t('consultPublic.skip'))}</a>
<header><nav class="langs" aria-label="${esc(t('consultPublic.languages'))}"><ul>${langs}</ul></nav>
<p class="muted">${esc(t('consultPublic.published'))}</p><h1${langAttrs(title)}>${esc(title.text)}</h1>${mark(t, title, language)}
<p><strong>${esc(t('consultPublic.phase', { phase: t(`consultPublic.phases.${data.phase}`) }))}</strong></p></header>
<main data-slug="${esc(data.slug)}">
${background.text.trim() ? `<h2>${esc(t('consultPublic.background'))}</h2>${paragraphs(background.text, background.language)}${mark(t, background, language)}` : ''}
${schedule(t, data, language)}
<h2>${esc(t('consultPublic.questions'))}</h2><ol>${questions}</ol>
${filters(t, data, q, language)}
<section id="results" aria-labelledby="h-results" tabindex="-1"><h2 id="h-results">${esc(t('consultPublic.found', { count: data.total }))}</h2>
<p class="muted">${esc(t('consultPublic.live'))}</p>
${list}${paging(t, data, q)}</section></main></body></html>`;
}

/** Each language's own name in the switcher (a reader of it finds it whatever the page's language). */
const OWN_NAMES: Record<Language, string> = { ar: 'العربية', zh: '中文', en: 'English', fr: 'Français', ru: 'Русский', es: 'Español' };
function translatedName(language: Language): string {
  return OWN_NAMES[language];
}
