// Versions of the information document (SER7, SER85–SER94): freeze the original-language draft
// as the next version, attach translations to a version, read them back. Everything frozen comes
// from the evidence source (items, references, statistics, under SER2's attribution) and the
// drafts; nothing here reads a session's storage by itself.
import type { Attribution, Language } from '@open-talks/shared';
import {
  type EvidenceItem,
  type SeriesReference,
  buildAnnex,
  freezeDocument,
  freezeWith,
  needsStatistics,
  type InformationDocument,
  type SeriesStatistics,
  type TitleBlock,
  type VersionSummary,
} from '@open-talks/shared/series';
import { titleBlockSchema } from '@open-talks/shared/protocol';
import { AppError, orThrow } from '../../errors.js';
import type { SeriesRecord } from '../../store/index.js';
import type { SeriesPrincipal } from '../auth.js';
import type { DraftText, SeriesDeps } from '../deps.js';
import { documentWords } from './render/words.js';
import { xmlSafe } from './render/xml-safe.js';

type Deps = Pick<SeriesDeps, 'store' | 'drafts' | 'evidence' | 'log' | 'now'>;

/** Each session's own attribution: the annex never shows more than it allows (SER2). */
async function sessionAttributions(deps: Deps, series: SeriesRecord): Promise<Map<string, Attribution>> {
  const out = new Map<string, Attribution>();
  for (const sessionId of await deps.store.series.sessionIds(series.id)) {
    const session = await deps.store.sessions.byId(sessionId);
    if (session) out.set(sessionId, session.attribution);
  }
  return out;
}

/** The statistics, when the draft shows them; a failure is a refusal, not a 500 (the draft stays as it is). */
async function statisticsFor(deps: Deps, series: SeriesRecord, text: string): Promise<SeriesStatistics | null> {
  if (!needsStatistics(text)) return null;
  try {
    return await deps.evidence.statistics(series);
  } catch (error) {
    deps.log.warn({ err: error, seriesId: series.id }, 'series statistics failed while finalising');
    return null;
  }
}

/** What the evidence part's `collect` gives (SeriesEvidenceSource on its branch; optional here until it lands). */
interface Collecting {
  collect?: (series: SeriesRecord, options?: { fresh?: boolean }) => Promise<{ items: EvidenceItem[]; statistics: SeriesStatistics; references: SeriesReference[] }>;
}

/**
 * References, items and statistics from one moment's gathering of the sessions (review item 7),
 * so the footnotes, the annex and the table of a version agree: the evidence source's `collect`
 * when it has one (fresh: the sessions as they are now); otherwise the three asked together, so a
 * source that coalesces concurrent gatherings serves them from one.
 */
async function gatherOnce(deps: Deps, series: SeriesRecord, text: string): Promise<{ references: SeriesReference[]; items: EvidenceItem[]; statistics: SeriesStatistics | null }> {
  const source: Deps['evidence'] & Collecting = deps.evidence;
  if (typeof source.collect === 'function') {
    const collected = await source.collect(series, { fresh: true });
    return { references: collected.references, items: collected.items, statistics: needsStatistics(text) ? collected.statistics : null };
  }
  const [references, items, statistics] = await Promise.all([deps.evidence.references(series), deps.evidence.items(series), statisticsFor(deps, series, text)]);
  return { references, items, statistics };
}

function statisticsOf(doc: InformationDocument): SeriesStatistics | null {
  for (const block of doc.blocks) if (block.kind === 'stats') return block.statistics;
  return null;
}

function refuse(message: string, reason: string, params?: Record<string, string>): AppError {
  return new AppError('conflict', message, { reason: `seriesDocument.${reason}`, ...(params && { params }) });
}

/**
 * The draft as it may be frozen (review item 8): the title block checked as the protocol says
 * (refused with the fields in words otherwise), and characters XML forbids dropped from the text
 * and the title, so every export of the version can be read back.
 */
function checkedDraft(draft: DraftText): DraftText {
  const title = titleBlockSchema.safeParse(draft.title);
  if (!title.success) {
    const fields = [...new Set(title.error.issues.map((issue) => String(issue.path[0] ?? '')))].filter(Boolean).join(', ');
    throw refuse(`The title block is not valid: ${fields}`, 'invalidTitle', { fields });
  }
  const { symbol, date, submittedBy, title: heading } = title.data;
  const safe: TitleBlock = { symbol: xmlSafe(symbol), date, submittedBy: xmlSafe(submittedBy), title: xmlSafe(heading) };
  return { text: xmlSafe(draft.text), title: safe };
}

export class SeriesVersions {
  constructor(private readonly deps: Deps) {}

