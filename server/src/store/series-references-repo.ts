// References from the draft to evidence (SER5). Owned by the evidence part.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export class SeriesReferencesRepo {
  constructor(protected readonly db: Kysely<Database>) {}
}
