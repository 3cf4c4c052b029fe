// The series' public page as plain HTML (SER114–SER118): the series, its sessions with their
// public records, the versions, and the shown version's document (the fragment of render.ts). No
// script: footnotes, permalinks and the language switcher are links. Pure: the route gathers.
import { RTL_LANGUAGES, type Language, type Translate } from '@open-talks/shared';
import type { PublicSeriesView } from '../publication.js';
import { esc, personText } from './escape.js';
import { documentHtml, DOCUMENT_STYLE } from './render.js';

/** Each language's own name (a reader of it finds it whatever the page's language). */
const OWN_NAMES: Record<Language, string> = { ar: 'العربية', zh: '中文', en: 'English', fr: 'Français', ru: 'Русский', es: 'Español' };

const PAGE_STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic","Noto Sans SC",sans-serif;color:#1a1a1a;background:#fafafa;overflow-wrap:anywhere}
main,header{max-width:52rem;margin:0 auto;padding:0 1rem}header{padding-top:1rem}
a{color:#0b57a4}a:focus,[tabindex="-1"]:focus{outline:3px solid #f5a623;outline-offset:2px}
.skip{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}.skip:focus{position:static;width:auto;height:auto;clip-path:none}
nav.langs ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
h1{font-size:1.7rem;margin:.25rem 0 .5rem}.page h2{font-size:1.3rem;margin-top:2rem}
.muted{color:#555}.sessions,.versions{padding-inline-start:1.25rem}.sessions li,.versions li{margin:.4rem 0}
.notice{background:#fff6d6;border:1px solid #e0c46c;border-radius:6px;padding:.5rem .75rem}
.doc{background:#fff;border:1px solid #ccc;border-radius:6px;padding:.5rem 1rem 1rem;margin:1.5rem 0}
@media (max-width:30rem){main,header{padding:0 .5rem}.doc{padding:.25rem .5rem .5rem}}
`;

export interface PageLinks {
  /** The page's own path, `/d/<slug>`. */
  path: string;
}

function href(path: string, params: { lang?: string; version?: number }): string {
  const q = new URLSearchParams();
  if (params.lang) q.set('lang', params.lang);
  if (params.version !== undefined) q.set('version', String(params.version));
  const s = q.toString();
  return `${path}${s ? `?${s}` : ''}`;
}

function date(language: Language, at: number): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(at);
}

/** Links keep the version only when an earlier one is being read (the latest is the default). */
function versionParam(view: PublicSeriesView): number | undefined {
  return view.version !== null && view.version !== view.versions[0]?.version ? view.version : undefined;
}

function languageSwitcher(view: PublicSeriesView, language: Language, t: Translate): string {
  const offered = view.languages.length ? view.languages : view.series.languages;
  if (offered.length < 2) return '';
  const version = versionParam(view);
  const items = offered.map((l) =>
    l === language
      ? `<li><a href="${esc(href(view.series.path, { lang: l, version }))}" lang="${l}" aria-current="true">${esc(OWN_NAMES[l])}</a></li>`
      : `<li><a href="${esc(href(view.series.path, { lang: l, version }))}" lang="${l}" hreflang="${l}">${esc(OWN_NAMES[l])}</a></li>`,
  );
  return `<nav class="langs" aria-label="${esc(t('seriesPublic.languages'))}"><ul>${items.join('')}</ul></nav>`;
}

function sessions(view: PublicSeriesView, language: Language, t: Translate): string {
  if (view.sessions.length === 0) return '';
  const items = view.sessions.map((s) => {
    const meta = t('seriesPublic.sessionMeta', { format: t(`words.format.${s.format}`), date: date(language, s.createdAt) });
    const record = s.publicPath ? `<a href="${esc(s.publicPath)}">${esc(t('seriesPublic.record'))}</a>` : `<span class="muted">${esc(t('seriesPublic.notPublished'))}</span>`;
    return `<li><strong dir="auto">${esc(s.title)}</strong> <span class="muted">(${esc(meta)})</span> · ${record}</li>`;
  });
  return `<section aria-labelledby="h-sessions"><h2 id="h-sessions">${esc(t('seriesPublic.sessions'))}</h2><ul class="sessions">${items.join('')}</ul></section>`;
}

function versions(view: PublicSeriesView, language: Language, t: Translate): string {
  if (view.versions.length === 0) return '';
  const latest = view.versions[0]!.version;
  const lang = view.document?.language;
  const items = view.versions.map((v) => {
    const label = t('seriesPublic.versionItem', { version: v.version, date: date(language, v.finalisedAt) });
    const link = `<a href="${esc(href(view.series.path, { lang, version: v.version === latest ? undefined : v.version }))}"${v.version === view.version ? ' aria-current="page"' : ''}>${esc(label)}</a>`;
    const marks = [v.version === latest ? t('seriesPublic.latest') : '', v.version === view.version ? t('seriesPublic.shown') : ''].filter(Boolean).join(', ');
    const changes = v.changes.trim() ? personText(v.changes, null) : `<p class="muted">${esc(t('seriesPublic.firstVersion'))}</p>`;
    return `<li>${link}${marks ? ` <span class="muted">(${esc(marks)})</span>` : ''}${changes}</li>`;
  });
  return `<section aria-labelledby="h-versions"><h2 id="h-versions">${esc(t('seriesPublic.versions'))}</h2><ol class="versions" reversed>${items.join('')}</ol></section>`;
}

function documentSection(view: PublicSeriesView, t: Translate): string {
  if (!view.document) return `<section id="document" tabindex="-1" aria-label="${esc(t('seriesPublic.document'))}"><p>${esc(t('seriesPublic.noDocument'))}</p></section>`;
  const latest = view.versions[0]?.version;
  const notices = [
    view.version !== latest
      ? `<p class="notice">${esc(t('seriesPublic.older', { version: view.version ?? '', latest: latest ?? '' }))} <a href="${esc(href(view.series.path, { lang: view.document.language }))}">${esc(t('seriesPublic.readLatest'))}</a></p>`
      : '',
    view.missingLanguage ? `<p class="notice">${esc(t('seriesPublic.notInLanguage', { language: OWN_NAMES[view.missingLanguage] }))}</p>` : '',
  ].join('');
  const printable = `<p><a href="${esc(href(`${view.series.path}/document.html`, { lang: view.document.language, version: versionParam(view) }))}">${esc(t('seriesPublic.printable'))}</a></p>`;
  return `<section id="document" class="doc" tabindex="-1" aria-label="${esc(t('seriesPublic.document'))}">${notices}${printable}${documentHtml(view.document, { standalone: false })}</section>`;
}

/** The whole page in `language` (the language of the document shown, or the one asked for). */
export function seriesPageHtml(view: PublicSeriesView, language: Language, t: Translate): string {
  const dir = RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
  const version = versionParam(view);
  const alternates = view.languages.map((l) => `<link rel="alternate" hreflang="${l}" href="${esc(href(view.series.path, { lang: l, version }))}">`).join('');
  return `<!doctype html>
<html lang="${language}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(view.series.title)}</title>${alternates}<style>${PAGE_STYLE}${DOCUMENT_STYLE}</style></head>
<body class="page"><a class="skip" href="#document">${esc(t('seriesPublic.skip'))}</a>
<header>${languageSwitcher(view, language, t)}
<p class="muted">${esc(t('seriesPublic.kicker'))}</p><h1 dir="auto">${esc(view.series.title)}</h1>${view.series.topic.trim() ? personText(view.series.topic, null) : ''}</header>
<main>
${sessions(view, language, t)}
${versions(view, language, t)}
${documentSection(view, t)}
</main></body></html>`;
}

/** "Not published" in the visitor's language: the same answer for a series that does not exist. */
export function notFoundHtml(language: Language, t: Translate): string {
  const text = t('seriesPublic.notFound');
  return `<!doctype html><html lang="${language}" dir="${RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(text)}</title><style>${PAGE_STYLE}</style></head><body><main><h1>${esc(text)}</h1></main></body></html>`;
}