  async list(series: SeriesRecord): Promise<VersionSummary[]> {
    const [versions, members] = await Promise.all([this.deps.store.seriesVersions.list(series.id), this.deps.store.series.members(series.id)]);
    // Stored as the member's id; shown as their name on the console (never on a public page).
    const names = new Map(members.map((m) => [m.id, m.displayName]));
    return versions.map((v) => ({ ...v, finalisedBy: v.finalisedBy === null ? null : (names.get(v.finalisedBy) ?? null) }));
  }

  async finalise(principal: SeriesPrincipal, changes: string): Promise<VersionSummary> {
    const { series } = principal;
    const version = (await this.deps.store.seriesVersions.latest(series.id)) + 1;
    if (version > 1 && changes.trim() === '') throw refuse('A later version needs its list of changes', 'changesRequired');
    const draft = checkedDraft(await this.deps.drafts.read(series.id, series.originalLanguage));
    if (draft.text.trim() === '') throw refuse('The draft is empty', 'emptyDraft');
    const [{ references, items: evidence, statistics }, attributions] = await Promise.all([gatherOnce(this.deps, series, draft.text), sessionAttributions(this.deps, series)]);
    const annex = buildAnnex(evidence, { seriesAttribution: series.attribution, sessionAttribution: attributions });
    const frozen = orThrow(
      freezeDocument(draft, references, evidence, statistics, annex, documentWords(series.originalLanguage).reference, {
        series: { id: series.id, title: series.title, topic: series.topic },
        version,
        language: series.originalLanguage,
        originalLanguage: series.originalLanguage,
        original: true,
        finalisedAt: this.deps.now(),
        changes,
      }),
    );
    const taken = () => refuse('Another version was finalised meanwhile; try again', 'versionTaken');
    try {
      await this.deps.store.transaction(async (repos) => {
        // Two finalising at once: the second finds the number taken and is refused, not merged.
        if ((await repos.seriesVersions.latest(series.id)) !== version - 1) throw taken();
        await repos.seriesVersions.insert(series.id, { document: frozen.document, references: frozen.references }, principal.member.id);
      });
    } catch (error) {
      // Under READ COMMITTED both may pass the check; the primary key then refuses the later insert.
      if (!(error instanceof AppError) && (await this.deps.store.seriesVersions.latest(series.id)) >= version) throw taken();
      throw error;
    }
    return { version, languages: [series.originalLanguage], finalisedAt: frozen.document.finalisedAt, changes, finalisedBy: principal.member.displayName };
  }

  async attachTranslation(principal: SeriesPrincipal, version: number, language: Language): Promise<VersionSummary> {
    const { series } = principal;
    if (!series.languages.includes(language)) throw new AppError('bad_request', `${language} is not one of the series' languages`);
    const original = await this.deps.store.seriesVersions.original(series.id, version);
    if (!original) throw new AppError('not_found', 'No such version');
    // The version's own original language, not the series' today (it may have changed since, review item 9).
    if (language === original.document.originalLanguage) throw new AppError('bad_request', 'The original language is the version itself, not a translation');
    if (await this.deps.store.seriesVersions.get(series.id, version, language)) throw refuse('This version already has a translation in that language', 'translationExists');
    const read = checkedDraft(await this.deps.drafts.read(series.id, language));
    if (read.text.trim() === '') throw refuse('The draft is empty', 'emptyDraft');
    // The symbol, date and "submitted by" are the version's: a translator who left them empty keeps the original's.
    const given = read.title;
    const from = original.document.titleBlock;
    const draft = {
      ...read,
      title: { symbol: given.symbol || from.symbol, date: given.date || from.date, submittedBy: given.submittedBy || from.submittedBy, title: given.title },
    };
    // The statistics the version froze, never today's: none when the original had none (freezeWith leaves the block out).
    const statistics = statisticsOf(original.document);
    const doc = orThrow(
      freezeWith(draft, original.references, statistics, original.document.annex, documentWords(language).reference, {
        series: original.document.series,
        version,
        language,
        originalLanguage: original.document.originalLanguage,
        original: false,
        finalisedAt: this.deps.now(),
        changes: original.document.changes,
      }),
    ).document;
    try {
      await this.deps.store.seriesVersions.insert(series.id, { document: doc, references: original.references }, principal.member.id);
    } catch (error) {
      if (await this.deps.store.seriesVersions.get(series.id, version, language)) throw refuse('This version already has a translation in that language', 'translationExists');
      throw error;
    }
    const summary = (await this.list(series)).find((v) => v.version === version);
    if (!summary) throw new AppError('not_found', 'No such version');
    return summary;
  }

  async document(series: SeriesRecord, version: number, language: Language | undefined): Promise<InformationDocument> {
    const stored = language ? await this.deps.store.seriesVersions.get(series.id, version, language) : await this.deps.store.seriesVersions.original(series.id, version);
    if (!stored) throw new AppError('not_found', language ? `Version ${version} has no ${language} text` : 'No such version');
    return stored.document;
  }
}
