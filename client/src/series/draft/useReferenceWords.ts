// SER5 in the editor: the series' references, put in words in the draft's language
// (describeReference + the seriesWords catalog), with "source changed" said in words. The list
// comes from the evidence part (GET /api/series/:id/references); until it answers it is empty.
import { describeReference, type ReferenceWords, type SeriesReference } from '@open-talks/shared/series';
import type { Language } from '@open-talks/shared';
import i18next from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { seriesRequest } from '../request';
import type { StructureWords } from './structure';

const REFRESH = 15_000; // ms: a reference's status may change upstream while drafting

export function useReferenceWords(seriesId: string, token: string, language: Language, refreshKey: string): StructureWords {
  const { t } = useTranslation();
  const [references, setReferences] = useState<SeriesReference[]>([]);
  const [catalogReady, setCatalogReady] = useState(0);

  useEffect(() => {
    let live = true;
    const load = () =>
      seriesRequest<{ references: SeriesReference[] }>('GET', seriesId, '/references', token)
        .then((got) => live && setReferences(got.references))
        .catch(() => undefined); // not there yet, or offline: keep what we have
    void load();
    const timer = setInterval(() => void load(), REFRESH);
    return () => {
      live = false;
      clearInterval(timer);
    };
    // A new reference inserted (refreshKey: the text's reference ids) is fetched at once.
  }, [seriesId, token, refreshKey]);

  // The draft's language may not be the page's: load its catalog too.
  useEffect(() => {
    void i18next.loadLanguages(language).then(() => setCatalogReady((n) => n + 1));
  }, [language]);

  return useMemo(() => {
    const fixed = i18next.getFixedT(language);
    const words: ReferenceWords = {
      kinds: fixed('seriesWords.kinds', { returnObjects: true }) as ReferenceWords['kinds'],
      groups: fixed('words.group', { returnObjects: true }) as ReferenceWords['groups'],
      and: fixed('seriesWords.and'),
      separator: fixed('seriesWords.separator'),
    };
    const labels = new Map<string, { label: string; changed: boolean }>();
    for (const reference of references) {
      let label: string;
      try {
        label = reference.quote ? `“${reference.quote}”` : describeReference(reference.summary, words);
      } catch {
        label = t('seriesDraft.chip.unknown');
      }
      labels.set(reference.id, { label, changed: reference.status === 'changed' });
    }
    return {
      references: labels,
      unknownReference: t('seriesDraft.chip.unknown'),
      sourceChanged: t('seriesDraft.chip.sourceChanged'),
      stats: t('seriesDraft.block.stats'),
      annex: t('seriesDraft.block.annex'),
      heading1: t('seriesDraft.mark.heading1'),
      heading2: t('seriesDraft.mark.heading2'),
    };
    // catalogReady: the draft language's catalog arrived.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [references, language, t, catalogReady]);
}
