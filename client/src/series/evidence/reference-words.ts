// The words `describeReference` needs, from the `seriesWords` catalog of the draft's language
// (not the reader's): a reference reads the same in the panel as in the document.
import { STAKEHOLDER_GROUPS, type Language } from '@open-talks/shared';
import { EVIDENCE_KINDS, type ReferenceWords } from '@open-talks/shared/series';
import i18next from 'i18next';
import { useEffect, useState } from 'react';

export function referenceWords(language: Language): ReferenceWords {
  const t = i18next.getFixedT(language);
  return {
    kinds: Object.fromEntries(EVIDENCE_KINDS.map((k) => [k, { one: t(`seriesWords.kinds.${k}.one`), other: t(`seriesWords.kinds.${k}.other`) }])) as ReferenceWords['kinds'],
    groups: Object.fromEntries(STAKEHOLDER_GROUPS.map((g) => [g, t(`words.group.${g}`).toLocaleLowerCase(language)])) as ReferenceWords['groups'],
    and: t('seriesWords.and'),
    separator: t('seriesWords.separator'),
  };
}

/** The words once the language's catalog is loaded (it is a lazy chunk); null until then. */
export function useReferenceWords(language: Language): ReferenceWords | null {
  const [words, setWords] = useState<ReferenceWords | null>(null);
  useEffect(() => {
    let live = true;
    void i18next.loadLanguages(language).then(() => live && setWords(referenceWords(language)));
    return () => {
      live = false;
    };
  }, [language]);
  return words;
}
