// The document's styles (SER110): scoped to `.infodoc` so the public page can embed the fragment,
// logical properties (margin-inline, text-align: start) so Arabic lays out right to left, tables
// that scroll inside their box rather than the page at 320 px, and print rules: the annex starts
// on a new page, links print as text, a heading never ends a page.
export const DOCUMENT_STYLE = `
.infodoc{line-height:1.55;overflow-wrap:anywhere}.infodoc [id]{scroll-margin-top:1rem}
.infodoc .title-block dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:0 0 1rem}
.infodoc .title-block dl div{display:contents}.infodoc dt{font-weight:600}.infodoc dd{margin:0}
.infodoc .doc-title{font-size:1.6rem;margin:.5rem 0}.infodoc h2{font-size:1.3rem;margin-top:2rem}.infodoc h3{font-size:1.1rem;margin-top:1.5rem}
.infodoc .version,.infodoc .attribution,.infodoc .facts{color:#444}
.infodoc .para{margin:.75rem 0;scroll-margin-top:1rem}.infodoc .para>p{margin:0}
.infodoc .num{display:inline-block;min-width:2.2em;font-weight:600;text-decoration:none;color:inherit}
.infodoc .num:hover,.infodoc .num:focus{text-decoration:underline;color:#0b57a4}
.infodoc ol.items{list-style:none;margin:.25rem 0 0;padding-inline-start:2.2em}.infodoc .letter{display:inline-block;min-width:2em}
.infodoc sup.fnref a{padding:0 .15em;font-weight:600}
.infodoc a{color:#0b57a4}.infodoc a:focus{outline:3px solid #f5a623;outline-offset:2px}
.infodoc :target{background:#fff6d6;outline:2px solid #f5a623;outline-offset:2px}
.infodoc [tabindex="-1"]:focus{outline:2px solid #f5a623}
.infodoc .footnotes{border-top:1px solid #bbb;margin-top:2rem;font-size:.95rem}
.infodoc .footnotes li,.infodoc .entry{scroll-margin-top:1rem;margin:.35rem 0}
.infodoc .back{padding:0 .3em}.infodoc .in-annex{display:block}
.infodoc .tables{display:flex;flex-wrap:wrap;gap:1rem}
.infodoc .table-box{max-width:100%;overflow-x:auto}.infodoc table{border-collapse:collapse;margin:.25rem 0}
.infodoc caption{font-weight:600;text-align:start;padding:.25rem 0}
.infodoc th,.infodoc td{border:1px solid #bbb;padding:.25rem .5rem;text-align:start;vertical-align:top;overflow-wrap:normal}
.infodoc thead th{background:#eef1f5}.infodoc tfoot th,.infodoc tfoot td{font-weight:600}
.infodoc .hidden-count{font-style:italic}
.infodoc ol.entries{list-style:none;padding:0}
.infodoc .entry{border-inline-start:3px solid #c9d3e0;padding-inline-start:.75rem;margin:1rem 0}
.infodoc .entry-head{margin:0;font-weight:600}.infodoc .kind{font-weight:400;color:#444}
.infodoc blockquote.said{margin:.25rem 0}.infodoc blockquote.said p{margin:.25rem 0}
.infodoc .credit{margin:.25rem 0;font-style:italic}
.infodoc .facts,.infodoc .results{list-style:none;padding:0;margin:.25rem 0;display:flex;flex-wrap:wrap;gap:.1rem 1rem;font-size:.92rem}
.infodoc .response{border-inline-start:3px solid #0b57a4;padding-inline-start:.6rem;margin:.4rem 0}
@media (max-width:30rem){.infodoc .title-block dl{display:block}.infodoc .title-block dd{margin:0 0 .3rem}}
@media print{
.infodoc{font-size:11pt}.infodoc a{color:inherit;text-decoration:none}
.infodoc .annex{break-before:page}.infodoc h2,.infodoc h3,.infodoc .entry-head{break-after:avoid}
.infodoc .entry,.infodoc tr,.infodoc .para{break-inside:avoid}.infodoc thead{display:table-header-group}
.infodoc .table-box{overflow:visible}.infodoc :target{background:none;outline:none}
}
`;

/** The standalone file's page: the document alone, printable on A4 as on a screen. */
export const STANDALONE_STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic","Noto Sans SC",sans-serif;color:#1a1a1a;background:#fff}
main{max-width:52rem;margin:0 auto;padding:1rem}
@page{size:A4;margin:2cm}
@media (max-width:30rem){.infodoc .title-block dl{display:block}.infodoc .title-block dd{margin:0 0 .3rem}}
@media print{main{max-width:none;padding:0}}
`;
