// The lite pages' HTML (LITE1–LITE49, docs/lite.md): plain strings, no script, one small style.
// Everything a person or an organiser wrote, and every translated string, goes through `esc`;
// attributes are always double-quoted. Pure: the routes gather, these render.
import { RTL_LANGUAGES, type Language } from '@open-talks/shared';
import type { Shown } from '@open-talks/shared';
import { esc } from '../consultation/public/html.js';

export { esc };

/** Small on purpose (LITE4): a 2G link pays for every byte of every refresh. */
const STYLE =
  'body{margin:0 auto;max-width:40rem;padding:0 .5rem;font:16px/1.4 sans-serif;color:#111;background:#fff}' +
  'a{color:#0645ad}:focus{outline:3px solid #c60}.skip{position:absolute;left:-999px}.skip:focus{position:static}' +
  'h1{font-size:1.3rem}h2{font-size:1.1rem;margin:1rem 0 .3rem}ul,ol{padding-inline-start:1.2rem}' +
  'input,select,textarea,button{font:inherit;max-width:100%}textarea{width:100%}button{padding:.2rem .6rem}' +
  'form.i{display:inline}.m{color:#444}.e{color:#900;font-weight:bold}.ok{color:#060;font-weight:bold}' +
  'fieldset{border:1px solid #999;margin:.5rem 0}li{margin:.3rem 0}';

export interface Layout {
  language: Language;
  title: string;
  /** Seconds between automatic reloads; absent on pages with a form being typed (LITE9). */
  refresh?: { seconds: number; url: string };
  /** The skip link's label. */
  skip: string;
  body: string;
}

export function page({ language, title, refresh, skip, body }: Layout): string {
  const dir = RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
  const meta = refresh ? `<meta http-equiv="refresh" content="${refresh.seconds};url=${esc(refresh.url)}">` : '';
  return (
    `<!doctype html><html lang="${language}" dir="${dir}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">${meta}<title>${esc(title)}</title><style>${STYLE}</style></head>` +
    `<body><a class="skip" href="#main">${esc(skip)}</a><main id="main">${body}</main></body></html>`
  );
}

/** An organiser's or a person's text in the version picked for the reader, marked with its own language and direction (LITE20). */
export function shown(text: Shown, tag = 'span', id?: string): string {
  return `<${tag}${id ? ` id="${esc(id)}"` : ''} lang="${esc(text.language)}" dir="${text.dir}">${esc(text.text)}</${tag}>`;
}

/** A person's text whose language we do not know: `dir="auto"` lets it read in its own direction. */
export function plain(text: string, tag = 'span', id?: string): string {
  return `<${tag}${id ? ` id="${esc(id)}"` : ''} dir="auto">${esc(text)}</${tag}>`;
}

export function hidden(name: string, value: string): string {
  return `<input type="hidden" name="${name}" value="${esc(value)}">`;
}

/** A note at the top of a page: an error (role="alert") or what just went through (role="status"). */
export function notice(kind: 'error' | 'done', text: string): string {
  return kind === 'error' ? `<p class="e" role="alert">${esc(text)}</p>` : `<p class="ok" role="status">${esc(text)}</p>`;
}
