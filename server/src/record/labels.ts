// The words a rendered record uses for its headings, in one language (REC11): the `record.doc`
// part of the UI catalogs, plus the product's words (formats, groups, modes, attribution).
import type { Attribution, Language, Mode, SessionFormat, StakeholderGroup } from '@open-talks/shared';
import ar from '@open-talks/shared/i18n/ar.json' with { type: 'json' };
import en from '@open-talks/shared/i18n/en.json' with { type: 'json' };
import es from '@open-talks/shared/i18n/es.json' with { type: 'json' };
import fr from '@open-talks/shared/i18n/fr.json' with { type: 'json' };
import ru from '@open-talks/shared/i18n/ru.json' with { type: 'json' };
import zh from '@open-talks/shared/i18n/zh.json' with { type: 'json' };
import type { ContributionType, RecordQuestionStatus } from '@open-talks/shared';

type Catalog = typeof en;
type DocKey = Exclude<keyof Catalog['record']['doc'], 'types'>;

// The catalog test keeps every language's keys equal to English's.
const CATALOGS: Record<Language, Catalog> = { en, fr: fr as Catalog, es: es as Catalog, ru: ru as Catalog, zh: zh as Catalog, ar: ar as Catalog };

export interface RecordLabels {
  language: Language;
  rtl: boolean;
  /** A heading or label, with `{{name}}` placeholders filled. */
  t(key: DocKey, values?: Record<string, string | number>): string;
  group(group: StakeholderGroup): string;
  mode(mode: Mode): string;
  format(format: SessionFormat): string;
  attribution(attribution: Attribution): string;
  languageName(language: Language): string;
  contributionType(type: ContributionType): string;
  questionStatus(status: RecordQuestionStatus, mergedInto: number | null): string;
}

export function recordLabels(language: Language): RecordLabels {
  const catalog = CATALOGS[language];
  const doc = catalog.record.doc;
  const t: RecordLabels['t'] = (key, values = {}) => doc[key].replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(values[name] ?? ''));
  return {
    language,
    rtl: language === 'ar',
    t,
    group: (g) => catalog.words.group[g],
    mode: (m) => catalog.words.mode[m],
    format: (f) => catalog.words.format[f],
    attribution: (a) => catalog.words.attribution[a],
    languageName: (l) => catalog.words.languageName[l],
    contributionType: (type) => doc.types[type],
    questionStatus: (status, mergedInto) =>
      status === 'answered' ? t('statusAnswered') : status === 'merged' ? t('statusMerged', { number: mergedInto ?? '?' }) : t('statusVisible'),
  };
}
