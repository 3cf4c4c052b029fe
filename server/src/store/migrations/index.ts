// Every migration, one file each, listed in order. Migrations live in code (not files read from
// disk) so they run the same under tsx, in tests and in a bundle; each is written once with
// Kysely's schema builder for both dialects. A key is the name Kysely records in
// `kysely_migration` and knows a migration by: it never changes once released (renamed, it would
// run again on every existing database).
import type { Migration } from 'kysely';
import * as m0001 from './0001_sessions_and_participants.js';
import * as m0002 from './0002_cafe_setup_and_plan.js';
import * as m0003 from './0003_cafe_runs_and_prompts.js';
import * as m0004 from './0004_notepads.js';
import * as m0005 from './0005_townhall.js';
import * as m0006 from './0006_record.js';
import * as m0007 from './0007_harvest.js';
import * as m0008 from './0008_observer_notes.js';
import * as m0009 from './0009_townhall_hand_keys.js';
import * as m0010 from './0010_projector.js';
import * as m0011 from './0011_consultation.js';
import * as m0012 from './0012_consultation_search.js';
import * as m0013 from './0013_consultation_search_vector.js';
import * as m0014 from './0014_series.js';
import * as m0015 from './0015_session_fences.js';
import * as m0016 from './0016_content_versions.js';
import * as m0017 from './0017_contribution_languages.js';
import * as m0018 from './0018_caption_streams.js';
import * as m0019 from './0019_hubs.js';
import * as m0020 from './0020_hub_tables.js';
import * as m0021 from './0021_notes_languages.js';
import * as m0022 from './0022_consultation_language_tags.js';

export const MIGRATIONS: Record<string, Migration> = {
  '0001_sessions_and_participants': m0001,
  '0002_cafe_setup_and_plan': m0002,
  '0003_cafe_runs_and_prompts': m0003,
  '0004_notepads': m0004,
  '0005_townhall': m0005,
  '0006_record': m0006,
  '0007_harvest': m0007,
  '0008_observer_notes': m0008,
  '0009_townhall_hand_keys': m0009,
  '0010_projector': m0010,
  '0011_consultation': m0011,
  '0012_consultation_search': m0012,
  '0013_consultation_search_vector': m0013,
  '0014_series': m0014,
  '0015_session_fences': m0015,
  '0016_content_versions': m0016,
  '0017_contribution_languages': m0017,
  '0018_caption_streams': m0018,
  '0019_hubs': m0019,
  '0020_hub_tables': m0020,
  '0021_notes_languages': m0021,
  '0022_consultation_language_tags': m0022,
};
