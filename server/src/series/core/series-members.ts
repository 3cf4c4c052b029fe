// The series' rapporteurs (SER28–SER30): a personal link each, its token shown once and stored as
// a hash; a removed member's token is refused from the next request on.
import type { SeriesMemberView } from '@open-talks/shared/series';
import { hashToken, newId, newToken } from '../../auth/tokens.js';
import { AppError } from '../../errors.js';
import type { SeriesMemberRecord, SeriesRecord, Store } from '../../store/index.js';
import type { SeriesPrincipal } from '../auth.js';

export function memberView(member: SeriesMemberRecord): SeriesMemberView {
  return { id: member.id, role: member.role, displayName: member.displayName, createdAt: member.createdAt };
}

export async function activeMembers(store: Store, seriesId: string): Promise<SeriesMemberView[]> {
  return (await store.series.members(seriesId)).filter((m) => m.removedAt === null).map(memberView);
}

export async function addRapporteur(store: Store, series: SeriesRecord, displayName: string | undefined, now: number): Promise<{ member: SeriesMemberView; token: string }> {
  const member: SeriesMemberRecord = { id: newId(), seriesId: series.id, role: 'rapporteur', displayName: displayName ?? null, createdAt: now, removedAt: null };
  const token = newToken('series');
  await store.series.insertMember(member, hashToken(token));
  return { member: memberView(member), token };
}

export async function removeMember(store: Store, principal: SeriesPrincipal, memberId: string, now: number): Promise<void> {
  if (memberId === principal.member.id) throw new AppError('conflict', 'The organiser cannot remove themself from the series', { reason: 'cannotRemoveSelf' });
  const member = await store.series.memberById(principal.series.id, memberId);
  if (!member || member.removedAt !== null) throw new AppError('not_found', 'No such member in this series');
  await store.series.removeMember(principal.series.id, memberId, now);
}
