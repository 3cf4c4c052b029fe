import type { CafeRun } from '../../domain/cafe/run.js';
import { ack, type CommandSpec } from '../command-spec.js';
import {
  extendRoundPayload,
  lockPayload,
  makeTablesPayload,
  movePayload,
  planPayload,
  promptPayload,
  setRoundsPayload,
  setTablesPayload,
  showHarvestPayload,
  type CafeView,
  type PromptView,
} from '../cafe.js';
import { emptyPayload } from '../schemas.js';

const setup = ack<{ cafe: CafeView }>();
const run = ack<{ run: CafeRun }>();

/** The World Café: set-up and seating (docs/api.md, "World Café set-up"), then running it. */
export const CAFE_COMMANDS = {
  'cafe:get': { schema: emptyPayload, action: 'cafe:view-setup', ack: setup },
  'cafe:set-tables': { schema: setTablesPayload, action: 'cafe:configure', ack: setup, http: { method: 'put', path: '/sessions/:id/cafe/tables' } },
  'cafe:make-tables': { schema: makeTablesPayload, action: 'cafe:configure', ack: setup, http: { method: 'post', path: '/sessions/:id/cafe/tables/auto' } },
  'cafe:set-rounds': { schema: setRoundsPayload, action: 'cafe:configure', ack: setup, http: { method: 'put', path: '/sessions/:id/cafe/rounds' } },
  'cafe:plan': { schema: planPayload, action: 'cafe:plan', ack: setup, http: { method: 'post', path: '/sessions/:id/cafe/plan', status: 201 } },
  'cafe:move': { schema: movePayload, action: 'cafe:plan', ack: setup, http: { method: 'post', path: '/sessions/:id/cafe/plan/moves' } },
  'cafe:lock': { schema: lockPayload, action: 'cafe:plan', ack: setup, http: { method: 'put', path: '/sessions/:id/cafe/plan/lock' } },
  'cafe:start-round': { schema: emptyPayload, action: 'cafe:run', ack: run, http: { method: 'post', path: '/sessions/:id/cafe/run/start' } },
  'cafe:pause-round': { schema: emptyPayload, action: 'cafe:run', ack: run, http: { method: 'post', path: '/sessions/:id/cafe/run/pause' } },
  'cafe:resume-round': { schema: emptyPayload, action: 'cafe:run', ack: run, http: { method: 'post', path: '/sessions/:id/cafe/run/resume' } },
  'cafe:extend-round': { schema: extendRoundPayload, action: 'cafe:run', ack: run, http: { method: 'post', path: '/sessions/:id/cafe/run/extend' } },
  'cafe:end-round': { schema: emptyPayload, action: 'cafe:run', ack: run, http: { method: 'post', path: '/sessions/:id/cafe/run/end' } },
  'cafe:prompt': { schema: promptPayload, action: 'cafe:prompt', ack: ack<{ prompt: PromptView }>(), http: { method: 'post', path: '/sessions/:id/cafe/prompts', status: 201 } },
  /** HARV6: the projector shows the harvest, or goes back to the round. */
  'cafe:show-harvest': { schema: showHarvestPayload, action: 'cafe:run', ack: ack<{ shown: boolean }>(), http: { method: 'put', path: '/sessions/:id/cafe/projector/harvest' } },
} as const satisfies Record<string, CommandSpec>;
