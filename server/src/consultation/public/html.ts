// Small HTML helpers for the server-rendered public page (CONS63): everything a person wrote, and
// every translated string, goes through `esc`; attributes are always double-quoted.

export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** A person's text as paragraphs (blank lines) and line breaks, escaped; `dir="auto"` so each reads in its own direction. */
export function paragraphs(text: string, lang?: string): string {
  const langAttr = lang ? ` lang="${esc(lang)}"` : '';
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p dir="auto"${langAttr}>${esc(p).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}

export function option(value: string, label: string, selected: string): string {
  return `<option value="${esc(value)}"${value === selected ? ' selected' : ''}>${esc(label)}</option>`;
}

export function select(name: string, label: string, options: string, id = `f-${name}`): string {
  return `<p class="field"><label for="${id}">${esc(label)}</label><select id="${id}" name="${name}">${options}</select></p>`;
}

export const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic","Noto Sans SC",sans-serif;color:#1a1a1a;background:#fafafa}
main,header,footer{max-width:52rem;margin:0 auto;padding:0 1rem}header{padding-top:1rem}
a{color:#0b57a4}a:focus,button:focus,select:focus,input:focus,summary:focus{outline:3px solid #f5a623;outline-offset:2px}
.skip{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}.skip:focus{position:static;width:auto;height:auto;clip-path:none}
nav.langs ul,nav.pages ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.25rem;margin-top:2rem}h3{font-size:1.05rem;margin:0 0 .25rem}
.muted{color:#555}.card{background:#fff;border:1px solid #ccc;border-radius:6px;padding:.75rem 1rem;margin:.75rem 0}
form.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;background:#fff;border:1px solid #ccc;border-radius:6px;padding:.75rem}
.field{margin:0;display:flex;flex-direction:column}label{font-size:.9rem}input,select,button{font:inherit;padding:.3rem .4rem;min-height:2.2rem}
button{background:#0b57a4;color:#fff;border:0;border-radius:4px;padding:.3rem 1rem}
.counts{display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.95rem}.response{border-inline-start:4px solid #0b57a4;padding-inline-start:.75rem;margin:.5rem 0}
.comments ol{padding-inline-start:1.25rem}.tag{display:inline-block;background:#eef;border-radius:3px;padding:0 .4rem;margin-inline-end:.25rem}
`;
