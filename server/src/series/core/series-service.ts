// Making a series and reading it (SER1). The core part grows this: settings, sessions, members.
import type { CreateSeriesBody } from '@open-talks/shared/protocol';
import { newId, newToken, hashToken } from '../../auth/tokens.js';
import type { SeriesMemberRecord, SeriesRecord } from '../../store/index.js';
import type { SeriesDeps } from '../deps.js';

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
}
