import { notepadAccess, type Role } from '@open-talks/shared';

/** The café facts do not matter for the harvest (NOTE4): only the role does. */
const NO_CAFE = { tables: [], roundCount: 0, currentRound: 0, plan: null, observerNotes: false } as const;

/** Whether this person writes in the harvest (NOTE4), by the same rule the server applies. */
export function canWriteHarvest(sessionId: string, me: { id: string; role: Role } | undefined): boolean {
  if (!me) return false;
  const viewer = { sessionId, participant: { id: me.id, role: me.role, removed: false } };
  return notepadAccess(viewer, { kind: 'harvest', sessionId }, NO_CAFE).access === 'write';
}
