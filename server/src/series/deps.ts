// What every part of the series module is given (server/src/series/index.ts wires them).
import type { RequestHandler } from 'express';
import type { EvidenceItem, SeriesReference, SeriesStatistics, TitleBlock } from '@open-talks/shared/series';
import type { Language } from '@open-talks/shared';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { NotepadServer } from '../notepad/index.js';
import type { RecordService } from '../record/record-service.js';
import type { SessionService } from '../sessions/session-service.js';
import type { SeriesRecord, Store } from '../store/index.js';
import type { SeriesAuthenticate } from './auth.js';

/** The draft of a series document in one language, as stored and as live editors have it now. */
export interface DraftText {
  text: string;
  title: TitleBlock;
}

/** Read access to the drafts (the document part implements it over the notepad server's documents). */
export interface SeriesDrafts {
  read(seriesId: string, language: Language): Promise<DraftText>;
}

/**
 * What the series' sessions produced (the evidence part implements it over each session's record,
 * under the stricter attribution, SER2): the side panel, the statistics, the annex and the
 * footnotes all read it.
 */
export interface SeriesEvidenceSource {
  /** Every evidence item of the series, in session order then each session's record order. */
  items(series: SeriesRecord): Promise<EvidenceItem[]>;
  statistics(series: SeriesRecord): Promise<SeriesStatistics>;
  /** The series' references with their status against the sources as they are now. */
  references(series: SeriesRecord): Promise<SeriesReference[]>;
  /**
   * All three from one gathering of the sessions, so they agree with each other (a finalise freezes
   * this). Fresh by default: the sessions as they are now, and later readers share that gathering;
   * `{ fresh: false }` may reuse one a moment old.
   */
  collect(series: SeriesRecord, options?: { fresh?: boolean }): Promise<CollectedSeriesEvidence>;
}

export interface CollectedSeriesEvidence {
  items: EvidenceItem[];
  statistics: SeriesStatistics;
  references: SeriesReference[];
}

export interface SeriesDeps {
  store: Store;
  config: Config;
  log: Logger;
  authenticate: SeriesAuthenticate;
  /** Sessions: made in a series, and their facilitator tokens checked. */
  sessions: SessionService;
  /** Each session's record, under its attribution: the evidence, the statistics and the annex are built from it. */
  records: RecordService;
  notepads: NotepadServer;
  drafts: SeriesDrafts;
  evidence: SeriesEvidenceSource;
  /** Making a series is limited per network like making a session. */
  createLimiter: RequestHandler;
  /** For reads anyone may make without a token (the public page), like the record's. */
  publicLimiter: RequestHandler;
  /** Links are built for this origin when set, else from the request (allowedHosts). */
  allowedHosts: ReadonlySet<string>;
  now: () => number;
}
