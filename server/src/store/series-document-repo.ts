// The series drafts' Yjs storage (snapshot + updates per room), like notepad-repo.ts. Owned by the document part.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export class SeriesDocumentRepo {
  constructor(protected readonly db: Kysely<Database>) {}
}
