// The document's words in its own language (SER101): the catalogs' `seriesDocument.html` keys, and
// a few shared words (formats, groups, modes, kinds). A status the catalog has no word for is
// shown as stored rather than as a key.
import type { Language, Translate } from '@open-talks/shared';
import { translator } from '../../../record/labels.js';

export interface DocumentWords {
  language: Language;
  /** `seriesDocument.html.<key>` */
  w: (key: string, values?: Record<string, string | number>) => string;
  /** Any catalog key (words.format.cafe, seriesWords.kinds.poll.one, …). */
  t: Translate;
  /** A status word (a question's, a contribution's, a response's), or the status itself. */
  status: (status: string) => string;
  /** A date of the document, long form, in its language; `YYYY-MM-DD` strings and epoch ms both. */
  date: (at: string | number) => string;
  /** The document title's heading level: 1 in a file of its own, 2 inside the public page (whose h1 is the series). */
  titleLevel: 1 | 2;
  /** A heading tag `depth` levels below the title (`h(1)` is a section of the document). */
  h: (depth: number) => string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function documentWords(language: Language, titleLevel: 1 | 2 = 1): DocumentWords {
  const t = translator(language);
  const w = (key: string, values?: Record<string, string | number>) => t(`seriesDocument.html.${key}`, values);
  const format = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
  return {
    language,
    w,
    t,
    titleLevel,
    h: (depth) => `h${Math.min(6, titleLevel + depth)}`,
    status: (status) => {
      const key = `seriesDocument.html.statuses.${status}`;
      const word = t(key);
      return word === key ? status : word;
    },
    date: (at) => {
      if (typeof at === 'number') return Number.isFinite(at) ? format.format(at) : '';
      const m = DAY.exec(at);
      // A typed date that is not a day (the title block allows an empty one) is shown as typed.
      return m ? format.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : at;
    },
  };
}
