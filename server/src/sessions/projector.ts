import { decideProjectorShow, type ProjectorChange, type ProjectorChoice } from '@open-talks/shared/projector';
import { AppError } from '../errors.js';
import type { EventBus } from '../events/bus.js';
import type { Store } from '../store/index.js';
import type { Principal } from './principal.js';

/**
 * PROJ1–PROJ6: the facilitator's choice of what the projector shows. Decided by the pure rule,
 * stored before the ack, then announced to every screen of the session (projectors included).
 */
export async function showOnProjector(store: Store, bus: EventBus, principal: Principal, change: ProjectorChange): Promise<ProjectorChoice> {
  const sessionId = principal.session.id;
  // Read afresh: the principal's copy may be from before a change a moment ago.
  const session = (await store.sessions.byId(sessionId)) ?? principal.session;
  const pollIds = session.format === 'townhall' ? (await store.polls.polls(sessionId)).filter((p) => p.status !== 'draft').map((p) => p.id) : [];
  const decision = decideProjectorShow({ format: session.format, languages: session.languages, pollIds }, session.projector, change);
  if (!decision.ok) throw new AppError(decision.error.code, decision.error.message);
  await store.sessions.setProjector(sessionId, decision.choice);
  bus.publish('session:projector', { sessionId, projector: decision.choice });
  return decision.choice;
}

/**
 * PROJ17: the projector follows the session again. Called after the café's "show the harvest" or a
 * Town Hall's "project this poll": the person asked for that on the big screen, so an explicit
 * view chosen earlier must not hide it. Nothing is written or sent when it already follows.
 */
export async function followSessionOnProjector(store: Store, bus: EventBus, sessionId: string): Promise<void> {
  const session = await store.sessions.byId(sessionId);
  if (!session || session.projector.view === 'auto') return;
  const choice: ProjectorChoice = { ...session.projector, view: 'auto' };
  await store.sessions.setProjector(sessionId, choice);
  bus.publish('session:projector', { sessionId, projector: choice });
}
