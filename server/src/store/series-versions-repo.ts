// Finalised versions and their translations (SER7). Owned by the publish part.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export class SeriesVersionsRepo {
  constructor(protected readonly db: Kysely<Database>) {}
}
