// The record's requests (docs/record.md, docs/api.md "The record"): export, publication.
import { z } from 'zod';
import { RECORD_FORMATS } from '../domain/record/formats.js';
import { LANGUAGES } from '../domain/words.js';

/** `GET /api/sessions/:id/export?format=…&lang=…`: the format is required, the language optional (REC11). */
export const exportQuery = z.object({
  format: z.enum(RECORD_FORMATS, { error: `format must be one of ${RECORD_FORMATS.join(', ')}` }),
  lang: z.enum(LANGUAGES, { error: `lang must be one of ${LANGUAGES.join(', ')}` }).optional(),
});

/** `record:publish`: publish (true) or unpublish (false) the public outcome page. */
export const publishPayload = z.strictObject({ published: z.boolean() });

/** A session's public outcome page, as its facilitator sees it. */
export interface PublicationView {
  /** The stable part of the link (`/p/<slug>`), kept across unpublish and publish again. */
  slug: string;
  /** The page's path on this server. */
  path: string;
  published: boolean;
  publishedAt: number | null; // epoch ms
}
