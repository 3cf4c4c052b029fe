// A series' settings (SER21): what the organiser may change, and what they may not take back.
import type { Language } from '@open-talks/shared';
import type { updateSeriesBody } from '@open-talks/shared/protocol';
import type { z } from 'zod';
import { AppError } from '../../errors.js';
import type { SeriesRecord, Store } from '../../store/index.js';

export type SeriesChanges = z.output<typeof updateSeriesBody>;

/** Checks the changes against the series as stored; throws, changing nothing, when one is refused. */
export async function checkSeriesChanges(store: Store, series: SeriesRecord, changes: SeriesChanges): Promise<void> {
  const languages = changes.languages ?? series.languages;
  const original = changes.originalLanguage ?? series.originalLanguage;
  if (!languages.includes(original)) {
    throw new AppError('bad_request', `The original language (${original}) must be one of the series' languages`, { reason: 'originalNotInLanguages' });
  }
  if (!changes.languages) return;
  const kept = new Set<Language>(changes.languages);
  const finalised = await store.series.finalisedLanguages(series.id);
  const dropped = finalised.filter((l) => !kept.has(l as Language));
  if (dropped.length > 0) {
    throw new AppError('conflict', `A finalised version exists in ${dropped.join(', ')}: that language stays in the series`, {
      reason: 'languageFinalised',
      params: { languages: dropped.join(', ') },
    });
  }
}
