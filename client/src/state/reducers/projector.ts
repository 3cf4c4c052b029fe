import type { ProjectorChoice } from '@open-talks/shared/projector';
import type { SessionState } from '@open-talks/shared/protocol';

/** PROJ1: `projector:changed` — the facilitator changed what the projector shows. */
export function withProjector(live: SessionState | undefined, projector: ProjectorChoice): SessionState | undefined {
  if (!live) return live;
  const current = live.session.projector;
  if (
    current &&
    current.view === projector.view &&
    current.pollId === projector.pollId &&
    current.byGroup === projector.byGroup &&
    current.language === projector.language &&
    current.secondLanguage === projector.secondLanguage &&
    current.theme === projector.theme
  )
    return live;
  return { ...live, session: { ...live.session, projector } };
}
