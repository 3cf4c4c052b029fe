import type { CafeRunService } from '../cafe/run-service.js';
import type { Logger } from '../log.js';
import { executeLocally, type Commands } from '../realtime/command.js';
import type { SessionService } from '../sessions/session-service.js';
import type { TownhallService } from '../townhall/townhall-service.js';
import type { SessionRouter } from './router.js';

export interface LocalDeps {
  service: SessionService;
  commands: Commands;
  cafeRun: Pick<CafeRunService, 'personChanged'>;
  townhall: Pick<TownhallService, 'personChanged'>;
  log: Logger;
}

/**
 * Everything run here, on the session's owner. On one process this is the router itself: a
 * direct call, nothing in between (CLU39).
 */
export function localRouter({ service, commands, cafeRun, townhall, log }: LocalDeps): SessionRouter {
  return {
    command: (name, sender, payload) => executeLocally(name, sender, payload, { service, log, commands }),
    state: async (sender, known) => service.state(known ?? (await service.resolve(sender.sessionId, sender.participantId))),
    personChanged: (participant, format) =>
      (format === 'cafe' ? cafeRun.personChanged(participant) : townhall.personChanged(participant)).catch((error: unknown) =>
        log.error({ err: error, sessionId: participant.sessionId }, format === 'cafe' ? 'could not update the café seating' : 'could not update the Town Hall'),
      ),
  };
}
