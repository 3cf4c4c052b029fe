// The words a rendered record uses, in one language (REC11). The server fills them from the UI
// catalogs, the public page from i18next: both through `recordLabelsFrom`, so they agree.
import type { Attribution, Language, Mode, SessionFormat, StakeholderGroup } from '../words.js';
import { RTL_LANGUAGES } from '../words.js';
import type { ContributionType, RecordQuestionStatus } from './types.js';

export const RECORD_DOC_KEYS = [
  'date',
  'format',
  'languages',
  'attribution',
  'generated',
  'synthesis',
  'noSynthesis',
  'attendance',
  'total',
  'people',
  'byGroup',
  'byMode',
  'hubs',
  'hubsTookPart',
  'hub',
  'place',
  'headcount',
  'groupsPresent',
  'hubGroupsHint',
  'hubCredit',
  'hubCreditCount',
  'round',
  'roundColumn',
  'question',
  'notes',
  'keyIdeas',
  'marked',
  'empty',
  'harvest',
  'unthemed',
  'agenda',
  'item',
  'timeBox',
  'started',
  'ended',
  'questions',
  'votes',
  'status',
  'statusVisible',
  'statusAnswered',
  'statusMerged',
  'polls',
  'answers',
  'overall',
  'average',
  'option',
  'count',
  'word',
  'rating',
  'speakers',
  'speaker',
  'topic',
  'duration',
  'speaking',
  'transcript',
  'annex',
  'annexHint',
  'number',
  'type',
  'table',
  'text',
  'group',
  'author',
  'time',
] as const;
export type RecordDocKey = (typeof RECORD_DOC_KEYS)[number];

export interface RecordLabels {
  language: Language;
  rtl: boolean;
  /** A heading or label, with `{{name}}` placeholders filled. */
  t(key: RecordDocKey, values?: Record<string, string | number>): string;
  group: (group: StakeholderGroup) => string;
  mode(mode: Mode): string;
  /** A count not shown under `anonymous` (REC1, ATTR5), the same words whichever the reason. */
  notShown(): string;
  format(format: SessionFormat): string;
  attribution(attribution: Attribution): string;
  languageName: (language: Language) => string;
  contributionType(type: ContributionType): string;
  questionStatus(status: RecordQuestionStatus, mergedInto: number | null): string;
  /** The consultation's record words (`record.consultation.*`, CONS68). */
  c(key: string, values?: Record<string, string | number>): string;
  /** Any catalog key (the consultation shares its phase, status and stance words with its public page). */
  raw: Translate;
}

/** A catalog lookup by dotted key (`record.doc.round`, `words.group.academia`), placeholders filled. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function recordLabelsFrom(language: Language, translate: Translate): RecordLabels {
  const t: RecordLabels['t'] = (key, values) => translate(`record.doc.${key}`, values);
  return {
    language,
    rtl: RTL_LANGUAGES.has(language),
    t,
    group: (g) => translate(`words.group.${g}`),
    mode: (m) => translate(`words.mode.${m}`),
    notShown: () => translate('chathamHouse.notShown'),
    format: (f) => translate(`words.format.${f}`),
    attribution: (a) => translate(`words.attribution.${a}`),
    languageName: (l) => translate(`words.languageName.${l}`),
    contributionType: (type) => translate(`record.doc.types.${type}`),
    questionStatus: (status, mergedInto) =>
      status === 'answered' ? t('statusAnswered') : status === 'merged' ? t('statusMerged', { number: mergedInto ?? '?' }) : t('statusVisible'),
    c: (key, values) => translate(`record.consultation.${key}`, values),
    raw: translate,
  };
}
