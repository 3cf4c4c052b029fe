// Apertium names its languages with ISO 639-3 codes (`eng`, `spa`, `fra`), a regional variant
// after an underscore (`eng_US`); what people write is tagged in BCP 47 (`en`, `es-MX`). MT30.
import { canonicalTag } from '@open-talks/shared';

/** BCP 47 primary language (ISO 639-1) → ISO 639-3, for the languages Apertium has pairs for. */
const ALPHA3: Readonly<Record<string, string>> = {
  af: 'afr',
  an: 'arg',
  ar: 'ara',
  ast: 'ast',
  az: 'aze',
  be: 'bel',
  bg: 'bul',
  br: 'bre',
  bs: 'bos',
  ca: 'cat',
  cs: 'ces',
  cy: 'cym',
  da: 'dan',
  de: 'deu',
  el: 'ell',
  en: 'eng',
  eo: 'epo',
  es: 'spa',
  et: 'est',
  eu: 'eus',
  fa: 'fas',
  fi: 'fin',
  fo: 'fao',
  fr: 'fra',
  ga: 'gle',
  gd: 'gla',
  gl: 'glg',
  he: 'heb',
  hi: 'hin',
  hr: 'hrv',
  hu: 'hun',
  id: 'ind',
  is: 'isl',
  it: 'ita',
  kk: 'kaz',
  ky: 'kir',
  lt: 'lit',
  lv: 'lav',
  mk: 'mkd',
  ms: 'msa',
  mt: 'mlt',
  nb: 'nob',
  nl: 'nld',
  nn: 'nno',
  no: 'nor',
  oc: 'oci',
  pl: 'pol',
  pt: 'por',
  ro: 'ron',
  ru: 'rus',
  sc: 'srd',
  se: 'sme',
  sk: 'slk',
  sl: 'slv',
  sq: 'sqi',
  sr: 'srp',
  sv: 'swe',
  tr: 'tur',
  tt: 'tat',
  uk: 'ukr',
  ur: 'urd',
  uz: 'uzb',
  zh: 'zho',
};

/**
 * The Apertium codes a BCP 47 tag may go by, the most specific first: `en-US` → `eng_US`, `eng`;
 * `es` → `spa`; a tag with no ISO 639-1 code keeps its three letters (`ast` → `ast`). Empty when
 * the tag is not BCP 47.
 */
export function apertiumCodes(tag: string): string[] {
  const canonical = canonicalTag(tag);
  if (canonical === null) return [];
  const parts = canonical.split('-');
  const primary = parts[0]!.toLowerCase();
  const alpha3 = ALPHA3[primary] ?? (primary.length === 3 ? primary : null);
  if (alpha3 === null) return [];
  const region = parts.slice(1).find((p) => /^[A-Z]{2}$/u.test(p));
  return region ? [`${alpha3}_${region}`, alpha3] : [alpha3];
}

/** The `langpair` APY is asked for (`eng|spa`), from the pairs it lists; null when it has none for these languages. */
export function apertiumPair(from: string, to: string, pairs: ReadonlySet<string>): string | null {
  for (const source of apertiumCodes(from)) {
    for (const target of apertiumCodes(to)) {
      const pair = `${source}|${target}`;
      if (pairs.has(pair)) return pair;
    }
  }
  return null;
}
