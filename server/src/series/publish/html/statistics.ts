// The participation tables (SER105): frozen with the version. A group of fewer than 3 people is
// stored as null and shown as "fewer than 3", never as a number (SER2, SER6).
import { LANGUAGES, MODES, SESSION_FORMATS, STAKEHOLDER_GROUPS } from '@open-talks/shared';
import type { SeriesStatistics } from '@open-talks/shared/series';
import { esc } from './escape.js';
import type { DocumentWords } from './words.js';

function count(value: number | null, words: DocumentWords): string {
  return value === null ? `<span class="hidden-count">${esc(words.w('fewerThan3'))}</span>` : esc(value);
}

function table(caption: string, head: string[], rows: string[][], foot?: string[]): string {
  const th = head.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  // The first cell of each row names it: a row header for screen readers.
  const tr = (cells: string[]) =>
    `<tr><th scope="row">${cells[0]}</th>${cells
      .slice(1)
      .map((c) => `<td>${c}</td>`)
      .join('')}</tr>`;
  // The box scrolls sideways on a narrow screen (never the page); focusable so a keyboard can scroll it.
  return `<div class="table-box" role="region" tabindex="0" aria-label="${esc(caption)}"><table><caption>${esc(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${rows.map(tr).join('')}</tbody>${foot ? `<tfoot>${tr(foot)}</tfoot>` : ''}</table></div>`;
}

export function statistics(stats: SeriesStatistics, words: DocumentWords): string {
  const { w, t } = words;
  const sessions = table(
    w('bySession'),
    [w('session'), w('format'), w('people'), w('contributions')],
    stats.sessions.map((s) => [`<bdi>${esc(s.title)}</bdi>`, esc(t(`words.format.${s.format}`)), esc(s.people), esc(s.contributions)]),
    [esc(w('total')), '', esc(stats.total.people), esc(stats.total.contributions)],
  );
  const formats = table(
    w('byFormat'),
    [w('format'), w('people'), w('contributions')],
    SESSION_FORMATS.map((f) => [esc(t(`words.format.${f}`)), esc(stats.peopleByFormat[f] ?? 0), esc(stats.contributionsByFormat[f] ?? 0)]),
  );
  const groups = table(
    w('byGroup'),
    [w('group'), w('people')],
    STAKEHOLDER_GROUPS.map((g) => [esc(t(`words.group.${g}`)), count(stats.byGroup[g] === undefined ? 0 : stats.byGroup[g], words)]),
  );
  const modes = table(
    w('byMode'),
    [w('mode'), w('people')],
    MODES.map((m) => [esc(t(`words.mode.${m}`)), esc(stats.byMode[m] ?? 0)]),
  );
  const languages = table(
    w('byLanguage'),
    [w('language'), w('people')],
    LANGUAGES.filter((l) => stats.byLanguage[l] !== 0 && stats.byLanguage[l] !== undefined).map((l) => [
      `<span lang="${l}">${esc(t(`words.languageName.${l}`))}</span>`,
      count(stats.byLanguage[l], words),
    ]),
  );
  return `<section class="statistics"><${words.h(1)}>${esc(w('statistics'))}</${words.h(1)}><div class="tables">${sessions}${formats}${groups}${modes}${languages}</div></section>`;
}
