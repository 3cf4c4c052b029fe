import type { ParticipantView, SessionState } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { getCredential } from '../state/credentials';
import { selectMe, useLive } from '../state/live-store';
import { useLiveSession } from './useLiveSession';

export type Member = { kind: 'out'; removed: boolean } | { kind: 'loading' } | { kind: 'ready'; live: SessionState; me: ParticipantView; token: string };

/**
 * A member's page of a session (the rapporteur desk, the harvest): connected with this browser's
 * token, and told apart from a browser without one, one that was refused, and one still loading.
 */
export function useMember(sessionId: string): Member {
  const hasToken = useLiveSession(sessionId, 'participant');
  const live = useLive((s) => s.live);
  const refusal = useLive((s) => s.refusal);
  const me = useLive(selectMe);
  const token = getCredential(sessionId)?.token;
  if (!hasToken || !token || refusal) return { kind: 'out', removed: refusal === 'removed' };
  if (!live || !me) return { kind: 'loading' };
  return { kind: 'ready', live, me, token };
}

/** What such a page shows until the member is ready. */
export function MemberStatus({ member }: { member: Exclude<Member, { kind: 'ready' }> }) {
  const { t } = useTranslation();
  if (member.kind === 'loading') return <p role="status">{t('app.loading')}</p>;
  return (
    <div className="narrow">
      <h1>{member.removed ? t('session.removed') : t('session.notMember')}</h1>
      <Link href="/join">{t('session.joinWithCode')}</Link>
    </div>
  );
}
