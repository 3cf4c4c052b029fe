// The series and its information document over HTTP (docs/api.md, "Series"). Every body and
// query has its schema here; the server parses with them and the client's forms share the limits.
import { z } from 'zod';
import { DOCUMENT_EXPORT_FORMATS, EVIDENCE_KINDS } from '../domain/series/words.js';
import { attributionSchema, displayNameSchema, formatSchema, idSchema, languageSchema, NO_CONTROL_CHARS, stakeholderGroupSchema, titleSchema } from './schemas.js';

export const SERIES_LIMITS = {
  topicLength: 2000,
  changesLength: 4000,
  quoteLength: 2000,
  sourcesPerReference: 500,
  symbolLength: 60,
  submittedByLength: 200,
} as const;

const languagesSchema = z
  .array(languageSchema)
  .min(1)
  .max(6)
  .refine((l) => new Set(l).size === l.length, 'Each language once');

const plainText = (max: number) => z.string().trim().max(max).regex(NO_CONTROL_CHARS, 'must not contain control characters');
/** Line breaks allowed; other control and format characters are not (they could reorder text on others' screens). */
const multiline = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^(?:[^\p{Cc}\p{Cf}]|\n)*$/u, 'must not contain control characters other than line breaks');

/** POST /api/series → 201 { series, facilitatorToken, links } */
export const createSeriesBody = z.strictObject({
  title: titleSchema,
  topic: multiline(SERIES_LIMITS.topicLength).default(''),
  languages: languagesSchema.default(['en']),
  attribution: attributionSchema.default('group'),
  /** Defaults to the first of `languages`. */
  originalLanguage: languageSchema.optional(),
  /** The organiser's name on the series' console (never shown publicly). */
  displayName: displayNameSchema.optional(),
});
export type CreateSeriesBody = z.infer<typeof createSeriesBody>;

/** PATCH /api/series/:id (facilitator) */
export const updateSeriesBody = z
  .strictObject({
    title: titleSchema,
    topic: multiline(SERIES_LIMITS.topicLength),
    languages: languagesSchema,
    attribution: attributionSchema,
    originalLanguage: languageSchema,
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change');

/**
 * POST /api/series/:id/sessions (facilitator): an existing session the caller facilitates (its
 * facilitator token proves it), or a new one made in the series.
 */
export const addSeriesSessionBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('existing'), sessionId: idSchema, facilitatorToken: z.string().min(1).max(200) }),
  z.strictObject({ kind: z.literal('new'), title: titleSchema, format: formatSchema, attribution: attributionSchema.optional(), languages: languagesSchema.optional() }),
]);
export type AddSeriesSessionBody = z.infer<typeof addSeriesSessionBody>;

/** POST /api/series/:id/members (facilitator) → 201 { member, token, link }: a rapporteur's personal link. */
export const addSeriesMemberBody = z.strictObject({ role: z.literal('rapporteur'), displayName: displayNameSchema.optional() });

/** GET /api/series/:id/evidence?… (facilitator, rapporteur) */
export const evidenceQuery = z.object({
  session: idSchema.optional(),
  kind: z.enum(EVIDENCE_KINDS).optional(),
  theme: z.string().max(200).optional(),
  group: stakeholderGroupSchema.optional(),
  language: languageSchema.optional(),
  q: z.string().max(200).optional(),
  cursor: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type EvidenceQuery = z.infer<typeof evidenceQuery>;

/** POST /api/series/:id/references (facilitator, rapporteur) → 201 { reference } */
export const addReferenceBody = z.strictObject({
  sources: z.array(z.string().min(1).max(200)).min(1).max(SERIES_LIMITS.sourcesPerReference),
  /** Quote one source word for word (then `sources` has exactly one key). */
  quote: z.boolean().default(false),
});

/** POST /api/series/:id/references/:refId/resolve: accept the sources as they are now. */
export const resolveReferenceBody = z.strictObject({});

/** POST /api/series/:id/versions (facilitator, rapporteur): freeze the original-language draft. */
export const finaliseBody = z.strictObject({ changes: multiline(SERIES_LIMITS.changesLength).default('') });

/** POST /api/series/:id/versions/:n/translations (facilitator, rapporteur): attach a language's draft. */
export const attachTranslationBody = z.strictObject({ language: languageSchema });

/**
 * POST /api/series/:id/publication (facilitator) { published, version? }: `version` is the
 * finalised version the public page shows (SER112); without it the one published before is kept,
 * or the latest at the first publication. A later version stays off the page until published.
 */
export const seriesPublishBody = z.strictObject({ published: z.boolean(), version: z.number().int().min(1).max(1_000_000).optional() });

/** GET /api/series/:id/versions/:n/export?format=&lang= */
export const documentExportQuery = z.object({
  format: z.enum(DOCUMENT_EXPORT_FORMATS),
  lang: languageSchema.optional(),
});

export const titleBlockSchema = z.strictObject({
  symbol: plainText(SERIES_LIMITS.symbolLength),
  date: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/),
  submittedBy: plainText(SERIES_LIMITS.submittedByLength),
  title: z.string().trim().max(200),
});

/** GET /api/public/series/:slug and the page /d/:slug: a language of the version (default its original) and a version (default the latest). */
export const publicSeriesQuery = z.object({
  lang: languageSchema.optional(),
  version: z.coerce.number().int().min(1).max(1_000_000).optional(),
});
export type PublicSeriesQuery = z.infer<typeof publicSeriesQuery>;

/** GET|POST|DELETE /api/series/:id/publication → { publication } */
export interface SeriesPublicationView {
  slug: string;
  /** `/d/<slug>`: the public page's path, the same whether published or not (the link is kept). */
  path: string;
  published: boolean;
  publishedAt: number | null;
  /** The version the public page shows (and the earlier ones); null until one is published. */
  publishedVersion: number | null;
  /** The latest finalised version, 0 when none: newer than `publishedVersion` means "Publish version M" is offered. */
  latestVersion: number;
}
