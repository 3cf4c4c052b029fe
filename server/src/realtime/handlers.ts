import type { CafeService } from '../cafe/cafe-service.js';
import type { CafeRunService } from '../cafe/run-service.js';
import type { IdeaCommands } from '../notepad/idea-commands.js';
import type { NotesLanguages } from '../notepad/notes-language.js';
import type { ThemeSuggestions } from '../notepad/theme-suggestions.js';
import type { RecordService } from '../record/record-service.js';
import type { SessionService } from '../sessions/session-service.js';
import { townhallHandlers } from '../townhall/handlers.js';
import type { RateLimit } from '../limits/rate-classes.js';
import type { TownhallService } from '../townhall/townhall-service.js';
import type { Consultation } from '../consultation/index.js';
import type { CommandHandlers, Commands } from './command.js';
import { contentHandlers } from '../content/handlers.js';
import type { ContentService } from '../content/content-service.js';

export interface CommandDeps {
  service: SessionService;
  cafe: CafeService;
  cafeRun: CafeRunService;
  townhall: TownhallService;
  records: RecordService;
  ideas: IdeaCommands;
  /** A table's notes language (NOTE17–NOTE19). */
  notesLanguages: NotesLanguages;
  /** Theme suggestions for the harvest (THEME9). */
  themes: ThemeSuggestions;
  /** The online consultation (issue 15). */
  consultation: Consultation;
  /** Content in several languages: the translation desk and machine translation (issue 18). */
  content: ContentService;
  /** The rate classes' buckets: one set for Socket.IO and HTTP together. */
  limit: RateLimit;
}

/** What each command does, once for both transports; the table (COMMANDS) says everything else. */
export function createCommands({ service, cafe, cafeRun, townhall, records, ideas, notesLanguages, themes, consultation, content, limit }: CommandDeps): Commands {
  const handlers: CommandHandlers = {
    'session:sync': async (p) => ({ state: await service.state(p) }),
    'participant:list': async (p) => ({ participants: await service.listParticipants(p.session.id) }),
    'participant:set-role': async (p, { participantId: id, role }) => ({ participant: await service.setRole(p, id, role) }),
    'participant:remove': async (p, { participantId: id }) => {
      await service.remove(p, id);
      return {};
    },
    'profile:update': async (p, changes) => ({ participant: await service.updateProfile(p, changes) }),
    'session:configure': async (p, settings) => ({ session: await service.configure(p, settings) }),
    'projector:rotate-key': async (p) => ({ projectorKey: await service.rotateProjectorKey(p) }),
    'projector:show': async (p, change) => ({ projector: await service.showOnProjector(p, change) }),
    'clock:ping': async () => ({ serverTime: Date.now() }),
    'cafe:get': async (p) => ({ cafe: await cafe.view(p.session.id) }),
    'cafe:set-tables': async (p, payload) => ({ cafe: await cafe.setTables(p, payload) }),
    'cafe:make-tables': async (p, payload) => ({ cafe: await cafe.makeTables(p, payload) }),
    'cafe:set-rounds': async (p, payload) => ({ cafe: await cafe.setRounds(p, payload) }),
    'cafe:plan': async (p, payload) => ({ cafe: await cafe.plan(p, payload) }),
    'cafe:move': async (p, payload) => ({ cafe: await cafe.move(p, payload) }),
    'cafe:lock': async (p, payload) => ({ cafe: await cafe.lock(p, payload) }),
    'cafe:start-round': async (p) => ({ run: await cafeRun.start(p) }),
    'cafe:pause-round': async (p) => ({ run: await cafeRun.pause(p) }),
    'cafe:resume-round': async (p) => ({ run: await cafeRun.resume(p) }),
    'cafe:extend-round': async (p, { minutes }) => ({ run: await cafeRun.extend(p, minutes) }),
    'cafe:end-round': async (p) => ({ run: await cafeRun.end(p) }),
    'cafe:prompt': async (p, payload) => ({ prompt: await cafeRun.prompt(p, payload) }),
    // PROJ17: putting something on the projector by its own button takes the projector back to
    // following the session, or an explicit view chosen earlier would silently win over it.
    'cafe:show-harvest': async (p, { show }) => {
      const shown = await cafeRun.showHarvest(p, show);
      if (shown.shown) await service.followSessionOnProjector(p);
      return shown;
    },
    'notepad:add-idea': (p, payload) => ideas.add(p, payload),
    'notepad:edit-idea': (p, payload) => ideas.edit(p, payload),
    'notepad:mark-idea': (p, payload) => ideas.mark(p, payload),
    'notepad:move-idea': (p, payload) => ideas.move(p, payload),
    'notepad:drop-idea': (p, payload) => ideas.drop(p, payload),
    'notepad:set-language': (p, payload) => notesLanguages.set(p, payload),
    'notepad:notes-language': (p, payload) => notesLanguages.get(p, payload),
    ...townhallHandlers(townhall),
    'poll:project': async (p, { pollId }) => {
      const projected = await townhall.polls.project(p, pollId);
      if (projected.projectedPollId !== null) await service.followSessionOnProjector(p);
      return projected;
    },
    'record:get': async (p) => ({ record: await records.record(p.session) }),
    'record:publication': async (p) => ({ publication: await records.publication(p) }),
    'record:publish': async (p, { published }) => ({ publication: await records.publish(p, published) }),
    'harvest:suggest-themes': (p) => themes.suggest(p),
    ...consultation.handlers,
    ...contentHandlers(content),
    'hub:update': async (p, changes) => ({ participant: await service.updateHub(p, changes) }),
  };
  return { handlers, limit };
}
