import { recordLabelsFrom, type RecordLabels } from '@open-talks/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';

/** The record's headings in the reader's UI language (the content stays as written). */
export function useRecordLabels(): RecordLabels {
  const { t } = useTranslation();
  const language = currentLanguage();
  return useMemo(() => recordLabelsFrom(language, (key, values) => t(key, values ?? {})), [t, language]);
}
