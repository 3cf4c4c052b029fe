// Making a series and changing its settings (SER1, SER20–SER21); its sessions and members are in
// series-sessions.ts and series-members.ts.
import type { CreateSeriesBody } from '@open-talks/shared/protocol';
import { newId, newToken, hashToken } from '../../auth/tokens.js';
import type { SeriesMemberRecord, SeriesRecord } from '../../store/index.js';
import type { SeriesDeps } from '../deps.js';
import { checkSeriesChanges, type SeriesChanges } from './series-settings.js';

export interface CreatedSeries {
  series: SeriesRecord;
  member: SeriesMemberRecord;
  /** The organiser's token: shown once, stored only as a hash. */
  token: string;
}

export class SeriesService {
  constructor(private readonly deps: Pick<SeriesDeps, 'store' | 'now'>) {}

  async create(body: CreateSeriesBody): Promise<CreatedSeries> {
    const now = this.deps.now();
    const series: SeriesRecord = {
      id: newId(),
      title: body.title,
      topic: body.topic,
      languages: body.languages,
      attribution: body.attribution,
      originalLanguage: body.originalLanguage ?? body.languages[0]!,
      createdAt: now,
      publicSlug: newId(),
      publishedAt: null,
    };
    const member: SeriesMemberRecord = { id: newId(), seriesId: series.id, role: 'facilitator', displayName: body.displayName ?? null, createdAt: now, removedAt: null };
    const token = newToken('series');
    await this.deps.store.transaction(async (repos) => {
      await repos.series.insert(series);
      await repos.series.insertMember(member, hashToken(token));
    });
    return { series, member, token };
  }

  /** SER21: persists the changes (all or none) and returns the series as stored. */
  async update(series: SeriesRecord, changes: SeriesChanges): Promise<SeriesRecord> {
    await checkSeriesChanges(this.deps.store, series, changes);
    await this.deps.store.series.update(series.id, changes);
    return (await this.deps.store.series.byId(series.id))!;
  }
}
