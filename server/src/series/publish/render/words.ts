// The exports' words in one language (namespace `seriesDocument.doc`, and the app's words for
// formats, groups, modes and languages), read from the catalogs like the record's (labels.ts).
import { RTL_LANGUAGES, type Credit, type Language } from '@open-talks/shared';
import { referenceWordsFrom, type AnnexEntry, type ReferenceWords } from '@open-talks/shared/series';
import { translator } from '../../../record/labels.js';

export interface DocumentWords {
  language: Language;
  rtl: boolean;
  /** `seriesDocument.doc.<key>` with its placeholders filled. */
  t(key: string, values?: Record<string, string | number>): string;
  /** Any catalog key (`words.format.cafe`). */
  raw(key: string, values?: Record<string, string | number>): string;
  reference: ReferenceWords;
}

export function documentWords(language: Language): DocumentWords {
  const translate = translator(language);
  return {
    language,
    rtl: RTL_LANGUAGES.has(language),
    t: (key, values) => translate(`seriesDocument.doc.${key}`, values),
    raw: translate,
    reference: referenceWordsFrom((key) => translate(key)),
  };
}

/** "Amal (Academia)", "Academia", or the dash: only what the annex entry's credit carries (SER2). */
export function creditText(credit: Credit, words: DocumentWords): string {
  const group = credit.group ? words.raw(`words.group.${credit.group}`) : null;
  if (credit.name && group) return `${credit.name} (${group})`;
  return credit.name ?? group ?? words.t('noCredit');
}

/** A question's or contribution's status in the document's language ("visible" reads "open"). */
function statusWord(status: string, words: DocumentWords): string {
  const key = `seriesDocument.html.statuses.${status}`;
  const said = words.raw(key);
  return said === key ? status : said;
}

/** An annex entry's facts in words: votes, supports, status, official response. */
export function detailText(entry: AnnexEntry, words: DocumentWords): string {
  const d = entry.detail;
  const parts: string[] = [];
  if (d.votes !== undefined) parts.push(words.t('votes', { count: d.votes }));
  if (d.supports !== undefined) parts.push(words.t('supports', { count: d.supports }));
  if (d.status) parts.push(words.t('status', { status: statusWord(d.status, words) }));
  if (d.response) parts.push(words.t('response', { text: d.response.text }));
  return parts.join('; ');
}

/**
 * What a reference says in the text, before its footnote mark: the quotation word for word, or its
 * summary in brackets, as the draft and the HTML show it (SER5: every format says the same).
 */
export function referenceInText(piece: { quote: string | null; label: string }, words: DocumentWords): string {
  if (piece.quote !== null) return words.t('quoted', { quote: piece.quote });
  const label = piece.label.trim();
  if (label === '') return '';
  return label.startsWith('[') ? label : `[${label}]`;
}

/** A footnote in words: the reference's description, its quote, and where it points in the annex. */
export function footnoteText(footnote: { text: string; quote: string | null; annex: string[] }, words: DocumentWords): string {
  const parts = [footnote.quote ? `${words.t('quoted', { quote: footnote.quote })} (${footnote.text})` : footnote.text];
  if (footnote.annex.length > 0) parts.push(words.t('seeAnnex', { refs: footnote.annex.join(', ') }));
  return parts.join('. ');
}
